"""Subject classification on phrases written for these tests."""

import pytest

from rasd.extractor.subjects import CATEGORIES, SubjectInfo, affiliation_name, classify_subject


@pytest.mark.parametrize("text, category", [
    # civilians
    ("مدنيين", "civilians"),
    ("مدنياً", "civilians"),
    ("من المدنيين", "civilians"),
    ("للمدنيين", "civilians"),
    ("مواطنين", "civilians"),
    ("صحفيين", "civilians"),
    ("متظاهراً", "civilians"),
    ("قتيلاً مدنياً", "civilians"),
    ("أشخاص من المدنيين", "civilians"),
    # children
    ("أطفال", "children"),
    ("والأطفال", "children"),
    ("طفلاً", "children"),
    ("رضيعة", "children"),
    ("طفلين", "children"),
    # women
    ("نساء", "women"),
    ("امرأة", "women"),
    ("سيدات", "women"),
    ("امرأتين", "women"),
    # fighters
    ("مقاتلين", "fighters"),
    ("مسلحاً", "fighters"),
    ("عناصر", "fighters"),
    ("لعناصر", "fighters"),
    ("إرهابيين", "fighters"),
    ("متمرداً", "fighters"),
    ("من الانقلابيين", "fighters"),
    ("مرتزقة", "fighters"),
    ("من الجهاديين الأجانب", "fighters"),
    ("من عناصرها", "fighters"),
    # soldiers
    ("جنود", "soldiers"),
    ("جندياً", "soldiers"),
    ("عسكريين", "soldiers"),
    ("ضباط", "soldiers"),
    ("عناصر من الجيش", "soldiers"),
    ("من أفراد الجيش", "soldiers"),
    # police
    ("شرطياً", "police"),
    ("رجال الأمن", "police"),
    ("عناصر الأمن", "police"),
    ("من عناصر الشرطة", "police"),
    ("ضابط في الشرطة", "police"),
    ("من أفراد قوات الأمن", "police"),
    # migrants
    ("مهاجرين", "migrants"),
    ("لاجئاً", "migrants"),
    ("النازحين", "migrants"),
    ("من طالبي اللجوء", "migrants"),
    # prisoners
    ("معتقلين", "prisoners"),
    ("سجيناً", "prisoners"),
    ("الأسرى", "prisoners"),
    ("رهائن", "prisoners"),
    # unknown: people with no category, victim words, things
    ("أشخاص", "unknown"),
    ("شخصاً", "unknown"),
    ("آخرين", "unknown"),
    ("القتلى", "unknown"),
    ("رجل", "unknown"),
    ("القيادي", "unknown"),
    ("صواريخ أطلقها الحوثيون", "unknown"),
    ("غارات جوية", "unknown"),
    ("قتيلاً جلهم من النساء والأطفال", "unknown"),   # "mostly women": no scope
    ("آخرين جلهم من موظفي الهيئة", "unknown"),
    ("", "unknown"),
])
def test_category(text, category):
    assert classify_subject(text).category == category


@pytest.mark.parametrize("text, country", [
    ("مقاتلاً سوريّاً", "SY"),
    ("مقاتلين روس", "RU"),
    ("جنود أتراك", "TR"),
    ("جنديين روسيين", "RU"),
    ("سائحاً بريطانياً", "GB"),
    ("مواطنين تونسيين", "TN"),
    ("من المقاتلين الأفغان", "AF"),
    ("فلسطينيين", "PS"),
    ("للأمريكيين", "US"),
    ("مدنيين عراقيين", "IQ"),
])
def test_nationality(text, country):
    assert classify_subject(text).country == country


def test_nationality_noun_alone_is_no_category():
    assert classify_subject("فلسطينياً") == SubjectInfo("unknown", "PS", None)


def test_country_name_is_no_adjective_without_an_accusative_head():
    assert classify_subject("مدنيين في سوريا").country is None
    assert classify_subject("أشخاص من سوريا").country is None


@pytest.mark.parametrize("text, category, affiliation", [
    ("من عناصر الجيش الوطني", "fighters", "sna"),
    ("عناصر الجيش الوطني السوري", "fighters", "sna"),
    ("عنصراً من ميليشيات الحوثي", "fighters", "houthis"),
    ("حوثياً", "fighters", "houthis"),
    ("من الحوثيين", "fighters", "houthis"),
    ("من ميليشيات الحوثي الإيرانية", "fighters", "houthis"),
    ("من عناصر تنظيم داعش", "fighters", "isis"),
    ("لعناصر تنظيم الدولة الإسلامية", "fighters", "isis"),
    ("من مقاتلي حزب الله", "fighters", "hezbollah"),
    ("القيادي في حركة حماس", "fighters", "hamas"),
    ("من مسلحي طالبان", "fighters", "taliban"),
    ("مقاتلين من قوات سوريا الديمقراطية", "fighters", "sdf"),
    ("عنصراً من قوات النظام", "soldiers", "sy-army"),
    ("قتلى في صفوف قوات النظام", "soldiers", "sy-army"),
    ("جنود من الجيش الإسرائيلي", "soldiers", "idf"),
    ("عناصر من الحرس الثوري", "soldiers", "irgc"),
    ("من عناصر البيشمركة", "soldiers", "peshmerga"),
])
def test_affiliation(text, category, affiliation):
    info = classify_subject(text)
    assert (info.category, info.affiliation) == (category, affiliation)


