"""The pipeline: the list of stages, each a pure function ``Document -> Document``.

``run`` applies them to one document; ``run_many`` streams documents through them (in one
process, or in a process pool with ``workers > 1``; stages are picklable module functions).
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator, TypeVar

from rasd.extractor.attribution import find_sources
from rasd.extractor.claims import assemble_claims, draft_claims
from rasd.extractor.places import find_places
from rasd.extractor.quantities import mark_quantities
from rasd.extractor.triggers import find_triggers
from rasd.model import Document
from rasd.text.normalize import normalize
from rasd.text.dates import find_times, parse_published
from rasd.text.numbers import MAX_COUNT, find_counts
from rasd.text.segment import paragraphs, sentences
from rasd.text.tokens import tokenize

Stage = Callable[[Document], Document]
T = TypeVar("T")


def prepare(doc: Document) -> Document:
    """Stage: normalized text with its offset map, tokens, sentences and paragraphs."""
    norm, n2o = normalize(doc.text)
    return doc.with_(norm=norm, n2o=n2o, tokens=tokenize(norm), sentences=sentences(norm),
                     paragraphs=paragraphs(norm))


def find_numbers(doc: Document) -> Document:
    """Stage: every figure in the text (non-counts are kept, marked by their kind)."""
    return doc.with_(counts=tuple(find_counts(doc.norm, doc.tokens)))


def find_dates(doc: Document) -> Document:
    """Stage: time expressions, resolved against the publication date (none sought in a
    document that can hold no claim, :attr:`Document.claimless`)."""
    if doc.claimless:
        return doc
    published = parse_published(doc.published)
    return doc.with_(times=tuple(find_times(doc.norm, published, doc.tokens)))


STAGES: tuple[Stage, ...] = (
    prepare,
    find_numbers,
    find_triggers,
    draft_claims,
    find_places,
    find_dates,
    find_sources,
    assemble_claims,
    mark_quantities,
)


def span_errors(doc: Document) -> list[str]:
    """The claim fields of an annotated document whose span is outside the text or does not
    read as the field's text, and counts above ``MAX_COUNT`` (what the property tests and
    ``benchmarks/fuzz.py`` check on every document)."""
    errors = []
    for claim in doc.claims:
        if not 0 <= claim.evidence.start <= claim.evidence.end <= len(doc.text):
            errors.append(f"evidence {claim.evidence}")
        fields = [claim.subject, claim.trigger, claim.location, claim.time, *claim.via]
        if claim.source.kind != "outlet":
            fields.append(claim.source)
        for f in fields:
            if f is None or f.span is None:
                continue
            if not 0 <= f.span.start <= f.span.end <= len(doc.text):
                errors.append(f"{type(f).__name__} span {f.span} outside the text")
            elif doc.text[f.span.start:f.span.end] != f.text:
                errors.append(f"{type(f).__name__} {f.text!r} != text at {f.span}")
        if claim.count.high > MAX_COUNT:
            errors.append(f"count {claim.count}")
    return errors


def run(doc: Document, stages: Iterable[Stage] = STAGES) -> Document:
    """Apply every stage to one document."""
    for stage in stages:
        doc = stage(doc)
    return doc


def run_many(docs: Iterable[Document], workers: int = 1, chunksize: int = 16,
             fn: Callable[[Document], T] = run) -> Iterator[T]:  # type: ignore[assignment]
    """Run the pipeline (or ``fn``, a module-level function around it) over a stream of
    documents, in order. With ``workers > 1`` documents go to a process pool a bounded window
    at a time, so memory stays flat on endless inputs."""
    if workers <= 1:
        for doc in docs:
            yield fn(doc)
        return
    window = workers * chunksize * 4
    it = iter(docs)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        while batch := list(islice(it, window)):
            yield from pool.map(fn, batch, chunksize=chunksize)
