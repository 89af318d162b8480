"""Scoring reconciliation against gold claim pairs, as ``shared/eval/RECONCILE.md`` says.

The system's answer is read through the group export (``rasd export --format groups``, one JSON
object per group with its member ``claims``), so what is scored here is what users get. Each gold
claim is matched to a predicted claim of the same document with the same type (a ``mixed`` gold
also takes killed or injured) and count, preferring one whose evidence overlaps the gold
evidence, then document order. A pair whose two claims are not both matched is *unresolved*.
On resolved pairs:

- *grouped*: both claims in one group; grouping P = grouped & gold ``same`` / grouped,
  R = grouped & gold ``same`` / gold ``same``;
- *contradicted*: grouped, the group flagged ``disagree``, and the two figures' hedge intervals
  do not overlap; dispute P = contradicted & gold ``dispute`` / contradicted, R = contradicted &
  gold ``dispute`` / gold ``dispute``;
- ``subset`` pairs must never be contradicted (and should not be grouped).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.errors import EvalError
from rasd.evaluate import json_lines
from rasd.model import Count
from rasd.reconcile import hedged

RELATIONS = ("same", "subset", "different", "invalid")
_SENTENCE_END = re.compile(r"[.!?\u061f\n]")
SENTENCE_MAX = 300  #: characters of context printed around a wrong pair's evidence


@dataclass(frozen=True, slots=True)
class Predicted:
    """A predicted claim as the group export gives it, with its group."""

    group: str
    disagree: bool
    type: str
    count: Count
    start: int
    end: int


@dataclass
class PairReport:
    """Every figure of a pair evaluation, plus the wrong pairs to learn from."""

    pairs: int = 0
    invalid: int = 0
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    gold_same: int = 0
    grouped: int = 0
    grouped_same: int = 0
    gold_dispute: int = 0
    contradicted: int = 0
    contradicted_dispute: int = 0
    subsets: int = 0
    subsets_grouped: int = 0
    subsets_contradicted: int = 0
    wrong: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        resolved = self.pairs - self.invalid - len(self.unresolved)
        return {
            "pairs": self.pairs, "invalid": self.invalid, "unresolved": len(self.unresolved),
            "resolved": resolved, "gold_same": self.gold_same, "grouped": self.grouped,
            "grouping_precision": ratio(self.grouped_same, self.grouped),
            "grouping_recall": ratio(self.grouped_same, self.gold_same),
            "gold_dispute": self.gold_dispute, "contradicted": self.contradicted,
            "dispute_precision": ratio(self.contradicted_dispute, self.contradicted),
            "dispute_recall": ratio(self.contradicted_dispute, self.gold_dispute),
            "subsets": self.subsets, "subsets_grouped": self.subsets_grouped,
            "subsets_contradicted": self.subsets_contradicted,
        }


def read_pairs(path: str | Path) -> list[dict[str, Any]]:
    """Gold pairs of a JSONL file (``a``, ``b``, ``relation`` and, for ``same``, ``figures``)."""
    out = []
    for n, pair in json_lines(path):
        if not is_pair(pair):
            raise EvalError("not a claim pair (needs a, b and relation)", source=f"{path}:{n}")
        out.append(pair)
    return out


def is_pair(record: Any) -> bool:
    """Whether a gold record is a claim pair (RECONCILE.md) rather than an article's claims."""
    return isinstance(record, dict) and record.get("relation") in RELATIONS \
        and isinstance(record.get("a"), dict) and isinstance(record.get("b"), dict)


def predicted_by_doc(groups: Iterable[dict[str, Any]]) -> dict[str, list[Predicted]]:
    """Each document's predicted claims (from group export objects), in document order."""
    out: dict[str, list[Predicted]] = {}
    for g in groups:
        for c in g["claims"]:
            span = c["evidence"]["span"]
            out.setdefault(c["doc_id"], []).append(Predicted(
                g["id"], bool(g["disagree"]), c["type"], Count.from_json(c["count"]),
                span[0], span[1]))
    for claims in out.values():
        claims.sort(key=lambda p: (p.start, p.end, p.type))
    return out


def _gold_spans(text: str, evidence: str) -> list[tuple[int, int]]:
    spans, pos = [], text.find(evidence) if evidence else -1
    while pos >= 0:
        spans.append((pos, pos + len(evidence)))
        pos = text.find(evidence, pos + 1)
    return spans


def match_claim(gold: dict[str, Any], text: str, predicted: list[Predicted]) -> Predicted | None:
    """The predicted claim standing for a gold claim: same type (mixed: killed or injured) and
    count, preferring evidence that overlaps the gold evidence, then document order."""
    key = Count.from_json(gold["count"]).key()
    types = {"killed", "injured"} if gold.get("mixed") else {gold["type"]}
    found = [p for p in predicted if p.type in types and p.count.key() == key]
    if not found:
        return None
    spans = _gold_spans(text, gold.get("evidence") or "")
    overlapping = [p for p in found if any(p.start < e and s < p.end for s, e in spans)]
    return (overlapping or found)[0]


