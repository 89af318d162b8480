"""The compiled lexicons (rasd.extractor.lexicon): phrase matching on token stems, and the
typed entries the data files load into."""

import pytest

from rasd.extractor import lexicon
from rasd.extractor.lexicon import PhraseSet, TriggerEntry, has_stem, triggers
from rasd.text.normalize import normalize_string
from rasd.text.tokens import tokenize


def _toks(text):
    return tokenize(normalize_string(text))


@pytest.fixture
def table():
    return PhraseSet.build([("وزارة الصحة", "moh"), ("وزارة", "ministry"),
                            ("وزارة الصحة العامة", "public-moh"), ("المرصد", "sohr"),
                            ("المرصد", "later duplicate"), ("", "empty")])


def test_build_keys_single_words_and_phrases_by_first_word(table):
    assert table.keys == {normalize_string("وزارة"), normalize_string("المرصد")}
    assert table.words[normalize_string("المرصد")] == "sohr"  # the first of two duplicates
    lengths = [len(parts) for parts, _ in table.phrases[normalize_string("وزارة")]]
    assert lengths == sorted(lengths, reverse=True)  # longest phrase tried first


def test_match_at_takes_the_longest_entry_within_the_end(table):
    toks = _toks("قالت وزارة الصحة العامة إن")
    assert table.match_at(toks, 1) == (3, "public-moh")
    assert table.match_at(toks, 1, end=3) == (2, "moh")
    assert table.match_at(toks, 1, end=2) == (1, "ministry")
    assert table.match_at(toks, 0) is None


def test_entries_match_on_clitic_free_stems(table):
    toks = _toks("وبحسب المرصد ولوزارة الصحة")
    assert table.match_at(toks, 1) == (1, "sohr")
    assert table.match_at(toks, 2) == (2, "moh")  # "ولوزارة": و + ل + وزارة


def test_scan_finds_entries_left_to_right_without_overlap(table):
    toks = _toks("المرصد ووزارة الصحة العامة والمرصد")
    assert table.scan(toks) == [(0, 1, "sohr"), (1, 4, "public-moh"), (4, 5, "sohr")]
    assert table.found_in(toks) and not table.found_in(_toks("قال مسؤول"))
    assert table.contains(toks[0]) and not table.contains(_toks("الصحة")[0])


def test_trigger_entries_are_typed_with_named_fields():
    entries = triggers().entries
    (n, killed), = [entries.match_at(_toks("قتلوا"), 0)]
    assert (n, killed) == (1, TriggerEntry("killed", "verb"))
    n, mixed = entries.match_at(_toks("مقتل وإصابة 5"), 0)
    assert n == 2 and mixed.mixed  # the mixed phrase wins over "مقتل" alone
    n, noun = entries.match_at(_toks("جرحى"), 0)
    assert (noun.type, noun.role) == ("injured", "noun")


def test_masdars_map_single_verbal_nouns_to_their_type():
    masdars = triggers().masdars
    assert masdars[normalize_string("اعتقال")] == "arrested"
    assert all(" " not in word for word in masdars)


def test_persons_possessed_forms_follow_the_endings():
    out = lexicon._possessed(["قادة", "مقاتلين"], ["ها", "ه"], {"ة": "ت", "ين": "ي"})
    assert out == {"قادتها", "قادته", "مقاتليها", "مقاتليه"}
    assert lexicon._possessed(["في"], ["ه"], {"ي": ""}) == {"فيه"}  # too short to cut


def test_has_stem_reads_every_stem_of_a_token():
    tok = _toks("والقتلى")[0]
    assert has_stem(tok, frozenset({normalize_string("قتلى")}))
    assert not has_stem(tok, frozenset({normalize_string("جرحى")}))


# --- the lexicon files are checked as they are read --------------------------------------------

from rasd.errors import DataError  # noqa: E402


@pytest.mark.parametrize(("name", "edit", "loader", "message"), [
    ("triggers.yaml", lambda d: d["killed"].update({"verb": "قتل"}), "triggers",
     r"triggers\.yaml: killed\.verb: a list of strings expected, not a string"),
    ("triggers.yaml", lambda d: d.update({"kiled": {"verb": ["قتل"]}}), "triggers",
     r"triggers\.yaml: kiled: unknown key"),
    ("trigger_forms.yaml", lambda d: d["killed"].update({"adverb": ["قتلا"]}), "triggers",
     r"trigger_forms\.yaml: killed\.adverb: unknown key"),
    ("persons.yaml", lambda d: d["running_ordinals"].update({"ثالث": "3"}), "persons",
     r"persons\.yaml: running_ordinals\.ثالث: an integer expected"),
    ("context.yaml", lambda d: d["purpose_types"].append("killing"), "context",
     r"context\.yaml: purpose_types\[5\]: 'killing' is not one of"),
    ("attribution.yaml", lambda d: d.pop("max_speaker_words"), "attribution",
     r"attribution\.yaml: max_speaker_words: missing"),
    ("attribution.yaml", lambda d: d.update({"government_heads": "الحكومة"}), "state_heads",
     r"attribution\.yaml: government_heads: a list of strings expected"),
    ("attribution.yaml", lambda d: d.update({"media_heads": {"x": 1}}), "actor_heads",
     r"attribution\.yaml: media_heads: a list of strings expected, not a mapping"),
])
def test_a_malformed_lexicon_file_names_the_file_and_the_entry(broken_data, name, edit, loader,
                                                               message) -> None:
    load = getattr(lexicon, loader)
    broken_data(lexicon, name, edit, load)
    with pytest.raises(DataError, match="^" + message):
        load()
