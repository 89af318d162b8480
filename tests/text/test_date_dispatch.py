"""Which date patterns are tried where (rasd.text.date_dispatch)."""

import re

from rasd.text.date_dispatch import Dispatch, inside


def test_inside_sorted_spans():
    spans = [(0, 5), (10, 20)]
    assert inside(spans, 0) and inside(spans, 19)
    assert not inside(spans, 5) and not inside(spans, 25) and not inside([], 3)


def test_patterns_are_tried_at_the_words_that_open_them():
    def handler(*_args):
        return None

    patterns = [(0, re.compile("يوم"), handler), (1, re.compile(r"\d"), handler),
                (2, re.compile("منذ"), handler)]
    openers = [(["يوم", "اليوم"], False), ([], True), (["منذ"], False)]
    table = Dispatch(patterns, lambda: openers, ["", "و", "ل"], "ال")
    assert [p[0] for p in table["ويوم"]] == [0]        # after a clitic
    assert [p[0] for p in table["لليوم"]] == [0]       # "اليوم" after lam: "لليوم"
    assert [p[0] for p in table.digit()] == [1]
    assert table["أمس"] == ()
