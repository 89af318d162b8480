"""De-duplication of a document's claims: one per figure and source (comparable source keys,
headings yielding to attributed figures, the article's own voice repeating itself)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from rasd.extractor.lexicon import attribution, persons
from rasd.extractor.linking import is_victim_noun
from rasd.geo.gazetteer import distance_km
from rasd.model import Claim, Document, Location, NormOffset, Span, Token
from rasd.text.normalize import canon, normalize_string
from rasd.text.segment import ends_a_sentence
from rasd.text.tokens import accusative_suffix, lam_article_as_article, stems, without_article


def source_keys(claims: list[Claim], mentions: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Comparable source of each claim (by ``id``). A one-word definite source ("المصدر",
    "المصادر", "البيان") names back the nearest source phrase before it (``mentions``: original
    start and text of every source phrase of the document) with that head ("مصادر عسكرية
    وميدانية ... بحسب المصادر"): it takes that phrase's key; after a bare "مصدر", a key of
    its own. A document with no phrase of its head before it is the nearest speaker's ("قالت
    الوزارة في بيان ... وأضاف البيان"). So does a spokesman "of the" body ("ملك شاهر المتحدث
    باسم المنظمة" after "منظمة أطباء بلا حدود", "الناطق باسم الوزارة نجيب دانيش" after
    "وزارة الداخلية الأفغانية"), and a surname alone takes the key of the phrase before it that
    ends with it ("المالكي" after "المتحدث باسم التحالف العقيد تركي المالكي": the coalition)."""
    keys = {id(cl): canon(cl.source.text) for cl in claims}
    # the phrases by the head of their first word and that word (indices into mentions, which
    # are in text order), built when first needed: the nearest one before a claim by bisect
    phrase_keys: list[str] = []
    starts = [start for start, _ in mentions]  # in text order
    by_head: dict[str, dict[str, list[int]]] = {}
    openers = attribution().name_openers
    surnames: dict[str, list[int]] | None = None  # last word of a phrase of several words
    kinds = attribution().kinds.keys  # speaker heads ("مصادر", "البيان"): no surnames
    documents = attribution().documents  # "البيان" with no "بيان" before: the last speaker's
    for cl in claims:
        words = keys[id(cl)].split()
        if len(body := _spoken_for(words, openers)) == 1:  # "المتحدث باسم المنظمة": the body's
            words = body
        if len(words) == 1 and cl.source.kind != "outlet" and mentions \
                and kinds.isdisjoint((words[0], without_article(words[0]))):  # not "المصادر"
            if surnames is None:
                surnames = {}
                for i, (_, text) in enumerate(mentions):
                    parts = canon(text).split()
                    if len(parts) > 1:
                        surnames.setdefault(parts[-1], []).append(i)
            named = surnames.get(words[0], [])
            k = bisect.bisect_left(named, bisect.bisect_left(starts, cl.source.span.start))
            if k:  # "المالكي" after "المتحدث باسم التحالف العقيد تركي المالكي": his body's
                full = canon(mentions[named[k - 1]][1]).split()
                keys[id(cl)] = " ".join(_spoken_for(full, openers) or full)
                continue
        if cl.source.kind == "outlet" or len(words) != 1 or without_article(words[0]) == words[0]:
            continue
        if not phrase_keys and mentions:
            phrase_keys = [canon(text) for _, text in mentions]
            for i, key in enumerate(phrase_keys):
                if key:
                    first = key.split()[0]
                    by_head.setdefault(without_article(first), {}).setdefault(first, []).append(i)
        n = bisect.bisect_left(starts, cl.source.span.start)  # the phrases before it
        nearest = -1
        for first, indices in by_head.get(without_article(words[0]), {}).items():
            if first != words[0] and (k := bisect.bisect_left(indices, n)):  # not itself definite
                nearest = max(nearest, indices[k - 1])
        if nearest < 0 and n and without_article(words[0]) in documents:
            nearest = n - 1  # "قالت الوزارة في بيان ... بحسب البيان": the statement's owner
        if nearest >= 0:
            # a bare "مصدر" is one anonymous source, not "مصدر محلي" (no containment)
            key = phrase_keys[nearest]
            keys[id(cl)] = key if len(key.split()) > 1 else f"{key}@{starts[nearest]}"
    return keys


