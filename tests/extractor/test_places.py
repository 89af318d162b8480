"""Place mentions of a document (rasd.extractor.places)."""

import pytest

import rasd
from rasd.extractor.places import find_places
from rasd.model import Document
from rasd.pipeline import prepare


def _places(text: str) -> list[str]:
    """Normalized texts of the place mentions of ``text``."""
    return [p.text for p in find_places(prepare(Document(id="t", text=text))).places]


def test_plural_place_noun_takes_the_conjoined_unknown_name():
    assert "قري مشرعه وحدنان" in _places("اندلعت مواجهات في قرى مشرعة وحدنان بجبل صبر.")


def test_singular_place_noun_does_not_take_a_conjoined_word():
    texts = _places("اندلعت مواجهات في مدينة تعز ومحيطها.")
    assert "مدينه تعز" in texts and not any("ومحيطها" in t for t in texts)


def test_a_demonstrative_makes_a_common_noun():
    assert not any("القريتين" in t for t in _places("تم إجلاء السكان من تلك القريتين."))
    assert any("القريتين" in t for t in _places("سيطر التنظيم على مدينة القريتين."))


def test_an_unknown_name_does_not_run_across_a_line_break():
    assert not any("\n" in t for t in _places("قصف على مدينة\nيعقوب قتلى"))


def test_a_basin_names_its_place():
    assert "حوض الاشراف" in _places("وكان كمين آخر في حوض الاشراف أوقع 3 قتلى.")


def test_front_axis_names_its_place_and_a_direction_is_no_name():
    assert "محور البيضاء" in _places("قتل 5 من المسلحين في محور البيضاء.")
    assert _places("قتل 5 من المسلحين في محور الشرقي.") == []


@pytest.mark.parametrize("text", [
    "وقتل الجيش 25 مسلحا في منطقة ينشط فيها تنظيم داعش.",
    "ونزح السكان من مناطق تسيطر عليها القوات.",
    "وشهدت المدينة زيادة عدد عمليات القتل.",
    "واعتقل 7 أشخاص في المنطقة المتعددة الأعراق.",
    "وشنت الطائرات غارات على جبهة حزب العمال.",
    "ونزح 500 شخص إلى مخيم للطوارئ قرب الطريق.",
    "وقصفت الطائرات قاعدة للانطلاق.",
    "وأصيب أربعة من حراس المهرجان الذي يقام في منطقة تحمل الاسم نفسه.",
    "واعتقل 9 أشخاص في قرية تقع جنوبي المدينة.",
    "وقتل 18 شخصا في قصف على حي شعبي.",  # a working-class district, no name
])
def test_no_unknown_name_after_a_definite_noun_or_before_a_clause_about_it(text):
    """A definite place noun names nothing after it; "منطقة ينشط فيها": a clause, not a name."""
    unknown = [p.text for p in find_places(prepare(Document(id="t", text=text))).places
               if p.name is None]
    assert unknown == []


@pytest.mark.parametrize("text, place", [
    ("قتل 5 أشخاص في قصف على غرب وشمال حلب.", "غرب وشمال حلب"),
    ("قتل 5 أشخاص في شمال وشرق سوريا.", "شمال وشرق سوريا"),
    ("قتل 5 أشخاص في شمال شرق حلب.", "شمال شرق حلب"),
])
def test_compound_directions_name_one_place(text, place):
    from rasd.text.normalize import normalize_string
    assert normalize_string(place) in _places(text)



def test_a_malformed_locatives_file_names_the_file_and_the_entry(broken_data) -> None:
    from rasd.errors import DataError
    from rasd.extractor import places

    broken_data(places, "locatives.yaml",
                lambda d: d["unknown_name_descriptors"].update({"town": "بلدة"}), places._unknown_names)
    with pytest.raises(DataError,
                       match=r"^locatives\.yaml: unknown_name_descriptors\.town: a list of strings"):
        places._unknown_names()


def test_a_place_noun_and_an_agreeing_nationality_adjective_name_a_territory():
    doc = find_places(prepare(Document(id="t", text="وقتل 12 مسلحا داخل الأراضي السورية.")))
    (territory,) = doc.places
    assert (territory.text, territory.country, territory.kind) == ("الاراضي السوريه", "SY",
                                                                  "country")
    # an indefinite noun and a definite word do not agree: a name ("منطقة السودانية" in Gaza),
    # not an adjective naming Sudan's territory
    doc = find_places(prepare(Document(id="t", text="وأغارت الطائرات على منطقة السودانية.")))
    assert [(p.text, p.country) for p in doc.places] == [("منطقه السودانيه", None)]


def test_a_direction_of_the_country_word_is_a_region_of_the_last_country_named():
    doc = find_places(prepare(Document(id="t", text="وقتل 5 في تركيا. ووقعت اشتباكات في جنوب "
                                                      "شرق البلاد.")))
    region = doc.places[-1]
    assert (region.text, region.country) == ("جنوب شرق البلاد", "TR")
    assert _places("ووقعت اشتباكات في جنوب شرق البلاد.") == []  # no country named before


def test_the_capital_of_a_country_named_by_its_adjective_is_the_capital_city():
    def places(text: str) -> list[tuple[str | None, str, str | None]]:
        doc = find_places(prepare(Document(id="t", text=text)))
        return [(p.name, p.kind, p.country) for p in doc.places]
    assert places("وأصيب ثلاثة مصريين بالعاصمة السعودية.") == [("Riyadh", "city", "SA")]
    assert places("وقتل 5 أشخاص في السعودية.") == [("Saudi Arabia", "country", "SA")]


def test_a_part_of_a_continent_is_no_country():
    """"أمريكا اللاتينية" is Latin America, not "أمريكا" (the United States)."""
    doc = find_places(prepare(Document(id="t", text="قتل 5 أشخاص في أمريكا الوسطى.")))
    assert [(p.text, p.country) for p in doc.places] == [("امريكا الوسطي", None)]


@pytest.mark.parametrize("text, place", [
    ("قتل 5 أشخاص في منطقة برزة.", "منطقة برزة"),       # a name beginning like "ب"
    ("قتل 5 أشخاص في قرية كبيسة.", "قرية كبيسة"),
    ("وقتل 5 أشخاص إثر استهداف مدينة بغاز الكلور.", None),  # "with gas": no place noun before it
    ("وقتل 5 أشخاص في قرية بمحافظة إدلب.", "محافظة إدلب"),
])
def test_an_unknown_name_after_a_located_place_noun(text, place):
    claims = rasd.extract(text, published="2018-05-01", outlet="Test")
    assert [c.location.text if c.location else None for c in claims] == [place]
