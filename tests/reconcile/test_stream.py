"""Streaming reconciliation (rasd.reconcile.stream): what reaches across partitions (the figures
each article states, part links) and partition-by-partition results equal to the whole."""

from __future__ import annotations

import dataclasses
import gc
import random

import pytest
from reconcile_kit import ALEPPO, IDLIB, SEA, SYRIA, named, one, q, rec

from rasd.reconcile import (
    ClaimRecord,
    _reconcile,
    group_order,
    partition_of,
    reconcile,
    reconcile_stream,
)
from rasd.reconcile.stream import ArticleFigures, PartLinks, no_gc, partitions, survey


def test_part_is_linked_to_its_whole_and_never_disputes_it():
    whole = q(39, "الدفاع المدني", "organization", doc="art", seq=0)
    part = q(12, "الدفاع المدني", "organization", doc="art", seq=1, cat="children", part_of=0)
    other = q(39, "المرصد", "monitor", outlet="ب")
    groups = reconcile([whole, part, other])
    assert sorted(g.best for g in groups) == [12, 39]
    whole_g = next(g for g in groups if g.n_claims == 2)
    part_g = next(g for g in groups if g.n_claims == 1)
    assert part_g.part_of == [whole_g.id] and whole_g.parts == [part_g.id]
    assert not whole_g.disagree and (whole_g.low, whole_g.high) == (39, 39)
    assert part_g.subject == "children" and not part_g.disagree


def test_an_article_stating_both_figures_tells_how_they_relate():
    # article "a" gives 7 missiles fired and 3 towards Riyadh; article "b" only the 3
    fired = q(7, "التحالف", "military", doc="a", type="strikes")
    share = q(3, "التحالف", "military", doc="a", type="strikes", sig=((), ("airport",)))
    alone = q(3, "المالكي", "military", doc="b", type="strikes", outlet="ب")
    groups = reconcile([fired, share, alone])
    assert not any(g.disagree for g in groups)
    # without the article that states both, 7 and 3 from two parties the same hour disagree
    assert one(reconcile([fired, alone])).disagree


def test_another_source_restating_a_part_is_no_dispute():
    whole = q(25, "السلطات", "government", doc="art", seq=0)
    part = q(9, "السلطات", "government", doc="art", seq=1, cat="journalists", part_of=0)
    restated = q(9, "لجنة حماية الصحفيين", "monitor", outlet="ب")  # "9 journalists were killed"
    groups = reconcile([whole, part, restated])
    assert not any(g.disagree for g in groups)
    # without the breakdown, 25 and 9 of one town and day are a dispute
    assert one(reconcile([q(25, "السلطات", "government"),
                          q(9, "لجنة حماية الصحفيين", "monitor", outlet="ب")])).disagree


def _linked_records() -> list[ClaimRecord]:
    """Wholes and parts of one article, the part in another partition than its whole (no
    place, another type) or in the same one, among other articles' claims."""
    out = []
    for i in range(40):
        whole = rec(30 + i, doc=f"w{i:02d}", cat=None, place=(ALEPPO, IDLIB, None)[i % 3])
        part = rec(5 + i % 7, doc=f"w{i:02d}", cat="children",
                   place=(ALEPPO, None, IDLIB, SYRIA)[i % 4],
                   type=("killed", "injured")[i % 5 == 0])
        part = dataclasses.replace(part, claim=dataclasses.replace(part.claim, part_of=0),
                                   seq=1)
        out += [dataclasses.replace(whole, seq=0), part]
        out.append(rec(29 + i, doc=f"x{i:02d}", outlet="ب", place=(ALEPPO, IDLIB, None)[i % 3]))
        # one named person reported from several countries' places (compared by who, not where)
        out.append(named(("سمير", "هدى")[i % 2], place=(ALEPPO, SEA, None, SYRIA)[i % 4],
                         outlet=f"o{i % 5}"))
    return out


def test_stream_gives_the_groups_of_reconcile(bench):
    records = list(bench.synthetic(3_000)) + _linked_records()
    held = [g.to_json() for g in reconcile(records)]
    assert any(g["part_of"] for g in held) and any(g["parts"] for g in held)
    ordered = sorted(records, key=partition_of)
    streamed = sorted(reconcile_stream(lambda: ordered), key=group_order)
    assert [g.to_json() for g in streamed] == held


