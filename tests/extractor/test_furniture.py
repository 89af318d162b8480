"""Lines of page furniture inside an article (rasd.extractor.furniture), end to end."""

import rasd
from rasd.extractor.furniture import furniture_lines

TEXT = ("قتل 5 أشخاص في هجوم على سوق في مدينة حلب.\n"
        "للمزيد: مقتل 80 شخصا في تفجير انتحاري في كابول\n"
        "وأصيب 12 آخرون في الهجوم نفسه.")


def test_a_link_line_is_found_in_normalized_offsets():
    doc = rasd.extract_document(TEXT, published="2018-05-01", outlet="T")
    [(start, end)] = furniture_lines(doc)
    assert doc.norm[start:end].startswith("للمزيد:")


def test_nothing_is_read_from_a_link_to_another_article():
    claims = rasd.extract(TEXT, published="2018-05-01", outlet="T")
    assert sorted((c.type, c.count.value) for c in claims) == [("injured", 12), ("killed", 5)]
    assert all(c.location is None or c.location.text != "كابول" for c in claims)


def test_an_article_without_one_has_none():
    doc = rasd.extract_document("قتل 5 أشخاص في حلب.", published="2018-05-01", outlet="T")
    assert furniture_lines(doc) == []
