"""Tests for rasd.text.numbers: figures (counts) in normalized Arabic text."""

from __future__ import annotations

import io
import json
import re
import time
import tokenize
from pathlib import Path

import pytest

from rasd.model import VAGUE_WORDS, Count
from rasd.text import numbers
from rasd.text.normalize import normalize
from rasd.text.numbers import find_counts

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus" / "articles.jsonl"
DEV = SHARED / "eval" / "dev.jsonl"

KINDS = {"count", "year", "date", "time", "age", "duration", "money", "percent", "distance",
         "measure", "ordinal", "reference", "phone", "decimal", "score", "out_of_range",
         "unspecified"}


def _n(text: str) -> str:
    return normalize(text)[0]


def _mention(text: str, span: str):
    """The single mention of ``text`` whose span is exactly ``span`` (both normalized)."""
    norm = _n(text)
    found = find_counts(norm)
    hits = [m for m in found if norm[m.start:m.end] == _n(span)]
    assert hits, f"no mention {span!r} in {[norm[m.start:m.end] for m in found]}"
    assert len(hits) == 1
    return hits[0]


def V(value: int, qualifier: str | None = None) -> Count:
    return Count(value=value, qualifier=qualifier)


def R(lo: int, hi: int) -> Count:
    return Count(min=lo, max=hi)


def G(word: str) -> Count:
    return Count(vague=word)


