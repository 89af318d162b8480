"""Figures implausible for their event and subject are left out and kept as rejected."""

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
