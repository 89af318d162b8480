"""Where a claim is when its sentence names no place: the article's focus."""

import rasd


def _claims(text):
    return rasd.extract(text, published="2020-10-05", outlet="Test Outlet")


def test_nationality_adjectives_choose_the_country_of_the_article():
    text = ("الجيش النيجيري يحرر رهائن\n"
            "أعلن الجيش النيجيري تحرير رهائن في عملية قرب مدينة مايدوغوري.\n\n"
            "وقال المتحدث باسم الجيش النيجيري إن الجنود النيجيريين اعتقلوا 12 مسلحا. "
            "وزار الرئيس الكاميرون ثم تشاد والكاميرون.")
    claim = next(c for c in _claims(text) if c.type == "arrested")
    assert claim.location is not None and claim.location.country == "NG"


def test_article_about_a_country_as_a_whole_keeps_the_country():
    text = ("تقرير أممي عن ضحايا الحرب في أفغانستان\n"
            "قالت الأمم المتحدة في تقرير إن المدنيين في أفغانستان يدفعون ثمن الحرب.\n\n"
            "وذكر التقرير أن 1213 مدنيا قتلوا خلال العام. وشهدت مدينة قندز معارك عنيفة.")
    claim = next(c for c in _claims(text) if c.count.value == 1213)
    assert claim.location is not None and claim.location.text == "أفغانستان"


def test_adjectives_of_institutions_name_actors_not_places():
    text = ("مواجهات على حدود قطاع غزة\n"
            "اندلعت مواجهات على الحدود في قطاع غزة حيث أطلق الجيش الإسرائيلي النار.\n\n"
            "وقالت الحكومة الإسرائيلية إن الجيش الإسرائيلي رد على التظاهرات. "
            "وقتل 20 فلسطينيا برصاص القوات الإسرائيلية.")
    claim = next(c for c in _claims(text) if c.count.value == 20)
    assert claim.location is not None and claim.location.country == "PS"


def test_country_named_only_by_adjectives_can_be_the_focus():
    text = ("منظمة حقوقية تعرض في جنيف تقريرا عن المعتقلين اليمنيين\n"
            "قالت المنظمة إن المعتقلين اليمنيين يتعرضون للتعذيب في سجون الميليشيات اليمنية.\n\n"
            "وأشار التقرير إلى أن 77 معتقلا قتلوا تحت التعذيب.")
    claim = next(c for c in _claims(text) if c.count.value == 77)
    assert claim.location is not None and claim.location.country == "YE"