def _same_speaker(a: str, b: str) -> bool:
    """Whether two source keys name one speaker: one contains the other ("وكالة مهر", "مهر"),
    also once an opening "لل" is read "ال" ("للجيش الإسرائيلي", "الجيش"), or they are the same
    words but for the article ("خدمة الإسعاف الفلسطينية", "خدمة إسعاف فلسطينية")."""
    if a in b or b in a:
        return True
    a, b = _with_article(a), _with_article(b)
    return a in b or b in a or _without_articles(a) == _without_articles(b)


def _with_article(key: str) -> str:
    """A key opening with "لل" + noun read as the noun with its article ("بيان للجيش الإسرائيلي":
    الجيش; not inside it, "التابع للأمم المتحدة" is another body than the UN)."""
    first, _, rest = key.partition(" ")
    return " ".join(w for w in (lam_article_as_article(first), rest) if w)


def _without_articles(key: str) -> str:
    return " ".join(without_article(w) for w in key.split())


def _spoken_for(words: list[str], openers: frozenset[str]) -> list[str]:
    """The body a spokesman speaks for, from the words of his source phrase: after "باسم", the
    first word and the definite words that go on with it ("المتحدث باسم وزارة الصحة الفلسطينية
    أشرف القدرة" -> وزارة الصحة الفلسطينية; "... باسم الوزارة نجيب دانيش" -> الوزارة); [] when
    the phrase names no body so."""
    at = next((i for i, w in enumerate(words[1:], 1) if w in openers), len(words))
    if at + 1 >= len(words):
        return []
    end = at + 2
    while end < len(words) and without_article(words[end]) != words[end]:
        end += 1
    return words[at + 1:end]


def _person_key(text: str) -> str:
    """The one person a count-of-one claim names, without clitics or the accusative ending
    ("الشاب", "شاب" and "شابا" agree), with the age it is told with ("رجل عمره 25 عاما" and
    "رجل عمره 33 عاما": two men)."""
    words = normalize_string(text).split()
    age = "".join(ch for ch in text if ch.isdigit())
    if not words:
        return ""
    stem, acc = stems(words[0])[-1], accusative_suffix()
    if stem.endswith(acc) and stem[:-len(acc)] in persons().singular:
        stem = stem[:-len(acc)]  # "طفلا" is "الطفل" (not "أحدهما")
    return stem + age


HEADING_MAX_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?؟:\"»)]\s*$")


LEAD_PARAGRAPHS = 2


def heading_spans(doc: Document) -> list[Span]:
    """Original spans of the title, the lead (the first two body paragraphs: a wire story often
    opens with the attributed figure and restates it in its own voice next) and the crossheads:
    body paragraphs of one short line with no closing punctuation ("مقتل فلسطينيين اثنين"
    between two paragraphs). These summarize what the body attributes."""
    out = [Span(0, doc.title_end)] if doc.title_end else []
    title_end = doc.norm_title_end
    body = [(ps, pe) for ps, pe in doc.paragraphs if ps >= title_end]
    for ps, pe in body[:LEAD_PARAGRAPHS]:
        out.append(doc.span(ps, pe))
    for ps, pe in body[1:]:
        line = doc.norm[ps:pe].strip()
        if line and len(line.split()) <= HEADING_MAX_WORDS and not _SENTENCE_END.search(line):
            out.append(doc.span(ps, pe))
    return out


COUNTRY_PRECISION = 3  # Location.precision of a whole country


def _below_country(cl: Claim) -> Location | None:
    """A claim's place when it is a city or a region, not a whole country."""
    loc = cl.location
    if loc is None or loc.precision is None or loc.precision >= COUNTRY_PRECISION:
        return None
    return loc


def _city_country(cl: Claim) -> str | None:
    """The country of a claim placed in a city or region (not a whole country), else None."""
    loc = _below_country(cl)
    return loc.country if loc is not None else None


