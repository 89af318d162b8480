"""Core data model: Document, Span, Count, Claim and the annotations stages attach.

Plain stdlib dataclasses, no I/O. Every span is a half-open ``(start, end)`` range of character
offsets into the *original* article text, which is never modified. Stages match on
``Document.norm`` (see :mod:`rasd.text.normalize`): their annotations hold normalized offsets.
The two kinds are typed apart (:data:`OrigOffset`, :data:`NormOffset`) and cross at two points
only: :meth:`Document.span` (normalized to original) and :meth:`Document.norm_offset` (original
to normalized, e.g. for ``title_end``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, NewType

if TYPE_CHECKING:
    from rasd.extractor.drafts import Draft
    from rasd.text.dates import TimeMention

OrigOffset = NewType("OrigOffset", int)
"""A character offset into the original text (``Document.text``, every :class:`Span`)."""
NormOffset = NewType("NormOffset", int)
"""A character offset into the normalized text (``Document.norm``, tokens, stage annotations)."""

EVENT_TYPES: tuple[str, ...] = (
    "killed", "injured", "arrested", "abducted", "missing", "displaced",
    "deployed", "recruited", "returned", "released", "strikes",
)
QUALIFIERS: tuple[str, ...] = ("about", "at_least", "at_most", "up_to")
VAGUE_WORDS: dict[str, tuple[int, int]] = {
    "several": (2, 9),
    "tens": (10, 99),
    "hundreds": (100, 999),
    "thousands": (1_000, 9_999),
    "tens_of_thousands": (10_000, 99_999),
    "hundreds_of_thousands": (100_000, 999_999),
}
CLAIM_ID_CHARS = 32  # hex digits of sha256 kept in claim ids (128 bits)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span ({self.start}, {self.end})")

    def to_json(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_json(cls, data: Iterable[int]) -> Span:
        start, end = data
        return cls(int(start), int(end))


@dataclass(frozen=True, slots=True)
class Count:
    """A figure: exactly one of value(+qualifier), min/max range, or a vague count word."""

    value: int | None = None
    qualifier: str | None = None
    min: int | None = None
    max: int | None = None
    vague: str | None = None

    def __post_init__(self) -> None:
        forms = (self.value is not None) + (self.min is not None) + (self.vague is not None)
        if forms != 1:
            raise ValueError("a Count is exactly one of value, min/max or vague")
        if (self.min is None) != (self.max is None):
            raise ValueError("a range needs both min and max")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"bad range {self.min}-{self.max}")
        if self.qualifier is not None and (self.value is None or self.qualifier not in QUALIFIERS):
            raise ValueError(f"bad qualifier {self.qualifier!r}")
        if self.vague is not None and self.vague not in VAGUE_WORDS:
            raise ValueError(f"bad vague word {self.vague!r}")

    @property
    def low(self) -> int:
        """Smallest number of people this count stands for."""
        if self.value is not None:
            return self.value
        if self.min is not None:
            return self.min
        return VAGUE_WORDS[self.vague or "several"][0]

    @property
    def high(self) -> int:
        """Largest number of people this count stands for."""
        if self.value is not None:
            return self.value
        if self.max is not None:
            return self.max
        return VAGUE_WORDS[self.vague or "several"][1]

    @property
    def one(self) -> bool:
        """Exactly one person, unhedged ("مقتل شاب", "اعتقال الناشط")."""
        return self.value == 1 and self.qualifier is None

    def key(self) -> tuple[Any, ...]:
        """What two counts must share to be the same figure (qualifier ignored)."""
        if self.value is not None:
            return ("value", self.value)
        if self.min is not None:
            return ("range", self.min, self.max)
        return ("vague", self.vague)

    def to_json(self) -> dict[str, Any]:
        if self.value is not None:
            return {"value": self.value, "qualifier": self.qualifier}
        if self.min is not None:
            return {"min": self.min, "max": self.max}
        return {"vague": self.vague}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Count:
        if "value" in data and data["value"] is not None:
            return cls(value=int(data["value"]), qualifier=data.get("qualifier"))
        if "min" in data:
            return cls(min=int(data["min"]), max=int(data["max"]))
        return cls(vague=data.get("vague"))


_MENTION_EXTRAS = ("id", "name", "role", "affiliation", "country", "category")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text with a label: a claim's source, a via, or its subject.

    Resolution adds what the text stands for: ``id`` (canonical source id, e.g. ``sohr``),
    ``name`` (canonical name), ``role`` and ``affiliation`` (a titled person's office and the
    body or country it speaks for), ``country`` (ISO 3166 alpha-2) and, for subjects,
    ``category`` (civilians, children, fighters, ...). Unset fields are left out of the JSON.
    """

    text: str
    span: Span
    kind: str | None = None
    id: str | None = None
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    category: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "span": self.span.to_json()}
        if self.kind is not None:
            out["kind"] = self.kind
        for key in _MENTION_EXTRAS:
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Mention | None:
        if not data:
            return None
        return cls(data["text"], Span.from_json(data["span"]), data.get("kind"),
                   **{key: data.get(key) for key in _MENTION_EXTRAS})


