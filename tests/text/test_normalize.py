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
    for i, ch in enumerate(norm):
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