def _elsewhere(cl: Claim, countries: list[str | None]) -> bool:
    """Whether the article's own figure happened in a city of another country than each of its
    figures kept so far: another event ("مقتل 12 شخصا" in Berlin, then in Brussels), not a
    repeat (a country named for a city of it, "إسرائيل" for Gaza, is no other place)."""
    country = _city_country(cl)
    return country is not None and None not in countries and country not in countries


def dedupe(claims: list[Claim], headings: list[Span],
           mentions: Sequence[tuple[int, str]] = (), title_end: int = 0,
           text: str = "") -> list[Claim]:
    """One claim per figure and source. An unattributed figure in the headline or a crosshead
    yields to the same figure attributed elsewhere; the same source (same words, or the same
    canonical id: "المرصد" and "مدير المرصد رامي عبد الرحمن") repeating a figure counts once."""
    def in_heading(cl: Claim) -> bool:
        return any(h.start <= cl.evidence.start < h.end for h in headings)

    def in_title(cl: Claim) -> bool:
        return cl.evidence.start < title_end

    keys = source_keys(claims, mentions)
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for cl in claims:
        person = _person_key(cl.subject.text) if cl.count.value == 1 and cl.subject else ""
        groups.setdefault((cl.type, cl.count.key(), cl.mixed, person), []).append(cl)
    keep: list[Claim] = []
    for group in groups.values():
        group = _without_bare_documents(group)
        named = [cl for cl in group if cl.source.kind != "outlet"]
        pool = sorted((cl for cl in group
                       if not (named and cl.source.kind == "outlet"
                               and (in_heading(cl) or _restated_beside(cl, named, text)))),
                      key=lambda cl: cl.source.kind != "outlet" and (
                          in_title(cl), in_heading(cl)) or (False, False))
        # ... a named source's body figure is kept over its lead's and title's (they summarize)
        seen: list[tuple[str, int]] = []  # source keys kept, with their place in ``keep``
        ids: dict[str, list[int]] = {}  # a source id's kept claims
        voice: list[tuple[str | None, int]] = []  # the article's own figures kept: country, place
        for cl in pool:
            if cl.source.kind == "outlet":  # the article's voice repeats a figure (named or not)
                country = _city_country(cl)
                if voice and not _elsewhere(cl, [c for c, _ in voice]) \
                        and not _other_region(cl, [keep[k] for _, k in voice]):
                    mine = [k for c, k in voice if c == country] or [voice[-1][1]]
                    same = next((k for k in mine if not _listed_apart(keep[k], cl, text)
                                 and not _vague_elsewhere(keep[k], cl, in_heading)), None)
                    if same is not None and not _other_day(keep[same], cl):
                        _hedge_kept(keep, same, cl)
                        continue
                voice.append((country, len(keep)))
                keep.append(cl)
                continue
            key = keys[id(cl)]
            mine = [k for s, k in seen if _same_speaker(key, s)]
            if not mine and cl.source.id:
                mine = ids.get(cl.source.id, [])
            same = next((k for k in mine if not _listed_apart(keep[k], cl, text)
                         and not _vague_elsewhere(keep[k], cl, in_heading)), None)
            if same is not None and not _other_region(cl, [keep[same]]):
                _hedge_kept(keep, same, cl)
                continue
            seen.append((key, len(keep)))
            if cl.source.id:
                ids.setdefault(cl.source.id, []).append(len(keep))
            keep.append(cl)
    # a headline's or lead's one person is the one the body names with a source ("القبض على
    # مشتبه" in the lead, "قالت الشرطة إنها ألقت القبض على رجل" below)
    named_one = {cl.type for cl in keep if cl.count.value == 1 and cl.source.kind != "outlet"}
    keep = [cl for cl in keep if not (cl.count.value == 1 and cl.source.kind == "outlet"
                                      and cl.type in named_one and in_heading(cl))]
    keep = _without_retold_titles(keep, in_title)
    if text:
        keep = _without_one_named_twice(keep, in_title, text)
    keep.sort(key=lambda cl: cl.evidence.start)
    return _without_one_named_back(keep, text)