# (text, span of the figure, count) -- all of kind "count"
COUNTS = [
    ("وبلغ عدد الموقوفين في هذه القضية (17 شخصا)", "17", V(17)),  # no case number
    # digits
    ("قتل 93 مقاتلا سوريا", "93", V(93)),
    ("أصيب ١٢٠ شخصاً", "١٢٠", V(120)),
    ("نزوح ١٬٢٠٠ أسرة", "١٬٢٠٠", V(1200)),
    ("نزوح 1.200 عائلة من القرية", "1.200", V(1200)),
    ("تهجير 1,500,000 شخص", "1,500,000", V(1_500_000)),
    ("فرار 1.5 مليون لاجئ", "1.5 مليون", V(1_500_000)),
    ("بلغ عددهم ٥٫٦ مليون شخص", "٥٫٦ مليون", V(5_600_000)),
    ("بلغ عددهم 5,6 مليون شخص", "5,6 مليون", V(5_600_000)),
    ("سقوط 20 ألفاً من المدنيين", "20 ألفاً", V(20_000)),
    ("مقتل 15 الف شخص", "15 الف", V(15_000)),
    ("تشريد 3 ملايين شخص", "3 ملايين", V(3_000_000)),
    ("نزوح نحو 3 مليين شخص", "نحو 3 مليين", V(3_000_000, "about")),  # a common misspelling
    ("خسائر بقيمة 3.5 مليار", "3.5 مليار", V(3_500_000_000)),
    ("نزوح 10.000 شخص", "10.000", V(10_000)),
    ("حوالي 5ر1 مليون نازح", "حوالي 5ر1 مليون", V(1_500_000, "about")),
    ("نقل 40 آلاف", "40 آلاف", V(40_000)),
    ("المصابين الـ27 في المستشفى", "الـ27", V(27)),
    ("من المصابين الـ 220 جرحوا", "الـ 220", V(220)),
    ("قتل رجلان و8 أطفال", "و8", V(8)),
    ("تسببا ب90 حالة اختناق", "ب90", V(90)),
    ("قدرت الخسائر بـ 4921 حالة", "بـ 4921", V(4921)),
    ("و 162 إصابة بسبب الاشتباكات", "و 162", V(162)),
    ("قُتِلَ ٣٠ مُسلحـاً", "٣٠", V(30)),
    ("1592- حالة وفاة", "1592", V(1592)),
    ("والقضاء على عدد (13) فرد", "13", V(13)),
    ("إطلاق 7 صواريخ", "7", V(7)),
    ("قتل 2000 شخص في المعارك", "2000", V(2000)),
    # number words
    ("مقتل ثلاثة جنود", "ثلاثة", V(3)),
    ("شنت عليها ثلاث غارات", "ثلاث", V(3)),
    ("جنازات لأربعة جنود", "لأربعة", V(4)),
    ("قتل المهاجمين الثلاثة", "الثلاثة", V(3)),
    ("سقوط تسعة قتلى", "تسعة", V(9)),
    ("وإصابة اثنين آخرين", "اثنين", V(2)),
    ("توفي اثنان منهم لاحقا", "اثنان", V(2)),
    ("أصيبت اثنتان منهن", "اثنتان", V(2)),
    ("مقتل شخص واحد", "واحد", V(1)),
    ("أحد جنودها قتل", "أحد", V(1)),
    ("مقتل أحد عشر شخصا", "أحد عشر", V(11)),
    ("إحدى عشرة امرأة", "إحدى عشرة", V(11)),
    ("اعتقال اثني عشر ناشطا", "اثني عشر", V(12)),
    ("قتل ثلاثة عشر مدنيا", "ثلاثة عشر", V(13)),
    ("تسع عشرة سيدة", "تسع عشرة", V(19)),
    ("عشرون قتيلا", "عشرون", V(20)),
    ("إصابة نحو خمسين آخرين", "نحو خمسين", V(50, "about")),
    ("مقتل ثلاثة وعشرين مدنيا", "ثلاثة وعشرين", V(23)),
    ("خمس وأربعون غارة", "خمس وأربعون", V(45)),
    ("بينهم مائة طفل", "مائة", V(100)),
    ("بينهم مئة طفل", "مئة", V(100)),
    ("مائتا جندي", "مائتا", V(200)),
    ("أكثر من مائتي مدني", "أكثر من مائتي", V(200, "at_least")),
    ("ثلاثمئة أسير", "ثلاثمئة", V(300)),
    ("ثلاثمائة أسير", "ثلاثمائة", V(300)),
    ("ثلاث مئة أسير", "ثلاث مئة", V(300)),
    ("خمسمائة نازح", "خمسمائة", V(500)),
    ("مئة وخمسون مقاتلا", "مئة وخمسون", V(150)),
    ("مئة وخمسة وعشرون شخصا", "مئة وخمسة وعشرون", V(125)),
    ("ألف مقاتل", "ألف", V(1000)),
    ("ألفا مهاجر", "ألفا", V(1000)),
    ("ألفان من اللاجئين", "ألفان", V(2000)),
    ("إعادة ألفين من اللاجئين", "ألفين", V(2000)),
    ("نزوح ثلاثة آلاف شخص", "ثلاثة آلاف", V(3000)),
    ("مقتل نحو عشرة آلاف شخص", "نحو عشرة آلاف", V(10_000, "about")),
    ("خمسة عشر ألفا من المقاتلين", "خمسة عشر ألفا", V(15_000)),
    ("ألف ومئتان من الأسرى", "ألف ومئتان", V(1200)),
    ("ثلاثة آلاف وخمسمئة مدني", "ثلاثة آلاف وخمسمئة", V(3500)),
    # a scale word completed by "و" + digits
    ("القبض على أكثر من ألف و500 مشتبه به", "أكثر من ألف و500", V(1500, "at_least")),
    ("نزوح 3 آلاف و200 شخص", "3 آلاف و200", V(3200)),
    ("عودة مليونين و300 ألف لاجئ", "مليونين و300 ألف", V(2_300_000)),
    ("مئة ألف نازح", "مئة ألف", V(100_000)),
    ("ثلاث مئة وخمسون ألفا", "ثلاث مئة وخمسون ألفا", V(350_000)),
    ("مليون لاجئ", "مليون", V(1_000_000)),
    ("مليونا شخص", "مليونا", V(1_000_000)),
    ("مليونان من النازحين", "مليونان", V(2_000_000)),
    ("تشريد حوالي ثلاثة ملايين آخرين", "حوالي ثلاثة ملايين", V(3_000_000, "about")),
    ("نزوح مليون ونصف", "مليون ونصف", V(1_500_000)),
    ("نزوح مليونين ونصف", "مليونين ونصف", V(2_500_000)),
    ("واختناق قرابة الألف", "قرابة الألف", V(1000, "about")),
    ("قُتِلَ ثَلاثَةُ أَشْخاصٍ", "ثَلاثَةُ", V(3)),
    ("وقتل الثلاثة والعشرون", "الثلاثة والعشرون", V(23)),
    # dual nouns
    ("سقوط قتيلين", "قتيلين", V(2)),
    ("إصابة جريحان", "جريحان", V(2)),
    ("قتل مقاتلان", "مقاتلان", V(2)),
    ("توفي شخصان", "شخصان", V(2)),
    ("تسمم شخصين بالمادة", "شخصين", V(2)),
    ("وفاة زوجين اختناقا بالغاز", "زوجين", V(2)),  # a couple: broken plural أزواج
    ("مقتل جنديين تركيين", "جنديين", V(2)),
    ("وفاة طفلين", "طفلين", V(2)),
    ("اعتقل مع رجلين آخرين", "رجلين", V(2)),
    ("بينهم امرأتان", "امرأتان", V(2)),
    ("إصابة امرأتين", "امرأتين", V(2)),
    ("قتل مدنيان", "مدنيان", V(2)),
    ("من بينهم شرطيان", "شرطيان", V(2)),
    ("مقتل ضابطين", "ضابطين", V(2)),
    ("مقتل عنصرين من القسام", "عنصرين", V(2)),
    ("ولقي قياديان بارزان", "قياديان", V(2)),
    ("اعتراض صاروخين", "صاروخين", V(2)),
    ("شنت الطائرات غارتين", "غارتين", V(2)),
    ("سقوط قذيفتين", "قذيفتين", V(2)),
    ("وتوفي الرجلان في المستشفى", "الرجلان", V(2)),
    ("قصف بصاروخين", "بصاروخين", V(2)),
    ("قتل فلسطينيان اثنان", "فلسطينيان اثنان", V(2)),
    # qualifiers
    ("مقتل نحو 100 شخص", "نحو 100", V(100, "about")),
    ("مقتل حوالي 300 شخص", "حوالي 300", V(300, "about")),
    ("مقتل حوالى 300 شخص", "حوالى 300", V(300, "about")),
    ("مقتل قرابة 100 شخص", "قرابة 100", V(100, "about")),
    ("مقتل ما يقارب 70 شخصا", "ما يقارب 70", V(70, "about")),
    ("إن ما يقرب من 5000 مدني قتل", "ما يقرب من 5000", V(5000, "about")),
    ("نزوح زهاء 400 أسرة", "زهاء 400", V(400, "about")),
    ("قتل 60 تقريبا", "60 تقريبا", V(60, "about")),
    ("نزح بنحو 20 ألف", "بنحو 20 ألف", V(20_000, "about")),
    ("ونحو 2200 طفل", "ونحو 2200", V(2200, "about")),
    ("قتل أكثر من 50 شخصا", "أكثر من 50", V(50, "at_least")),
    ("وأكثر من 2400 جريح", "وأكثر من 2400", V(2400, "at_least")),
    ("قصف بأكثر من 8 صواريخ", "بأكثر من 8", V(8, "at_least")),
    ("مقتل ما لا يقل عن 31 فلسطينياً", "ما لا يقل عن 31", V(31, "at_least")),
    ("أصيب لا يقل عن 16 آخرين", "لا يقل عن 16", V(16, "at_least")),
    ("اعتقال ما يزيد عن 200 شخص", "ما يزيد عن 200", V(200, "at_least")),
    ("اعتقال ما يزيد على 200 شخص", "ما يزيد على 200", V(200, "at_least")),
    ("خلف أزيد من 8900 قتيل", "أزيد من 8900", V(8900, "at_least")),
    ("عدد يزيد على 40", "يزيد على 40", V(40, "at_least")),
    ("قتل 50 على الأقل", "50 على الأقل", V(50, "at_least")),
    ("قتل خلاله على الأقل 26 مقاتلا", "على الأقل 26", V(26, "at_least")),
    ("أصيب أقل من 10 أشخاص", "أقل من 10", V(10, "at_most")),
    ("عدد لا يتجاوز 30", "لا يتجاوز 30", V(30, "at_most")),
    ("ما لا يزيد عن 20 شخصا", "ما لا يزيد عن 20", V(20, "at_most")),
    ("قد يقتل حتى 500 شخص", "حتى 500", V(500, "up_to")),
    ("نزوح ما يصل إلى 700 ألف", "ما يصل إلى 700 ألف", V(700_000, "up_to")),
    # ranges
    ("مقتل بين 40 و50 شخصا", "بين 40 و50", R(40, 50)),
    ("مقتل ما بين 40 و 50 شخصا", "ما بين 40 و 50", R(40, 50)),
    ("مقتل من 40 إلى 50 شخصا", "من 40 إلى 50", R(40, 50)),
    ("من 42 إلى أكثر من 60 شخصا", "من 42 إلى أكثر من 60", R(42, 60)),
    ("مقتل 40 إلى 50 شخصا", "40 إلى 50", R(40, 50)),
    ("مقتل 40-50 شخصا", "40-50", R(40, 50)),
    ("ما بين عشرين وثلاثين مدنيا", "ما بين عشرين وثلاثين", R(20, 30)),
    ("مقتل ما بين 110 مدنيين و150 مدنيا", "ما بين 110 مدنيين و150", R(110, 150)),
    ("مقتل ثلاثة أو أربعة أشخاص", "ثلاثة أو أربعة", R(3, 4)),
    ("نزوح ما بين 270 و330 ألف سوري", "ما بين 270 و330 ألف", R(270_000, 330_000)),
    ("ما بين ثلاثة وأربعة آلاف مقاتل", "ما بين ثلاثة وأربعة آلاف", R(3000, 4000)),
    # vague
    ("مقتل عشرات الحوثيين", "عشرات", G("tens")),
    ("مقتل العشرات من قوات النظام", "العشرات", G("tens")),
    ("والعشرات من الجرحى", "والعشرات", G("tens")),
    ("قصف بعشرات القذائف", "بعشرات", G("tens")),
    ("وأصيب مئات آخرون", "مئات", G("hundreds")),
    ("ونُقل المئات من المهاجرين", "المئات", G("hundreds")),
    ("دفع بالمئات من مقاتليها", "بالمئات", G("hundreds")),
    ("فر آلاف اليمنيين", "آلاف", G("thousands")),
    ("مقتل وإصابة الآلاف", "الآلاف", G("thousands")),
    ("سقط الضحايا بالآلاف", "بالآلاف", G("thousands")),
    ("خرجت ألوف المتظاهرين", "ألوف", G("thousands")),
    ("نزوح عشرات الآلاف", "عشرات الآلاف", G("tens_of_thousands")),
    ("نزوح عشرات آلاف المدنيين", "عشرات آلاف", G("tens_of_thousands")),
    ("تشريد مئات الآلاف", "مئات الآلاف", G("hundreds_of_thousands")),
    ("تشريد مئات آلاف السوريين", "مئات آلاف", G("hundreds_of_thousands")),
    ("قتل عدد من مسلحي الحوثي", "عدد من", G("several")),
    ("وسقط عددا من القتلى", "عددا من", G("several")),
    ("وجرح عدد آخر", "عدد آخر", G("several")),
    ("أطلقت عدة صواريخ", "عدة", G("several")),
    ("بعدة صواريخ", "بعدة", G("several")),
    ("مقتل بضعة جنود", "بضعة", G("several")),
    ("اعتقال العديد من مواطنيها", "العديد من", G("several")),
    ("نزوح بضعة آلاف", "بضعة آلاف", G("thousands")),
    ("وصول عدة مئات من المقاتلين", "عدة مئات", G("hundreds")),
    ("قتل مدني وأصيب آخران", "آخران", V(2)),
    ("كما قتل أحد أعضاء حركة حماس", "أحد", V(1)),
    ("قدر عدد القتلى بما بين ألفين وثلاثة آلاف", "بين ألفين وثلاثة آلاف", R(2000, 3000)),
    ("وصل إلى مليون وثلاثة آلاف", "مليون وثلاثة آلاف", V(1003000)),
    ("نزوح أكثر من مليون ونصف مليون", "أكثر من مليون ونصف", V(1500000, "at_least")),
    ("واعتقل أحد قادة تنظيم داعش", "أحد", V(1)),
    ("وأعلنت الجماعة مقتل أحد كبار قادتها", "أحد", V(1)),  # one of the most senior
    # after a reference word, a figure opening with "و" is a conjunct, no reference number
    ("أن قائد الكتيبة و5 من مرافقيه قتلوا", "و5", V(5)),
]


