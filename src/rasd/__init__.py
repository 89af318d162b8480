"""rasd: attributed, quantitative claims from Arabic news.

>>> import rasd
>>> claims = rasd.extract("قال المرصد إن 12 شخصاً قتلوا في حلب", published="2020-10-05")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rasd.errors import InputError, RasdError, RecordError
from rasd.ingest.records import make_document
from rasd.model import Claim, Count, Document, Location, Mention, Span, TimeRef
from rasd.version import __version__

__all__ = [
    "Claim", "Count", "Document", "InputError", "Location", "Mention", "RasdError", "RecordError",
    "Span", "TimeRef", "extract", "extract_document", "make_document", "run", "run_many",
    "__version__",
]


def run(doc: Document) -> Document:
    """Apply the whole pipeline to one Document (see :mod:`rasd.pipeline`)."""
    from rasd.pipeline import run as _run
    return _run(doc)


def run_many(docs: Iterable[Document], workers: int = 1) -> Iterator[Document]:
    """Stream Documents through the pipeline, in order, optionally in a process pool (then
    each comes back with its claims and warnings, without the stages' annotations)."""
    from rasd.pipeline import claims_only
    from rasd.pipeline import run as _run
    from rasd.pipeline import run_many as _run_many
    return _run_many(docs, workers=workers, fn=claims_only if workers > 1 else _run)


def extract_document(text: str, *, title: str | None = None, published: str | None = None,
                     outlet: str | None = None, id: str | None = None) -> Document:
    """The fully annotated Document of one article (claims in ``.claims``)."""
    return run(make_document(text, id=id, title=title, published=published, outlet=outlet))


def extract(text: str, *, title: str | None = None, published: str | None = None,
            outlet: str | None = None, id: str | None = None) -> list[Claim]:
    """Claims of one article. Raises :class:`InputError` for empty or non-Arabic text."""
    return list(extract_document(text, title=title, published=published, outlet=outlet,
                                 id=id).claims)