def _vague_elsewhere(kept: Claim, other: Claim, in_heading: Callable[[Claim], bool]) -> bool:
    """Whether two equal vague counts of the body ("عدة صواريخ", "عشرات") are placed in two
    places neither of which names the other ("شرق منطقة الزيتون", "قرب معبر صوفا"): two events,
    the vague word being no figure that tells one (a heading's count repeats the body's)."""
    a, b = kept.location, other.location
    if kept.count.vague is None or a is None or b is None or in_heading(kept) or in_heading(other):
        return False
    if a.name is not None and a.name == b.name or a.country is not None and a.country == b.country \
            and COUNTRY_PRECISION in (a.precision, b.precision):
        return False  # (one place, or a country or province and a place in its country)
    ta, tb = _without_articles(normalize_string(a.text)), _without_articles(normalize_string(b.text))
    return ta not in tb and tb not in ta


def _bare_document(cl: Claim) -> bool:
    """Whether a claim's source is a document noun alone ("البيان", "وأضاف البيان"): the
    statement of a speaker told before."""
    words = normalize_string(cl.source.text).split()
    return len(words) == 1 and without_article(words[0]) in attribution().documents


def _without_bare_documents(group: list[Claim]) -> list[Claim]:
    """A group of equal figures but those sourced to a bare document noun when a named
    source gives the same figure of the same people ("أعلن الجيش مقتل 6 مسلحين ... ووفق البيان
    ... مقتل 6 إرهابيين": the army's statement, one claim)."""
    bare = [cl for cl in group if _bare_document(cl)]
    if not bare:
        return group
    named = [cl for cl in group if cl.source.kind not in ("outlet", "unknown") and not _bare_document(cl)]
    return [cl for cl in group if cl not in bare or not any(_same_people(cl, o) for o in named)]


_SENTENCE_BREAK = re.compile(r"[.!?؟]\s|\n")


def _restated_beside(cl: Claim, named: list[Claim], text: str) -> bool:
    """Whether the article's own figure restates an equal figure a named source gives in its
    own, the previous or the next sentence ("قتل ستة من مليشيات الحوثي ... وقالت مصادر محلية
    إن ستة حوثيين قتلوا"): one claim, the named source's; not people of other kinds or sides
    (:func:`_listed_apart`), nor in another region."""
    if not text or cl.count.value is None:  # (equal vague words tell little: "عدد من")
        return False
    for other in named:
        lo, hi = sorted((cl.evidence, other.evidence), key=lambda e: e.start)
        if (len(_SENTENCE_BREAK.findall(text, lo.end, max(lo.end, hi.start))) <= 1
                or _retold_far(cl, other)) \
                and _same_people(cl, other) and not _listed_apart(other, cl, text) \
                and not (_a_part(cl, text) and _a_part(other, text)) \
                and not _other_region(cl, [other]):
            return True
    return False


FAR_UNSURE_CATEGORIES = frozenset({None, "unknown", "fighters"})


def _retold_far(cl: Claim, other: Claim) -> bool:
    """Whether the article's own figure, sentences away from a named source's equal one, tells
    it again: the same count to its qualifier ("أكثر من 10" is not "10") and above one (one
    "القيادي" is not another), people named by the same noun or category (not none), and no
    other day."""
    a, b = cl.subject, other.subject
    if cl.count != other.count or (cl.count.value or 0) <= 1 or a is None or b is None \
            or _other_day(other, cl):
        return False
    # fighters of two sides share a category ("عناصر من جبهة النصرة", "مقاتلين من الفرقة 30")
    return _head_stem(a.text) == _head_stem(b.text) \
        or a.category == b.category and a.category not in FAR_UNSURE_CATEGORIES


PART_WORDS = 3  #: words before a claim read for a breakdown word ("بينهم طفل وثلاث نساء")


def _a_part(cl: Claim, text: str) -> bool:
    """Whether a claim's figure is one of a breakdown's parts: a breakdown word within the
    :data:`PART_WORDS` words before it ("بينهم طفل [وثلاث نساء]"). Two equal parts in two
    sentences may be parts of two wholes (the Kurdish forces' and the opposition's detainees)."""
    return _in_breakdown(cl, text, PART_WORDS)