@pytest.mark.parametrize("text,span,count", COUNTS)
def test_counts(text: str, span: str, count: Count) -> None:
    m = _mention(text, span)
    assert m.count == count
    assert m.kind == "count"


# (text, span of the figure, kind)
NON_COUNTS = [
    ("ركاب الطائرة إم أتش 17 قتلوا", "17", "reference"),
    ("طائرة تورنادو جي آر 4 المحملة", "4", "reference"),
    ("وقتل قائد الكتيبة 5 في الهجوم", "5", "reference"),
    ("قتل في عام 2018", "2018", "year"),
    ("محتجز منذ 2016", "2016", "year"),
    ("خلال العام 2017 قتل", "2017", "year"),
    ("في 1439 هـ", "1439", "year"),
    ("أواخر عام 2014م", "2014", "year"),
    ("في يونيو 2018 قتل", "2018", "year"),
    ("في تشرين الأول/أكتوبر 2016", "2016", "year"),
    ("الانتخابات 2018 الرئاسية", "2018", "year"),
    ("الحرب 2011-2014", "2011-2014", "year"),
    ("بين 2002 و2004 تبنت", "بين 2002 و2004", "year"),
    ("قتل يوم 27 يناير", "27", "date"),
    ("في 12 كانون الثاني الماضي", "12", "date"),
    ("أحداث 26 جانفي", "26", "date"),
    ("في الـ27 من الشهر الجاري", "الـ27", "date"),
    ("في ١٢/٥/٢٠١٨ قتل", "١٢/٥/٢٠١٨", "date"),
    ("في 10 و11 مايو", "10", "date"),
    ("في 10 و11 مايو", "و11", "date"),
    ("عند الساعة 5 فجرا", "5", "time"),
    ("في تمام 5:30 قتل", "5:30", "time"),
    ("عند 10 صباحا", "10", "time"),
    ("مقتل شاب يبلغ 20 عاماً", "20", "age"),
    ("انتشال جثة مسلم (24 عاماً)", "24", "age"),
    ("طفل عمره 5 سنوات", "5", "age"),
    ("رجل يبلغ من العمر 23 عاما", "23", "age"),
    ("سجن منذ 7 سنوات", "7", "duration"),
    ("قتل 32 مدنيا خلال 24 ساعة", "24", "duration"),
    ("لمدة ست سنوات", "ست", "duration"),
    ("استمر القتال عشرة أيام", "عشرة", "duration"),
    ("منذ أكثر من 39 يوما", "أكثر من 39", "duration"),
    ("لعدة أيام", "لعدة", "duration"),
    ("مساعدات بقيمة 100 دولار", "100", "money"),
    ("خسائر بقيمة مليون دولار", "مليون", "money"),
    ("خسر 5 ملايين يورو", "5 ملايين", "money"),
    ("تبرع بـ$50", "50", "money"),
    ("دفع 300 جنيه", "300", "money"),
    ("كلفت عشرات الدولارات", "عشرات", "money"),
    ("ارتفعت بنسبة 20%", "20", "percent"),
    ("ارتفعت بنسبة 20 %", "20", "percent"),
    ("أكثر من 80 في المئة من درعا", "أكثر من 80", "percent"),
    ("نحو 15 بالمئة", "نحو 15", "percent"),
    ("تراجع 30 في المائة", "30", "percent"),
    ("بعمق 10 كم", "10", "distance"),
    ("على بعد 450 كلم شرق طرابلس", "450", "distance"),
    ("بعمق 20 كيلومترا", "20", "distance"),
    ("على بعد 300 متر", "300", "distance"),
    ("ضبط 5 أطنان من المتفجرات", "5", "measure"),
    ("ضبط 10 كيلوغرامات", "10", "measure"),
    ("بموجب المادة 5", "5", "reference"),
    ("ودمرت مضاد طيران عيار 23", "23", "reference"),
    ("دمرت مدفع هاون عيار (120) وقتل", "120", "reference"),
    ("الخميس 20 أكتوبر2016 إلى مقتل", "20", "date"),  # the year glued to its month
    ("القرار 2254 الصادر", "2254", "reference"),
    ("الطريق رقم 3", "3", "reference"),
    ("طائرات إف-16", "16", "reference"),
    ("منظومة S-400 الروسية", "400", "reference"),
    ("للاتصال 0555123456", "0555123456", "phone"),
    ("اتصلوا على +966 55 123 4567", "+966 55 123 4567", "phone"),
    ("بمعدل 2.5 لكل ألف", "2.5", "decimal"),
    ("في القرن العشرين", "العشرين", "ordinal"),
    ("فاز بنتيجة 3-1", "3-1", "score"),
    ("ما يرفع إلى 892 مدنيا عدد من قتلوا", "عدد من", "unspecified"),  # the number of those who
]


