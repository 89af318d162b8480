"""Where a claim is when neither its sentence nor the one before names a place: the article's
focus (rasd.extractor.focus). Cases as in test_placing."""

import pytest

import rasd
from rasd.extractor.placing import PlaceChooser

CASES = {
    "nationality adjectives choose the article's country": (
        "الجيش النيجيري يحرر رهائن\n"
        "أعلن الجيش النيجيري تحرير رهائن في عملية قرب مدينة مايدوغوري.\n\n"
        "وقال المتحدث باسم الجيش النيجيري إن الجنود النيجيريين اعتقلوا 12 مسلحا. "
        "وزار الرئيس الكاميرون ثم تشاد والكاميرون.",
        "arrested", ("country", "NG")),
    "an article about a country as a whole keeps the country": (
        "تقرير أممي عن ضحايا الحرب في أفغانستان\n"
        "قالت الأمم المتحدة في تقرير إن المدنيين في أفغانستان يدفعون ثمن الحرب.\n\n"
        "وذكر التقرير أن 1213 مدنيا قتلوا خلال العام. وشهدت مدينة قندز معارك عنيفة.",
        1213, ("is", "أفغانستان")),
    "adjectives of institutions name actors, not places": (
        "مواجهات على حدود قطاع غزة\n"
        "اندلعت مواجهات على الحدود في قطاع غزة حيث أطلق الجيش الإسرائيلي النار.\n\n"
        "وقالت الحكومة الإسرائيلية إن الجيش الإسرائيلي رد على التظاهرات. "
        "وقتل 20 فلسطينيا برصاص القوات الإسرائيلية.",
        20, ("country", "PS")),
    "a country named only by adjectives can be the focus": (
        "منظمة حقوقية تعرض في جنيف تقريرا عن المعتقلين اليمنيين\n"
        "قالت المنظمة إن المعتقلين اليمنيين يتعرضون للتعذيب في سجون الميليشيات اليمنية.\n\n"
        "وأشار التقرير إلى أن 77 معتقلا قتلوا تحت التعذيب.",
        77, ("country", "YE")),
}


@pytest.mark.parametrize("text, which, expected", CASES.values(), ids=list(CASES))
def test_focus(text, which, expected, claim_of, check_location):
    check_location(claim_of(text, which), expected)


def test_title_weight_counts_in_normalized_offsets():
    # the title's 30 tatweels are dropped from the normalized text: its end there is 30 characters
    # before the original one, so Homs (in the lead) gets no title weight and Aleppo wins
    doc = rasd.extract_document(
        "في حمص قتل 5 أشخاص بعد قصف عنيف استمر طوال الليل في حلب. وشهدت حلب قتالا.",
        title="مقتل 10 أشخاص" + "\u0640" * 30)
    assert PlaceChooser(doc).focus.place.text == "حلب"


def test_a_title_cut_in_two_sentences_still_has_a_lead(check_location):
    body = ("سيطرت القوات اليمنية الجمعة على ميناء الحيمة في مديرية التحيتا جنوب الحديدة.\n\n"
            "وتقدمت القوات على عدة محاور.\n\n"
            "وقال مصدر عسكري إن 38 مسلحا قتلوا في المعارك.")
    claim = next(c for c in rasd.extract(body, title="اليمن.. القوات تسيطر على ميناء")
                 if c.count.value == 38)
    check_location(claim, ("in", "التحيتا"))  # the body's first sentence is the lead