def _same_people(a: Claim, b: Claim) -> bool:
    """Whether two equal figures may count the same people: neither names any, both are of one
    known category, or their nouns are one ("ستة مدنيين", "مقتل أربعة مدنيين"; not "جندي
    ومسؤول" and "اثنان آخران", nor "ثمانية مهاجمين" and a bare "ثمانية"; "آخرين" is no noun)."""
    if a.subject is None or b.subject is None:
        return a.subject is None and b.subject is None
    if a.subject.category not in (None, "unknown") and a.subject.category == b.subject.category:
        return True
    head = _head_stem(a.subject.text)
    return head == _head_stem(b.subject.text) and head not in persons().others


def _head_stem(text: str) -> str:
    """The stem of a subject's first word past "من" ("من مسلحي التنظيم" -> مسلحي)."""
    words = [w for w in normalize_string(text).split() if w not in persons().partitive]
    return stems(words[0])[-1] if words else ""


#: events of one person that an article tells again with a definite noun ("اعتقال رجل" ...
#: "القبض على السائق"); a death is told again in other ways, and dies once
HELD_ONES = frozenset({"arrested", "abducted", "missing", "released", "returned"})


def _without_one_named_back(keep: list[Claim], text: str) -> list[Claim]:
    """Claims (in text order) less a count of one of :data:`HELD_ONES` whose subject is a
    definite noun naming back someone told of before ("القبض على السائق", "اختفاء الصحفي",
    "اعتقال المشتبه به") or a pronoun ("ألقي القبض عليه"), after a count of one of the same
    type by the same party, not in another country's city: that person, not another ("الآخر",
    "ثالث" name another; "بينهم القيادي" is one of a group, a part of its own)."""
    out: list[Claim] = []
    for cl in keep:
        if (_named_back_one(cl, text) or _pronoun_one(cl)) and not _in_breakdown(cl, text) and any(
                other.type == cl.type and _held_one(other) and _same_party(other, cl)
                and not _elsewhere(cl, [_city_country(other)]) for other in out):
            continue
        out.append(cl)
    return out


BREAKDOWN_CHARS = 16  #: characters before a claim read for a breakdown word ("بينهم")


def _in_breakdown(cl: Claim, text: str, words: int = 1) -> bool:
    """Whether a claim's evidence follows a breakdown word ("بينهم القيادي فلان"), or has one
    within the ``words`` words before it (read in ``words`` + 1 times BREAKDOWN_CHARS)."""
    reach = BREAKDOWN_CHARS if words == 1 else (words + 1) * BREAKDOWN_CHARS
    before = normalize_string(text[max(0, cl.evidence.start - reach):cl.evidence.start])
    keys = persons().breakdown.keys
    return any(not keys.isdisjoint(stems(w)) for w in before.split()[-words:])


def _held_one(cl: Claim) -> bool:
    """Whether a claim counts one person of :data:`HELD_ONES` and names a subject."""
    return cl.type in HELD_ONES and cl.count.value == 1 and cl.count.qualifier is None \
        and cl.subject is not None


def _pronoun_one(cl: Claim) -> bool:
    """Whether a claim counts one person of :data:`HELD_ONES` told by a pronoun ("ألقت الشرطة
    القبض عليه"): no subject; it names back the one held before, if any."""
    return cl.type in HELD_ONES and cl.count.value == 1 and cl.count.qualifier is None \
        and cl.subject is None


def _named_back_one(cl: Claim, text: str) -> bool:
    """Whether a :func:`_held_one` claim's subject opens with a definite noun and its first
    words name no other one ("المشتبه الآخر", "الثالث")."""
    if not _held_one(cl) or cl.subject is None or cl.subject.span is None:
        return False
    words = normalize_string(cl.subject.text).split()
    others = persons().one_other
    return bool(words) and without_article(words[0]) != words[0] \
        and not any(others.intersection(stems(w)) for w in _name_words(text, cl) + words)


