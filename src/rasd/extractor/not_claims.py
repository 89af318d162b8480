"""Figures beside an event word that report no event: verdicts and prison terms, suspensions
from duty, standing populations, mourners and crowds, rates, infections, numbered names,
barrels of oil, a parent's children (``lang/ar/data/not_claims.yaml``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasd.extractor.lexicon import context, has_stem
from rasd.extractor.linking import Located
from rasd.lang.ar import load_data
from rasd.model import EVENT_TYPES, Token, Trigger


@dataclass(frozen=True)
class NotClaimLexicon:
    verdict_types: frozenset[str]
    verdicts: frozenset[str]
    carried_out: frozenset[str]  # "نفذت حكم الإعدام": an execution, no mere sentence
    carried_out_nouns: frozenset[str]  # "تم تنفيذ": ... after "تم" (``done``)
    done: frozenset[str]
    carried_out_window: int
    verdict_window: int
    death_sentences: frozenset[str]
    standing: frozenset[str]
    hosting: frozenset[str]
    held_there: frozenset[str]
    standing_window: int
    inhabitants: frozenset[str]
    rate_words: frozenset[str]
    diseases: frozenset[str]
    disease_subjects: frozenset[str]
    disease_window: int
    named_media: frozenset[str]
    oil_words: frozenset[str]
    oil_window: int
    protests: frozenset[str]
    protest_window: int
    attendance: frozenset[str]
    attendance_window: int
    aimed_at_crowds: frozenset[str]
    in_need: frozenset[str]
    in_need_window: int
    hospitals: frozenset[str]
    discharge_window: int
    parents: frozenset[str]
    parent_links: tuple[str, ...]
    per_period: frozenset[str]
    rate_window: int
    prison_words: frozenset[str]
    term_units: frozenset[str]
    prison_term_window: int
    duty_link: frozenset[str]
    duties: frozenset[str]
    suspension_window: int


@lru_cache(maxsize=1)
def lexicon() -> NotClaimLexicon:
    data = load_data("not_claims.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(w for w in data.words(key) if " " not in w)

    return NotClaimLexicon(
        verdict_types=frozenset(data.choices("verdict_types", EVENT_TYPES)),
        verdicts=words("verdicts"), carried_out=words("carried_out"),
        carried_out_nouns=words("carried_out_nouns"), done=words("done"),
        carried_out_window=data.integer("carried_out_window"),
        verdict_window=data.integer("verdict_window"), death_sentences=words("death_sentences"),
        standing=words("standing"), hosting=words("hosting"), held_there=words("held_there"),
        standing_window=data.integer("standing_window"), inhabitants=words("inhabitants"),
        rate_words=words("rate_words"),
        diseases=words("diseases"), disease_subjects=words("disease_subjects"),
        disease_window=data.integer("disease_window"),
        named_media=words("named_media"), oil_words=words("oil_words"),
        oil_window=data.integer("oil_window"), protests=words("protests"),
        protest_window=data.integer("protest_window"), attendance=words("attendance"),
        attendance_window=data.integer("attendance_window"),
        aimed_at_crowds=words("aimed_at_crowds"), in_need=words("in_need"),
        in_need_window=data.integer("in_need_window"), hospitals=words("hospitals"),
        discharge_window=data.integer("discharge_window"), parents=words("parents"),
        parent_links=tuple(data.words("parent_links")), prison_words=words("prison_words"),
        per_period=words("per_period"), rate_window=data.integer("rate_window"),
        term_units=words("term_units"), prison_term_window=data.integer("prison_term_window"),
        duty_link=words("duty_link"), duties=words("duties"),
        suspension_window=data.integer("suspension_window"))


def _near(toks: Sequence[Token], lo: int, hi: int, words: frozenset[str]) -> bool:
    return any(has_stem(toks[k], words) for k in range(max(0, lo), min(hi, len(toks))))


NEED_OF_REACH = 2  # "بحاجة [إلى] إجلاء": words from a need word to the event word it needs
LOSS_REACH = 8  # words from a figure of the missing to what they lost ("أعمالهم", "منازلهم")


def death_sentence(toks: Sequence[Token], t: Located, trig: Trigger) -> bool:
    """Whether killed word ``t`` is a death sentence passed on one person ("وحكم بالإعدام على
    امرأة", "صدر حكم بإعدامه", "تثبيت حكم الإعدام على زعيم الطائفة"): a verdict word within
    ``verdict_window`` words before it; no death."""
    lex = lexicon()
    return trig.type == "killed" and _sentence_only(toks, t.lo) \
        and _near(toks, t.lo - lex.verdict_window, t.lo, lex.verdicts)


def _sentence_only(toks: Sequence[Token], lo: int) -> bool:
    """Whether the word at token ``lo`` is a death sentence not carried out: a death-sentence
    word ("الإعدام") with no execution before it ("نفذت السلطات حكم الإعدام في زعيم الجماعة",
    "تم تنفيذ حكم الإعدام بحق 12": a past verb of carried_out, or its verbal noun after "تم")."""
    lex = lexicon()
    if not has_stem(toks[lo], lex.death_sentences):
        return False
    first = max(0, lo - lex.carried_out_window)
    return not (_near(toks, first, lo, lex.carried_out) or any(
        has_stem(toks[k], lex.carried_out_nouns) and k > 0 and has_stem(toks[k - 1], lex.done)
        for k in range(first, lo)))


def infection(toks: Sequence[Token], t: Located, trig: Trigger) -> bool:
    """Whether injury word ``t`` tells of an illness ("إصابة أحدهم بأعراض مرضية"): a disease
    word within ``disease_window`` words after the word after it."""
    lex = lexicon()
    return trig.type == "injured" and _near(toks, t.lo, t.hi + 1 + lex.disease_window,
                                            lex.diseases)


def term_or_suspension(toks: Sequence[Token], t: Located, trig: Trigger) -> bool:
    """Whether arrest word ``t`` is a prison term ("سجن الناشط لمدة ست سنوات") or a suspension
    from duty ("إيقاف الضابط عن العمل"), not an arrest."""
    if trig.type != "arrested":
        return False
    lex = lexicon()
    if has_stem(toks[t.lo], lex.prison_words) \
            and _near(toks, t.hi, t.hi + lex.prison_term_window, lex.term_units):
        return True
    end = min(len(toks) - 1, t.hi + lex.suspension_window)
    return any(has_stem(toks[k], lex.duty_link) and has_stem(toks[k + 1], lex.duties)
               for k in range(t.hi, end))


def _attendees(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """Whether figure ``c`` counts mourners, marchers or a crowd, not victims: an attendance
    word within ``attendance_window`` words before it with the event word not between ("شيع
    آلاف الفلسطينيين مسعفة قتلت"; but "شيع جثامين 29 طفلا" counts the dead), or between it
    and the event word after it ("آلاف اليمنيين يشيعون جثامين"). Munitions take part
    ("شارك بـ12 صاروخا"), and the displaced gather ("عشرات الآلاف تجمعوا عند الحدود"); the
    dead and wounded are not the crowd a shooting was aimed at ("استهدف آلاف المتظاهرين")."""
    if trig.type in ("strikes", "displaced"):
        return False
    lex = lexicon()
    words = lex.attendance | lex.aimed_at_crowds if trig.type in ("killed", "injured") \
        else lex.attendance
    if any(has_stem(toks[k], words) and not k < t.lo < c.lo
           for k in range(max(0, c.lo - lex.attendance_window), c.lo)):
        return True
    return t.lo > c.hi and _near(toks, c.hi, min(t.lo, c.hi + lex.attendance_window),
                                 lex.attendance)


def in_need(toks: Sequence[Token], c: Located, start: int = 0) -> bool:
    """Whether figure ``c`` counts people in need: a need word from token ``start`` (by default
    ``in_need_window`` words before) to the figure ("وحاجة 8.4 مليون للمياه")."""
    lex = lexicon()
    return _near(toks, start or c.lo - lex.in_need_window, c.lo, lex.in_need)


def reports_no_event(toks: Sequence[Token], c: Located, t: Located, trig: Trigger) -> bool:
    """Whether figure ``c`` linked to trigger ``t`` is one of the figures that report no event."""
    lex = lexicon()
    first, last = min(c.lo, t.lo), max(c.hi, t.hi)
    if trig.type in lex.verdict_types and _near(toks, first - lex.verdict_window,
                                                 last + 1, lex.verdicts) and (
            trig.type != "killed" or _sentence_only(toks, t.lo)):
        return True  # "حكم بسجن 10 متهمين", "السجن المؤبد لستة صحفيين", "حكم بالإعدام على 5"
    if trig.type == "killed" and has_stem(toks[t.lo], lex.death_sentences) and c.hi < len(toks) \
            and has_stem(toks[c.hi], context().accused):
        return True  # "قضت المحكمة ... بإعدام 17 متهما": the accused sentenced, not executed
    if term_or_suspension(toks, t, trig):
        return True  # "سجن 3 ناشطين ست سنوات", "إيقاف 12 موظفا عن العمل"
    if c.hi <= t.lo and _near(toks, max(c.hi, t.lo - NEED_OF_REACH), t.lo, lex.in_need):
        return True  # "أكثر من ألف شخص بحاجة إلى إجلاء طبي": people in need of the event (not
        # "مئات الأشخاص في حاجة إلى علاج جروح أصيبوا بها": in need of care, wounded)
    if _near(toks, c.lo - lex.standing_window, c.lo, lex.standing) or trig.type != "killed" \
            and c.hi < len(toks) and has_stem(toks[c.hi], lex.inhabitants):
        return True  # "يعيش فيها نحو 200 ألف مدني"; "نحو 400 ألف نسمة" who would flee, or
        # are held as human shields ("يحتجز نحو 100 الف نسمة")
    if trig.type == "displaced" and _near(toks, c.lo - lex.standing_window, c.lo, lex.hosting):
        return True  # "واستقبال أكثر من مليوني سوري هربوا من العنف": refugees hosted
    if trig.type == "arrested" and trig.role == "noun" \
            and _near(toks, c.lo - lex.standing_window, c.lo, lex.held_there):
        return True  # "هناك ما يقارب 6500 أسير في سجون الاحتلال": prisoners held
    if _attendees(toks, c, t, trig):
        return True  # "شيع آلاف الفلسطينيين مسعفة قتلت", "حضرها الآلاف"
    if in_need(toks, c, max(t.hi, c.lo - lex.in_need_window) if t.lo < c.lo else c.lo):
        return True  # "يحتاج 22 مليونا إلى المساعدة": in need, no victims
    if c.lo > 0 and has_stem(toks[c.lo - 1], lex.rate_words):
        return True  # "5 قتلى لكل 100 ألف"
    after = max(c.hi, t.hi)
    if after < len(toks) and has_stem(toks[after], lex.rate_words):
        return True  # "20 حالة قتل لكل 100 ألف شخص": a rate of the figure itself
    if _near(toks, c.hi, max(c.hi, t.hi) + lex.rate_window, lex.per_period):
        return True  # "ترحيل زهاء مئة ألف مهاجر سنويا": an average per year
    if c.lo > 0 and has_stem(toks[c.lo - 1], lex.parents) \
            and toks[c.lo].text.startswith(lex.parent_links):
        return True  # "تونسي أب لطفلين": a family, not victims
    if trig.type == "strikes" and _near(toks, c.hi, c.hi + lex.oil_window + 1, lex.oil_words):
        return True  # "450 ألف برميل من النفط"
    if trig.type == "displaced" and _near(toks, c.hi, after + lex.protest_window, lex.protests):
        return True  # "خروج الآلاف من الفلسطينيين في مظاهرات", "قد خرجوا في مظاهرات"
    if trig.type == "displaced" and trig.role == "verb" \
            and _near(toks, after, after + lex.discharge_window, lex.hospitals):
        return True  # "خرج ثلاثة منهم من المستشفيات": discharged
    if trig.type == "missing" and _near(toks, last + 1, last + 1 + LOSS_REACH,
                                        context().lost_possessions):
        return True  # "فقد 350 من الصحافيين والعاملين في وسائل الإعلام أعمالهم": jobs lost
    if trig.type == "injured" and _near(toks, first, last + lex.disease_window, lex.diseases):
        return True  # "إصابة 300 شخص بالكوليرا"
    if trig.type == "injured" and trig.role == "verb" \
            and _near(toks, t.lo - lex.disease_window, max(t.lo, c.lo), lex.disease_subjects):
        return True  # "الكوليرا التي أصابت 1.1 مليون شخص", "وأصابت الكوليرا 200 ألف شخص"
    return c.lo >= 2 and has_stem(toks[c.lo - 2], lex.named_media)  # "موقع سويداء 24"