@dataclass(frozen=True, slots=True)
class Location:
    """A place mention, resolved against the gazetteer when possible."""

    text: str
    span: Span
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None
    admin1: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span.to_json(), "name": self.name,
                "country": self.country, "admin1": self.admin1, "lat": self.lat,
                "lon": self.lon, "precision": self.precision}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Location | None:
        if not data:
            return None
        return cls(data["text"], Span.from_json(data["span"]), data.get("name"),
                   data.get("country"), data.get("lat"), data.get("lon"), data.get("precision"),
                   data.get("admin1"))


@dataclass(frozen=True, slots=True)
class TimeRef:
    """When the counted event happened (resolved date and its precision)."""

    text: str
    span: Span | None
    date: str | None
    precision: str

    @property
    def day(self) -> dt.date | None:
        """The first day of ``date`` (ISO), or None when it is missing or unreadable."""
        try:
            return dt.date.fromisoformat(self.date[:10]) if self.date else None
        except ValueError:
            return None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span.to_json() if self.span else None,
                "date": self.date, "precision": self.precision}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> TimeRef | None:
        if not data:
            return None
        span = Span.from_json(data["span"]) if data.get("span") else None
        return cls(data.get("text", ""), span, data.get("date"), data.get("precision", "unknown"))


PERIOD_KINDS: tuple[str, ...] = ("since", "span")
#: how a figure stands to the article's news: an ``earlier`` stage of a toll ("وكانت حصيلة
#: سابقة قد أشارت إلى"), a ``background`` event ("في هجوم مماثل"), an ``additional`` count after
#: one already given ("وقتل جنديان آخران"), a ``share`` of a larger count ("من بين الإصابات"), a
#: ``rising`` toll its own clause says is not final ("في حصيلة مرشحة للارتفاع": a floor)
CONTEXTS: tuple[str, ...] = ("earlier", "background", "additional", "share", "rising")


@dataclass(frozen=True, slots=True)
class Period:
    """An aggregate a figure counts: ``since`` a start ("منذ بدء الحرب") or over a ``span``
    of time ("خلال الأيام الخمسة الماضية"). A claim without one counts an incident, or a
    calendar month or year when its time says so."""

    kind: str
    text: str
    span: Span

    def __post_init__(self) -> None:
        if self.kind not in PERIOD_KINDS:
            raise ValueError(f"unknown period kind {self.kind!r}")

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "span": self.span.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Period | None:
        if not data:
            return None
        return cls(data["kind"], data.get("text", ""), Span.from_json(data["span"]))


@dataclass(frozen=True, slots=True)
class Signature:
    """What happened and to what: attack kinds (``airstrike``, ``car_bomb`` ...) and targets
    (``market``, ``school`` ...) named in the claim's clause (lexicon ``quantities.yaml``), or,
    when the clause names none, in its story's lead (``lead``: weaker, it ties two reports of
    one incident but never sets two apart)."""

    attack: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    lead: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"attack": list(self.attack), "target": list(self.target)}
        if self.lead:
            out["lead"] = True
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Signature | None:
        if not data:
            return None
        return cls(tuple(data.get("attack", ())), tuple(data.get("target", ())),
                   bool(data.get("lead", False)))