@pytest.mark.parametrize("text,span,kind", NON_COUNTS)
def test_non_counts(text: str, span: str, kind: str) -> None:
    assert _mention(text, span).kind == kind


# texts with no figure at all
NOTHING = [
    "يوم الاثنين الماضي",
    "صباح الأحد",
    "لم يصب أحد بأذى",
    "القرن الحادي عشر",
    "الدورة الثانية عشرة",
    "ضبط كميات من الأسلحة",
    "ولست أدري",
    "عثر عليه ميتا",
    "مقتل مدنيين",
    "مقتل مسلحين",
    "مقتل فلسطينيين",
    "مقتل مقاتلين",
    "إصابة شرطيين",
    "حركة طالبان",
    "نصف السكان",
    "مئات الملايين",
    "وتمكن زورقان آخران من الفرار",  # "آخران" after a dual describes it
    "لا أحد يعرف",
]


@pytest.mark.parametrize("text", NOTHING)
def test_nothing(text: str) -> None:
    assert find_counts(_n(text)) == []


# texts with several figures: (text, [(span, count, kind), ...])
SEQUENCES = [
    ("قتل 5 وأصيب 12 آخرون في 3 غارات",
     [("5", V(5), "count"), ("12", V(12), "count"), ("3", V(3), "count")]),
    ("قتل خمسة وجرح ثلاثة",
     [("خمسة", V(5), "count"), ("ثلاثة", V(3), "count")]),
    ("خمسة وثلاثة", [("خمسة", V(5), "count"), ("وثلاثة", V(3), "count")]),
    # a scale word with a noun after it, or digits after digits, is no sum
    ("مقتل ألف شخص و500 جريح", [("ألف", V(1000), "count"), ("و500", V(500), "count")]),
    ("مقتل 1000 و500 جريح", [("1000", V(1000), "count"), ("و500", V(500), "count")]),
    ("20 في المئة من 300 شخص",
     [("20", V(20), "percent"), ("300", V(300), "count")]),
    ("ارتفعت الحصيلة من 20 إلى 40",
     [("20", V(20), "count"), ("40", V(40), "count")]),
    ("ارتفعت الحصيلة إلى 40", [("40", V(40), "count")]),
    ("قتل بين 50 و40 شخصا", [("50", V(50), "count"), ("و40", V(40), "count")]),
    ("اعترضت 7 سبعة صواريخ", [("7", V(7), "count"), ("سبعة", V(7), "count")]),
    ("قتل 1200 شخص منذ عام 2014 بينهم 300 طفل",
     [("1200", V(1200), "count"), ("2014", V(2014), "year"), ("300", V(300), "count")]),
    ("في 5 يونيو 2018 قتل 40",
     [("5", V(5), "date"), ("2018", V(2018), "year"), ("40", V(40), "count")]),
    ("عامي 2014 و2015", [("2014", V(2014), "year"), ("و2015", V(2015), "year")]),
    ("يوم الأحد عشرة قتلى", [("عشرة", V(10), "count")]),
    ("قتل 3 و5 جرحى", [("3", V(3), "count"), ("و5", V(5), "count")]),
    ("بين 3 قتلى و5 جرحى", [("3", V(3), "count"), ("و5", V(5), "count")]),
    ("من 1973 وحتى 1976", [("من 1973 وحتى 1976", R(1973, 1976), "year")]),
    ("ارتفع ليصل إلى 205", [("205", V(205), "count")]),
    ("هم 101 طفل و67 امرأة وعشرة رجال",
     [("101", V(101), "count"), ("و67", V(67), "count"), ("وعشرة", V(10), "count")]),
]


