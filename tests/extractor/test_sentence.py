"""The bisect index of a sentence answers as the scans it replaced (rasd.extractor.sentence)."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

import rasd
from rasd.extractor import linking, sentence
from rasd.text.normalize import normalize_string
from rasd.text.tokens import tokenize

PIECES = ["قتل", "5", "12", "أشخاص", "،", ",", ".", "5.3", "؛", ":", "\n", '"', " ", "  ", "و", "(",
          "1.", ".5", "?", "x", "-"]
SETTINGS = settings(max_examples=300, derandomize=True, database=None, deadline=None)



@SETTINGS
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), st.data())
def test_index_answers_as_the_scans(pieces, data):
    norm = normalize_string("".join(pieces))
    toks = tokenize(norm)
    if not toks:
        return
    ix = sentence.SentenceIndex(norm, toks, [], [])
    n = len(norm)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    assert ix.locate(start, end) == linking.token_range(toks, start, end)
    x = linking.Located(*sorted(data.draw(st.tuples(st.integers(0, len(toks)),
                                                    st.integers(0, len(toks))))))
    y = linking.Located(*sorted(data.draw(st.tuples(st.integers(0, len(toks)),
                                                    st.integers(0, len(toks))))))
    x, y = linking.Located(x.lo, max(x.hi, x.lo + 1)), linking.Located(y.lo, max(y.hi, y.lo + 1))
    left, right = (x, y) if x.hi <= y.lo else (y, x)
    naive = 0 if right.lo <= left.hi - 1 or right.lo >= len(toks) else len(
        sentence.CLAUSE_BREAK.findall(norm, toks[left.hi - 1].end, toks[right.lo].start))
    assert ix.breaks(x, y) == naive


@SETTINGS
@given(st.integers(0, 40), st.integers(1, 3), st.integers(0, 40), st.integers(1, 4),
       st.sampled_from(["verb", "noun", "masdar", "phrase"]), st.booleans(),
       st.integers(0, 3), st.integers(0, 3))
def test_links_beyond_the_reach_of_near_cost_more_than_the_maximum(c_lo, c_len, t_lo, t_len, role,
                                                                   mixed, breaks, between):
    # SentenceIndex.near considers only the event words within reach: any other costs too much
    c = linking.Located(c_lo, c_lo + c_len)
    t = linking.Located(t_lo, t_lo + t_len)
    trig = rasd.model.Trigger(0, 1, "killed", role, "x", mixed)
    reach = max(math.ceil(linking.COSTS.max_cost), linking.CLAUSE_SUBJECT_MAX_GAP,
                linking.VERB_BEFORE_MAX_GAP)
    if t.hi < c.lo - reach or t.lo > c.hi + reach:
        assert linking.link_cost(c, t, trig, breaks, between) > linking.COSTS.max_cost
