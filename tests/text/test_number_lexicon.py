"""The compiled lexicon of numbers.yaml: its patterns and its checks."""

from __future__ import annotations

import re

import pytest

from rasd.errors import DataError
from rasd.text import number_lexicon
from rasd.text.number_lexicon import lexicon


def test_number_word_heads_match_the_same_whole_words_as_every_form() -> None:
    """The master pattern's heads (a clitic-prefix trie + an entry trie, not-numbers blocked)
    take exactly the words of ``word_forms`` and ``dual_forms``: every form, and none of the
    forms popped as not numbers, nor a form with a letter more or less."""
    lx = lexicon()
    heads = re.compile(rf"(?:{lx.heads})\Z")
    forms = set(lx.word_forms) | set(lx.dual_forms)
    assert all(heads.match(f) for f in forms)
    others = {c + w for w in lx.not_numbers for c in ("", *lx.conj)}
    others |= {f[:-1] for f in forms} | {f + f[-1] for f in forms} | {f[1:] for f in forms}
    assert not [w for w in others - forms if heads.match(w)]


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["clitics"].update({"and": ["و"]}), r"numbers\.yaml: clitics\.and: a string"),
    (lambda d: d["units"].update({"eleven": ["أحد عشر"]}), r"numbers\.yaml: units\.eleven: a number"),
    (lambda d: d["qualifiers"]["before"].update({"roughly": ["نحو"]}),
     r"numbers\.yaml: qualifiers\.before\.roughly: unknown key"),
    (lambda d: d.pop("ordinals"), r"numbers\.yaml: ordinals: missing"),
])
def test_a_malformed_numbers_file_names_the_file_and_the_entry(broken_data, edit, message) -> None:
    broken_data(number_lexicon, "numbers.yaml", edit, lexicon)
    with pytest.raises(DataError, match="^" + message):
        lexicon()