@pytest.mark.parametrize("text,expected", SEQUENCES)
def test_sequences(text: str, expected: list[tuple[str, Count, str]]) -> None:
    norm = _n(text)
    got = [(norm[m.start:m.end], m.count, m.kind) for m in find_counts(norm)]
    assert got == [(_n(s), c, k) for s, c, k in expected]


def test_digits_inside_a_code_of_letters_and_digits_are_no_count() -> None:
    """"إتش7إن9" (H7N9): no figure is a count; "مقتل25" (a glued figure) still is."""
    assert [m.kind for m in find_counts(_n("بسلالة إتش7إن9 من الإنفلونزا"))] == [
        "reference", "reference"]
    assert [m.kind for m in find_counts(_n("مقتل25 شخصا"))] == ["count"]


def test_dual_noun_is_reported() -> None:
    m = _mention("اعتقال شخصين", "شخصين")
    assert m.noun == _n("شخصين")
    assert _mention("قتل 5 أشخاص", "5").noun is None


@pytest.mark.parametrize("text,word", [
    ("وقتل فيها مرافقاه", "مرافقاه"),   # his two companions
    ("وتوفي شقيقاه في الحادث", "شقيقاه"),
    ("وأصيب والداه", "والداه"),
])
def test_a_possessed_dual_of_kin_or_companions_is_two(text: str, word: str) -> None:
    m = _mention(text, word)
    assert m.count == V(2) and m.noun is not None


