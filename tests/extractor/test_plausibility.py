"""Figures implausible for their event and subject are left out and kept as rejected."""

import pytest

import rasd
from rasd.ingest.records import document_from_record
from rasd.pipeline import run


def _doc(text):
    return run(document_from_record({"id": "t", "text": text, "published": "2020-10-05"}, "t"))


def test_a_figure_above_the_type_limit_is_rejected_with_its_reason():
    doc = _doc("وقال التقرير إن حوالي 12 مليون سوري باتوا في عداد المفقودين.")
    assert doc.claims == ()
    [(claim, why)] = doc.rejected
    assert claim.type == "missing" and claim.count.value == 12_000_000
    assert "missing" in why


def test_a_figure_above_the_limit_of_its_subject_is_rejected():
    doc = _doc("أعلن الجيش مقتل 5000 قيادي في التنظيم.")
    assert [c.count.value for c, _ in doc.rejected] == [5000]
    assert doc.claims == ()


def test_plausible_figures_stay():
    claims = rasd.extract("قتل أكثر من 20 مليون جندي في الحرب، بينهم 300 قائد.")
    assert sorted(c.count.value for c in claims) == [300, 20_000_000]


def test_an_event_that_cannot_befall_its_subject_is_rejected():
    doc = _doc("ووصل أكثر من مليون مهاجر إلى أوروبا عام 2015.")
    assert doc.claims == ()
    assert [why for _, why in doc.rejected] == ["deployed is no event of migrants"]
    assert [c.type for c in rasd.extract("ووصل 500 جندي إلى القاعدة.")] == ["deployed"]



def test_a_malformed_plausibility_file_names_the_file_and_the_entry(broken_data) -> None:
    import pytest

    from rasd.errors import DataError
    from rasd.extractor import plausibility

    broken_data(plausibility, "plausibility.yaml",
                lambda d: d["not_for_subjects"].update({"deployed": ["civilian"]}),
                plausibility._not_for, plausibility._limits)
    with pytest.raises(DataError,
                       match=r"^plausibility\.yaml: not_for_subjects\.deployed\[0\]: 'civilian'"):
        plausibility._not_for()
    broken_data(plausibility, "plausibility.yaml",
                lambda d: d["max_by_type"].update({"killings": 5}), plausibility._limits)
    with pytest.raises(DataError, match=r"^plausibility\.yaml: max_by_type\.killings: unknown"):
        plausibility._limits()


def test_the_wounded_leaving_hospital_are_not_displaced():
    doc = _doc("وقالت الوزارة إن 4 من جرحى الحادث غادروا إلى منازلهم.")
    assert doc.claims == ()
    [(claim, why)] = doc.rejected
    assert claim.type == "displaced" and "no event of" in why


def test_the_wounded_sent_to_hospital_are_not_deployed():
    doc = _doc("وقال إن القوات قامت بإرسال 6 من جرحى الحوثيين إلى المستشفيات.")
    assert doc.claims == ()


@pytest.mark.parametrize("text", [
    "وتقول المنظمة إن أكثر من 45 ألف شخص وصلوا إلى إيطاليا عبر البحر.",
    "وقالت الإدارة إن عدد القتلى وصل إلى 79 شخصا.",
])
def test_people_of_no_known_kind_are_not_deployed(text):
    assert [c.type for c in _doc(text).claims if c.type == "deployed"] == []


def test_troops_sent_are_deployed():
    assert [(c.type, c.count.value) for c in _doc("أرسلت الولايات المتحدة 800 جندي إلى النيجر.").claims] \
        == [("deployed", 800)]