def test_state_force_gives_its_country_an_armed_group_does_not():
    assert classify_subject("جنود من الجيش الإسرائيلي").country == "IL"
    assert classify_subject("عنصراً من قوات النظام").country == "SY"
    assert classify_subject("من ميليشيات الحوثي الإيرانية").country is None


def test_generic_force_named_by_its_adjective():
    assert classify_subject("من القوات التركية") == SubjectInfo("soldiers", "TR", "tr-army")
    assert classify_subject("عناصر من الشرطة العراقية") == SubjectInfo("police", "IQ", "iq-police")


def test_ambiguous_force_resolved_by_where():
    assert classify_subject("عناصر الجيش الوطني").affiliation == "sna"  # the data file's default
    assert classify_subject("عناصر الجيش الوطني", where="YE") == SubjectInfo(
        "soldiers", "YE", "ye-army")
    assert classify_subject("جنود من الجيش الوطني", where="LY").affiliation == "lna"
    assert classify_subject("القوات الحكومية", where="SY").affiliation == "sy-army"
    assert classify_subject("القوات الحكومية").affiliation is None


def test_agent_after_a_stop_word_is_not_the_subject():
    assert classify_subject("فلسطينياً برصاص الجيش الإسرائيلي") == SubjectInfo("unknown", "PS")
    assert classify_subject("مدنيين جراء غارات التحالف").affiliation is None
    assert classify_subject("مدنياً، بينهم 5 أطفال").category == "civilians"
    assert classify_subject("شخصاً على أيدي عناصر داعش") == SubjectInfo("unknown")


def test_patron_is_not_the_affiliation():
    info = classify_subject("مسلحين موالين لإيران")
    assert (info.category, info.country, info.affiliation) == ("fighters", None, None)
    assert classify_subject("عنصراً من القوات الموالية للنظام").affiliation is None


def test_ethnicity():
    info = classify_subject("مقاتلين أكراد")
    assert (info.category, info.country, info.ethnicity) == ("fighters", None, "kurdish")


@pytest.mark.parametrize("context, category, country", [
    ("مقتل 26 مدنياً", "civilians", None),
    ("قتل 43 من العناصر المهاجمة", "fighters", None),
    ("مقتل جنديين", "soldiers", None),
    ("مقتل مواطنين تونسيين اثنين", "civilians", "TN"),
    ("قتلت القوات الإسرائيلية 5 فلسطينيين", "unknown", "PS"),
    ("مقتل العشرات", "unknown", None),
])
def test_context_only(context, category, country):
    info = classify_subject(None, context)
    assert (info.category, info.country) == (category, country)


def test_context_fills_an_open_subject_only():
    assert classify_subject("آخرين", "وإصابة 5 آخرين من المدنيين").category == "civilians"
    assert classify_subject("جنود", "مقتل 3 جنود ومدنيين").category == "soldiers"
    # the agent of the evidence is not taken as the subject's affiliation
    assert classify_subject("أشخاص", "قتل مسلحو داعش 5 أشخاص").affiliation is None


def test_no_subject_no_context():
    assert classify_subject(None) == SubjectInfo("unknown")


def test_diacritics_and_tatweel():
    assert classify_subject("مـدنيّين").category == "civilians"
    assert classify_subject("مقاتلًا سوريًّا") == SubjectInfo("fighters", "SY")


def test_affiliation_names():
    assert affiliation_name("sna") == "Syrian National Army"
    assert affiliation_name("tr-army") == "Turkey army"
    assert affiliation_name("nonexistent") is None


def test_categories_are_closed():
    for text in ("مدنيين", "عناصر", "أشخاص", "جنود", "شرطي", "نساء"):
        assert classify_subject(text).category in CATEGORIES


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["categories"].update({"soldierz": {"other": ["جندي"]}}),
     r"subjects\.yaml: categories\.soldierz: unknown key"),
    (lambda d: d["groups"][2].update({"aliases": "داعش"}),
     r"subjects\.yaml: groups\[2\]\.aliases: a list of strings expected"),
    (lambda d: d["import_sources"].update({"military": "troops"}),
     r"subjects\.yaml: import_sources\.military: 'troops' is not one of"),
])
def test_a_malformed_subjects_file_names_the_file_and_the_entry(broken_data, edit, message) -> None:
    from rasd.errors import DataError
    from rasd.extractor import subjects

    broken_data(subjects, "subjects.yaml", edit, subjects._tables)
    with pytest.raises(DataError, match="^" + message):
        subjects._tables()
