"""Hand-built documents and claims for the store tests (texts written for these tests)."""

from __future__ import annotations

from rasd.ingest.records import make_document
from rasd.model import Claim, Count, Document, Location, Mention, Span, TimeRef

TYPES = ("killed", "injured", "arrested")
PLACES = (("حلب", "Aleppo", "SY", 36.2, 37.16), ("الموصل", "Mosul", "IQ", 36.34, 43.13),
          ("غزة", "Gaza", "PS", 31.5, 34.47))


def numbered_document(i: int) -> Document:
    """Document number ``i``: a short Arabic report whose text is unique to ``i``."""
    place = PLACES[i % len(PLACES)][0]
    text = (f"قال المرصد السوري لحقوق الإنسان إن {i + 2} مدنيين قتلوا وأصيب {i + 5} آخرون "
            f"في قصف على {place} يوم الأحد، وأضاف أن قوات الأمن اعتقلت {i % 7 + 1} أشخاص. "
            f"البيان رقم {i}.")
    return make_document(text, id=f"doc-{i:04d}", title=f"حصيلة القصف على {place}",
                         published=f"2020-10-{i % 28 + 1:02d}", outlet="Test Outlet",
                         url=f"https://example.org/{i}")


def _span(text: str, needle: str, start: int = 0) -> Span:
    at = text.index(needle, start)
    return Span(at, at + len(needle))


def numbered_claims(doc: Document, i: int) -> list[Claim]:
    """One to three claims for :func:`numbered_document` ``i`` (killed, injured, arrested)."""
    text = doc.text
    name, en, country, lat, lon = PLACES[i % len(PLACES)]
    src_span = _span(text, "المرصد السوري لحقوق الإنسان")
    source = Mention("المرصد السوري لحقوق الإنسان", src_span, "monitor", id="sohr",
                     name="Syrian Observatory for Human Rights", country="GB")
    loc_span = _span(text, name, text.index("\n"))
    location = Location(name, loc_span, en, country, lat, lon, 1, admin1=None)
    day = f"2020-10-{i % 28 + 1:02d}"
    time = TimeRef("يوم الأحد", _span(text, "يوم الأحد"), day, "day")
    figures = [("killed", i + 2, "مدنيين"), ("injured", i + 5, "آخرون"),
               ("arrested", i % 7 + 1, "أشخاص")]
    out = []
    for kind, value, subject in figures[: i % 3 + 1]:
        num = _span(text, f" {value} ", text.index("\n"))
        subj = _span(text, subject, num.end)
        out.append(Claim(doc_id=doc.id, type=kind, count=Count(value=value), source=source,
                         evidence=Span(num.start + 1, subj.end),
                         subject=Mention(subject, subj, category="civilians"),
                         location=location, time=time, confidence=0.8))
    return out


def vague_claim(doc: Document) -> Claim:
    """A claim with a vague count, a via chain, no place and no time."""
    via = (Mention("وكالة الأنباء", Span(0, 5), "media", id="sana", name="SANA", country="SY"),)
    return Claim(doc_id=doc.id, type="displaced", count=Count(vague="hundreds"),
                 source=Mention("مصدر", Span(1, 2), "anonymous"), evidence=Span(0, 10),
                 via=via, confidence=0.4, mixed=True)


REAL_TEXTS = (
    ("real-1", "قال المرصد السوري لحقوق الإنسان إن 12 شخصاً قتلوا في حلب أمس الأحد.",
     "2020-10-05"),
    ("real-2", "أعلنت وزارة الصحة في غزة أن ما لا يقل عن 30 فلسطينياً أصيبوا برصاص الجيش "
     "الإسرائيلي يوم الجمعة.", "2018-05-26"),
    ("real-3", "اعتقلت الشرطة العراقية 15 مشتبهاً بهم في الموصل، بحسب مصدر أمني.", "2019-03-02"),
)
