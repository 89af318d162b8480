"""Tests for rasd.text.dates: Arabic time expressions resolved against the publication date.

Every case is a sentence we wrote: (sentence, publication date, expected surface, date,
precision[, end_date]). The surface is written naturally and normalized before comparison.
Reference publication date: Monday 2020-10-05 (Saturday-start week: 2020-10-03 .. 2020-10-09).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest

from rasd.text.dates import TimeMention, find_times
from rasd.text.normalize import normalize
from rasd.text.published import PUBLISHED_RANGE

MON = "2020-10-05"  # a Monday
SUN = "2020-10-04"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "articles.jsonl"


def c(text, pub, surface, date, precision, end=None):
    """One table row; ``end`` defaults to ``date`` for day precision, None for since."""
    if end is None and precision == "day":
        end = date
    return pytest.param(text, pub, surface, date, precision, end, id=text)


DEIXIS = [
    c("قُتل 5 أشخاص أمس الأحد في غارة", MON, "أمس الأحد", "2020-10-04", "day"),
    c("قال المتحدث أمس إن الحصيلة ارتفعت", MON, "أمس", "2020-10-04", "day"),
    c("وقعت الاشتباكات يوم أمس في المدينة", MON, "يوم أمس", "2020-10-04", "day"),
    c("قتل جنديان أول أمس في كمين", MON, "أول أمس", "2020-10-03", "day"),
    c("قتل جنديان أمس الأول في كمين", MON, "أمس الأول", "2020-10-03", "day"),
    c("أعلن الجيش أول من أمس مقتل 4", MON, "أول من أمس", "2020-10-03", "day"),
    c("أعلنت الوزارة اليوم مقتل 3 مدنيين", MON, "اليوم", "2020-10-05", "day"),
    c("ارتفع عدد القتلى حتى اليوم إلى 40", MON, "اليوم", "2020-10-05", "day"),
    c("قصف الطيران المنطقة الليلة الماضية", MON, "الليلة الماضية", "2020-10-04", "day"),
    c("قتل مدنيان ليلة أمس في القصف", MON, "ليلة أمس", "2020-10-04", "day"),
    c("شنت الطائرات غارات فجر اليوم", MON, "فجر اليوم", "2020-10-05", "day"),
    c("اعتقلت الشرطة 12 شخصا صباح اليوم", MON, "صباح اليوم", "2020-10-05", "day"),
    c("انفجرت سيارة مفخخة مساء أمس", MON, "مساء أمس", "2020-10-04", "day"),
    c("قالت الشرطة أمس الجمعة إن", MON, "أمس الجمعة", "2020-10-04", "day"),
    c("قتل 7 أشخاص اليوم الاثنين", MON, "اليوم الاثنين", "2020-10-05", "day"),
    c("أكد المصدر اليوم الخميس أن", MON, "اليوم الخميس", "2020-10-05", "day"),
    # a weekday next to the deictic day names it: written before midnight, stamped after
    c("قتل 7 أشخاص في وقت متأخر اليوم الأحد", MON, "اليوم الأحد", "2020-10-04", "day"),
    c("قتل 7 أشخاص أمس السبت", MON, "أمس السبت", "2020-10-03", "day"),
    c("وأمس أعلنت الوزارة مقتل اثنين", MON, "أمس", "2020-10-04", "day"),
    c("بالأمس قُتل ثلاثة جنود", MON, "الأمس", "2020-10-04", "day"),
    c("والبارحة سقط صاروخ على الحي", MON, "البارحة", "2020-10-04", "day"),
    c("جرح 9 صباح أمس الأحد", MON, "صباح أمس الأحد", "2020-10-04", "day"),
    c("قتل شرطي مساء أمس الأول", MON, "مساء أمس الأول", "2020-10-03", "day"),
    c("تبدأ المحادثات غدا الثلاثاء", MON, "غدا الثلاثاء", "2020-10-06", "day"),
    c("يصل الوفد بعد غد", MON, "بعد غد", "2020-10-07", "day"),
    c("دارت مواجهات ليلة البارحة", MON, "ليلة البارحة", "2020-10-04", "day"),
    c("قتل مسلح في ساعة متأخرة من ليل أمس", MON, "ساعة متأخرة من ليل أمس", "2020-10-04", "day"),
    c("سقطت قذيفة ظهر اليوم", MON, "ظهر اليوم", "2020-10-05", "day"),
    c("أصيب طفل عصر أمس", MON, "عصر أمس", "2020-10-04", "day"),
    c("صدت القوات هجوما الليلة قبل الماضية", MON, "الليلة قبل الماضية", "2020-10-03", "day"),
    c("قُتِلَ خَمْسَةٌ أَمْسِ فِي القَصْفِ", MON, "أمس", "2020-10-04", "day"),
    c("أعلنت الوزارة في وقت سابق من اليوم", MON, "وقت سابق من اليوم", "2020-10-05", "day"),
    c("قتل 5 أمس في هجوم", None, "أمس", None, "day", None),
    c("أعلن الجيش اليوم الأحد", None, "اليوم الأحد", None, "day", None),
]

WEEKDAYS = [
    c("قتل 3 جنود يوم الأحد", MON, "يوم الأحد", "2020-10-04", "day"),
    c("قتل 3 جنود الأحد الماضي", MON, "الأحد الماضي", "2020-10-04", "day"),
    c("قتل 3 جنود يوم الأحد الماضي", MON, "يوم الأحد الماضي", "2020-10-04", "day"),
    c("انفجرت عبوة صباح الأحد", MON, "صباح الأحد", "2020-10-04", "day"),
    c("وقع الهجوم مساء الجمعة", MON, "مساء الجمعة", "2020-10-02", "day"),
    c("قصفت المدفعية القرية ليل السبت", MON, "ليل السبت", "2020-10-03", "day"),
    c("تعقد الجلسة الأحد المقبل", MON, "الأحد المقبل", "2020-10-11", "day"),
    c("تعقد الجلسة الاثنين المقبل", MON, "الاثنين المقبل", "2020-10-12", "day"),
    c("قتل جندي يوم الاثنين", MON, "يوم الاثنين", "2020-10-05", "day"),
    c("قتل جندي الاثنين الماضي", MON, "الاثنين الماضي", "2020-09-28", "day"),
    c("قالت الشرطة الثلاثاء إن 4 قتلوا", MON, "الثلاثاء", "2020-09-29", "day"),
    c("أعلن الجيش الخميس مقتل 20 مسلحا", MON, "الخميس", "2020-10-01", "day"),
    c("بدأت المعارك الجمعة الماضية", MON, "الجمعة الماضية", "2020-10-02", "day"),
    c("غارات عنيفة ليل السبت الأحد", MON, "ليل السبت الأحد", "2020-10-03", "day"),
    c("اشتباكات ليلة الخميس إلى الجمعة", MON, "ليلة الخميس إلى الجمعة", "2020-10-01", "day"),
    c("هاجم مسلحون الحاجز فجر الأربعاء", MON, "فجر الأربعاء", "2020-09-30", "day"),
    c("سقط صاروخ صباح يوم الثلاثاء", MON, "صباح يوم الثلاثاء", "2020-09-29", "day"),
    c("تجرى الانتخابات السبت القادم", MON, "السبت القادم", "2020-10-10", "day"),
    c("يجتمع المجلس الخميس المقبل", MON, "الخميس المقبل", "2020-10-08", "day"),
    c("اندلعت النيران في وقت متأخر من مساء الخميس", MON, "وقت متأخر من مساء الخميس",
      "2020-10-01", "day"),
    c("دوى انفجار منتصف ليل الجمعة", MON, "منتصف ليل الجمعة", "2020-10-02", "day"),
    c("قتل شخصان عصر السبت", MON, "عصر السبت", "2020-10-03", "day"),
    c("خرجت تظاهرات يوم الجمعة", MON, "يوم الجمعة", "2020-10-02", "day"),
    c("ويوم الثلاثاء قتل 6", MON, "يوم الثلاثاء", "2020-09-29", "day"),
    c("قتل 3 جنود يوم الأحد", SUN, "يوم الأحد", "2020-10-04", "day"),
    c("قتل 3 جنود الأحد الماضي", SUN, "الأحد الماضي", "2020-09-27", "day"),
    c("قتل 9 مساء السبت", "2018-06-04", "مساء السبت", "2018-06-02", "day"),
    c("قتل 3 جنود يوم الأحد", None, "يوم الأحد", None, "day", None),
]

PERIODS = [
    c("قتل 50 شخصا الأسبوع الماضي", MON, "الأسبوع الماضي", "2020-09-26", "week", "2020-10-02"),
    c("تصاعدت الهجمات الأسبوع الجاري", MON, "الأسبوع الجاري", "2020-10-03", "week", "2020-10-09"),
    c("أعدم هذا الأسبوع ثلاثة", MON, "هذا الأسبوع", "2020-10-03", "week", "2020-10-09"),
    c("يزور الوفد البلاد الأسبوع المقبل", MON, "الأسبوع المقبل", "2020-10-10", "week",
      "2020-10-16"),
    c("قتل 100 مدني الشهر الجاري", MON, "الشهر الجاري", "2020-10-01", "month", "2020-10-31"),
    c("قتل 12 شخصا الشهر الماضي", MON, "الشهر الماضي", "2020-09-01", "month", "2020-09-30"),
    c("تبدأ المفاوضات الشهر المقبل", MON, "الشهر المقبل", "2020-11-01", "month", "2020-11-30"),
    c("وصل 87 ألف مهاجر العام الماضي", MON, "العام الماضي", "2019-01-01", "year", "2019-12-31"),
    c("قتل 300 العام الجاري", MON, "العام الجاري", "2020-01-01", "year", "2020-12-31"),
    c("سجلت 20 حالة هذا العام", MON, "هذا العام", "2020-01-01", "year", "2020-12-31"),
    c("تم خلال السنة الماضية ترحيل 500", MON, "السنة الماضية", "2019-01-01", "year",
      "2019-12-31"),
    c("قتل 200 خلال العام المنصرم", MON, "العام المنصرم", "2019-01-01", "year", "2019-12-31"),
    c("شنت غارات خلال الشهر الحالي", MON, "الشهر الحالي", "2020-10-01", "month", "2020-10-31"),
    c("ظهرت الحركة أواخر العام الماضي", MON, "أواخر العام الماضي", "2019-01-01", "year",
      "2019-12-31"),
    c("بدأت الحملة مطلع الشهر الجاري", MON, "مطلع الشهر الجاري", "2020-10-01", "month",
      "2020-10-31"),
    c("قتل 12 شخصا الشهر الماضي", "2020-01-15", "الشهر الماضي", "2019-12-01", "month",
      "2019-12-31"),
    c("تجرى الانتخابات العام القادم", MON, "العام القادم", "2021-01-01", "year", "2021-12-31"),
    c("قتل 50 شخصا الأسبوع الماضي", None, "الأسبوع الماضي", None, "week", None),
]

MONTH_DAYS = [
    c("وقع الهجوم في الـ27 من الشهر الجاري", MON, "الـ27 من الشهر الجاري", "2020-10-27", "day"),
    c("قتل 8 في الـ27 من الشهر الماضي", MON, "الـ27 من الشهر الماضي", "2020-09-27", "day"),
    c("بدأ الهجوم في 3 من الشهر الجاري", MON, "3 من الشهر الجاري", "2020-10-03", "day"),
    c("منذ الأول من الشهر الجاري", MON, "منذ الأول من الشهر الجاري", "2020-10-01", "since"),
    c("اعتقل في العاشر من الشهر الماضي", MON, "العاشر من الشهر الماضي", "2020-09-10", "day"),
    c("قتل في الخامس من هذا الشهر", MON, "الخامس من هذا الشهر", "2020-10-05", "day"),
    c("يوم 31 من الشهر الماضي", MON, "يوم 31 من الشهر الماضي", None, "day", None),
    c("تبدأ الهدنة في الـ15 من الشهر المقبل", MON, "الـ15 من الشهر المقبل", "2020-11-15", "day"),
    c("وفي الـ20 من الشهر الجاري", None, "الـ20 من الشهر الجاري", None, "day", None),
]

DURATIONS = [
    c("قتل 6 منذ ثلاثة أيام", MON, "منذ ثلاثة أيام", "2020-10-02", "day"),
    c("فقد الاتصال به قبل يومين", MON, "قبل يومين", "2020-10-03", "day"),
    c("خرجت تظاهرات قبل أسبوع", MON, "قبل أسبوع", "2020-09-26", "week", "2020-10-02"),
    c("اختطف قبل ثلاثة أشهر", MON, "قبل ثلاثة أشهر", "2020-07-01", "month", "2020-07-31"),
    c("انقطعت المياه منذ 5 أيام", MON, "منذ 5 أيام", "2020-09-30", "day"),
    c("وصل قبل يوم واحد", MON, "قبل يوم واحد", "2020-10-04", "day"),
    c("بدأ الهجوم منذ أسبوعين", MON, "منذ أسبوعين", "2020-09-19", "week", "2020-09-25"),
    c("قتل قبل شهرين", MON, "قبل شهرين", "2020-08-01", "month", "2020-08-31"),
    c("اعتقل قبل عامين", MON, "قبل عامين", "2018-01-01", "year", "2018-12-31"),
    c("محاصرون منذ عشرة أيام", MON, "منذ عشرة أيام", "2020-09-25", "day"),
    c("بدأت المعركة قبل نحو شهر", MON, "قبل نحو شهر", "2020-09-01", "month", "2020-09-30"),
    c("قتل قبل 48 ساعة", MON, "قبل 48 ساعة", "2020-10-03", "day"),
    c("متوقفة منذ سبعة أشهر", MON, "منذ سبعة أشهر", "2020-03-01", "month", "2020-03-31"),
    c("انسحبوا قبل ثلاث سنوات", MON, "قبل ثلاث سنوات", "2017-01-01", "year", "2017-12-31"),
    c("وقبل أسبوع سقط 60 قتيلا", MON, "قبل أسبوع", "2020-09-26", "week", "2020-10-02"),
    c("اختطف الناشط قبل عام", MON, "قبل عام", "2019-01-01", "year", "2019-12-31"),
    c("منذ ٣ أيام", MON, "منذ 3 أيام", "2020-10-02", "day"),
    c("انقطعت المياه منذ 5 أيام", None, "منذ 5 أيام", None, "day", None),
]

GREGORIAN = [
    c("قتل في 27 أكتوبر 2018 خمسة", MON, "27 أكتوبر 2018", "2018-10-27", "day"),
    c("وقع الهجوم في 27 أكتوبر", "2018-11-02", "27 أكتوبر", "2018-10-27", "day"),
    c("وقع الهجوم في 27 أكتوبر", "2018-10-25", "27 أكتوبر", "2018-10-27", "day"),
    c("قتل في 27 ديسمبر", "2019-01-03", "27 ديسمبر", "2018-12-27", "day"),
    c("بدأت العملية في أكتوبر 2018", MON, "أكتوبر 2018", "2018-10-01", "month", "2018-10-31"),
    c("قتل 200 في عام 2018", MON, "عام 2018", "2018-01-01", "year", "2018-12-31"),
    c("صدر القانون سنة 2017", MON, "سنة 2017", "2017-01-01", "year", "2017-12-31"),
    c("وقتل 11 صحافيا في 2017", MON, "في 2017", "2017-01-01", "year", "2017-12-31"),
    c("قتل في 27/10/2018 ثلاثة", MON, "27/10/2018", "2018-10-27", "day"),
    c("بتاريخ 2018-10-27 أعلن", MON, "2018-10-27", "2018-10-27", "day"),
    c("في 27.10.2018 قتل", MON, "27.10.2018", "2018-10-27", "day"),
    c("قتل في 27 تشرين الأول 2018", MON, "27 تشرين الأول 2018", "2018-10-27", "day"),
    c("بدأ في تشرين الأول/أكتوبر 2018", MON, "تشرين الأول/أكتوبر 2018", "2018-10-01", "month",
      "2018-10-31"),
    c("بدأ في أكتوبر/تشرين الأول 2018", MON, "أكتوبر/تشرين الأول 2018", "2018-10-01", "month",
      "2018-10-31"),
    c("وقع في 2 أكتوبر/ تشرين الأول الجاري", "2018-10-10", "2 أكتوبر/ تشرين الأول الجاري",
      "2018-10-02", "day"),
    c("في الأول من أكتوبر 2018 قتل", MON, "الأول من أكتوبر 2018", "2018-10-01", "day"),
    c("في الـ27 من أكتوبر 2018", MON, "الـ27 من أكتوبر 2018", "2018-10-27", "day"),
    c("في الـ27 من أكتوبر", "2018-11-01", "الـ27 من أكتوبر", "2018-10-27", "day"),
    c("في ٢٧ أكتوبر ٢٠١٨", MON, "27 أكتوبر 2018", "2018-10-27", "day"),
    c("قتل في 3 يناير 2019", MON, "3 يناير 2019", "2019-01-03", "day"),
    c("في 14 فبراير 2018", MON, "14 فبراير 2018", "2018-02-14", "day"),
    c("في 5 مارس 2017", MON, "5 مارس 2017", "2017-03-05", "day"),
    c("منذ أبريل 2016", MON, "منذ أبريل 2016", "2016-04-01", "since"),
    c("في إبريل 2016", MON, "إبريل 2016", "2016-04-01", "month", "2016-04-30"),
    c("في 9 مايو 2015", MON, "9 مايو 2015", "2015-05-09", "day"),
    c("في يونيه 2014", MON, "يونيه 2014", "2014-06-01", "month", "2014-06-30"),
    c("في يونيو 2014", MON, "يونيو 2014", "2014-06-01", "month", "2014-06-30"),
    c("في 22 يوليه 2013", MON, "22 يوليه 2013", "2013-07-22", "day"),
    c("في أغسطس 2012", MON, "أغسطس 2012", "2012-08-01", "month", "2012-08-31"),
    c("هجمات 11 سبتمبر 2001", MON, "11 سبتمبر 2001", "2001-09-11", "day"),
    c("في نوفمبر 2019", MON, "نوفمبر 2019", "2019-11-01", "month", "2019-11-30"),
    c("في 31 ديسمبر 2019", MON, "31 ديسمبر 2019", "2019-12-31", "day"),
    c("في 12 كانون الثاني 2019", MON, "12 كانون الثاني 2019", "2019-01-12", "day"),
    c("في شباط 2018", MON, "شباط 2018", "2018-02-01", "month", "2018-02-28"),
    c("في 20 آذار 2017", MON, "20 آذار 2017", "2017-03-20", "day"),
    c("في نيسان 2016", MON, "نيسان 2016", "2016-04-01", "month", "2016-04-30"),
    c("في 1 أيار 2015", MON, "1 أيار 2015", "2015-05-01", "day"),
    c("في حزيران 2014", MON, "حزيران 2014", "2014-06-01", "month", "2014-06-30"),
    c("في 14 تموز 2013", MON, "14 تموز 2013", "2013-07-14", "day"),
    c("انفجار 4 آب", MON, "4 آب", "2020-08-04", "day"),
    c("في آب 2019", MON, "آب 2019", "2019-08-01", "month", "2019-08-31"),
    c("في أيلول 2018", MON, "أيلول 2018", "2018-09-01", "month", "2018-09-30"),
    c("في تشرين الثاني 2017", MON, "تشرين الثاني 2017", "2017-11-01", "month", "2017-11-30"),
    c("في 25 كانون الأول 2016", MON, "25 كانون الأول 2016", "2016-12-25", "day"),
    c("في 20 كانون أول 2016", MON, "20 كانون أول 2016", "2016-12-20", "day"),
    c("في جانفي 2019", MON, "جانفي 2019", "2019-01-01", "month", "2019-01-31"),
    c("يوم 14 فيفري 2018", MON, "يوم 14 فيفري 2018", "2018-02-14", "day"),
    c("في أفريل 2017", MON, "أفريل 2017", "2017-04-01", "month", "2017-04-30"),
    c("في 1 ماي 2016", MON, "1 ماي 2016", "2016-05-01", "day"),
    c("في جوان 2015", MON, "جوان 2015", "2015-06-01", "month", "2015-06-30"),
    c("في 25 جويلية 2014", MON, "25 جويلية 2014", "2014-07-25", "day"),
    c("في أوت 2013", MON, "أوت 2013", "2013-08-01", "month", "2013-08-31"),
    c("في شتنبر 2012", MON, "شتنبر 2012", "2012-09-01", "month", "2012-09-30"),
    c("في نونبر 2011", MON, "نونبر 2011", "2011-11-01", "month", "2011-11-30"),
    c("في دجنبر 2010", MON, "دجنبر 2010", "2010-12-01", "month", "2010-12-31"),
    c("في يوليوز 2019", MON, "يوليوز 2019", "2019-07-01", "month", "2019-07-31"),
    c("في غشت 2018", MON, "غشت 2018", "2018-08-01", "month", "2018-08-31"),
    c("في 6 يناير 2019", MON, "6 يناير 2019", "2019-01-06", "day"),
    c("في حزيران/يونيو 2014", MON, "حزيران/يونيو 2014", "2014-06-01", "month", "2014-06-30"),
    c("في 12 مايو/ أيار", MON, "12 مايو/ أيار", "2020-05-12", "day"),
    c("في 27 أكتوبر الماضي", "2020-11-10", "27 أكتوبر الماضي", "2020-10-27", "day"),
    c("في 27 أكتوبر الماضي", MON, "27 أكتوبر الماضي", "2019-10-27", "day"),
    c("في أكتوبر الماضي", MON, "أكتوبر الماضي", "2019-10-01", "month", "2019-10-31"),
    c("في سبتمبر الماضي", MON, "سبتمبر الماضي", "2020-09-01", "month", "2020-09-30"),
    c("في يناير المقبل", MON, "يناير المقبل", "2021-01-01", "month", "2021-01-31"),
    c("خلال شهر مارس", MON, "شهر مارس", "2020-03-01", "month", "2020-03-31"),
    c("في منتصف أكتوبر", MON, "منتصف أكتوبر", "2020-10-01", "month", "2020-10-31"),
    c("في 27 أكتوبر من العام الماضي", MON, "27 أكتوبر من العام الماضي", "2019-10-27", "day"),
    c("في مارس من العام الجاري", MON, "مارس من العام الجاري", "2020-03-01", "month",
      "2020-03-31"),
    c("الأحد 27 أكتوبر 2019", MON, "الأحد 27 أكتوبر 2019", "2019-10-27", "day"),
    c("يوم الأحد الموافق 27 أكتوبر 2019", MON, "يوم الأحد الموافق 27 أكتوبر 2019",
      "2019-10-27", "day"),
    c("تأسس عام 2018م", MON, "عام 2018م", "2018-01-01", "year", "2018-12-31"),
    c("سقط النظام في العام 2011", MON, "العام 2011", "2011-01-01", "year", "2011-12-31"),
    c("ولعام 2015 خصص", MON, "عام 2015", "2015-01-01", "year", "2015-12-31"),
    c("في أول أكتوبر 2018", MON, "أول أكتوبر 2018", "2018-10-01", "day"),
    c("في العشرين من مارس 2018", MON, "العشرين من مارس 2018", "2018-03-20", "day"),
    c("في الحادي والعشرين من يونيو 2019", MON, "الحادي والعشرين من يونيو 2019",
      "2019-06-21", "day"),
    c("في الثاني عشر من مايو 2018", MON, "الثاني عشر من مايو 2018", "2018-05-12", "day"),
    c("في السابع من أيلول/سبتمبر 2018", MON, "السابع من أيلول/سبتمبر 2018", "2018-09-07",
      "day"),
    c("في 15 يناير/كانون الثاني 2013", MON, "15 يناير/كانون الثاني 2013", "2013-01-15", "day"),
    c("في 11 سبتمبر/أيلول من عام 2001", MON, "11 سبتمبر/أيلول من عام 2001", "2001-09-11",
      "day"),
    c("في مارس/ آذار الماضي", "2018-09-11", "مارس/ آذار الماضي", "2018-03-01", "month",
      "2018-03-31"),
    c("في أوائل عام 2017", MON, "أوائل عام 2017", "2017-01-01", "year", "2017-12-31"),
    c("في 27 أكتوبر", None, "27 أكتوبر", None, "day", None),
    c("في 27 أكتوبر 2018", None, "27 أكتوبر 2018", "2018-10-27", "day"),
    c("في 30 فبراير 2018", MON, "30 فبراير 2018", None, "day", None),
]

HIJRI = [
    c("توفي في 18 صفر 1442", MON, "18 صفر 1442", "2020-10-05", "day"),
    c("صدر في ١٨ صفر ١٤٤٢هـ", MON, "18 صفر 1442هـ", "2020-10-05", "day"),
    c("خلال رمضان 1439", MON, "رمضان 1439", "2018-05-16", "month", "2018-06-14"),
    c("في 1 رمضان 1439 هـ", MON, "1 رمضان 1439 هـ", "2018-05-16", "day"),
    c("خلال شهر رمضان 1440", MON, "شهر رمضان 1440", "2019-05-06", "month", "2019-06-03"),
    c("بتاريخ 1436/10/20هـ", MON, "1436/10/20هـ", "2015-08-05", "day"),
    c("بتاريخ 20/10/1436هـ", MON, "20/10/1436هـ", "2015-08-05", "day"),
    c("في 10 ذو الحجة 1441", MON, "10 ذو الحجة 1441", "2020-07-31", "day"),
    c("في 10 ذي الحجة 1441 للهجرة", MON, "10 ذي الحجة 1441 للهجرة", "2020-07-31", "day"),
    c("خلال عام 1440 هـ", MON, "عام 1440 هـ", "2018-09-11", "year", "2019-08-30"),
    c("في 15 شعبان", MON, "15 شعبان", "2020-04-08", "day"),
]

SINCE = [
    c("قتل 500 ألف منذ بدء الحرب", MON, "منذ بدء الحرب", None, "since"),
    c("نزح مليون منذ بداية النزاع", MON, "منذ بداية النزاع", None, "since"),
    c("غرق 2000 منذ بداية العام", MON, "منذ بداية العام", "2020-01-01", "since"),
    c("قتل 100 منذ اندلاع الأزمة", MON, "منذ اندلاع الأزمة", None, "since"),
    c("قتل الآلاف منذ عام 2011", MON, "منذ عام 2011", "2011-01-01", "since"),
    c("تعاني البلاد منذ 2011 من أزمة", MON, "منذ 2011", "2011-01-01", "since"),
    c("قتل 40 منذ مطلع العام الجاري", MON, "منذ مطلع العام الجاري", "2020-01-01", "since"),
    c("بدأت الاحتجاجات منذ مارس 2011", MON, "منذ مارس 2011", "2011-03-01", "since"),
    c("قتل 118 منذ 30 آذار/مارس", "2018-05-15", "منذ 30 آذار/مارس", "2018-03-30", "since"),
    c("تهاجم القوات منذ الأسبوع الماضي", MON, "منذ الأسبوع الماضي", "2020-09-26", "since"),
    c("مستمر منذ صباح أمس", MON, "منذ صباح أمس", "2020-10-04", "since"),
    c("ومنذ بدء العملية العسكرية قتل 40", MON, "منذ بدء العملية", None, "since"),
    c("قتل 20 منذ بداية الشهر الجاري", MON, "منذ بداية الشهر الجاري", "2020-10-01", "since"),
    c("قتل 100 خلال الأيام الثلاثة الماضية", MON, "الأيام الثلاثة الماضية", "2020-10-02",
      "since"),
    c("قتل 30 خلال الـ24 ساعة الماضية", MON, "الـ24 ساعة الماضية", "2020-10-04", "since"),
    c("سقط 12 قتيلا في اليومين الماضيين", MON, "اليومين الماضيين", "2020-10-03", "since"),
    c("قتل 90 طيلة الأسابيع الستة الماضية", MON, "الأسابيع الستة الماضية", "2020-08-24",
      "since"),
    c("منذ يوم الجمعة يسود الهدوء", MON, "منذ يوم الجمعة", "2020-10-02", "since"),
    c("غرق 2000 منذ بداية العام", None, "منذ بداية العام", None, "since"),
]

NEGATIVE = [
    "قتل في 20 شخصا",  # "في" + a figure is no year
    "نفذت الغارة في 2254 موقعا",
    "مارس الرئيس ضغوطا على الحكومة",
    "عاد الهدوء في اليوم التالي",
    "يحتفل العالم باليوم العالمي للاجئين",
    "احتل المنتخب المركز الأول",
    "قتل الاثنين معا في الحادث",
    "خرجوا في ذكرى ثورة 25 يناير",
    "تكريم الآب والأم",
    "زار ماي البلاد",
    "لعب الأحد عشر لاعبا",
    "بثت قناة روسيا اليوم تقريرا",
    "يعيش هناك منذ سنوات",
    "أدى المصلون صلاة الجمعة",
    "في ذلك اليوم قتل 5",
    "قتل 5 وأصيب 20 بجروح",
    "انتصرت مصر في حرب أكتوبر",
    "يحتفل المسلمون بشهر ربيع الأول",
    "قتل 3 قبل يومين من الانتخابات",
    "بلغ الإنتاج مليون برميل في اليوم",
    "نجا 1.5 مليون شخص",
    "غادر قبل أن يصل الجنود",
    "وقع الحادث في الشهر نفسه",
    "توفي في 18 صفر",
    "دخل لليوم الثالث على التوالي",
]

ALL = DEIXIS + WEEKDAYS + PERIODS + MONTH_DAYS + DURATIONS + GREGORIAN + HIJRI + SINCE


def _pub(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


@pytest.mark.parametrize("text,pub,surface,date,precision,end", ALL)
def test_expression(text, pub, surface, date, precision, end):
    norm = normalize(text)[0]
    found = find_times(norm, _pub(pub))
    assert len(found) == 1, [(norm[m.start:m.end], m) for m in found]
    m = found[0]
    assert norm[m.start:m.end] == normalize(surface)[0]
    assert (m.date, m.precision, m.end_date) == (date, precision, end)


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_time_expression(text):
    norm = normalize(text)[0]
    assert find_times(norm, dt.date(2020, 10, 5)) == []


def test_enough_cases():
    assert len(ALL) + len(NEGATIVE) >= 150


def test_several_mentions_in_order_and_disjoint():
    text = "قتل 5 أمس الأحد، بعد أن قتل 3 الأسبوع الماضي، وحصيلة الحرب منذ عام 2011 بلغت 400 ألف"
    norm = normalize(text)[0]
    found = find_times(norm, dt.date(2020, 10, 5))
    assert [norm[m.start:m.end] for m in found] == [
        normalize(s)[0] for s in ("أمس الأحد", "الأسبوع الماضي", "منذ عام 2011")]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_since_then_starts_at_the_date_named_just_before():
    # "since that date": the protests' start; a date paragraphs back, or none, leaves it open
    text = "بدأت الاحتجاجات في 30 مارس، ومنذ ذلك التاريخ قتل 33 فلسطينيا"
    norm = normalize(text)[0]
    found = find_times(norm, dt.date(2018, 4, 13))
    assert [(norm[m.start:m.end], m.date, m.precision) for m in found] == [
        (normalize("30 مارس")[0], "2018-03-30", "day"),
        (normalize("منذ ذلك التاريخ")[0], "2018-03-30", "since")]
    far = "بدأت الاحتجاجات في 30 مارس. " + "وتواصلت التظاهرات في المدن. " * 8 + "ومنذ ذلك الحين قتل 5"
    norm = normalize(far)[0]
    assert [(m.date, m.precision) for m in find_times(norm, dt.date(2018, 4, 13))] == [
        ("2018-03-30", "day"), (None, "since")]
    norm = normalize("ومنذ ذلك الحين تجدد القتال")[0]
    assert [(m.date, m.precision) for m in find_times(norm, dt.date(2018, 4, 13))] == [
        (None, "since")]


def test_datetime_publication_is_accepted():
    norm = normalize("قتل 5 أمس")[0]
    found = find_times(norm, dt.datetime(2020, 10, 5, 23, 30, tzinfo=dt.UTC))
    assert found[0].date == "2020-10-04"


def test_mention_is_frozen_value():
    m = TimeMention(0, 3, "2020-10-04", "day", "2020-10-04")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 1  # type: ignore[misc]
    assert not hasattr(m, "__dict__")


def test_offsets_map_back_to_original_text():
    text = "قُتِلَ خَمْسَةٌ أَمْسِ الأَحَدِ فِي الغَارَةِ"
    norm, n2o = normalize(text)
    m = find_times(norm, dt.date(2020, 10, 5))[0]
    assert text[n2o[m.start]:n2o[m.end]].startswith("أَمْسِ")


def test_module_has_no_arabic_literals():
    src = Path(__file__).resolve().parents[2] / "src" / "rasd" / "text" / "dates.py"
    assert not re.search("[\u0600-\u06ff]", src.read_text(encoding="utf-8"))


def _published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def test_real_corpus_smoke():
    if not CORPUS.exists():
        pytest.skip(f"real corpus not found at {CORPUS}")
    articles = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
    docs = []
    for a in articles:
        pub = _published(a.get("published"))
        for field in ("title", "text"):
            docs.append((normalize(a.get(field) or "")[0], pub))
    t0 = time.perf_counter()
    total = resolved = 0
    for norm, pub in docs:
        found = find_times(norm, pub)
        prev_end = 0
        for m in found:
            assert prev_end <= m.start < m.end <= len(norm)
            prev_end = m.end
            assert m.precision in {"day", "week", "month", "year", "since"}
            if m.date and m.end_date:
                assert m.date <= m.end_date
            total += 1
            resolved += m.date is not None
    elapsed = time.perf_counter() - t0
    print(f"\n{len(articles)} articles: {total} time expressions, {resolved} resolved, "
          f"{elapsed:.2f}s")
    assert total > 5 * len(articles) // 2 and resolved > 0.8 * total
    assert elapsed < 15


@pytest.mark.parametrize("text, date", [
    ("قتل 3 أشخاص في البريج الجمعة.", "2020-10-02"),
    ("اندلعت مصادمات الجمعة في المدينة.", "2020-10-02"),
])
def test_bare_friday_is_a_date_outside_the_prayer(text, date):
    found = find_times(normalize(text)[0], dt.date(2020, 10, 5))
    assert [t.date for t in found] == [date]


@pytest.mark.parametrize("text", ["نزح حتى الآن نحو 30 ألف شخص", "وصل عدد القتلى لحد الآن إلى 50"])
def test_running_totals_so_far_are_cumulative(text):
    found = find_times(normalize(text)[0], dt.date(2020, 10, 5))
    assert [(t.date, t.precision) for t in found] == [(None, "since")]


# --- publication dates at the ends of the calendar: unresolved, never an exception -----------

@pytest.mark.parametrize("text", [
    "قتل 5 أمس", "قتل 5 العام المقبل", "قتل 5 قبل 999 عاما", "قتل 5 قبل 999 أسبوعا",
    "قتل 5 منذ 999 شهرا", "قتل 5 خلال الأيام الثلاثة الماضية", "قتل 5 يوم 3 رمضان",
    "قتل 5 الشهر الماضي", "قتل 5 يوم الأحد المقبل", "قتل 5 في 3 مايو الماضي",
])
@pytest.mark.parametrize("pub", [dt.date.min, dt.date.max, dt.date(1899, 12, 31),
                                 dt.date(2100, 1, 1)])
def test_publication_outside_the_supported_range_is_unknown(text, pub):
    norm = normalize(text)[0]
    assert find_times(norm, pub) == find_times(norm, None)


@pytest.mark.parametrize("text", ["قتل 5 أمس", "قتل 5 قبل 999 عاما", "قتل 5 العام المقبل",
                                  "قتل 5 منذ 999 أسبوعا", "قتل 5 يوم 3 رمضان"])
def test_relative_dates_at_the_ends_of_the_supported_range(text):
    norm = normalize(text)[0]
    for pub in PUBLISHED_RANGE:
        for m in find_times(norm, pub):
            assert m.date is None or dt.date.fromisoformat(m.date)


def test_yearless_hijri_day_outside_the_converter_range_is_unresolved():
    # hijridate converts 1924-08-01 .. 2077-11-16 only
    norm = normalize("قتل 5 يوم 3 رمضان")[0]
    assert [m.date for m in find_times(norm, dt.date(1910, 5, 1))] == [None]
    assert [m.date for m in find_times(norm, dt.date(2090, 5, 1))] == [None]
    assert [m.date for m in find_times(norm, dt.date(2020, 5, 1))] == ["2020-04-26"]


def test_hijri_years_outside_the_converter_range_are_unresolved():
    for text in ("قتل 5 في 3 رمضان 1342 هـ", "قتل 5 في رمضان 1501 هـ", "قتل 5 عام 1342 هـ"):
        norm = normalize(text)[0]
        assert all(m.date is None for m in find_times(norm, dt.date(2020, 5, 1))), text


# --- any text, any publication date: mentions inside the text, ISO dates, never an exception ---

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

from rasd.lang.ar import load_yaml  # noqa: E402
from rasd.text.tokens import tokenize  # noqa: E402


def _date_words() -> list[str]:
    y = load_yaml("dates.yaml")
    out: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            out.add(node)
    walk(y)
    return sorted(out)


DATE_PIECES = st.one_of(st.sampled_from(_date_words()), st.from_regex(r"\d{1,5}", fullmatch=True),
                        st.sampled_from([" ", "/", "-", ".", "،", "هـ", "م", "ـ"]),
                        st.text(max_size=2))


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.lists(DATE_PIECES, max_size=20).map(" ".join), st.none() | st.dates())
def test_any_text_and_publication_date(text, pub):
    norm = normalize(text)[0]
    found = find_times(norm, pub)
    last = 0
    for m in found:
        assert last <= m.start < m.end <= len(norm)
        last = m.end
        for day in (m.date, m.end_date):
            assert day is None or dt.date.fromisoformat(day)
    assert found == find_times(norm, pub, tokenize(norm))


@pytest.mark.parametrize("text, surface, date, precision", [
    ("قتل 500 شخص منذ بداية شهر رمضان", "منذ بداية شهر رمضان", "2020-04-24", "since"),
    ("قتل 500 شخص منذ شهر رمضان", "منذ شهر رمضان", "2020-04-24", "since"),
    ("قتل 500 شخص في رمضان الماضي", "رمضان الماضي", "2020-04-24", "month"),
    ("قتل 20 شخصا في محرم الماضي", "محرم الماضي", "2020-08-20", "month"),
    ("ويبدأ الحوار في رمضان المقبل", "رمضان المقبل", "2021-04-13", "month"),
])
def test_a_year_less_hijri_month_is_the_latest_one(text, surface, date, precision):
    """With a part word, a relative word or "منذ", a Hijri month without a year is the latest
    one begun on or before publication (2020-10-05 = 18 Safar 1442)."""
    norm = normalize(text)[0]
    found = find_times(norm, dt.date(2020, 10, 5))
    assert [(norm[m.start:m.end], m.date, m.precision) for m in found] == [
        (normalize(surface)[0], date, precision)]


@pytest.mark.parametrize("text", ["وقال رمضان عبد الله إن الحصيلة ارتفعت",
                                  "يبقى المعبر مفتوحا طوال شهر رمضان"])
def test_a_hijri_month_name_alone_is_no_date(text):
    norm = normalize(text)[0]
    assert find_times(norm, dt.date(2020, 10, 5)) == []


@pytest.mark.parametrize("text, surface, date, precision", [
    ("قتل 5 أشخاص منذ يومين في حلب", "منذ يومين", "2020-10-03", "day"),
    ("قتل 5 أشخاص قبل ثلاثة أيام", "قبل ثلاثة أيام", "2020-10-02", "day"),
    ("قتل 5 أشخاص الخميس في حلب", "الخميس", "2020-10-01", "day"),
    ("قتل 5 أشخاص الاثنين الماضي", "الاثنين الماضي", "2020-09-28", "day"),
    ("قتل 5 أشخاص يوم 8 جويلية", "يوم 8 جويلية", "2020-07-08", "day"),
    ("قتل 5 أشخاص يوم 20 جوان الماضي", "يوم 20 جوان الماضي", "2020-06-20", "day"),
    ("قتل 5 أشخاص يوم 3 تموز", "يوم 3 تموز", "2020-07-03", "day"),
    ("قتل 5 أشخاص يوم 3 كانون الأول", "يوم 3 كانون الأول", "2019-12-03", "day"),
    ("قتل 5 أشخاص خلال الأسبوع الماضي", "الأسبوع الماضي", "2020-09-26", "week"),
])
def test_relative_days_weekdays_and_regional_months(text, surface, date, precision):
    """The forms of issue 10 on sentences of our own (publication Monday 2020-10-05)."""
    norm = normalize(text)[0]
    found = find_times(norm, dt.date(2020, 10, 5))
    assert [(norm[m.start:m.end], m.date, m.precision) for m in found] == [
        (normalize(surface)[0], date, precision)]


@pytest.mark.parametrize("text", ["قتل 5 في بداية شهر رمضان", "قتل 5 في رمضان الماضي",
                                  "قتل 5 منذ شهر رمضان"])
def test_yearless_hijri_month_outside_the_converter_range_is_unresolved(text):
    norm = normalize(text)[0]
    assert [m.date for m in find_times(norm, dt.date(1910, 5, 1))] == [None]
    assert [m.date for m in find_times(norm, dt.date(2020, 5, 1))] != [None]


# --- dates.yaml is checked as it is read -------------------------------------------------------

from rasd.errors import DataError  # noqa: E402
from rasd.text import dates  # noqa: E402


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["months"].update({13: ["سمبر"]}), r"dates\.yaml: months\.13: unknown key"),
    (lambda d: d.update({"since": "منذ"}), r"dates\.yaml: since: a list of strings expected"),
    (lambda d: d["durations"].update({"decade": d["durations"]["year"]}),
     r"dates\.yaml: durations\.decade: unknown key"),
])
def test_a_malformed_dates_file_names_the_file_and_the_entry(broken_data, edit, message) -> None:
    broken_data(dates, "dates.yaml", edit, dates._grammar)
    with pytest.raises(DataError, match="^" + message):
        dates._grammar()


def test_the_article_glued_to_digits_opens_a_date_with_tokens_too():
    """"الـ27 من الشهر الجاري": the tokens split "ال" from "27"; the date is found with the
    tokens as without them."""
    from rasd.ingest.records import make_document
    from rasd.pipeline import prepare
    from rasd.text.dates import find_times

    doc = prepare(make_document("قتل 5 أشخاص في الـ27 من الشهر الجاري.", id="t"))
    published = dt.date(2018, 6, 30)
    with_tokens = find_times(doc.norm, published, doc.tokens)
    assert [(t.date, t.precision) for t in with_tokens] == [("2018-06-27", "day")]
    assert with_tokens == find_times(doc.norm, published)


@pytest.mark.parametrize("with_tokens", [True, False])
def test_only_the_expressions_opening_inside_the_spans_asked(with_tokens):
    """``only``: the expressions that open inside the spans, one may run on past a span's end."""
    norm = normalize("قتل رجل أمس الأحد. وأصيب آخر يوم الجمعة 2 أكتوبر.")[0]
    tokens = tokenize(norm) if with_tokens else None
    every = find_times(norm, dt.date(2020, 10, 5), tokens)
    assert len(every) == 2
    second = norm.index(normalize("وأصيب")[0])
    assert find_times(norm, dt.date(2020, 10, 5), tokens, only=[(second, len(norm))]) \
        == every[1:]
    assert find_times(norm, dt.date(2020, 10, 5), tokens, only=[(0, every[0].start + 1)]) \
        == every[:1]
    assert find_times(norm, dt.date(2020, 10, 5), tokens, only=[]) == []
