import pytest

from rasd.text.normalize import normalize, normalize_string


@pytest.mark.parametrize("raw, expected", [
    ("قُتِلَ", "قتل"),                       # diacritics
    ("مقاتلــــين", "مقاتلين"),              # tatweel
    ("أإآٱا", "ااااا"),                      # alef forms
    ("مستشفى", "مستشفي"),                   # alef maqsura
    ("مدينة", "مدينه"),                     # ta marbuta
    ("مؤتمر رئيس", "موتمر رييس"),            # hamza seats
    ("١٢٣٤٥٦٧٨٩٠", "1234567890"),           # Eastern digits
    ("۱۲۳۴", "1234"),                       # Persian digits
    ("١٬٢٠٠", "1,200"),                     # Arabic thousands separator
    ("٣٫٥", "3.5"),                         # Arabic decimal separator
    ("حلب\u200f\u200b", "حلب"),             # bidi / zero-width
    ("\u202bحلب\u202c", "حلب"),
    ("ﻻ", "لا"),                            # presentation-form ligature
])
def test_folds(raw, expected):
    assert normalize_string(raw) == expected


@pytest.mark.parametrize("raw", [
    "قُتِلَ ٩٣ مُقاتِلاً سوريّاً في ناغورنو كاراباخ",
    "الـ27 من الشهر\u200f الجاري ﻻ ﷲ",
    "plain ascii text",
    "",
])
def test_offset_map_points_back_to_the_original(raw):
    norm, n2o = normalize(raw)
    assert len(n2o) == len(norm) + 1 and n2o[-1] == len(raw)
    assert list(n2o) == sorted(n2o)
    for i, _ch in enumerate(norm):
        assert normalize_string(raw[n2o[i]])  # every kept char comes from a kept source char
    # a word found in the normalized text maps back to the same word in the original
    if "مقاتلا" in norm:
        s = norm.index("مقاتلا")
        e = s + len("مقاتلا")
        assert normalize_string(raw[n2o[s]:n2o[e - 1] + 1]) == "مقاتلا"


def test_original_text_is_untouched():
    raw = "قُتِلَ ٩٣"
    normalize(raw)
    assert raw == "قُتِلَ ٩٣"


def test_hashtag_underscores_read_as_spaces():
    from rasd.text.normalize import normalize
    norm, _ = normalize("#حقوق_الانسان")
    assert norm == "#حقوق الانسان"


# --- exactness: normalize(text) is its characters normalized one by one -------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

from rasd.text.normalize import _PRESENTATION, _normalize_slow  # noqa: E402

TATWEEL = "\u0640"
# characters whose lower-casing or folding is not one-to-one, ligatures, combining marks,
# controls, surrogates and the Arabic that news is written in
SPECIAL = ["İ", "ß", "ẞ", "Σ", "ς", "ﬁ", "ﬀ", "ﻻ", "ﷲ", "ﷺ", "ﹰ", "e\u0301", "\u0301", "\u0651",
           TATWEEL, "\u200f", "\u202b", "\ufeff", "\u00ad", "\ud800", "\udfff", "\U0001f600",
           "K", "\u212a", "Ⅻ", "½", "١", "۴", "٫", "٬", "_", "\n", " ", "\u00a0", "ـً"]
ARABIC = [chr(c) for c in range(0x0600, 0x0700)]
CHARS = st.one_of(st.sampled_from(SPECIAL), st.sampled_from(ARABIC),
                  st.integers(0, 0x10FFFF).map(chr))
TEXTS = st.lists(CHARS, max_size=40).map("".join)


def _per_character(text: str) -> tuple[str, tuple[int, ...]]:
    """The normalized text and offset map built one character at a time (the definition)."""
    pieces = [normalize(ch)[0] for ch in text]
    return "".join(pieces), tuple(i for i, p in enumerate(pieces) for _ in p) + (len(text),)


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(TEXTS)
def test_normalize_is_exact_for_any_string(text):
    assert normalize(text) == _per_character(text) == _normalize_slow(text)


def test_every_code_point_normalizes_on_its_own():
    # every code point, each followed by a (dropped) tatweel: without the presentation forms on
    # the fast path, with them on the exact one
    pieces = {chr(c): normalize(chr(c))[0] for c in range(0x110000)}
    for exact in (False, True):
        chars = [ch for ch in pieces if exact or not _PRESENTATION.match(ch)]
        text = TATWEEL.join(chars)
        n2o = [2 * i for i, ch in enumerate(chars) for _ in pieces[ch]] + [len(text)]
        assert normalize(text) == ("".join(pieces[ch] for ch in chars), tuple(n2o))


@pytest.mark.parametrize("raw, expected", [
    ("İdlib\u0640", "idlib"),       # lower() would make İ two characters; the tatweel drops one
    ("ΑΣ ΣΑ", "ασ σα"),              # a final Σ is σ, as it is on its own
    ("Straße", "straße"),
])
def test_case_folds_one_to_one(raw, expected):
    norm, n2o = normalize(raw)
    assert norm == expected and len(n2o) == len(norm) + 1


def test_turkish_capital_i_keeps_claim_spans():
    import rasd

    text = "İ قال المرصد إن 12 شخصاً قتلوا في حلب"
    (claim,) = rasd.extract(text)
    assert (claim.source.text, claim.subject.text) == ("المرصد", "شخصاً")


# --- canon: the one comparable form of a phrase ------------------------------------------------

import re  # noqa: E402

from rasd.text.normalize import canon  # noqa: E402


def test_canon_folds_and_single_spaces_and_keeps_marks_unless_told():
    assert canon("  وزارة   الصحة ") == canon("وزاره الصحه") == "وزاره الصحه"
    assert canon("المرصد (السوري)") == "المرصد (السوري)"
    assert canon("المرصد (السوري)", punctuation=False) == "المرصد السوري"
    assert canon("،.") == "،." and canon("،.", punctuation=False) == ""


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("قال المرصد،.()-_\"'\u0640\u064b\u00a0\t\n١2x#\x1c\u2028\u3000\u200b")),
               max_size=30))
def test_canon_without_punctuation_is_the_word_runs(text):
    # reconcile.keys.name_key and evaluate.match_form read the words of canon(punctuation=False)
    words = re.findall(r"\w+", normalize_string(text))
    assert canon(text, punctuation=False).split() == words
    assert canon(text).split() == normalize_string(text).split()