@pytest.mark.parametrize("text,word", [
    ("بينهم تونسيان", "تونسيان"),  # two Tunisians
    ("وأصيبت مصريتان", "مصريتان"),
])
def test_a_nationality_dual_is_two(text: str, word: str) -> None:
    m = _mention(text, word)
    assert m.count == V(2) and m.noun is not None


def test_a_possessed_form_of_another_person_noun_is_no_dual() -> None:
    assert find_counts(_n("وقتل جندياه")) == []  # not a kin or companion noun: left alone


def test_spans_are_normalized_offsets() -> None:
    text = "قُتِلَ أكثـر من ٥٠ شخصاً"
    norm, n2o = normalize(text)
    (m,) = find_counts(norm)
    assert norm[m.start:m.end] == _n("أكثر من 50")
    assert text[n2o[m.start]:n2o[m.end - 1] + 1] == "أكثـر من ٥٠"


def test_empty_and_plain_text() -> None:
    assert find_counts("") == []
    assert find_counts(_n("قال المتحدث إن الوضع هادئ")) == []


def test_no_arabic_string_literals_in_module() -> None:
    source = Path(numbers.__file__).read_text(encoding="utf-8")
    strings = [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline)
               if t.type == tokenize.STRING]
    assert strings and not [s for s in strings if re.search(r"[\u0600-\u06FF]", s)]


