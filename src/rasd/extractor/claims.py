"""Claim assembly: the drafts of a document become Claims through the sub-steps of
:data:`ASSEMBLY` (source, time, place, subject, claims, plausibility, de-duplication)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rasd.extractor.claim_sources import SourceResolver, source_mention
from rasd.extractor.claim_times import TimeChooser
from rasd.extractor.dedupe import dedupe, heading_spans
from rasd.extractor.drafting import draft_claims
from rasd.extractor.drafts import Draft
from rasd.extractor.placing import PlaceChooser, national_toll, since_war, whole_war
from rasd.extractor.plausibility import implausible
from rasd.extractor.subjects import classify_subject
from rasd.model import Claim, Document, Location, Mention, TimeRef
from rasd.text.published import parse_published


@dataclass(slots=True)
class _Parts:
    """One draft on its way to a claim: the sub-steps of :data:`ASSEMBLY` set the rest."""

    draft: Draft
    source: Mention | None = None
    via: tuple[Mention, ...] = ()
    time: TimeRef | None = None
    location: Location | None = None
    subject: Mention | None = None


class _Assembly:
    """A document's drafts on their way to claims, read and set by the sub-steps of
    :data:`ASSEMBLY`. The place chooser is shared: attribution reads the article's focus."""

    def __init__(self, doc: Document, drafts: Sequence[Draft]) -> None:
        self.doc = doc
        self.places = PlaceChooser(doc)
        self.parts = [_Parts(d) for d in drafts]
        self.claims: list[Claim] = []
        self.rejected: list[tuple[Claim, str]] = []


def _attribute(a: _Assembly) -> None:
    """Source. Reads the document's ``sources``, ``sentences``, ``paragraphs`` and the country
    of the article's focus place (a hint for resolving a speaker); sets each part's ``source``
    and ``via``: the sentence's attribution, a continuation verb's or an open quotation's
    speaker (:class:`claim_sources.SourceResolver`), resolved to kind, id and role by
    :func:`sources.resolve_source`; the outlet when none."""
    resolver = SourceResolver(a.doc)
    main = a.places.focus.place
    country = main.country if main else None
    for p in a.parts:
        d = p.draft
        p.source, p.via = source_mention(a.doc, resolver.resolve(d.sentence, d.anchor), country)


def _date(a: _Assembly) -> None:
    """Time. Reads the document's ``times``, ``sentences``, ``paragraphs``, ``published`` and
    ``sources`` (a day right after a speaker dates the statement:
    :func:`claim_times.statement_days`); sets each part's ``time``
    (:class:`claim_times.TimeChooser`)."""
    when = TimeChooser(a.doc)
    for p in a.parts:
        p.time = when.for_(p.draft)


def _locate(a: _Assembly) -> None:
    """Place. Reads the document's ``places`` (and what :class:`placing.PlaceChooser` reads)
    and each part's ``time`` (a toll since a whole war is the war's country); sets each part's
    ``location`` (a place the gazetteer lacks takes the country and coordinates of the known
    place that locates it right after)."""
    doc = a.doc
    published = parse_published(doc.published)
    for p in a.parts:
        d = p.draft
        national = national_toll(d.type, d.count)
        place = a.places.choose(d.sentence, d.anchor, d.type, since_war(p.time) or national,
                                whole_war(p.time, published) or national)
        if place is not None:
            where = a.places.locator_of(place) or place  # "منطقة السودانية شمال غرب مدينة غزة"
            country = where.country or a.places.country_of_unknown(d.sentence, place)
            p.location = Location(doc.original(place.start, place.end),
                                  doc.span(place.start, place.end), place.name, country,
                                  where.lat, where.lon, place.precision, where.admin1)


def _classify(a: _Assembly) -> None:
    """Subject. Reads each draft's ``subject`` and evidence and its part's ``location`` (the
    country breaks ties between groups); sets each part's ``subject`` with its category,
    country and affiliation (:func:`subjects.classify_subject`)."""
    doc = a.doc
    for p in a.parts:
        d = p.draft
        if d.subject:
            text = doc.original(*d.subject)
            info = classify_subject(text, doc.original(d.start, d.end),
                                    where=p.location.country if p.location else None)
            p.subject = Mention(text, doc.span(*d.subject), category=info.category,
                                country=info.country, affiliation=info.affiliation)


def _build(a: _Assembly) -> None:
    """Claims. Reads every part; sets ``claims``: one per draft, with its trigger, evidence and
    a confidence that falls with the link's cost (``0.95 - 0.1 * cost``, at least 0.1)."""
    doc = a.doc
    for p in a.parts:
        d = p.draft
        assert p.source is not None  # _attribute sets every part's source
        trigger = Mention(doc.original(*d.trigger), doc.span(*d.trigger)) if d.trigger else None
        a.claims.append(Claim(doc_id=doc.id, type=d.type, count=d.count, source=p.source,
                              trigger=trigger, evidence=doc.span(d.start, d.end),
                              subject=p.subject, via=p.via, location=p.location, time=p.time,
                              confidence=max(0.1, 0.95 - 0.1 * d.cost), mixed=d.mixed))


def _reject_implausible(a: _Assembly) -> None:
    """Plausibility. Reads ``claims``; moves each claim :func:`plausibility.implausible` finds
    too large to ``rejected``, with the reason."""
    kept: list[Claim] = []
    for cl in a.claims:
        why = implausible(cl)
        if why is None:
            kept.append(cl)
        else:
            a.rejected.append((cl, why))
    a.claims = kept


def _deduplicate(a: _Assembly) -> None:
    """De-duplication. Reads ``claims``, the document's title, paragraphs (headings) and
    ``sources`` (speaker phrases a definite "المصدر" names back); sets ``claims``: one per
    figure and source, in text order (:func:`dedupe.dedupe`)."""
    doc = a.doc
    mentions = sorted((doc.span(sm.start, sm.end).start, doc.original(sm.start, sm.end))
                      for sm in doc.sources)
    a.claims = dedupe(a.claims, heading_spans(doc), mentions, doc.title_end, doc.text)


ASSEMBLY: tuple[Callable[[_Assembly], None], ...] = (
    _attribute, _date, _locate, _classify, _build, _reject_implausible, _deduplicate)
"""The sub-steps of :func:`assemble_claims`, in order, after linking (:func:`draft_claims`):
source, time, place, subject, claims, plausibility, de-duplication. Each reads and sets what its
docstring says; a later one may read what an earlier one set (the place reads the time, the
subject the place)."""


def assemble_claims(doc: Document) -> Document:
    """Stage: turn the annotations of a document into claims: its drafts (found first by
    :func:`draft_claims` when the pipeline has not run that stage) through the sub-steps of
    :data:`ASSEMBLY`; sets ``claims`` and ``rejected``."""
    if doc.drafts is None:
        doc = draft_claims(doc)
    if not doc.drafts:
        return doc.with_(claims=())
    a = _Assembly(doc, doc.drafts)
    for step in ASSEMBLY:
        step(a)
    return doc.with_(claims=tuple(a.claims), rejected=tuple(a.rejected))