@dataclass(frozen=True, slots=True)
class Claim:
    """SOURCE says COUNT SUBJECT were TYPE (at LOCATION, at TIME)."""

    doc_id: str
    type: str
    count: Count
    source: Mention
    evidence: Span
    subject: Mention | None = None
    via: tuple[Mention, ...] = ()
    location: Location | None = None
    time: TimeRef | None = None
    confidence: float = 0.5
    mixed: bool = False
    trigger: Mention | None = None
    period: Period | None = None        #: an aggregate (since / span); None: an incident
    signature: Signature | None = None  #: attack kind and target of the incident
    part_of: int | None = None          #: index (in its document's claims) of the whole
    revision: bool = False              #: worded as an update ("ارتفعت الحصيلة إلى")
    context: str | None = None          #: earlier / background / additional / share
    contrast: bool = False              #: set against another figure ("في حين", "نفى", "فقط")
    segment: int = 0                    #: which story of a roundup article ("وفي هجوم منفصل")

    def __post_init__(self) -> None:
        if self.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}")
        if self.context is not None and self.context not in CONTEXTS:
            raise ValueError(f"unknown context {self.context!r}")

    def key(self) -> str:
        """What makes a claim the same claim across runs and rasd versions: document, type,
        count, evidence span and source text (not confidence, place or time, which an upgrade
        may refine)."""
        return json.dumps([self.doc_id, self.type, self.count.to_json(), self.evidence.to_json(),
                           self.source.text], ensure_ascii=False, separators=(",", ":"))

    def digest(self, occurrence: int = 0) -> str:
        """Stable id: the hash of :meth:`key` (with ``#N`` for a repeat within a document)."""
        key = self.key() if occurrence == 0 else f"{self.key()}#{occurrence}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:CLAIM_ID_CHARS]

    def columns(self) -> dict[str, Any]:
        """The scalar columns that the store's ``claims`` table and the flat exports share:
        count, subject class, source kind and id, place and time fields, evidence offsets."""
        c, loc, time = self.count, self.location, self.time
        return {
            "mixed": self.mixed, "count_value": c.value, "qualifier": c.qualifier,
            "count_min": c.min, "count_max": c.max, "vague": c.vague,
            "count_low": c.low, "count_high": c.high,
            "subject_category": self.subject.category if self.subject else None,
            "source_kind": self.source.kind, "source_id": self.source.id,
            "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
            "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "geo_precision": loc.precision if loc else None,
            "time_text": time.text if time else None, "date": time.date if time else None,
            "date_precision": time.precision if time else None,
            "evidence_start": self.evidence.start, "evidence_end": self.evidence.end,
        }

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "type": self.type,
            "count": self.count.to_json(),
            "subject": self.subject.to_json() if self.subject else None,
            "source": self.source.to_json(),
            "via": [v.to_json() for v in self.via],
            "location": self.location.to_json() if self.location else None,
            "time": self.time.to_json() if self.time else None,
            "evidence": {"span": self.evidence.to_json()},
            "confidence": round(self.confidence, 3),
        }
        if self.trigger is not None:
            out["trigger"] = self.trigger.to_json()
        if self.mixed:
            out["mixed"] = True
        if self.period is not None:
            out["period"] = self.period.to_json()
        if self.signature is not None:
            out["signature"] = self.signature.to_json()
        if self.part_of is not None:
            out["part_of"] = self.part_of
        if self.revision:
            out["revision"] = True
        if self.context is not None:
            out["context"] = self.context
        if self.contrast:
            out["contrast"] = True
        if self.segment:
            out["segment"] = self.segment
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Claim:
        source = Mention.from_json(data["source"])
        if source is None:
            raise ValueError("a claim needs a source")
        return cls(
            doc_id=data["doc_id"],
            type=data["type"],
            count=Count.from_json(data["count"]),
            source=source,
            evidence=Span.from_json(data["evidence"]["span"]),
            subject=Mention.from_json(data.get("subject")),
            via=tuple(m for m in (Mention.from_json(v) for v in data.get("via", [])) if m),
            location=Location.from_json(data.get("location")),
            time=TimeRef.from_json(data.get("time")),
            confidence=float(data.get("confidence", 0.5)),
            mixed=bool(data.get("mixed", False)),
            trigger=Mention.from_json(data.get("trigger")),
            period=Period.from_json(data.get("period")),
            signature=Signature.from_json(data.get("signature")),
            part_of=data.get("part_of"),
            revision=bool(data.get("revision", False)),
            context=data.get("context"),
            contrast=bool(data.get("contrast", False)),
            segment=int(data.get("segment", 0)),
        )


class Token(NamedTuple):
    """A word of the normalized text: its normalized span and its clitic-free stems
    (a NamedTuple: documents hold hundreds of thousands of them)."""

    start: NormOffset
    end: NormOffset
    text: str
    stems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountMention:
    """A figure found in the text (normalized offsets ``start``/``end``).

    ``kind`` is ``"count"`` for a possible head count and otherwise names why it is not one
    (``"year"``, ``"money"``, ``"percent"``, ``"unspecified"`` for "عدد كبير من", ...).
    ``noun`` is set when the figure is carried by a dual noun ("قتيلين") whose normalized form
    is then given.
    """

    start: NormOffset
    end: NormOffset
    count: Count
    kind: str = "count"
    noun: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    """An event word: normalized offsets, event type, its grammatical role and lexicon entry."""

    start: NormOffset
    end: NormOffset
    type: str
    role: str
    entry: str
    mixed: bool = False


