"""Token helpers of rasd.text.tokens."""

import pytest

from rasd.text.normalize import normalize_string
from rasd.text.tokens import is_definite, lam_article_as_article, tokenize


@pytest.mark.parametrize("word, definite", [
    ("الوكالة", True), ("والوكالة", True), ("للمرصد", True), ("بالجيش", True),
    ("وكالة", False), ("كالة", False), ("منظمة", False),
])
def test_is_definite_only_for_the_article_clitic(word, definite):
    assert is_definite(tokenize(normalize_string(word))[0]) is definite


def test_a_malformed_clitics_file_names_the_file_and_the_entry(broken_data) -> None:
    from rasd.errors import DataError
    from rasd.text import tokens

    broken_data(tokens, "clitics.yaml", lambda d: d.update({"min_stem": "two"}), tokens._clitics)
    with pytest.raises(DataError, match=r"^clitics\.yaml: min_stem: an integer expected"):
        tokens._clitics()


@pytest.mark.parametrize("word, read", [
    ("للجيش", "الجيش"), ("لله", "لله"), ("الجيش", "الجيش"), ("لجنه", "لجنه"),
])
def test_lam_and_the_article_read_as_the_article(word, read):
    assert lam_article_as_article(word) == read