def test_partitions_never_group_together(bench):
    """Partition by partition is the whole at once: no rule joins two types or countries."""
    records = list(bench.synthetic(3_000)) + _linked_records()
    states, links, _ = survey(records)
    whole = [g.to_json() for g in _reconcile(records, 3, states, links)]
    parts: dict[tuple[str, str], list[ClaimRecord]] = {}
    for r in records:
        parts.setdefault(partition_of(r), []).append(r)
    by_part = [g.to_json() for batch in parts.values()
               for g in _reconcile(batch, 3, states, links)]
    assert sorted(by_part, key=lambda g: g["id"]) == sorted(whole, key=lambda g: g["id"])


def test_stream_takes_records_in_any_order_and_refuses_a_changed_source(bench):
    records = list(bench.synthetic(2_000)) + _linked_records()
    held = [g.to_json() for g in reconcile(sorted(records, key=partition_of))]
    random.Random(4).shuffle(records)
    assert [g.to_json() for g in reconcile(records)] == held
    reads = iter([records, records[:-1]])
    with pytest.raises(ValueError, match="changed between the two reads"):
        list(reconcile_stream(lambda: next(reads)))



# --- unit tests of the cross-partition facts -------------------------------------------------

def test_article_figures_states_uncontrasted_figures_by_type():
    figures = ArticleFigures()
    stated = q(12, doc="a").claim
    figures.add(stated)
    figures.add(q(30, doc="a", contrast=True).claim)
    with pytest.raises(AssertionError, match="freeze"):
        figures("a", stated)
    figures.freeze()
    assert figures("a", stated) and figures("a", q(12, doc="b").claim)  # the figure, any claim
    assert not figures("b", stated)  # another article
    assert not figures("a", q(12, doc="a", type="injured").claim)  # another type
    assert not figures("a", q(30, doc="a").claim)  # set against another figure


def test_part_links_join_a_parts_group_to_its_wholes():
    links = PartLinks()
    whole = dataclasses.replace(q(39, doc="art"), seq=0)
    part = dataclasses.replace(q(12, doc="art", cat="children", part_of=0), seq=1)
    other = dataclasses.replace(q(39, doc="x"), seq=0)
    for r in (whole, part, other):
        links.want(r.claim)
    assert links.part_figures("art", 0) == {("value", 12)}
    assert links.part_figures("art", 1) is None and links.part_figures("art", None) is None
    whole_g, part_g, other_g = (one(reconcile([r])) for r in (whole, part, other))
    assert links.note(whole, whole_g) and links.note(part, part_g)
    assert not links.note(other, other_g)  # neither a part nor a referenced whole: no wait
    assert links.finish() == sorted([whole_g, part_g], key=group_order)
    assert whole_g.parts == [part_g.id] and part_g.part_of == [whole_g.id]
    assert links.finish() == []  # emptied


def test_partitions_yield_each_as_its_last_record_is_read():
    records = [rec(5), rec(7, type="injured"), rec(9), rec(3, place=None, doc="n")]
    _, _, last = survey(records)
    assert last == {("killed", "SY"): 2, ("injured", "SY"): 1, ("killed", ""): 3}
    batches = [[r.claim.count.value for r in b] for b in partitions(records, last)]
    assert batches == [[7], [5, 9], [3]]
    with pytest.raises(ValueError, match="changed between the two reads"):
        list(partitions(records + [rec(2)], last))


def test_group_order_and_no_gc():
    groups = reconcile([rec(5, day="2023-03-06", pub="2023-03-06"), rec(7, place=IDLIB),
                        rec(4, type="injured")])
    assert [(g.date_from, g.type, g.place.name) for g in sorted(groups, key=group_order)] == \
        [("2023-03-05", "injured", "Aleppo"), ("2023-03-05", "killed", "Idlib"),
         ("2023-03-06", "killed", "Aleppo")]
    assert gc.isenabled()
    with no_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