@dataclass(frozen=True, slots=True)
class SourceMention:
    """An attribution found in a sentence (normalized offsets of the source phrase)."""

    start: NormOffset
    end: NormOffset
    text: str
    kind: str
    cue_start: NormOffset
    cue_end: NormOffset
    via: tuple[SourceMention, ...] = ()
    after: bool = False  # may follow the figure it attributes ("..., بحسب المرصد", "كما قال")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A gazetteer hit (normalized offsets) and what it resolved to."""

    start: NormOffset
    end: NormOffset
    text: str
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: int
    kind: str = "place"
    admin1: str | None = None


@dataclass(frozen=True)
class Document:
    """An article: original ``text`` (never modified) plus the normalized copy and annotations.

    ``warnings`` are one-line notes of what a stage left out and why (naming the document)."""

    id: str
    text: str
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title_end: OrigOffset = OrigOffset(0)
    norm: str = ""
    n2o: tuple[OrigOffset, ...] = ()
    tokens: tuple[Token, ...] = ()
    sentences: tuple[tuple[NormOffset, NormOffset], ...] = ()
    paragraphs: tuple[tuple[NormOffset, NormOffset], ...] = ()
    counts: tuple[CountMention, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    sources: tuple[SourceMention, ...] = ()
    times: tuple[TimeMention, ...] = ()  # where claims may take their time from only
    # figure-event pairs (rasd.extractor.drafts.Draft) of the draft stage: None before it runs.
    # Empty means no claim can come out, and the claim-only stages (places, dates, sources,
    # claims, quantities) pass the document by: it then holds no places, times or sources
    drafts: tuple[Draft, ...] | None = None
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = ()
    # claims left out as implausible for their event and subject (rasd.extractor.plausibility),
    # with the reason: for ``rasd eval`` and benchmarks/corpus_check.py, never stored
    rejected: tuple[tuple[Claim, str], ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> Document:
        """A copy with some fields replaced (stages never mutate their input).

        The result of ``dataclasses.replace`` at a sixth of its cost (it runs ``__init__``,
        which sets all 20 fields one by one): every stage calls this once per document."""
        if not self.__dataclass_fields__.keys() >= changes.keys():
            unknown = sorted(changes.keys() - self.__dataclass_fields__.keys())
            raise TypeError(f"{type(self).__name__} has no field(s) {unknown}")
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__, **changes)
        return new

    @property
    def claimless(self) -> bool:
        """Whether the draft stage found no figure-event pair: no claim can come out, and the
        stages only claims need (places, dates, sources) leave the document as it is."""
        return self.drafts is not None and not self.drafts

    def span(self, nstart: NormOffset, nend: NormOffset) -> Span:
        """Original-text span of the normalized range ``[nstart, nend)``."""
        return Span(*self._bounds(nstart, nend))

    def _bounds(self, nstart: NormOffset, nend: NormOffset) -> tuple[int, int]:
        """(start, end) of :meth:`span`, without building the Span."""
        if not self.n2o:
            return nstart, nend
        if nend <= nstart:
            pos = self.n2o[nstart]
            return pos, pos
        # up to the next kept character, so trailing marks ("شخصاً") stay inside the span
        return self.n2o[nstart], max(self.n2o[nend - 1] + 1, self.n2o[nend])

    def original(self, nstart: NormOffset, nend: NormOffset) -> str:
        """Original text under the normalized range ``[nstart, nend)``."""
        start, end = self._bounds(nstart, nend)
        if not 0 <= start <= end:
            raise ValueError(f"bad span ({start}, {end})")
        return self.text[start:end]

    def norm_offset(self, pos: OrigOffset) -> NormOffset:
        """Normalized offset of original offset ``pos``: where the first normalized character
        from ``pos`` on is (``len(norm)`` past the last one)."""
        if not self.n2o:
            return NormOffset(pos)
        return NormOffset(bisect.bisect_left(self.n2o, pos, 0, len(self.n2o) - 1))

    @property
    def norm_title_end(self) -> NormOffset:
        """``title_end`` in the normalized text (a title of dropped characters, all tatweel or
        diacritics, ends earlier there than in the original)."""
        return self.norm_offset(self.title_end)
