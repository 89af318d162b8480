"""The offsets a set of drafts covers (rasd.extractor.drafts.Cover)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extractor import drafts

PIECES = ["قتل", "5", "12", "أشخاص", "،", ",", ".", "5.3", "؛", ":", "\n", '"', " ", "  ", "و", "(",
          "1.", ".5", "?", "x", "-"]
SETTINGS = settings(max_examples=300, derandomize=True, database=None, deadline=None)



@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=25),
       st.lists(st.integers(-1, 80), max_size=25))
def test_cover_answers_as_any(spans, probes):
    spans = [(a, a + w) for a, w in spans]
    cover = drafts.Cover(spans[:10])
    for a, b in spans[10:]:
        cover.add(a, b)
    for pos in probes:
        assert (pos in cover) == any(a <= pos < b for a, b in spans)
