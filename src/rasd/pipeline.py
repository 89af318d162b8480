"""The pipeline: the list of stages, each a pure function ``Document -> Document``.

``run`` applies them to one document; ``run_many`` streams items (documents, or raw JSONL
records) through a function around them, in one process or in a process pool with
``workers > 1``. In a pool, what crosses between processes is the raw record going in and a
compact result coming out (claim JSON lines, table rows: :mod:`rasd.jobs`), never an annotated
Document, whose tokens and offset maps cost more to pickle than to compute.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar, overload

from rasd.collector import collector_paused
from rasd.extractor.attribution import find_sources
from rasd.extractor.claim_times import dated_spans
from rasd.extractor.claims import assemble_claims
from rasd.extractor.drafting import draft_claims
from rasd.extractor.places import find_places
from rasd.extractor.quantities import mark_quantities
from rasd.extractor.triggers import find_triggers
from rasd.model import Document
from rasd.settings import Settings, activated, active
from rasd.text.dates import find_times
from rasd.text.normalize import normalize
from rasd.text.numbers import MAX_COUNT, find_counts
from rasd.text.published import parse_published
from rasd.text.segment import paragraphs, sentences
from rasd.text.tokens import tokenize

if TYPE_CHECKING:  # the process pool is imported when asked for: one process starts faster
    from concurrent.futures import Future

Stage = Callable[[Document], Document]
T = TypeVar("T")
CHUNKS_IN_FLIGHT = 4  #: chunks submitted per worker before the oldest result is awaited


def prepare(doc: Document) -> Document:
    """Stage: normalized text with its offset map, tokens, sentences and paragraphs."""
    norm, n2o = normalize(doc.text)
    return doc.with_(norm=norm, n2o=n2o, tokens=tokenize(norm), sentences=sentences(norm),
                     paragraphs=paragraphs(norm))


def find_numbers(doc: Document) -> Document:
    """Stage: every figure in the text (non-counts are kept, marked by their kind)."""
    return doc.with_(counts=tuple(find_counts(doc.norm, doc.tokens)))


def find_dates(doc: Document) -> Document:
    """Stage: time expressions, resolved against the publication date, where a claim may take
    its time from (:func:`~rasd.extractor.claim_times.dated_spans`; none sought in a document
    that can hold no claim, :attr:`Document.claimless`)."""
    if doc.claimless:
        return doc
    published = parse_published(doc.published)
    return doc.with_(times=tuple(find_times(doc.norm, published, doc.tokens,
                                            only=dated_spans(doc))))


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


_data_frozen = False


def run(doc: Document, stages: Iterable[Stage] = STAGES, settings: Settings | None = None
        ) -> Document:
    """Apply every stage to one document, with ``settings`` active (None: the active ones, see
    :mod:`rasd.settings`). After the first document that ran through every stage (so every
    lexicon, the gazetteer and the patterns are loaded), the objects alive are moved out of
    the garbage collector's sight (``gc.freeze``): they live as long as the process, and full
    collections no longer walk them (GC time 0.11-0.23 -> 0.07 s per 1,500 corpus articles).
    Until then the collector is paused during each run (one document's worth of garbage at
    most): loading the data without collections saves ~0.05 s of start-up."""
    global _data_frozen
    with activated(settings), collector_paused(not _data_frozen):
        for stage in stages:
            doc = stage(doc)
    if not _data_frozen and doc.drafts and stages is STAGES:
        gc.freeze()
        _data_frozen = True
    return doc


def claims_only(doc: Document) -> Document:
    """The pipeline over one document, returned with its claims and warnings but without the
    stages' annotations (what a process pool sends back when Documents are asked for)."""
    done = run(doc)
    return doc.with_(claims=done.claims, warnings=done.warnings, rejected=done.rejected)


def _apply(fn: Callable[[Any], T], chunk: list[Any], settings: Settings) -> list[T]:
    with activated(settings):
        return [fn(item) for item in chunk]


@overload
def run_many(items: Iterable[Document], workers: int = 1, chunksize: int = 16
             ) -> Iterator[Document]: ...
@overload
def run_many(items: Iterable[Any], workers: int = 1, chunksize: int = 16, *,
             fn: Callable[[Any], T]) -> Iterator[T]: ...
def run_many(items: Iterable[Any], workers: int = 1, chunksize: int = 16,
             fn: Callable[[Any], Any] = run) -> Iterator[Any]:
    """``fn`` (a module-level function: the pipeline by default) over a stream of items, results
    in input order. With ``workers > 1`` the items go to a process pool in chunks of
    ``chunksize``, at most ``CHUNKS_IN_FLIGHT`` chunks per worker at a time: the pool stays
    busy while results are consumed, and memory stays flat on endless inputs. ``fn`` should
    return something small to pickle (see :mod:`rasd.jobs`). The workers run with this
    process's :func:`~rasd.settings.active` settings, sent with every chunk."""
    if workers <= 1:
        for item in items:
            yield fn(item)
        return
    from concurrent.futures import ProcessPoolExecutor

    settings = active()
    it = iter(items)
    pending: deque[Future[list[Any]]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        while chunk := list(islice(it, chunksize)):
            pending.append(pool.submit(_apply, fn, chunk, settings))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
