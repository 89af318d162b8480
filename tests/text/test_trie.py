"""Tests for rasd.text.trie: a word list as one regex."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.trie import trie_pattern


def _full(words: list[str], text: str, space: str = r"\s+") -> bool:
    return re.fullmatch(trie_pattern(words, space), text) is not None


def test_matches_each_word_and_nothing_else():
    words = ["ثلاث", "ثلاثة", "ثلاثون", "اربع"]
    for w in words:
        assert _full(words, w)
    for other in ["ثلا", "ثلاثي", "اربعة", ""]:
        assert not _full(words, other)


def test_prefers_the_longest_word():
    rx = re.compile(trie_pattern(["ab", "abc", "abcd"]))
    assert rx.match("abcde").group() == "abcd"
    assert rx.match("abcx").group() == "abc"


def test_a_space_matches_a_run_of_whitespace_or_what_it_is_told():
    assert _full(["مئة الف"], "مئة  \n الف")
    assert not _full(["مئة الف"], "مئةالف")
    assert _full(["a b"], 'a" b', space=r'[\s"]+')
    assert not _full(["a b"], 'a" b')


def test_special_characters_are_literal():
    assert _full(["a.b", "(c)"], "a.b")
    assert not _full(["a.b"], "axb")
    assert _full(["a.b", "(c)"], "(c)")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc ", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet="abc  ", max_size=7))
def test_same_matches_as_the_longest_first_alternation(words, text):
    words = [w for w in words if w.strip() == w and "  " not in w]
    if not words:
        return
    naive = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                     for w in sorted(set(words), key=len, reverse=True))
    got = re.match(trie_pattern(words), text)
    want = re.match(f"(?:{naive})", text)
    assert (got and got.group()) == (want and want.group())
