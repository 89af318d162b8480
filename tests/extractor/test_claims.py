"""End-to-end extraction on short texts written for these tests: figures, events, spans, places."""

import pytest
from claims_kit import extract_claims, one_claim, type_counts

import rasd
from rasd.model import Count


@pytest.mark.parametrize("text, etype, count", [
    ("قالت الشرطة إن 12 شخصاً قتلوا في الهجوم.", "killed", Count(value=12)),
    ("أسفر القصف عن مقتل 93 مقاتلاً سورياً.", "killed", Count(value=93)),
    ("سقط تسعة قتلى في المدينة.", "killed", Count(value=9)),
    ("ارتفعت حصيلة القتلى إلى 40 شخصاً.", "killed", Count(value=40)),
    ("لقي 41 متمرداً حوثياً مصرعهم.", "killed", Count(value=41)),
    ("أصيب نحو 30 شخصاً بجروح.", "injured", Count(value=30, qualifier="about")),
    ("اعتقلت قوات الأمن أكثر من 50 متظاهراً.", "arrested", Count(value=50, qualifier="at_least")),
    ("قتل ما بين 40 و50 مدنياً.", "killed", Count(min=40, max=50)),
    ("أدى القصف إلى مقتل عشرات المدنيين.", "killed", Count(vague="tens")),
    ("شن الطيران ثلاث غارات على البلدة.", "strikes", Count(value=3)),
    ("نزح نحو 1800 أسرة من المنطقة.", "displaced", Count(value=1800, qualifier="about")),
    ("أرسلت الحكومة 430 مقاتلاً إلى الجبهة.", "deployed", Count(value=430)),
    ("أفرجت السلطات عن 20 معتقلاً.", "released", Count(value=20)),
    ("قُتل شاب برصاص مجهولين.", "killed", Count(value=1)),
])
def test_figure_type_and_count(text, etype, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (etype, count)


def test_mixed_killed_or_wounded():
    claim = one_claim("سقط 15 بين قتيل وجريح في الانفجار.")
    assert claim.type == "injured" and claim.mixed and claim.count == Count(value=15)


def test_spans_point_into_the_original_text():
    text = "قالَت الشُّرطة إنّ ١٢ شخصاً قُتِلوا في الهجوم."
    claim = one_claim(text)
    ev = text[claim.evidence.start:claim.evidence.end]
    assert "١٢" in ev
    assert text[claim.source.span.start:claim.source.span.end] == "الشُّرطة"


def test_place_is_resolved_with_coordinates():
    claim = one_claim("قُتل 5 أشخاص في غارة على مدينة إدلب.")
    assert claim.location is not None and claim.location.country == "SY"
    assert claim.location.lat is not None and "إدلب" in claim.location.text


def test_unknown_place_after_a_place_noun_is_kept_without_coordinates():
    claim = one_claim("قتل 8 مسلحين في جبهة الجفينة.")
    assert claim.location.text == "جبهة الجفينة" and claim.location.lat is None


def test_trigger_span_is_given():
    text = "قالت الشرطة إن 12 شخصاً قتلوا في الهجوم."
    claim = one_claim(text)
    assert text[claim.trigger.span.start:claim.trigger.span.end] == "قتلوا"


def test_a_title_of_tatweel_is_no_error():
    (claim,) = rasd.extract("قتل 5 أشخاص", title="مقتل" + "\u0640" * 50)
    assert claim.count.value == 5


@pytest.mark.parametrize("text, etype, count", [
    ("أزهقت الحرب أرواح نصف مليون شخص.", "killed", Count(value=500000)),
    # "تحصد أرواح" (reaps the lives of) is a death idiom; "حصد" alone may be votes or medals
    ("إن الحوادث المرورية تحصد أرواح نحو 400 شخص يوميا.", "killed", Count(value=400, qualifier="about")),
    ("وقضت ثلاث نساء غرقا في النهر.", "killed", Count(value=3)),
    ("أسفرت الحرب عن مقتل أكثر من نصف مليون.", "killed", Count(value=500000, qualifier="at_least")),
    ("قتل مالا يقل عن 11 مسلحاً.", "killed", Count(value=11, qualifier="at_least")),
    ("نزح ما تجاوز 30 ألف شخص.", "displaced", Count(value=30000, qualifier="at_least")),
])
def test_number_forms(text, etype, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (etype, count)


@pytest.mark.parametrize("text, etype, count", [
    ("أعلنت السلطات مقتل25 شخصاً.", "killed", Count(value=25)),            # digits glued to a word
    ("وأصيب119 في اعتداء انتحاري.", "injured", Count(value=119)),
    ("أسفر القصف عن مقتل أكثر من340 ألف شخص.", "killed", Count(value=340000, qualifier="at_least")),
])
def test_figures_glued_to_words(text, etype, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (etype, count)


@pytest.mark.parametrize("text, expected", [
    ("وقال مسعفون إن 25 شخصا يتلقون العلاج في المستشفى.", [("injured", 25)]),
    ("ويعالج في المستشفيات إجمالي 40 شخصا بعد الحادث.", [("injured", 40)]),
    ("وقال متحدث إن الرئيس تلقى العلاج هناك بعد شعوره بالإعياء.", []),
])
def test_people_being_treated_are_injured(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وغادر أكثر من 7000 شخص البلدة نحو الحواجز.", [("displaced", 7000)]),
    ("وقال المرصد إن 12 ألف مدني غادروا المنطقة.", [("displaced", 12000)]),
    ("ونص الاتفاق على مغادرة نحو 3200 من المسلحين.", [("displaced", 3200)]),
    ("وانتشر آلاف من الجنود في شوارع المدينة.", [("deployed", "thousands")]),
    ("وانتشرت أنباء عن انضمام عدد من المقاتلين إلى الفصيل.", []),
])
def test_leaving_is_displacement_and_spreading_out_a_deployment(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وخلف الفيضان عشرات القتلى ومئات المفقودين وآلاف المهجرين.",
     [("killed", "tens"), ("missing", "hundreds"), ("displaced", "thousands")]),
    ("وأسفرت الحرب عن نحو 10 آلاف قتيل ومئات الآلاف من المشردين.",
     [("killed", 10000), ("displaced", "hundreds_of_thousands")]),
])
def test_the_forcibly_displaced_and_homeless_after_a_figure_are_displaced(text, expected):
    assert type_counts(text) == expected