def _check_mentions(norm: str, found: list) -> None:
    last = 0
    for m in found:
        assert last <= m.start < m.end <= len(norm)
        assert m.kind in KINDS
        if m.count.vague is not None:
            assert m.count.vague in VAGUE_WORDS
        last = m.end


@pytest.mark.skipif(not CORPUS.exists(), reason=f"shared corpus not found at {CORPUS}")
def test_corpus_smoke_and_speed() -> None:
    norms = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            norms.append(_n((art.get("title") or "") + "\n" + art["text"]))
    find_counts(norms[0])                      # build the lexicon outside the timing
    t0 = time.perf_counter()
    results = [find_counts(n) for n in norms]
    elapsed = time.perf_counter() - t0
    for norm, found in zip(norms, results):
        _check_mentions(norm, found)
    chars = sum(len(n) for n in norms)
    assert sum(len(r) for r in results) > 5 * len(norms)
    assert elapsed < 8.0, f"{len(norms)} articles took {elapsed:.2f}s"
    assert elapsed / chars * 2000 < 0.002, "more than 2 ms per 2,000 characters"


@pytest.mark.skipif(not DEV.exists(), reason=f"dev gold not found at {DEV}")
def test_dev_evidence_figures_are_found() -> None:
    """Every gold figure written in the evidence (numerals, number words, duals, vague words)."""
    total = found = 0
    for line in DEV.read_text(encoding="utf-8").splitlines():
        for claim in json.loads(line)["claims"]:
            gold = Count.from_json(claim["count"])
            if gold.value == 1:
                continue                       # "قتل شاب": a noun, not a figure
            norm = _n(claim["evidence"])
            mentions = [m for m in find_counts(norm) if m.kind == "count"]
            total += 1
            found += any(m.count.key() == gold.key() for m in mentions)
    assert total > 300
    assert found / total >= 0.97, f"{found}/{total}"


# --- figures the numbers cannot represent: non-counts, never exceptions -------------------------

def test_digit_run_beyond_the_int_string_limit_is_no_figure():
    # over 4,300 digits int() itself refuses; any run longer than MAX_DIGITS is not read
    for run in ("7" * 5000, "1" * (numbers.MAX_DIGITS + 1), "+" + "9" * 5000):
        found = find_counts(_n(f"قتل {run} شخصاً و5 آخرون"))
        assert [m.count.value for m in found if m.kind == "count"] == [5], run[:5]


def test_longest_digit_run_is_read():
    m = _mention("رقم " + "1" * numbers.MAX_DIGITS, "1" * numbers.MAX_DIGITS)
    assert m.count.value == int("1" * numbers.MAX_DIGITS) and m.kind != "count"


def test_dotted_thousands_before_a_multiplier():
    # "1.234.567 مليون" has two dots, so they group thousands (float() refused it)
    m = _mention("قتل 1.234.567 مليون شخص", "1.234.567 مليون")
    assert m.count.value == 1_234_567_000_000 and m.kind == "out_of_range"
    assert _mention("نزح 1.5 مليون شخص", "1.5 مليون").count.value == 1_500_000


