"""Where an article's dateline ends (rasd.extractor.datelines)."""

from rasd.extractor.datelines import dateline_end
from rasd.extractor.places import find_places
from rasd.ingest.records import make_document
from rasd.model import Document
from rasd.pipeline import prepare


def _doc(text: str, title: str) -> Document:
    return find_places(prepare(make_document(text, id="t", title=title)))


def test_a_dateline_of_place_names_ends_at_its_bracket_or_dash():
    doc = _doc("بيروت (رويترز) - قتل 5 أشخاص في حلب أمس.", title="مقتل 5 في حلب")
    assert doc.norm[dateline_end(doc)] == "("


def test_no_dateline_when_the_opening_words_are_not_places():
    doc = _doc("قال المرصد - في بيان - إن 5 أشخاص قتلوا في حلب.", title="مقتل 5 في حلب")
    assert dateline_end(doc) == 0