def _same_party(a: Claim, b: Claim) -> bool:
    """Whether two claims have one asserting party: both the article's voice, one source id,
    or one source's words inside the other's."""
    if a.source.kind == "outlet" or b.source.kind == "outlet":
        return a.source.kind == b.source.kind
    if a.source.id and a.source.id == b.source.id:
        return True
    ta, tb = canon(a.source.text or ""), canon(b.source.text or "")
    return bool(ta and tb) and (ta in tb or tb in ta)


NAME_WINDOW = 4  #: words from a one-person claim's subject on that may name the person
NAME_CHARS = 80  #: characters read for them


def _name_words(text: str, cl: Claim) -> list[str]:
    """The person keys (:func:`_person_key`) of the words from a count-of-one claim's subject
    on, up to :data:`NAME_WINDOW`, and not past a kinship word after the first ("نجل الرئيس":
    the son alone)."""
    assert cl.subject is not None and cl.subject.span is not None
    start = cl.subject.span.start
    words = normalize_string(text[start:start + NAME_CHARS]).split()[:NAME_WINDOW]
    kin = persons().kin
    out: list[str] = []
    for w in words:
        forms = stems(w)
        is_kin = not kin.isdisjoint(forms)
        if out and is_kin:
            break
        out.append(forms[-1])
        if is_kin:
            break
    return out


def _without_one_named_twice(keep: list[Claim], in_title: Callable[[Claim], bool],
                             text: str) -> list[Claim]:
    """Claims less a title's count-of-one claim in the article's own voice that a
    body claim of the same type in that voice tells of the same person: one's subject is named
    among the other's first words ("اختفاء جمال" and "اختفاء الصحفي جمال خاشقجي", "مقتل فلسطيني"
    and "قتل شاب فلسطيني"), or the title's is a victims noun ("يخلف قتيلا"), where
    :func:`dedupe`'s person key saw two people."""
    def one(cl: Claim) -> bool:
        return cl.count.value == 1 and cl.source.kind == "outlet" and cl.subject is not None \
            and cl.subject.span is not None

    body = [(cl, _name_words(text, cl)) for cl in keep if one(cl) and not in_title(cl)]
    if not body:
        return keep
    out = []
    for cl in keep:
        if one(cl) and in_title(cl):
            mine = _name_words(text, cl)
            if any(other.type == cl.type and mine and words
                   and (mine[0] in words or words[0] in mine or _victim_word(mine[0]))
                   for other, words in body):
                continue  # ("يخلف قتيلا" in the title, "مقتل شخص" in the body: one death)
        out.append(cl)
    return out


def _victim_word(word: str) -> bool:
    """Whether a person key is a victims noun of one ("قتيل", "قتيلا", "جريح"), which names no
    one: a title's count of one told so is the body's one of its type."""
    return is_victim_noun(Token(NormOffset(0), NormOffset(len(word)), word, stems(word)))


def _without_retold_titles(keep: list[Claim], in_title: Callable[[Claim], bool]) -> list[Claim]:
    """Claims less a title's figure that the body tells again with a source of its own, whoever
    the title names ("حزب العمال يعلن مقتل 12" over "أعلنت قوات الدفاع الشعبي مقتل 12"): the
    title sums up the body."""
    body = {(cl.type, cl.count.key(), cl.mixed) for cl in keep
            if not in_title(cl) and cl.source.kind != "outlet"}
    return [cl for cl in keep if not (in_title(cl) and cl.source.kind != "outlet"
                                      and (cl.type, cl.count.key(), cl.mixed) in body)]


LIST_REACH = 90  #: characters between two figures of one list ("4 جنود و5 متعاقدين و4 مدنيين")
APART_KM = 40.0  #: towns at least this far apart, in two provinces, tell two events apart


def _town(cl: Claim, provinces: bool = False) -> tuple[str, float, float] | None:
    """The province and coordinates of a claim placed in a town or an area (or, with
    ``provinces``, in a province too: a place with a first-level region, no whole country),
    else None."""
    loc = cl.location if provinces else _below_country(cl)
    if loc is None or not loc.admin1 or loc.lat is None or loc.lon is None:
        return None
    return loc.admin1, loc.lat, loc.lon


