import json

import pytest

from rasd.model import Claim, Count, Location, Mention, Span, TimeRef


def _claim() -> Claim:
    return Claim(
        doc_id="d1", type="killed", count=Count(value=93, qualifier="about"),
        source=Mention("مصدر", Span(88, 92), "anonymous"),
        evidence=Span(110, 160),
        subject=Mention("مقاتلاً سوريّاً", Span(120, 135)),
        via=(Mention("وكالة سبوتنيك", Span(5, 18), "media"),),
        location=Location("ناغورنو كاراباخ", Span(139, 154), "Nagorno-Karabakh", "AZ", 39.8, 46.75, 2),
        time=TimeRef("أمس الأحد", Span(170, 179), "2020-10-04", "day"),
        confidence=0.9,
    )


def test_claim_json_round_trip():
    claim = _claim()
    data = json.loads(json.dumps(claim.to_json(), ensure_ascii=False))
    assert Claim.from_json(data) == claim
    assert data["count"] == {"value": 93, "qualifier": "about"}
    assert data["source"] == {"text": "مصدر", "span": [88, 92], "kind": "anonymous"}
    assert data["evidence"] == {"span": [110, 160]}
    assert "mixed" not in data


def test_mixed_flag_round_trips():
    claim = Claim(doc_id="d", type="injured", count=Count(vague="tens"),
                  source=Mention("", Span(0, 0), "outlet"), evidence=Span(0, 4), mixed=True)
    data = claim.to_json()
    assert data["mixed"] is True and data["count"] == {"vague": "tens"}
    assert Claim.from_json(data) == claim


@pytest.mark.parametrize("kwargs", [
    {}, {"value": 3, "vague": "tens"}, {"min": 5}, {"min": 9, "max": 5},
    {"value": 3, "qualifier": "roughly"}, {"vague": "dozens"},
])
def test_count_rejects_invalid_forms(kwargs):
    with pytest.raises(ValueError):
        Count(**kwargs)


def test_count_bounds_and_keys():
    assert (Count(vague="hundreds").low, Count(vague="hundreds").high) == (100, 999)
    assert Count(min=40, max=50).key() == ("range", 40, 50)
    assert Count(value=5, qualifier="at_least").key() == Count(value=5).key()


def test_claim_rejects_unknown_type():
    with pytest.raises(ValueError):
        Claim(doc_id="d", type="exploded", count=Count(value=1),
              source=Mention("", Span(0, 0), "outlet"), evidence=Span(0, 1))


def test_norm_offset_crosses_from_original_to_normalized_offsets():
    from rasd.model import Document
    from rasd.pipeline import prepare

    doc = prepare(Document(id="d", text="مقتـــل\nقُتِلَ 5", title_end=7))
    assert doc.norm == "مقتل\nقتل 5"
    assert doc.norm_title_end == 4 and doc.norm[doc.norm_title_end] == "\n"
    assert [doc.norm_offset(p) for p in (0, 3, 4, 6, 7, 8, 14, 15, 16, 99)] == \
        [0, 3, 3, 3, 4, 5, 8, 9, 10, 10]
    assert doc.span(0, doc.norm_title_end) == Span(0, 7)
    assert Document(id="d", text="abc", title_end=2).norm_title_end == 2  # not prepared
