"""The typed reader of the data files: each accessor checks its entry and names file and entry."""

from __future__ import annotations

from importlib import resources

import pytest

from rasd.errors import DataError
from rasd.lang.ar import Section, load_data, normalized, normalized_words

DATA = Section.of({
    "words": ["أحمد", "  إلى   أين ", "احمد", "", "ـ"],
    "word": "إلى",
    "count": 3,
    "flag": True,
    "kinds": {"tens": ["عشرات"], "hundreds": ["مئات"]},
    "numbered": {1: ["واحد"], 2: ["اثنان"]},
    "people": [{"id": "a"}, {"id": 2}],
    "kind": "city",
    "types": ["killed", "kiled"],
    "empty": None,
}, "test.yaml")


def test_normalized_folds_letters_and_collapses_spaces() -> None:
    assert normalized("  إلى   أين ") == "الي اين"
    assert normalized(12) == "12"


def test_normalized_words_keeps_order_and_drops_repeats_and_empties() -> None:
    assert normalized_words(["أحمد", "احمد", "", "ـ", "إلى"]) == ["احمد", "الي"]


def test_words_text_integer_flag_read_their_entries() -> None:
    assert DATA.words("words") == ["احمد", "الي اين"]
    assert DATA.text("word") == "إلى" and DATA.word("word") == "الي"
    assert DATA.integer("count") == 3 and DATA.flag("flag") is True
    assert DATA.section("kinds").keys_of(("tens", "hundreds")) == ["tens", "hundreds"]
    assert DATA.section("numbered").integer_keys() == [1, 2]
    assert DATA.choice("kind", ("city", "region")) == "city"


def test_defaults_stand_for_absent_and_empty_entries() -> None:
    assert DATA.words("absent", []) == [] and DATA.words("empty", []) == []
    assert DATA.integer("absent", 7) == 7 and DATA.text("empty", "x") == "x"
    assert DATA.section("absent", {}).keys() == []


@pytest.mark.parametrize(("read", "message"), [
    (lambda: DATA.words("absent"), "test.yaml: absent: missing"),
    (lambda: DATA.words("empty"), "test.yaml: empty: missing"),
    (lambda: DATA.words("word"), "test.yaml: word: a list of strings expected, not a string"),
    (lambda: DATA.text("words"), "test.yaml: words: a string expected, not a list"),
    (lambda: DATA.integer("word"), "test.yaml: word: an integer expected, not a string"),
    (lambda: DATA.integer("flag"), "test.yaml: flag: an integer expected, not a boolean"),
    (lambda: DATA.flag("count"), "test.yaml: count: true or false expected, not an integer"),
    (lambda: DATA.section("words"), "test.yaml: words: a mapping expected, not a list"),
    (lambda: DATA.choice("kind", ("town",)), "test.yaml: kind: 'city' is not one of town"),
    (lambda: DATA.choices("types", ("killed",)), "test.yaml: types[1]: 'kiled' is not one of"),
    (lambda: DATA.section("kinds").keys_of(("tens",)), "test.yaml: kinds.hundreds: unknown key"),
    (lambda: DATA.section("kinds").integer_keys(), "test.yaml: kinds.tens: a number expected"),
    (lambda: [p.text("id") for p in DATA.sections("people")],
     "test.yaml: people[1].id: a string expected, not an integer"),
    (lambda: Section.of(["a"], "list.yaml"), "list.yaml: the file: a mapping expected"),
])
def test_a_wrong_entry_names_the_file_and_the_entry(read, message: str) -> None:
    with pytest.raises(DataError) as err:
        read()
    assert str(err.value).startswith(message), str(err.value)


def test_every_shipped_yaml_file_is_a_mapping() -> None:
    names = [p.name for p in resources.files("rasd.lang.ar").joinpath("data").iterdir()
             if p.name.endswith(".yaml")]
    assert len(names) > 20
    for name in names:
        assert load_data(name).keys(), name


def test_a_malformed_persons_file_names_the_file_and_the_entry(broken_data) -> None:
    import rasd.lang.ar as ar

    broken_data(ar, "persons.yaml", lambda d: d["feminine"].update({"suffix": ["ة"]}),
                ar.singular_persons)
    with pytest.raises(DataError, match=r"^persons\.yaml: feminine\.suffix: a string expected"):
        ar.singular_persons()


def test_every_loader_reads_its_shipped_file() -> None:
    from rasd import mappings
    from rasd.extractor import (
        lexicon,
        named,
        nationality,
        not_claims,
        places,
        placing,
        plausibility,
        quantity_lexicon,
        sources,
        subjects,
    )
    from rasd.geo import Gazetteer, countries, resolve
    from rasd.ingest import text
    from rasd.lang.ar import singular_persons
    from rasd.text import dates, number_lexicon, tokens

    loaders = [singular_persons, tokens._clitics, number_lexicon.lexicon, dates._grammar,
               lexicon.triggers, lexicon.persons, lexicon.context, lexicon.attribution,
               quantity_lexicon.quantity_lexicon, nationality.tables, subjects._tables, sources._titles_lexicon,
               places._unknown_names, not_claims.lexicon, named._lexicon, plausibility._not_for,
               plausibility._limits, text._furniture, mappings._munition_words,
               resolve.nationalities, resolve.outlet_countries, countries.countries]
    for load in loaders:
        load.cache_clear()
        assert load(), load.__qualname__
    sources._lexicon.cache_clear()
    assert sources._lexicon(None).aliases.keys
    assert placing._words("seat")
    assert len(Gazetteer.from_package()) > 10_000