def _other_region(cl: Claim, kept: list[Claim]) -> bool:
    """Whether the article's own figure happened in a town of another province, far from every
    town its figures kept so far name: "عدة براميل" on Zabadani and "عدة ضربات" on Sarrin are two
    events (a town and its suburb or district are one: a repeat)."""
    vague = cl.count.vague is not None  # "عدة غارات" on Marib and on Sanaa: a province tells
    mine = _town(cl, vague)
    if mine is None:
        return False
    for k in kept:
        other = _town(k, vague)
        if other is None or other[0] == mine[0] \
                or distance_km(mine[1], mine[2], other[1], other[2]) < APART_KM:
            return False
    return True


#: the side of a conflict each subject category stands on: equal figures of two sides are two
#: groups of people however far apart they are told
SIDES = {"fighters": "fighters", "soldiers": "forces", "police": "forces",
         "civilians": "civilians", "children": "civilians", "women": "civilians",
         "migrants": "civilians"}


def _listed_apart(kept: Claim, other: Claim, text: str = "") -> bool:
    """Whether two equal figures count two groups of people, not one told twice: people of two
    sides ("ثلاثة جنود هنود" and, in another village, "ثلاثة مسلحين"), or of different
    categories close together, as items of one list ("أربعة جنود ... وأربعة مدنيين"; a
    headline's "19 قتيلا" and the body's "قتل 19 شخصا" are one figure)."""
    a, b = kept.subject, other.subject
    if _others_after(kept, other, text):
        return True  # "مقتل نحو 10 متشددين، بعد ثلاثة أيام على مقتل عشرة آخرين": others
    known = [s.category for s in (a, b) if s is not None and s.category not in (None, "unknown")]
    if len(known) < 2 or known[0] == known[1]:
        return False
    sides = [SIDES.get(c) for c in known]
    return None not in sides and sides[0] != sides[1] \
        or abs(kept.evidence.start - other.evidence.start) <= LIST_REACH


OTHERS_REACH = (10, 200)  #: characters between a figure and "N آخرين" of its type after it


def _others_after(kept: Claim, other: Claim, text: str) -> bool:
    """Whether ``other``'s subject opens with "آخرين/آخرون" and follows ``kept`` in its
    sentence, :data:`OTHERS_REACH` characters on: others than the group just told ("مقتل نحو
    10 متشددين، بعد ثلاثة أيام على مقتل عشرة آخرين"; not a headline's "20 جريحا" and the body's
    "وأصيب 20 آخرون", others than the dead)."""
    subject = other.subject
    if subject is None or not text:
        return False
    words = normalize_string(subject.text).split()
    gap = text[kept.evidence.end:other.evidence.start]
    return bool(words) and not persons().others.isdisjoint(stems(words[0])) \
        and OTHERS_REACH[0] <= len(gap) <= OTHERS_REACH[1] and not ends_a_sentence(gap)


OTHER_DAY = 2  #: days between two stated days of equal figures that make them two events


def _other_day(kept: Claim, other: Claim) -> bool:
    """Whether two equal figures each state their own day, :data:`OTHER_DAY` or more apart: a
    timeline's "26 يوليو 2016: ... وقتل المهاجمان" and "1 أكتوبر 2017: تعرضت امرأتان لطعنات
    قاتلة" are two events, not a repeat."""
    a, b = kept.time, other.time
    if a is None or b is None or a.precision != "day" or b.precision != "day":
        return False
    da, db = a.day, b.day
    return da is not None and db is not None and abs((da - db).days) >= OTHER_DAY


def _hedge_kept(keep: list[Claim], at: int, repeat: Claim) -> None:
    """A source repeating its figure with a hedge the kept copy lacks ("أصيب ثلاثون" in the
    lead, "ما لا يقل عن 30" below): the kept claim takes the hedge."""
    kept = keep[at]
    if kept.count.qualifier is None and repeat.count.qualifier is not None \
            and kept.count.value == repeat.count.value:
        keep[at] = replace(kept, count=repeat.count)
