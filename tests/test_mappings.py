"""ACLED / PLOVER coding of claims: the table, its precedence rules, and its documentation."""

import re
from pathlib import Path

import pytest

from rasd.lang.ar import load_yaml
from rasd.mappings import EventCoding, all_codings, categories, code_claim, munition_class
from rasd.model import EVENT_TYPES

DOC = Path(__file__).resolve().parents[1] / "docs" / "mappings.md"
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
ERV = "Explosions/Remote violence"


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_type_and_category_maps(event_type):
    for cat in (*categories(), None, "no-such-category"):
        coding = code_claim(event_type, cat)
        assert isinstance(coding, EventCoding)
        assert coding.fatalities is (event_type == "killed")
        assert coding.acled_sub_event_type is None or coding.acled_event_type is not None
        assert coding.plover_mode is None or coding.plover_event is not None


def test_categories_are_the_documented_ones():
    assert set(categories()) == {"civilians", "children", "women", "fighters", "soldiers",
                                 "police", "migrants", "prisoners", "unknown"}


def test_unknown_type_raises():
    with pytest.raises(ValueError, match="bombed"):
        code_claim("bombed", "civilians")


def test_killed_by_victims():
    for cat in ("civilians", "children", "women", "migrants", "prisoners"):
        c = code_claim("killed", cat, "قُتل")
        assert (c.acled_event_type, c.acled_sub_event_type) == \
            ("Violence against civilians", "Attack")
        assert c.fatalities and c.plover_event == "ASSAULT"
    for cat in ("fighters", "soldiers", "police"):
        c = code_claim("killed", cat, "مقتل")
        assert (c.acled_event_type, c.acled_sub_event_type) == ("Battles", "Armed clash")
        assert c.fatalities
    unknown = code_claim("killed", None)
    assert unknown.acled_event_type is None and unknown.fatalities
    assert unknown.plover_event == "ASSAULT"
    assert code_claim("killed", "unknown") == unknown
    assert code_claim("killed", "journalists") == code_claim("killed", "civilians")  # alias


def test_injured_follows_killed_without_fatalities():
    for cat in (*categories(), None):
        k, i = code_claim("killed", cat), code_claim("injured", cat)
        assert (k.acled_event_type, k.acled_sub_event_type, k.plover_event, k.plover_mode) == \
            (i.acled_event_type, i.acled_sub_event_type, i.plover_event, i.plover_mode)
        assert not i.fatalities


def test_strikes_by_munition():
    air = code_claim("strikes", None, "غارات")
    assert (air.acled_event_type, air.acled_sub_event_type) == (ERV, AIR)
    assert not air.fatalities and air.plover_event == "ASSAULT"
    for word in ("طلعة", "الطيران", "بغارة", "طائرة مسيّرة", "براميل"):
        assert code_claim("strikes", None, word).acled_sub_event_type == AIR, word
    for word in ("قذائف", "صاروخاً", "بالصواريخ", "قذيفتين", "قذائف الهاون"):
        assert code_claim("strikes", None, word).acled_sub_event_type == SHELLING, word
    assert code_claim("strikes", None, "غارة بصواريخ").acled_sub_event_type == AIR  # precedence
    generic = code_claim("strikes", "civilians", "ضربات")
    assert (generic.acled_event_type, generic.acled_sub_event_type) == (ERV, None)
    assert code_claim("strikes") == generic


def test_munition_overrides_category_for_casualties():
    c = code_claim("killed", "civilians", "بعبوة ناسفة")
    assert (c.acled_event_type, c.acled_sub_event_type) == (ERV, "Remote explosive/landmine/IED")
    assert c.fatalities
    assert code_claim("injured", "soldiers", "حزام ناسف").acled_sub_event_type == "Suicide bomb"
    # types without munitions ignore the trigger's class
    assert code_claim("arrested", None, "غارة") == code_claim("arrested")


def test_other_types():
    arrested = code_claim("arrested", "fighters", "اعتقال")
    assert (arrested.acled_event_type, arrested.acled_sub_event_type) == \
        ("Strategic developments", "Arrests")
    assert (arrested.plover_event, arrested.plover_mode) == ("COERCE", "arrest")
    abducted = code_claim("abducted", "civilians")
    assert (abducted.acled_event_type, abducted.acled_sub_event_type) == \
        ("Violence against civilians", "Abduction/forced disappearance")
    assert (abducted.plover_event, abducted.plover_mode) == ("ASSAULT", "abduct")
    assert code_claim("displaced", "civilians").acled_sub_event_type == "Other"
    deployed = code_claim("deployed", "fighters")
    assert deployed.acled_sub_event_type == "Change to group/activity"
    assert (deployed.plover_event, deployed.plover_mode) == ("MOBILIZE", "troops")
    assert code_claim("deployed", "police").plover_mode == "police"
    assert code_claim("recruited", "children").acled_sub_event_type == "Change to group/activity"
    assert code_claim("released", "prisoners").acled_sub_event_type == "Agreement"
    assert code_claim("released", None).plover_mode == "release"
    assert code_claim("returned", "migrants").plover_mode == "deport"
    missing = code_claim("missing", "civilians")
    assert missing == EventCoding(None, None, False, None, None)


def test_munition_words_match_their_class():
    """Every word and phrase of munitions.yaml is found as its own class."""
    data = load_yaml("munitions.yaml")
    for cls, spec in data.items():
        for entry in (*(spec.get("words") or ()), *(spec.get("phrases") or ())):
            assert munition_class(entry) == cls, entry
    assert munition_class("") is None
    assert munition_class("ضربات") is None


def _doc_tables() -> dict[str, list[list[str]]]:
    """Rows of the per-type tables of docs/mappings.md, keyed by type."""
    tables: dict[str, list[list[str]]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^### `(\w+)`", line)
        if m:
            current = m.group(1)
            tables[current] = []
        elif current and line.startswith("|") and not line.startswith("|---") \
                and "ACLED event type" not in line:
            tables[current].append([cell.strip() for cell in line.strip("|").split("|")])
        elif current and line.startswith("#"):
            current = None
    return tables


def test_doc_agrees_with_yaml():
    tables = _doc_tables()
    assert set(tables) == set(EVENT_TYPES)
    documented: dict[tuple[str, str | None, str | None], EventCoding] = {}
    for event_type, rows in tables.items():
        for key, event, sub, fatal, p_event, p_mode in rows:
            coding = EventCoding(*(None if v == "—" else v for v in (event, sub)),
                                 fatal == "yes",
                                 *(None if v == "—" else v for v in (p_event, p_mode)))
            if key.startswith("trigger:"):
                documented[(event_type, None, key.split(":", 1)[1].strip())] = coding
            else:
                for cat in key.split(","):
                    cat = cat.strip()
                    documented[(event_type, None if cat == "none" else cat, None)] = coding
    table = {(t, cat, mun): coding for t, cat, mun, coding in all_codings()}
    assert documented == table



def test_a_malformed_munitions_file_names_the_file_and_the_entry(broken_data) -> None:
    from rasd import mappings
    from rasd.errors import DataError

    broken_data(mappings, "munitions.yaml", lambda d: d.update({"laser": {"words": ["ليزر"]}}),
                mappings._munition_words)
    with pytest.raises(DataError, match=r"^munitions\.yaml: laser: unknown key"):
        mappings._munition_words()
