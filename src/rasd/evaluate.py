"""Scoring predicted claims against gold, as ``shared/eval/GUIDELINES.md`` (Scoring) says.

Within each article, predicted and gold claims are matched one-to-one, greedily: gold claims in
file order, each taking the first unmatched prediction whose type is equal (a ``mixed`` gold
also accepts killed or injured) and whose count is compatible (equal values, qualifier ignored;
equal range ends; the same vague word). Among several compatible predictions, one whose source
agrees is preferred, then one whose location agrees, then file order.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasd.errors import EvalError
from rasd.lang.ar import load_yaml
from rasd.model import Claim, Count
from rasd.text.normalize import canon, normalize_string

OUTLET = "__outlet__"


@lru_cache(maxsize=1)
def _leading() -> tuple[str, ...]:
    words = load_yaml("eval.yaml")["leading_clitics"]
    return tuple(sorted((normalize_string(w) for w in words), key=len, reverse=True))


def match_form(text: str) -> str:
    """The form ``GUIDELINES.md`` compares: :func:`rasd.text.normalize.canon` without
    punctuation, plus one step: the leading clitics (ال و ب, ``eval.yaml``) stripped from the
    start of the phrase, as long as two characters remain."""
    s = canon(text, punctuation=False)
    changed = True
    while changed:
        changed = False
        for clitic in _leading():
            if s.startswith(clitic) and len(s) - len(clitic) >= 2:
                s = s[len(clitic):]
                changed = True
                break
    return s


def forms_match(predicted: str, gold_forms: Iterable[str]) -> bool:
    """Whether a predicted surface form matches any gold form (containment either way)."""
    p = match_form(predicted)
    if len(p) < 2:
        return False
    for g in gold_forms:
        c = match_form(g)
        if c and (c in p or p in c):
            return True
    return False


def source_matches(claim: Claim, gold_sources: list[str]) -> bool:
    if claim.source.kind == "outlet":
        return OUTLET in gold_sources
    return forms_match(claim.source.text, [g for g in gold_sources if g != OUTLET])


def location_matches(claim: Claim, gold_locations: list[str]) -> bool:
    return claim.location is not None and forms_match(claim.location.text, gold_locations)


def compatible(claim: Claim, gold: dict[str, Any]) -> bool:
    """Type equal (mixed gold: killed or injured) and counts compatible."""
    if claim.type != gold["type"] and not (
            gold.get("mixed") and claim.type in ("killed", "injured")):
        return False
    return claim.count.key() == Count.from_json(gold["count"]).key()


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Report:
    """Every figure of an evaluation run, plus the misses and false hits to learn from."""

    total: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    source_hits: int = 0
    location_hits: int = 0
    location_n: int = 0
    qualifier_hits: int = 0
    articles: int = 0
    missing_articles: list[str] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_hits: list[dict[str, Any]] = field(default_factory=list)
    wrong_source: list[dict[str, Any]] = field(default_factory=list)
    wrong_location: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)  # left out as implausible

    def add(self, other: Report) -> None:
        """Add ``other``'s figures and lists to this report (several gold files, one total)."""
        for mine, theirs in [(self.total, other.total)] + [
                (self.by_type[t], tally) for t, tally in other.by_type.items()]:
            mine.tp += theirs.tp
            mine.fp += theirs.fp
            mine.fn += theirs.fn
        self.source_hits += other.source_hits
        self.location_hits += other.location_hits
        self.location_n += other.location_n
        self.qualifier_hits += other.qualifier_hits
        self.articles += other.articles
        for name in ("missing_articles", "misses", "false_hits", "wrong_source",
                     "wrong_location", "rejected"):
            getattr(self, name).extend(getattr(other, name))

    def summary(self) -> dict[str, Any]:
        p, r, f = self.total.prf()
        tp = self.total.tp
        return {
            "articles": self.articles,
            "gold": tp + self.total.fn, "predicted": tp + self.total.fp, "matched": tp,
            "claim_precision": round(p, 4), "claim_recall": round(r, 4), "claim_f1": round(f, 4),
            "source_accuracy": round(self.source_hits / tp, 4) if tp else 0.0,
            "location_accuracy": round(self.location_hits / self.location_n, 4)
            if self.location_n else 0.0,
            "qualifier_accuracy": round(self.qualifier_hits / tp, 4) if tp else 0.0,
            "by_type": {
                t: dict(zip(("precision", "recall", "f1"), (round(x, 4) for x in tally.prf())),
                        gold=tally.tp + tally.fn, predicted=tally.tp + tally.fp)
                for t, tally in sorted(self.by_type.items())
            },
        }