def test_loss_of_the_most_eminent_of_a_group_counts_people():
    claims = extract_claims("وقالت الجماعة إنها فقدت اثنين من أبرز قادتها في المعارك.")
    assert [(c.type, c.count.value) for c in claims] == [("killed", 2)]


def test_a_figure_of_killed_and_wounded_in_the_accusative_is_mixed():
    claims = extract_claims("وسقط أكثر من 60 قتيلاً وجريحاً من المسلحين.")
    assert [(c.type, c.count.value, c.mixed) for c in claims] == [("injured", 60, True)]


@pytest.mark.parametrize("text, expected", [
    ("وأعلن الأمن استشهاد ضابط وثلاثة مجندين في تفجير عبوة ناسفة.", [("killed", 1), ("killed", 3)]),
    ("وأصيب ثلاثة ضباط وخمسة مجندين خلال الأعمال القتالية.", [("injured", 3), ("injured", 5)]),
    ("ويضم الجيش 325 ألفا من المجندين في القوات البرية.", []),
    ("ودمرت الطائرات ناقلات جند تقل العشرات من المسلحين.", []),
])
def test_conscripts_are_soldiers_and_troop_carriers_recruit_no_one(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("ووثقت الشبكة 197 حالة اختطاف خلال الشهر الماضي.", [("abducted", 197)]),
    ("وسجل التقرير 792 حالة احتجاز تعسفي في سوريا.", [("arrested", 792)]),
    ("ووثق المرصد 167 حالة إخفاء قسري و5 حالات اغتيال.", [("killed", 5), ("missing", 167)]),
])
def test_a_count_of_cases_of_an_event_counts_its_victims(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقصفت الطائرات الإسرائيلية موقعين تابعين لحماس.", [("strikes", 2)]),
    ("وهاجم المسلحون مقرات حكومية، موقعين قتلى وجرحى في صفوف قوات الأمن.", []),
])
def test_two_sites_struck_are_two_strikes_and_inflicting_is_not(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وارتفعت حصيلة غرق المركب إلى 31 غريقاً.", [("killed", 31)]),
    ("وأعلنت القوات استقدام آلاف المقاتلين إلى المنطقة.", [("deployed", "thousands")]),
    ("وأطلقت القوات خمساً من الصواريخ الموجهة.", [("strikes", 5)]),
    ("وأصابت الغارات خمس وحدات من المقاتلين.", []),
    ("وقال إن الهجوم كان سيتسبب في مقتل مئات الأشخاص.", []),
    ("وحذرت الأمم المتحدة من أن المعارك ستؤدي إلى نزوح 340 ألف شخص.", []),
])
def test_drowned_brought_in_accusative_units_and_what_would_have_happened(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وعثر على رفات 38 عامل بناء هندي في مقبرة جماعية.", [("killed", 38)]),
    ("واضطر حوالى 350 ألف شخص للجوء إلى ثلاثة آلاف مخيم للطوارئ.", [("displaced", 350000)]),
    ("وتستضيف الدول المجاورة أكثر من 5 ملايين لجأوا إليها.", []),
])
def test_remains_are_the_dead_and_forced_refuge_is_displacement(text, expected):
    assert type_counts(text) == expected


def test_a_whole_s_subject_ends_at_its_breakdown():
    claims = extract_claims("وارتفع عدد القتلى إلى نحو 30 شخصا بينهم خمسة انتحاريين وفق مصادر طبية.")
    whole, part = sorted(claims, key=lambda c: -(c.count.value or 0))
    assert whole.subject.text == "شخصا" and whole.count.value == 30
    assert part.count.value == 5 and part.subject.category == "fighters"
    # an identification is no breakdown: the subject runs on to its category
    two = one_claim("وقالت الشرطة إن اثنين من القتلى هم من عناصر الشرطة.")
    assert two.count.value == 2 and two.subject.category == "police"