def _why_unmatched(gold: dict[str, Any], texts: dict[str, str],
                   predicted: dict[str, list[Predicted]]) -> str:
    """Why a gold claim has no predicted claim: the article is not in the store, no claim of
    its type was extracted, or only other counts were (listed)."""
    doc_id = gold["doc_id"]
    if doc_id not in texts:
        return "article not in the store"
    types = {"killed", "injured"} if gold.get("mixed") else {gold["type"]}
    same_type = [p for p in predicted.get(doc_id, []) if p.type in types]
    if not same_type:
        return f"no {gold['type']} claim extracted"
    counts = sorted({json.dumps(p.count.to_json(), ensure_ascii=False) for p in same_type})
    return "other counts extracted: " + ", ".join(counts[:5])


def _compatible(a: Count, b: Count) -> bool:
    (alo, ahi), (blo, bhi) = hedged(a), hedged(b)
    return max(alo, blo) <= min(ahi, bhi)


def score_pairs(pairs: Iterable[dict[str, Any]], groups: Iterable[dict[str, Any]],
                texts: dict[str, str]) -> PairReport:
    """Score gold ``pairs`` against exported ``groups``; ``texts`` maps doc id to article text
    (title + newline + body) to place the gold evidence."""
    predicted = predicted_by_doc(groups)
    report = PairReport()
    for pair in pairs:
        report.pairs += 1
        rel, figures = pair["relation"], pair.get("figures")
        if rel == "invalid":
            report.invalid += 1
            continue
        a, b = (match_claim(pair[s], texts.get(pair[s]["doc_id"], ""),
                            predicted.get(pair[s]["doc_id"], [])) for s in ("a", "b"))
        if a is None or b is None:
            missing = [s for s, m in (("a", a), ("b", b)) if m is None]
            report.unresolved.append({
                "id": pair.get("id"), "relation": rel, "missing": missing,
                "why": {s: _why_unmatched(pair[s], texts, predicted) for s in missing}})
            continue
        grouped = a.group == b.group
        contradicted = grouped and a.disagree and not _compatible(a.count, b.count)
        report.gold_same += rel == "same"
        report.grouped += grouped
        report.grouped_same += grouped and rel == "same"
        report.gold_dispute += figures == "dispute"
        report.contradicted += contradicted
        report.contradicted_dispute += contradicted and figures == "dispute"
        if rel == "subset":
            report.subsets += 1
            report.subsets_grouped += grouped
            report.subsets_contradicted += contradicted
        error = _error(rel, figures, grouped, contradicted)
        if error:
            report.wrong.append({"id": pair.get("id"), "error": error, "relation": rel,
                                 "figures": figures, "note": pair.get("note"),
                                 "a": _context(pair["a"], texts), "b": _context(pair["b"], texts)})
    return report


def _error(rel: str, figures: str | None, grouped: bool, contradicted: bool) -> str | None:
    if rel == "same" and not grouped:
        return "split"
    if rel != "same" and contradicted:
        return "false dispute (" + rel + ")"
    if rel != "same" and grouped:
        return "merged (" + rel + ")"
    if figures == "dispute" and not contradicted:
        return "dispute missed"
    if rel == "same" and figures != "dispute" and contradicted:
        return "false dispute (" + str(figures) + ")"
    return None


def _context(claim: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """A gold claim with the sentence around its evidence."""
    text, evidence = texts.get(claim["doc_id"], ""), claim.get("evidence") or ""
    pos = text.find(evidence) if evidence else -1
    sentence = evidence
    if pos >= 0:
        lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, pos)), default=0)
        hi_match = _SENTENCE_END.search(text, pos + len(evidence))
        hi = hi_match.end() if hi_match else len(text)
        sentence = text[max(lo, pos - SENTENCE_MAX):min(hi, pos + len(evidence) + SENTENCE_MAX)]
    return {"doc_id": claim["doc_id"], "type": claim["type"], "count": claim["count"],
            "source": claim.get("source"), "sentence": " ".join(sentence.split())}


def first_record(path: str | Path) -> Any:
    """The first JSON record of a file (None when unreadable), to tell pair files apart."""
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    return json.loads(line)
    except (OSError, ValueError):
        return None
    return None


def evaluate_pairs(pairs_path: str | Path, articles: str | Path | None = None,
                   db: str | None = None, *, workers: int = 1) -> PairReport:
    """Score reconciliation on gold pairs: ingest ``articles`` into a temporary store (or read
    the store ``db`` as it is), reconcile all of it, and score through the group export."""
    import tempfile

    from rasd.corpus import groups as find_groups
    from rasd.corpus import ingest
    from rasd.export import group_row
    from rasd.store import Store

    pairs = read_pairs(pairs_path)
    with tempfile.TemporaryDirectory(prefix="rasd-eval-") as tmp:
        if db is None:
            if articles is None:
                raise EvalError("give --articles (to ingest) or --db (a store to score)")
            db = str(Path(tmp) / "eval.db")
            ingest([str(articles)], db, workers=workers)
        rows = [group_row(g) for g in find_groups(db)]
        wanted = {pair[s]["doc_id"] for pair in pairs for s in ("a", "b")}
        texts: dict[str, str] = {}
        with Store.open(db, readonly=True) as store:
            for doc_id in sorted(wanted):
                doc = store.get_document(doc_id)
                if doc is not None:
                    texts[doc_id] = doc.text
    return score_pairs(pairs, rows, texts)
