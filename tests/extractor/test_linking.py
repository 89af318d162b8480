"""Linking a figure to its event word and counted noun (rasd.extractor.linking), on sentences
written for these tests."""

import pytest

from rasd.extractor import linking
from rasd.extractor.linking import Located, link_cost, token_range
from rasd.extractor.triggers import find_triggers
from rasd.ingest.records import make_document
from rasd.model import NormOffset, Trigger
from rasd.pipeline import find_numbers, prepare


def _parts(text, which=0):
    """Tokens, the first figure and event word number ``which`` (with their token ranges)."""
    doc = find_triggers(find_numbers(prepare(make_document(text, id="t"))))
    toks = doc.tokens
    figure = next(c for c in doc.counts if c.kind == "count")
    trig = doc.triggers[which] if doc.triggers else None
    c = token_range(toks, figure.start, figure.end)
    t = token_range(toks, trig.start, trig.end) if trig else None
    return toks, c, t, trig


def _trigger(role, mixed=False):
    return Trigger(NormOffset(0), NormOffset(1), "killed", role, "x", mixed)


def test_token_range_covers_straddling_tokens_and_at_least_one():
    toks, _, _, _ = _parts("قتل 12 شخصا في حلب")
    assert token_range(toks, toks[1].start, toks[1].end) == Located(1, 2)
    assert token_range(toks, toks[1].start + 1, toks[2].end - 1) == Located(1, 3)
    assert token_range(toks, toks[-1].end, toks[-1].end).hi - \
        token_range(toks, toks[-1].end, toks[-1].end).lo == 1


@pytest.mark.parametrize("c, t, role, expected", [
    (Located(3, 4), Located(3, 4), "verb", 0.0),                       # one token: "قتيلين"
    (Located(3, 4), Located(1, 2), "verb", 1.0),                       # trigger first, gap 1
    (Located(3, 4), Located(1, 2), "noun", 1.0 + linking.COSTS.noun_before),
    (Located(1, 2), Located(3, 4), "verb", 1.0 + linking.COSTS.after),
    (Located(1, 2), Located(3, 4), "masdar",
     1.0 + linking.COSTS.after + linking.COSTS.masdar_after),
])
def test_link_cost_by_gap_order_and_role(c, t, role, expected):
    assert link_cost(c, t, _trigger(role), 0, 0) == expected


def test_link_cost_adds_clause_breaks_and_figures_between():
    base = link_cost(Located(5, 6), Located(1, 2), _trigger("verb"), 0, 0)
    assert link_cost(Located(5, 6), Located(1, 2), _trigger("verb"), 2, 1) == \
        base + 2 * linking.COSTS.clause + linking.COSTS.count_between
    mixed_noun = link_cost(Located(3, 4), Located(1, 2), _trigger("noun", mixed=True), 0, 0)
    assert mixed_noun == 1.0  # "بين قتيل وجريح" follows its figure: no penalty


def test_people_victims_and_objects():
    toks, c, _, _ = _parts("قتل 12 مدنيا")
    assert linking.counts_people(toks, c) and not linking.counts_objects(toks, c)
    toks, c, _, _ = _parts("سقط 12 قتيلا")
    assert linking.is_victim_noun(toks[c.hi]) and linking.is_person(toks[c.hi])
    toks, c, _, _ = _parts("دمرت 5 سيارات")
    assert linking.counts_objects(toks, c) and not linking.counts_people(toks, c)
    toks, c, _, _ = _parts("قتل 5 من الجنود")
    assert linking.counts_people(toks, c)  # partitive "من" + a person noun
    toks, c, _, _ = _parts("قتل منهم 5")
    assert not linking.counts_people(toks, c)  # nothing after the figure
    toks, c, _, _ = _parts("أرسلت 800 من قواتها إلى النيجر")
    assert linking.counts_people(toks, c)  # a partitive of forces counts their members


def test_subject_range_ends_before_a_preposition_and_at_a_conjoined_person():
    toks, c, _, _ = _parts("قتل 12 مدنيا سوريا في حلب")
    s = linking.subject_range(toks, c, set())
    assert [t.text for t in toks[s.lo:s.hi]] == [toks[c.hi].text, toks[c.hi + 1].text]
    toks, c, _, _ = _parts("قتل 12 مدنيا ومسعف")
    s = linking.subject_range(toks, c, set())
    assert s.hi == c.hi + 1
    toks, c, _, _ = _parts("دمرت 5 سيارات")
    assert linking.subject_range(toks, c, set()) is None


def test_subject_range_ends_before_a_conjoined_figure():
    doc = find_numbers(prepare(make_document("قتل 7 من رجال الشرطة وأربعة من العمال", id="t")))
    toks = doc.tokens
    c = token_range(toks, doc.counts[0].start, doc.counts[0].end)
    starts = {token_range(toks, m.start, m.end).lo for m in doc.counts}
    s = linking.subject_range(toks, c, set(), doc.norm, starts)
    assert [t.text for t in toks[s.lo:s.hi]][-1] == toks[c.hi + 2].text  # "الشرطة"


def test_subject_range_stops_at_an_event_word_and_after_the_word_limit():
    toks, c, _, _ = _parts("قتل 12 مدنيا سوريا في حلب")
    assert linking.subject_range(toks, c, {c.hi + 1}).hi == c.hi + 1
    words = " ".join(["سوريا"] * 10)
    toks, c, _, _ = _parts(f"قتل 12 مدنيا {words}")
    s = linking.subject_range(toks, c, set())
    assert s.hi - c.hi == linking.SUBJECT_MAX_WORDS


@pytest.mark.parametrize("text, which, linked", [
    ("شن الطيران ثلاث غارات على البلدة", 1, True),  # the strike noun right after its figure
    ("شن الطيران ثلاث غارات على البلدة", 0, False),  # not the verb before it
    ("قصف الطيران 60 موقعا للمسلحين", 0, True),     # a figure of targets after a strike verb
    ("قصف الطيران البلدة وقتل 60 شخصا", 0, False),  # a figure of people is no strike count
    ("أطلقت السفن 9 منها صواريخ توماهوك", 0, True),  # a partitive between figure and noun
    ("أطلقت السفن عشرات من القذائف", 0, True),
    ("قتل 15 طفلا وامرأتان في غارة جوية", 1, False),  # "في غارة": the raid they died in
])
def test_strike_links(text, which, linked):
    toks, c, t, trig = _parts(text, which)
    assert trig.type == "strikes"
    assert linking.is_strike_link(toks, c, t, trig) is linked


def test_links_of_other_types_pass_the_strike_and_loss_checks():
    toks, c, t, trig = _parts("قتل 12 مدنيا")
    assert trig.type == "killed"
    assert linking.is_strike_link(toks, c, t, trig) and linking.is_loss_link(toks, c, t, trig)


@pytest.mark.parametrize("text, linked", [
    ("خسر الجيش 12 جنديا في المعارك", True),       # the loser between the verb and the figure
    ("فقدت الجماعة ثلاثة من قادتها", True),
    ("فقد الجيش 5 جرحى في المعارك", False),        # a victims noun after the figure decides
    ("هجوم سقط خلاله نحو 170 من المقاتلين", True),  # when or where between verb and figure
    ("وسقط في الهجوم 12 جنديا", True),
    ("وسقط في الهجوم الجنود 12", False),            # people between: no adjunct
])
def test_loss_links(text, linked):
    toks, c, t, trig = _parts(text)
    assert trig.role == "loss", trig
    assert linking.is_loss_link(toks, c, t, trig) is linked