@pytest.mark.parametrize("text, expected", [
    ("وتعرضت امرأتان لطعنات قاتلة في محطة القطارات.", [("killed", 2)]),
    ("وأوضحت المنظمة أن الآلاف تضوروا جوعا حتى الموت في المخيمات.", [("killed", "thousands")]),
    ("ويظهر التسجيل قطع رؤوس 21 عاملا مصريا.", [("killed", 21)]),
    ("وأسفرت أعمال الشغب عن مقتل سجينين وإصابة 13 آخرين.", [("killed", 2), ("injured", 13)]),
    ("وقالت القناة إن الغارات قتلت زعيمين في الجماعة.", [("killed", 2)]),
    # "من المولد وحتى الموت" is no death
    ("وقال إن مليوني شخص محبوسون من المولد وحتى الموت.", []),
])
def test_fatal_stabbings_starving_to_death_beheadings_and_duals_of_people(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وكشفت مصادر عن ارتفاع عدد أسرى جنود اللواء (الحرس الجمهوري سابقا) وميليشيات الحوثي إلى 62.",
     [("arrested", 62)]),
    ("وأعلن المرصد ارتفاع عدد قتلى الضربات، التي استهدفت منطقة الكسوة في القطاع الجنوبي الغربي "
     "من ريف دمشق، إلى 15 على الأقل.", [("killed", 15)]),
    # a clause of its own between commas is no aside: "بحسب المصادر" stays a break
    ("وارتفع عدد القتلى، بحسب المصادر، إلى 20.", [("killed", 20)]),
])
def test_a_toll_reaches_its_figure_across_a_bracket_or_a_relative_aside(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وراح ضحية الحادث 71 شخصا.", [("killed", 71)]),
    ("وذهب ضحيتها 9 مدنيين.", [("killed", 9)]),
    ("وذهب ضحية القصف 12 مدنيا.", [("killed", 12)]),
])
def test_falling_victim_is_dying(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وانتهى المشروع بعد خطف جبهة النصرة (ذراع تنظيم القاعدة في سوريا) عددا منهم.",
     [("abducted", "several")]),
    # an aside holding a figure stays a break: "(إيل 20)" is a model, no toll
    ("أسقطت الدفاعات طائرة استطلاع روسية (إيل 20) بطريق الخطأ مما أدى لمقتل 15 عسكريا.",
     [("killed", 15)]),
])
def test_a_short_bracketed_aside_breaks_no_clause(text, expected):
    assert type_counts(text) == expected


def test_a_toll_reaches_its_figure_across_its_own_relative_clause():
    text = ("وهكذا يرتفع عدد القتلى الفلسطينيين الذين سقطوا برصاص الجيش منذ بدء الاحتجاجات "
            "في 30 آذار/مارس الماضي إلى 53.")
    assert type_counts(text) == [("killed", 53)]


def test_one_of_them_after_a_figure_takes_the_verb_after_it():
    # "امرأتان إحداهما اعتقلت": one of the two was arrested, not both
    claims = extract_claims("وقال المكتب إن الهجوم نفذته امرأتان احداهما اعتقلت بعد إصابتها.")
    assert ("arrested", 2) not in [(c.type, c.count.value) for c in claims]


def test_a_participle_of_the_killed_counts_them():
    assert type_counts("وأفادت تقارير بالعثور على جثتي جنديين مقتولين.") == [("killed", 2)]


def test_a_place_the_gazetteer_lacks_takes_the_country_of_its_context():
    claims = rasd.extract("إندونيسيا: ارتفاع الحصيلة\nوقال مسؤولون إن 50 شخصا قتلوا في مدينة بالو.",
                          published="2018-10-01", outlet="Test")
    assert [(c.location.text, c.location.country) for c in claims] == [("مدينة بالو", "ID")]


@pytest.mark.parametrize("text, expected", [
    # feminine plurals of person nouns count people
    ("وتم إطلاق سراح أربع ناشطات الأسبوع الماضي.", [("released", 4)]),
    ("وأصيبت ثلاث ممرضات في القصف.", [("injured", 3)]),
])
def test_feminine_plural_person_nouns(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "ضبطهم": seized, of people an arrest; not when they are only wanted
    ("وأشار البيان إلى ذلك ليصل عدد الأشخاص الذين تم ضبطهم إلى 2235 شخصا.", [("arrested", 2235)]),
    ("وتطالب النيابة بتسليم المتهم فلان والمطلوب ضبطهم على ذمة القضية.", []),
])
def test_seized_people_are_arrested(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an age told "في N من العمر" is no count; a possibility is no claim
    ("وقال إن تنظيم الدولة قتل شابا في 19 من عمره.", [("killed", 1)]),
    ("وتحدث التلفزيون عن احتمال وجود العديد من القتلى.", []),
])
def test_ages_of_the_one_and_possible_tolls(text, expected):
    assert type_counts(text) == expected