def score_article(report: Report, doc_id: str, text: str, gold: list[dict[str, Any]],
                  predicted: list[Claim]) -> None:
    """Match one article's predictions to its gold claims and add to ``report``."""
    report.articles += 1
    free = list(range(len(predicted)))
    for g in gold:
        candidates = [i for i in free if compatible(predicted[i], g)]
        if not candidates:
            report.total.fn += 1
            report.by_type[g["type"]].fn += 1
            report.misses.append({"id": doc_id, **g})
            continue
        candidates.sort(key=lambda i: (not source_matches(predicted[i], g["source"]),
                                       not location_matches(predicted[i], g["location"]), i))
        i = candidates[0]
        free.remove(i)
        claim = predicted[i]
        report.total.tp += 1
        report.by_type[g["type"]].tp += 1
        if source_matches(claim, g["source"]):
            report.source_hits += 1
        else:
            report.wrong_source.append(_explain(doc_id, text, claim, g))
        if g["location"]:
            report.location_n += 1
            if location_matches(claim, g["location"]):
                report.location_hits += 1
            else:
                report.wrong_location.append(_explain(doc_id, text, claim, g))
        if claim.count.qualifier == g["count"].get("qualifier"):
            report.qualifier_hits += 1
    for i in free:
        claim = predicted[i]
        report.total.fp += 1
        report.by_type[claim.type].fp += 1
        report.false_hits.append(_explain(doc_id, text, claim, None))


def _explain(doc_id: str, text: str, claim: Claim, gold: dict[str, Any] | None) -> dict[str, Any]:
    ev = claim.evidence
    out: dict[str, Any] = {
        "id": doc_id, "type": claim.type, "count": claim.count.to_json(),
        "evidence": text[ev.start:ev.end], "source": claim.source.text,
        "source_kind": claim.source.kind,
        "location": claim.location.text if claim.location else None,
    }
    if gold is not None:
        out["gold_source"] = gold["source"]
        out["gold_location"] = gold["location"]
        out["gold_evidence"] = gold.get("evidence")
    return out


_GOLD_CLAIM_FIELDS = ("type", "count", "source", "location")


def _check_gold(rec: Any) -> None:
    """Raise ValueError/KeyError/TypeError unless ``rec`` is a usable gold record."""
    if not isinstance(rec, dict):
        raise TypeError("not a JSON object")
    str(rec["id"])
    for claim in rec["claims"]:
        missing = [k for k in _GOLD_CLAIM_FIELDS if k not in claim]
        if missing:
            raise KeyError(f"claim without {', '.join(missing)}")
        Count.from_json(claim["count"])
        if not isinstance(claim["source"], list) or not isinstance(claim["location"], list):
            raise TypeError("source and location must be lists")


def json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON) of the non-empty lines of a JSON Lines file; a line that is
    not JSON, bytes that are not UTF-8 or an unreadable file are an EvalError naming them."""
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvalError(f"not JSON ({exc.msg})", source=f"{path}:{n}") from None
    except UnicodeDecodeError as exc:
        raise EvalError(f"not UTF-8 ({exc.reason})", source=str(path)) from exc
    except OSError as exc:
        raise EvalError(exc.strerror or str(exc), source=str(path)) from exc


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold records of a JSON Lines file; a malformed line or a repeated id is an EvalError
    naming the file and line."""
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, rec in json_lines(path):
        try:
            _check_gold(rec)
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalError(f"malformed gold record ({exc})", source=f"{path}:{n}") from None
        if str(rec["id"]) in seen:
            raise EvalError(f"gold id {rec['id']!r} repeated", source=f"{path}:{n}")
        seen.add(str(rec["id"]))
        records.append(rec)
    return records


def iter_articles(path: str | Path, wanted: set[str]) -> Iterator[dict[str, Any]]:
    """Records of an articles JSONL whose id is in ``wanted`` (streamed, each id once)."""
    seen: set[str] = set()
    n = 0
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):  # noqa: B007 - n names the line in the error
                if not line.strip():
                    continue
                rec = json.loads(line)
                key = str(rec.get("id")) if isinstance(rec, dict) else None
                if key in wanted and key not in seen:
                    seen.add(key)
                    yield rec
    except json.JSONDecodeError as exc:
        raise EvalError(f"invalid JSON ({exc.msg})", source=f"{path}:{n}") from exc
    except UnicodeDecodeError as exc:
        raise EvalError(f"not UTF-8 ({exc.reason})", source=f"{path}:{n + 1}") from exc
    except OSError as exc:
        raise EvalError(exc.strerror or str(exc), source=str(path)) from exc


def evaluate(gold_path: str | Path, articles_path: str | Path) -> Report:
    """Run the extractor on the gold articles and score it."""
    from rasd.ingest.records import document_from_record
    from rasd.pipeline import run

    gold = read_gold(gold_path)
    by_id = {str(g["id"]): g for g in gold}
    report = Report()
    seen: set[str] = set()
    for rec in iter_articles(articles_path, set(by_id)):
        doc = run(document_from_record(rec, f"{articles_path}:{rec['id']}"))
        seen.add(doc.id)
        score_article(report, doc.id, doc.text, by_id[doc.id]["claims"], list(doc.claims))
        report.rejected.extend({**_explain(doc.id, doc.text, claim, None), "why": why}
                               for claim, why in doc.rejected)
    for doc_id, g in by_id.items():
        if doc_id not in seen:
            report.missing_articles.append(doc_id)
            score_article(report, doc_id, "", g["claims"], [])
    return report



def evaluate_files(gold_paths: Iterable[str | Path], articles_path: str | Path
                   ) -> tuple[dict[str, Report], Report]:
    """Each gold file scored on its own (by path, in order) and the total of them all."""
    per_file: dict[str, Report] = {}
    total = Report()
    for path in gold_paths:
        report = evaluate(path, articles_path)
        per_file[str(path)] = report
        total.add(report)
    return per_file, total
