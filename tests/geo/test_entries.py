"""The gazetteer's entries read from places_extra.yaml, each checked."""

from __future__ import annotations

import pytest

from rasd.errors import DataError
from rasd.geo import entries
from rasd.geo.entries import EXTRA_NAME, extra_entries, preferences, read_tsv
from rasd.lang.ar import Section, load_yaml


def _extra(**changes: object) -> Section:
    return Section.of({**load_yaml(EXTRA_NAME), **changes}, EXTRA_NAME)


def test_extra_places_and_aliases_become_entries_after_the_known_ones() -> None:
    known = read_tsv()
    extra = extra_entries(_extra(), known, start_seq=len(known))
    assert extra and [e.seq for e in extra] == list(range(len(known), len(known) + len(extra)))
    assert all(e.norm and e.name_en for e in extra)


@pytest.mark.parametrize(("changes", "message"), [
    ({"places": [{"ar": "مكان", "en": "Place", "kind": "village"}]},
     r"places_extra\.yaml: places\[0\]\.kind: 'village' is not one of"),
    ({"places": [{"ar": "مكان", "en": "Place", "lat": "north"}]},
     r"places_extra\.yaml: places\[0\]\.lat: a number expected, not a string"),
    ({"places": [{"ar": "مكان"}]}, r"places_extra\.yaml: places\[0\]\.en: missing"),
    ({"aliases": {"XX": ["مكان"]}}, r"places_extra\.yaml: aliases\.XX: alias target is not in"),
])
def test_a_malformed_extra_place_names_the_file_and_the_entry(changes, message) -> None:
    with pytest.raises(DataError, match="^" + message):
        extra_entries(_extra(**changes), read_tsv(), start_seq=0)


def test_a_preference_is_an_id_or_a_name() -> None:
    assert preferences(_extra(preferences={"حلب": 170063, "طرابلس": "LY"})) == {
        "حلب": "170063", "طرابلس": "LY"}
    with pytest.raises(DataError, match=r"^places_extra\.yaml: preferences\.حلب: a string or an"):
        preferences(_extra(preferences={"حلب": ["LY"]}))


HEADER = "name_ar\tgeonameid\tname_en\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\n"


@pytest.mark.parametrize(("text", "message"), [
    (HEADER + "حلب\t170063\tAleppo\ttown\tSY\t09\t36.2\t37.2\t1\n",
     r"gazetteer\.tsv: line 2: kind 'town' is not one of"),
    (HEADER + "حلب\t170063\tAleppo\tcity\tSY\t09\tnorth\t37.2\t1\n", r"gazetteer\.tsv: line 2: "),
    (HEADER + "حلب\t170063\tAleppo\n", r"gazetteer\.tsv: line 2: 3 columns, not 9"),
    ("name_ar\tname_en\n", r"gazetteer\.tsv: header: no column geonameid"),
])
def test_a_malformed_gazetteer_row_names_the_file_and_the_line(file_text, text, message) -> None:
    file_text(entries, text)
    with pytest.raises(DataError, match="^" + message):
        entries.read_tsv()


def test_a_short_admin1_row_names_the_file_and_the_line(file_text) -> None:
    file_text(entries, "# a comment\ncountry\tcode\tname\taliases\nSY\t09\tAleppo\nSY\n",
              entries.admin1_table)
    with pytest.raises(DataError, match=r"^admin1\.tsv: line 4: 1 columns, not 4"):
        entries.admin1_table()