@pytest.mark.parametrize("text,span", [
    ("قتل 11 مليار شخص", "11 مليار"),
    ("قتل عشرون مليار شخص", "عشرون مليار"),
    ("قتل ما بين 5 و20 مليار شخص", "ما بين 5 و20 مليار"),
    ("قتل 12345 مليون شخص", "12345 مليون"),
])
def test_figures_above_the_maximum_count_are_out_of_range(text, span):
    m = _mention(text, span)
    assert m.kind == "out_of_range" and m.count.high > numbers.MAX_COUNT


def test_maximum_count_itself_is_a_count():
    m = _mention("قتل عشرة مليارات شخص", "عشرة مليارات")
    assert m.count.value == numbers.MAX_COUNT and m.kind == "count"
    assert numbers.MAX_COUNT < 2**63 - 1


# --- any text: figures inside it, in order, of known kinds, never an exception ----------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

from rasd.lang.ar import load_yaml  # noqa: E402
from rasd.text.tokens import tokenize as word_tokens  # noqa: E402

NUMBER_WORDS = sorted({str(w) for section in ("units", "tens", "hundreds") for forms in
                       load_yaml("numbers.yaml")[section].values() for w in forms})
PIECES = st.one_of(
    st.sampled_from(NUMBER_WORDS + ["مليون", "مليار", "آلاف", "عشرات", "بين", "و", "إلى", "نحو",
                                    "أكثر من", "على الأقل", "عام", "دولار", "في المئة", "ر"]),
    st.from_regex(r"[+]?\d{1,30}([.,٫٬]\d{1,5}){0,4}", fullmatch=True),
    st.sampled_from([" ", "  ", "-", "/", ":", "،", "\n", "(", ")", "ـ", "İ", "ﻻ"]),
    st.text(max_size=3))


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.lists(PIECES, max_size=25).map(" ".join))
def test_any_text_gives_ordered_figures_within_range(text):
    norm = _n(text)
    found = find_counts(norm)
    _check_mentions(norm, found)
    assert found == find_counts(norm, word_tokens(norm))  # the token-guided scan: the same
    for m in found:
        if m.kind == "count":
            assert m.count.high <= numbers.MAX_COUNT


@pytest.mark.parametrize("text, span", [
    ("اعتقال عدد كبير من الناشطين", "عدد كبير من"),
    ("وأصيب عددا كبيرا من المارة", "عددا كبيرا من"),
    ("ونزح الكثير من السكان", "الكثير من"),
])
def test_a_large_number_is_no_count(text: str, span: str) -> None:
    """GUIDELINES: "عدد كبير من" stands for no class of figure; it is found (so that the
    "several" word inside it is not read) and kept as no count."""
    assert _mention(text, span).kind == "unspecified"


def test_a_fused_between_opens_a_range():
    """"مابين" (fused, as often typed) is "ما بين"."""
    counts = [c for c in find_counts(_n("وعاد مابين 100 ألف و200 ألف شخص.")) if c.kind == "count"]
    assert [(c.count.min, c.count.max) for c in counts] == [(100000, 200000)]


def test_a_total_is_no_group_number():
    """"ما مجموعه 49": "a total of 49", though "مجموعه" normalizes like "مجموعة" (group 49)."""
    kinds = [c.kind for c in find_counts(_n("وأسفرت التفجيرات عن مقتل ما مجموعه 49 شخصا."))]
    assert kinds == ["count"]
    assert [c.kind for c in find_counts(_n("وصلت المجموعة 49 إلى المطار."))] == ["reference"]


def test_a_toll_that_exceeds_is_at_least():
    """"وتخطت حصيلة القتلى 220": the verb of exceeding hedges the figure past its subject."""
    counts = find_counts(_n("وتخطت حصيلة القتلى 220 قتيلا."))
    assert [c.count for c in counts] == [Count(value=220, qualifier="at_least")]
    assert [c.count for c in find_counts(_n("وارتفعت حصيلة القتلى إلى 220 قتيلا."))] == [
        Count(value=220)]


@pytest.mark.parametrize("text, counts", [
    ("مقتل 12 على الأقل وإصابة 31", [Count(value=12, qualifier="at_least"), Count(value=31)]),
    ("بينهم 20 مقاتلا على الأقل و 15 من الجنسية السورية", [Count(value=20), Count(value=15)]),
    ("وأوقع 2 على الأقل وخمسة جرحى", [Count(value=2, qualifier="at_least"), Count(value=5)]),
    ("على الأقل 15 قتيلا", [Count(value=15, qualifier="at_least")]),
])
def test_a_hedge_before_a_conjoined_figure_is_the_first_figures(text, counts):
    assert [c.count for c in find_counts(normalize(text)[0])] == counts
