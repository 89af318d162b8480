"""End-to-end extraction on short texts written for these tests."""

import pytest

import rasd
from rasd.model import Count


def _claims(text, **kw):
    return rasd.extract(text, published="2020-10-05", outlet="Test Outlet", **kw)


def _one(text, **kw):
    claims = _claims(text, **kw)
    assert len(claims) == 1, [c.to_json() for c in claims]
    return claims[0]


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
    claim = _one(text)
    assert (claim.type, claim.count) == (etype, count)


def test_mixed_killed_or_wounded():
    claim = _one("سقط 15 بين قتيل وجريح في الانفجار.")
    assert claim.type == "injured" and claim.mixed and claim.count == Count(value=15)


def test_two_events_in_one_sentence_keep_their_own_figures():
    claims = _claims("قال مسؤول إن 11 شخصاً قتلوا و32 أصيبوا بجروح.")
    assert {(c.type, c.count.value) for c in claims} == {("killed", 11), ("injured", 32)}


def test_breakdown_is_a_separate_claim_of_the_same_event():
    claims = _claims("أسفرت الغارة عن مقتل 20 شخصاً بينهم 5 أطفال.")
    assert {(c.type, c.count.value) for c in claims} == {("killed", 20), ("killed", 5)}


def test_dual_noun_counts_two():
    claim = _one("وقتل جنديين في الاشتباكات.")
    assert claim.count == Count(value=2)


@pytest.mark.parametrize("text", [
    "لم تسجل أي إصابات في صفوف المدنيين.",
    "يعتزم الجيش إرسال 5000 جندي إلى المنطقة.",
    "قتل شاب يبلغ من العمر 20 عاماً قبل عامين في عام 2016 بمبلغ 300 دولار.",
    "تضم المدينة 3000 جندي و40 دبابة.",
    "وقعت الحادثة عام 2015 في المادة 5 من القانون.",
])
def test_not_claims(text):
    assert all(c.count.value not in (20, 5000, 3000, 40, 2015, 5, 300, 2016) for c in _claims(text)
               if c.count.value is not None)


def test_source_from_reporting_verb_and_via_chain():
    claim = _one("كشفت وكالة سبوتنيك نقلاً عن مصدر عسكري مقتل 93 مقاتلاً.")
    assert claim.source.text == "مصدر عسكري" and claim.source.kind == "anonymous"
    assert [v.text for v in claim.via] == ["وكالة سبوتنيك"]


def test_prepositional_source():
    claim = _one("قتل 26 مدنياً في القصف، بحسب المرصد السوري لحقوق الإنسان.")
    assert claim.source.text.startswith("المرصد السوري")


def test_continuation_verb_carries_the_previous_speaker():
    text = "قال المتحدث باسم الجيش إن الهجوم فشل. وأضاف أن 7 مسلحين قتلوا خلال المعارك."
    claim = _one(text)
    assert claim.source.text == "المتحدث باسم الجيش"


def test_no_attribution_is_the_outlet():
    claim = _one("قُتل 5 أشخاص في انفجار سيارة مفخخة.")
    assert claim.source.kind == "outlet" and claim.source.text == "Test Outlet"


def test_spans_point_into_the_original_text():
    text = "قالَت الشُّرطة إنّ ١٢ شخصاً قُتِلوا في الهجوم."
    claim = _one(text)
    ev = text[claim.evidence.start:claim.evidence.end]
    assert "١٢" in ev
    assert text[claim.source.span.start:claim.source.span.end] == "الشُّرطة"


def test_title_is_part_of_the_article_and_headline_duplicate_is_dropped():
    claims = _claims("قال مصدر طبي إن 12 شخصاً قتلوا في الهجوم.", title="مقتل 12 شخصاً في هجوم")
    assert len(claims) == 1 and claims[0].source.text == "مصدر طبي"
    assert claims[0].doc_id  # content hash when the input has no id


def test_claim_time_defaults_to_publication():
    claim = _one("قُتل 5 أشخاص في انفجار.")
    assert claim.time is not None and claim.time.date == "2020-10-05"
    assert claim.time.precision == "publication"


def test_claim_time_from_the_sentence():
    claim = _one("قُتل 5 أشخاص أمس الأحد في انفجار.")
    assert claim.time.date == "2020-10-04" and claim.time.precision == "day"


@pytest.mark.parametrize("text", [
    "أعلنت وزارة الداخلية، السبت، أن انفجاراً وقع مساء الجمعة أدى إلى إصابة 6 أشخاص.",
    "وقال مسؤولو الشرطة السبت إن 6 أشخاص أصيبوا في انفجار الجمعة.",
])
def test_the_event_day_wins_over_the_day_of_the_statement(text):
    """"أعلنت الوزارة، السبت، أن ...": Saturday dates the statement; the event's own day
    (Friday, 2020-10-02) dates the claim."""
    claim = _one(text)
    assert claim.time.date == "2020-10-02" and claim.time.precision == "day"


@pytest.mark.parametrize("text, date", [
    ("أعلنت وزارة الداخلية، السبت، أن 6 أشخاص أصيبوا في انفجار.", "2020-10-03"),
    ("قال المرصد، السبت، إن 6 مقاتلين قتلوا في أعنف هجوم منذ نحو عام.", "2020-10-03"),
    ("أعلنت الوزارة الجمعة مقتل 6 أشخاص في مظاهرات انطلقت بعد ظهر اليوم.", "2020-10-02"),
])
def test_the_day_of_the_statement_dates_a_claim_with_no_event_day(text, date):
    """Without another day (a year compared to, or a day after the statement, is none), the
    statement's day dates the claim: most often the event's day too."""
    claim = _one(text)
    assert claim.time.date == date and claim.time.precision == "day"


def test_titled_person_is_one_speaker():
    claim = _one("وقال وزير الخارجية الروسي سيرغي لافروف إن 4000 مقاتل أُرسلوا إلى المنطقة.")
    assert claim.source.text == "وزير الخارجية الروسي سيرغي لافروف"
    assert claim.source.kind == "government" and claim.type == "deployed"


def test_organization_speaker_and_kind():
    claim = _one("أفاد المرصد السوري لحقوق الإنسان بأن 72 عنصراً قتلوا في المعارك.")
    assert claim.source.text == "المرصد السوري لحقوق الإنسان" and claim.source.kind == "monitor"


def test_open_quotation_carries_its_speaker():
    text = ('وقال المتحدث باسم الدفاع المدني: "عملنا طوال الليل في المدينة. '
            'وانتشلنا جثث 14 شخصاً من تحت الأنقاض".')
    claim = _one(text)
    assert claim.source.text == "المتحدث باسم الدفاع المدني"


def test_strikes_on_targets_count_as_strikes():
    claim = _one("شن الطيران غارات على 9 أهداف في المنطقة.")
    assert claim.type == "strikes" and claim.count == Count(value=9)


def test_anonymous_plural_source_with_glued_preposition():
    claim = _one("قتل 483 شخصاً في المعارك، وفقاً لمصادر طبية يمنية.")
    assert claim.source.text == "مصادر طبية يمنية" and claim.source.kind == "anonymous"


def test_place_is_resolved_with_coordinates():
    claim = _one("قُتل 5 أشخاص في غارة على مدينة إدلب.")
    assert claim.location is not None and claim.location.country == "SY"
    assert claim.location.lat is not None and "إدلب" in claim.location.text


def test_unknown_place_after_a_place_noun_is_kept_without_coordinates():
    claim = _one("قتل 8 مسلحين في جبهة الجفينة.")
    assert claim.location.text == "جبهة الجفينة" and claim.location.lat is None


def test_cumulative_toll_gets_a_start_marker():
    claim = _one("قُتل أكثر من 300 ألف شخص منذ بدء الحرب.")
    assert claim.time.precision == "since"


def test_trigger_span_is_given():
    text = "قالت الشرطة إن 12 شخصاً قتلوا في الهجوم."
    claim = _one(text)
    assert text[claim.trigger.span.start:claim.trigger.span.end] == "قتلوا"


def test_lead_and_crosshead_figures_yield_to_the_attributed_one():
    text = ("أصيب أربعة جنود في تفجير قرب الحدود.\n\n"
            "مقتل فلسطينيين اثنين\n\n"
            "وأعلنت مصادر طبية الأحد مقتل فلسطينيين اثنين. وقال الجيش إن أربعة من جنوده أصيبوا.")
    claims = _claims(text, title="غارات على القطاع")
    assert sorted((c.count.value, c.source.kind) for c in claims) == [(2, "anonymous"), (4, "military")]


def test_the_second_paragraph_restating_an_attributed_figure_yields_to_it():
    text = ("أفادت وكالة محلية أن أربعة متظاهرين قتلوا برصاص الشرطة الجمعة.\n\n"
            "قتل أربعة متظاهرين وجرح آخرون في مواجهات مع الشرطة الجمعة.\n\n"
            "وتجمع المحتجون أمام مبنى البلدية.")
    claims = _claims(text, title="مواجهات في العاصمة")
    assert [(c.count.value, c.source.text) for c in claims] == [(4, "وكالة محلية")]


@pytest.mark.parametrize("text, expected", [
    ("وبذلك ترتفع حصيلة قتلى الاحتجاجات منذ 30 آذار/مارس الماضي إلى 37 فلسطينيا.",
     [("killed", 37)]),
    ("وارتفعت حصيلة القتلى جراء القصف منذ بدء الحملة في 18 شباط/فبراير إلى 1111 مدنيا.",
     [("killed", 1111)]),
    ("ارتفع عدد القتلى إلى 58 والجرحى إلى 2771.", [("injured", 2771), ("killed", 58)]),
])
def test_a_toll_reaches_its_figure_across_a_period(text, expected):
    assert sorted((c.type, c.count.value) for c in _claims(text)) == expected


def test_killed_or_wounded_in_either_order():
    claim = _one("سقط 15 شخصا بين جريح وقتيل.")
    assert (claim.type, claim.mixed, claim.count) == ("injured", True, Count(value=15))


@pytest.mark.parametrize("text, count", [
    ("وقالت الشرطة إن رجلا أصبح خامس شخص يلقى حتفه في الهجوم.", 5),
    ("وهو الرابع من إخوانه الذين لقوا مصرعهم في المعارك.", 4),
    ("وهو ثالث صحفي يقتل منذ بداية العام.", 3),
])
def test_an_ordinal_ranking_the_victim_is_a_running_total(text, count):
    claim = _one(text)
    assert (claim.type, claim.count) == ("killed", Count(value=count))


def test_an_ordinal_month_is_no_running_total():
    claim = _one("وقعت الحادثة في تشرين الثاني الماضي حين قتل رجل.")
    assert claim.count == Count(value=1)


@pytest.mark.parametrize("text, count", [
    ("وقالت الولايات المتحدة إن غاراتها على ثلاث منشآت في سوريا نجحت.", 3),
    ("وقصفت الطائرات 3 مقار للتنظيم الإرهابي.", 3),
    ("وقصفت الطائرات بالصواريخ مقرين للتنظيم.", 2),
])
def test_strikes_on_targets_with_a_pronoun_a_broken_plural_or_a_dual(text, count):
    claim = _one(text)
    assert (claim.type, claim.count) == ("strikes", Count(value=count))


@pytest.mark.parametrize("text", [
    "هاجم المسلحون مقرات حكومية موقعين قتلى وجرحى في صفوف قوات الأمن.",
    "تم تدمير مستودعين يستخدمان لتخزين الأسلحة وقتل من فيها.",
])
def test_inflicting_or_a_dual_of_targets_counts_no_people(text):
    assert [c for c in _claims(text) if c.count == Count(value=2)] == []


def test_people_arriving_with_their_families_are_displaced():
    claim = _one("والأحد وصل 422 شخصا من عناصر الدفاع المدني وأفراد عائلاتهم إلى الأردن.")
    assert (claim.type, claim.count) == ("displaced", Count(value=422))


@pytest.mark.parametrize("text", [
    "وقال إن حوالي 50 سجينا هاجموا صيدلية السجن وأضرموا النار في عدد من الزنزانات.",
    "وأصيب نحو 30 شخصا بعد أن دهست سيارة الحشد في الساحة.",
])
def test_a_definite_word_is_no_verb(text):
    assert [c.type for c in _claims(text)] in ([], ["injured"])


def test_a_definite_verbal_noun_is_still_an_event():
    claim = _one("ويجب أن يتوقف القتل الصادم للعشرات في القطاع.")
    assert (claim.type, claim.count) == ("killed", Count(vague="tens"))


def test_a_feared_toll_is_no_claim():
    assert _claims("وقال النائب إنه يتخوف من حصيلة تبلغ 50 قتيلا على الأقل في مدينته.") == []


def test_several_of_them():
    claim = _one("وأفادت القناة بأن منفذا هاجم بشاحنته مجموعة من الجنود، وقتل عدد منهم.")
    assert (claim.type, claim.count) == ("killed", Count(vague="several"))


def test_a_purpose_is_no_event():
    assert _claims("واقتحم المسلحون المبنى بهدف قتل أكبر عدد منهم.") == []


def test_going_out_to_protest_is_no_displacement():
    assert _claims("وشهدت المدينة خروج الآلاف من الفلسطينيين في مظاهرات حاشدة.") == []


def test_people_named_back_by_a_definite_number_are_no_new_claim():
    claims = _claims("قتل أربعة فلسطينيين برصاص الجيش. وبمقتل الفلسطينيين الأربعة ترتفع "
                     "الحصيلة إلى 37 فلسطينيا.")
    assert sorted(c.count.value for c in claims) == [4, 37]


def test_a_definite_number_with_nothing_before_is_a_claim():
    claim = _one("وأدان الرئيس مقتل الأمريكيين الأربعة في الهجوم.")
    assert (claim.type, claim.count) == ("killed", Count(value=4))


def test_release_verbs_and_phrases():
    assert _one("أنقذ الجيش 178 شخصاً كانوا محتجزين.").type == "released"
    assert _one("الجيش يحرر 30 رهينة.").type == "released"
    claim = _one("قررت المحكمة إخلاء سبيل الصحفي.")
    assert (claim.type, claim.count) == ("released", Count(value=1))


def test_places_of_detention_are_not_detainees():
    assert _claims("رصد التقرير 59 مكان احتجاز سرية.") == []


@pytest.mark.parametrize("text, source", [
    ("وكانت وزارة الدفاع أعلنت مقتل خمسة جنود.", "وزارة الدفاع"),
    ("قال الملك عبد الله الثاني إن خمسة جنود قتلوا.", "الملك عبد الله الثاني"),
    ("بعد أن أعلن عن إغلاقها بدعوى إلقاء الحجارة، أصيب خمسة طلاب.", "Test Outlet"),
    ("وقال سابقا إن خمسة جنود قتلوا.", "Test Outlet"),
])
def test_speaker_phrase_boundaries(text, source):
    assert _one(text).source.text == source


def test_conjoined_person_after_a_plural_is_one_more_victim():
    claims = _claims("أدى التفجير إلى مقتل 10 مدنيين وجندي.")
    assert sorted(c.count.value for c in claims) == [1, 10]


@pytest.mark.parametrize("text, expected", [
    ("وأسفرت المواجهات عن مقتل ضابط و3 جنود.", [1, 3]),
    ("وأصيب شرطي وأربعة مدنيين بجروح في الانفجار.", [1, 4]),
    ("أعلنت الشرطة مقتل قائد الدورية وخمسة من عناصرها.", [1, 5]),
])
def test_one_person_conjoined_before_a_figure_is_one_more_victim(text, expected):
    assert sorted(c.count.value for c in _claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقتل مسلح 5 أشخاص في السوق.", [5]),           # the agent, not a victim
    ("وأسفر الحادث عن مقتل شاب و3 آخرين.", [3]),     # "N others": not split
])
def test_one_person_before_a_figure_that_is_no_conjunct_is_not_counted(text, expected):
    assert sorted(c.count.value for c in _claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وغرق 30 مهاجرا قبالة السواحل.", [("killed", 30)]),
    ("وأعلنت المنظمة غرق 660 شخصا هذا العام.", [("killed", 660)]),
    ("وغرق قارب كان يقل نحو 100 مهاجر قبالة الجزيرة.", []),   # the boat sank: passengers
    ("وغرقت الشوارع بالمياه بعد أمطار بلغت 50 ملم.", []),
])
def test_drowning_counts_the_people_drowned_not_those_aboard(text, expected):
    assert [(c.type, c.count.value) for c in _claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("وأعلن الجيش تحرير 40 رهينة من قبضة المسلحين.", [("released", 40)]),
    ("وحررت القوات 12 مختطفا في الغابة.", [("released", 12)]),
    ("ويقتصر وجود هيئة تحرير الشام في المدينة على مئات المقاتلين.", []),  # a name
    ("وشارك في عملية تحرير مطار المدينة أكثر من 250 عنصرا.", []),       # a place freed
])
def test_freeing_counts_the_people_freed_not_a_name_or_a_place(text, expected):
    assert [(c.type, c.count.value or c.count.vague) for c in _claims(text)] == expected


@pytest.mark.parametrize("text", [
    "وأسفرت الضربات على مناطق عدة عن مقتل 23 عنصرا.",      # several areas, not several dead
    "وقال الجيش إن الغارات أصابت أهدافا عدة في الريف.",
    "واعتقلت الشرطة الرجل لارتكابه عدة مخالفات.",
    "ونفذت الميليشيا العديد من حملات الاختطاف في المديرية.",
])
def test_several_things_are_no_count_of_people(text):
    assert all(c.count.vague is None for c in _claims(text))


def test_several_people_after_their_noun_still_count():
    assert [(c.type, c.count.vague) for c in _claims("وأصيب أشخاص عدة في الانفجار.")] == [
        ("injured", "several")]


def test_conjoined_noun_after_a_singular_counted_noun_extends_it():
    claims = _claims("وأجلي نحو 11 ألف مدني ومقاتل من البلدات المحاصرة.")
    assert [c.count.value for c in claims] == [11000]


def test_breakdown_tells_the_event_of_its_whole():
    claims = _claims("سوريا: إجلاء المئات من القنيطرة.\nلقي 26 مدنيا على الأقل، بينهم 11 طفلا مصرعهم في قصف جوي.")
    killed = sorted((c.count.value, c.count.qualifier) for c in claims if c.type == "killed")
    assert killed == [(11, None), (26, "at_least")]


def test_enumeration_after_hum_shares_the_event():
    claims = _claims("أعلن الجيش إنقاذ 178 شخصا كانوا محتجزين رهائن، هم 101 طفل و67 امرأة وعشرة رجال.")
    assert {c.type for c in claims} == {"released"}
    assert sorted(c.count.value for c in claims) == [10, 67, 101, 178]


@pytest.mark.parametrize("text, etype", [
    ("وقد اعتقلت الشرطة المشتبه بارتكابه الحادث.", "arrested"),
    ("اعتقلت السلطات الفرنسية اللص الشهير في مدينة كريل.", "arrested"),
    ("وقدم التعازي لأسرة الطيار الروسي الذي توفي في الحادث.", "killed"),
    ("وقالت الشرطة إن سائق السيارة انتحر بإطلاق النار على نفسه.", "killed"),
    # kinship nouns with a pronoun, more occupations, "شخص آخر"
    ("وقالت إن ابنها أصيب برصاص الجيش في قدمه.", "injured"),
    ("وقتل نجل رئيس اللجنة في الهجوم.", "killed"),
    ("قُتل مراسل الإذاعة في الانفجار.", "killed"),
    ("وقالت الوزارة إن شخصا آخر قُتل برصاص القوات.", "killed"),
    # "one of" a group as the one person of the event
    ("وقتل أحد المحتجين برصاص الشرطة يوم الجمعة.", "killed"),
    ("وأعلنت الشرطة أنها اعتقلت أحد المشاركين في الهجوم.", "arrested"),
    ("وقالت الوزارة إن أحد جنودها قتل في المواجهات.", "killed"),
    ("فتح المسلح النار على شرطيين وأصاب أحدهما في ساقه.", "injured"),
    # an idiom of one death after its person
    ("وكان فلسطيني قد لقي مصرعه برصاص الجيش.", "killed"),
    ("وأضاف المسؤول أن المهاجم لقي حتفه بعد دقائق.", "killed"),
    ("وقالت الشرطة إن امرأة لقيت مصرعها في الحادث.", "killed"),
])
def test_one_person_events(text, etype):
    claim = _one(text)
    assert (claim.type, claim.count) == (etype, Count(value=1))


@pytest.mark.parametrize("text", [
    "وأصابت إحدى القذائف مبنى البلدية.",
    "وقبل أن يلقى مصرعه، واحدة من منحوتاته بقيت على الشاطئ.",
])
def test_one_of_a_thing_or_across_a_comma_is_no_person(text):
    assert _claims(text) == []


def test_a_killed_and_wounded_phrase_takes_no_person_before_it():
    """"قتل وأصيب" is no idiom of one death: the person before it is not counted by it."""
    assert [c.count for c in _claims("وقالت الشرطة إن رجلا قتل وأصيب 5 آخرون.")
            if c.type == "injured"] == [Count(value=5)]


@pytest.mark.parametrize("text", [
    "وقال شقيقه إن الشرطة لم تتصل بالعائلة.",
    "وقالت المنظمة إن حصيلة القتلى مرشحة للازدياد.",
])
def test_a_kinship_speaker_or_a_likely_toll_is_no_claim(text):
    assert _claims(text) == []


def test_one_person_of_a_breakdown_inside_the_claim_is_one_more_claim():
    claims = _claims("وقالت الوكالة إن أربعة فلسطينيين بينهم طفل قتلوا برصاص الجيش.")
    assert sorted((c.type, c.count.value) for c in claims) == [("killed", 1), ("killed", 4)]


def test_victims_of_a_sentence_of_deaths_are_killed():
    claims = _claims("وأعلنت المجموعة وفاة عدد من اللاجئين تحت التعذيب، مبينة أن عدد ضحايا "
                     "التعذيب وصل إلى 409 ضحايا.")
    assert ("killed", Count(value=409), False) in [(c.type, c.count, c.mixed) for c in claims]


@pytest.mark.parametrize("text", [
    "أسفر الانفجار عن سقوط 15 ضحية.",
    "وأسفر الهجوم عن مقتل 5 وإصابة 10 فيما ارتفع عدد الضحايا إلى 15 ضحية.",
])
def test_victims_without_a_sentence_of_deaths_stay_killed_or_wounded(text):
    victims = [c for c in _claims(text) if c.count == Count(value=15)]
    assert [(c.type, c.mixed) for c in victims] == [("injured", True)]


@pytest.mark.parametrize("text, count", [
    ("واعتقلت الشرطة المشتبه به في الهجوم.", 1),
    ("واعتقلت الشرطة المشتبه بهما في الهجوم.", 2),
])
def test_a_participle_counts_by_its_pronoun(text, count):
    claim = _one(text)
    assert (claim.type, claim.count) == ("arrested", Count(value=count))


def test_they_two_after_a_plural_looking_noun_is_a_dual():
    claim = _one("وبعد يومين تمكنت الشرطة من قتل المهاجمين وهما سعيد وشقيقه.")
    assert (claim.type, claim.count) == ("killed", Count(value=2))


def test_a_participle_with_a_plural_pronoun_is_no_count_of_one():
    assert _claims("أسفرت المداهمات عن إلقاء القبض على المشتبه بهم.") == []


def test_a_person_noun_after_the_verb_is_not_skipped_as_an_agent():
    claim = _one("فيما أصيب قائد الرتل في الاشتباكات.")
    assert (claim.type, claim.count) == ("injured", Count(value=1))


def test_purpose_of_an_agreement_is_not_an_event():
    assert _claims("توصل المفاوضون إلى اتفاق لإجلاء آلاف الأشخاص من القريتين.") == []
    assert _one("تم إجلاء آلاف الأشخاص من القريتين.").type == "displaced"


def test_same_source_by_canonical_id_counts_once():
    text = ("أفاد المرصد السوري لحقوق الإنسان بمقتل 26 مدنيا.\n"
            "وقال مدير المرصد رامي عبد الرحمن إن القصف أسفر عن مقتل 26 مدنيا.")
    assert len(_claims(text)) == 1


def test_toll_named_back_and_new_clause():
    claims = _claims("وبذلك يرتفع عدد قتلى التظاهرات إلى اثنين وإجمالي العدد منذ انطلاقها إلى 158، "
                     "بينما بلغت الإصابات أكثر من 17500.")
    got = sorted((c.type, c.count.value) for c in claims)
    assert got == [("injured", 17500), ("killed", 2), ("killed", 158)]


def test_figure_taken_from_a_group_counts_the_later_event():
    claims = _claims("وأشار إلى أن 77 معتقلا منهم قتلوا، فيما لا يزال 71 معتقلا منهم في عداد المفقودين.")
    assert sorted((c.type, c.count.value) for c in claims) == [("killed", 77), ("missing", 71)]


def test_lead_one_person_yields_to_the_attributed_one_below():
    text = ("وتم القبض على مشتبه بعد الهجوم.\n\n"
            "وقالت الشرطة البريطانية في بيان إنها ألقت القبض على رجل يبلغ من العمر 23 عاما.")
    claims = _claims(text, title="هجوم مانشستر")
    assert len([c for c in claims if c.type == "arrested"]) == 1


def test_an_event_said_not_to_have_happened_is_no_claim():
    assert _claims("ولكن إجلاء السكان مقابل الإفراج عن 1500 سجين لم يتم مطلقا.") == []


@pytest.mark.parametrize("text, source", [
    ("اتهمت #الرابطة_الدولية_للسلام، الميليشيات باستخدام 1202 معتقل دروعا بشرية.",
     "الرابطة_الدولية_للسلام"),
    ("لكن وسائل الإعلام الرسمية اتهمت التحالف الدولي بقتل 12 مدنيا.", "وسائل الإعلام الرسمية"),
    ("وكانت وكالة الأنباء الرسمية نقلت عن مصدر عسكري مقتل 14 شخصا.", "مصدر عسكري"),
])
def test_accusers_and_subject_first_speakers(text, source):
    assert _one(text).source.text == source


@pytest.mark.parametrize("text, counts", [
    ("أعلن الجيش مقتل قيادي حوثي مع عدد من مرافقيه.", [1, "several"]),
    ("تم إجلاء 1200 مدني بالإضافة إلى 76 شخصا هذه الليلة.", [76, 1200]),
])
def test_figures_added_by_with_or_besides_share_the_event(text, counts):
    claims = _claims(text)
    assert len({c.type for c in claims}) == 1
    got = sorted((c.count.value or c.count.vague for c in claims), key=str)
    assert got == sorted(counts, key=str)


def test_a_title_of_tatweel_is_no_error():
    (claim,) = rasd.extract("قتل 5 أشخاص", title="مقتل" + "\u0640" * 50)
    assert claim.count.value == 5


def test_the_lead_after_a_title_with_dropped_characters_is_a_heading():
    # the title's tatweel and tanween are not in the normalized text: the lead starts 4
    # characters earlier there, and is still the lead, whose unattributed figure yields to the
    # same figure attributed below
    claims = rasd.extract("وقع انفجار كبير في المدينة. وقتل 20 شخصاً في حلب.\n"
                          "وقال المرصد إن 20 شخصاً قتلوا في حلب.", title="مقتـــل 20 شخصاً")
    assert [(c.count.value, c.source.text) for c in claims] == [(20, "المرصد")]


# --- linking in n log n: the indexes answer as the scans they replace --------------------------

import math  # noqa: E402
import time  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

from rasd.extractor import claims as claims_module  # noqa: E402
from rasd.extractor import linking
from rasd.text.normalize import normalize_string  # noqa: E402
from rasd.text.tokens import tokenize  # noqa: E402

PIECES = ["قتل", "5", "12", "أشخاص", "،", ",", ".", "5.3", "؛", ":", "\n", '"', " ", "  ", "و", "(",
          "1.", ".5", "?", "x", "-"]
SETTINGS = settings(max_examples=300, derandomize=True, database=None, deadline=None)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), st.data())
def test_index_answers_as_the_scans(pieces, data):
    norm = normalize_string("".join(pieces))
    toks = tokenize(norm)
    if not toks:
        return
    ix = claims_module._Index(norm, toks, [], [])
    n = len(norm)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    assert ix.locate(start, end) == linking.token_range(toks, start, end)
    x = linking.Located(*sorted(data.draw(st.tuples(st.integers(0, len(toks)),
                                                    st.integers(0, len(toks))))))
    y = linking.Located(*sorted(data.draw(st.tuples(st.integers(0, len(toks)),
                                                    st.integers(0, len(toks))))))
    x, y = linking.Located(x.lo, max(x.hi, x.lo + 1)), linking.Located(y.lo, max(y.hi, y.lo + 1))
    left, right = (x, y) if x.hi <= y.lo else (y, x)
    naive = 0 if right.lo <= left.hi - 1 or right.lo >= len(toks) else len(
        claims_module._BREAK.findall(norm, toks[left.hi - 1].end, toks[right.lo].start))
    assert ix.breaks(x, y) == naive


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=25),
       st.lists(st.integers(-1, 80), max_size=25))
def test_cover_answers_as_any(spans, probes):
    spans = [(a, a + w) for a, w in spans]
    cover = claims_module._Cover(spans[:10])
    for a, b in spans[10:]:
        cover.add(a, b)
    for pos in probes:
        assert (pos in cover) == any(a <= pos < b for a, b in spans)


def _seconds(text: str) -> float:
    t0 = time.perf_counter()
    rasd.extract(text)
    return time.perf_counter() - t0


def test_figure_trigger_runs_link_in_linear_time():
    # "قتل 5 " * 816 (4.9 KB) took 12.6 s and "قتل 5 أشخاص " to 10 KB 67 s: every (figure,
    # trigger) pair scanned every figure and token between them
    _seconds("قتل 5 أشخاص")
    small, large = _seconds("قتل 5 " * 200), _seconds("قتل 5 " * 1600)
    assert large < 10 and large / small < 24, (small, large)  # 8x the input; n**2 is 64x
    assert _seconds("قتل 5 أشخاص " * 900) < 10


def test_a_sentence_beyond_the_budget_is_skipped_with_a_warning(monkeypatch):
    text = "قتل 5 أشخاص في حلب. " + "قتل 7 أشخاص " * 10 + ". أصيب 9 أشخاص."
    doc = rasd.extract_document(text, id="doc-1")
    assert sorted(c.count.value for c in doc.claims) == [5, 7, 9] and doc.warnings == ()
    monkeypatch.setattr(claims_module, "MAX_SENTENCE_FIGURES", 9)
    doc = rasd.extract_document(text, id="doc-1")
    assert sorted(c.count.value for c in doc.claims) == [5, 9]
    (warning,) = doc.warnings
    assert warning.startswith("doc-1: sentence 2 ") and "10 figures (limit 9)" in warning
    monkeypatch.setattr(claims_module, "MAX_SENTENCE_CHARS", 100)
    (warning,) = rasd.extract_document(text, id="doc-1").warnings
    assert "characters (limit 100)" in warning


def test_budget_is_far_above_real_news():
    # the corpus: at most 2,215 characters and 80 figures in a sentence
    assert claims_module.MAX_SENTENCE_CHARS >= 20 * 2_215
    assert claims_module.MAX_SENTENCE_FIGURES >= 20 * 80


@SETTINGS
@given(st.integers(0, 40), st.integers(1, 3), st.integers(0, 40), st.integers(1, 4),
       st.sampled_from(["verb", "noun", "masdar", "phrase"]), st.booleans(),
       st.integers(0, 3), st.integers(0, 3))
def test_links_beyond_the_reach_of_near_cost_more_than_the_maximum(c_lo, c_len, t_lo, t_len, role,
                                                                   mixed, breaks, between):
    # _Index.near considers only the event words within reach: any other costs too much
    c = linking.Located(c_lo, c_lo + c_len)
    t = linking.Located(t_lo, t_lo + t_len)
    trig = rasd.model.Trigger(0, 1, "killed", role, "x", mixed)
    reach = max(math.ceil(linking.COSTS.max_cost), claims_module.CLAUSE_SUBJECT_MAX_GAP,
                claims_module.VERB_BEFORE_MAX_GAP)
    if t.hi < c.lo - reach or t.lo > c.hi + reach:
        assert linking.link_cost(c, t, trig, breaks, between) > linking.COSTS.max_cost


@pytest.mark.parametrize("text, etype, count", [
    # loss: the victims are the direct object of "lost"
    ("فقدت الجماعة ثلاثة من قادتها في المعارك.", "killed", Count(value=3)),
    ("خسر الجيش 12 جندياً في الكمين.", "killed", Count(value=12)),
    ("وقال المتحدث: خسرنا أربعة جنود أمس.", "killed", Count(value=4)),
    ("تم القضاء على 40 مسلحاً في العملية.", "killed", Count(value=40)),
    ("وقع انفجار ذهب ضحيته 9 مدنيين.", "killed", Count(value=9)),
    ("دهست شاحنة 7 أشخاص في السوق.", "injured", Count(value=7)),
    ("سجلت المستشفيات 274 حالة بتر.", "injured", Count(value=274)),
    ("نجحت الشرطة في إيقاف 200 مشتبه به.", "arrested", Count(value=200)),
    ("قال الضابط: اعتقلنا 30 شخصاً.", "arrested", Count(value=30)),
    ("وأعلنت الأمم المتحدة رحيل المئات من السكان.", "displaced", Count(vague="hundreds")),
    # "فقد" + past verb is the particle, and "قد" + past is no modal "may"
    ("ومع اشتداد القصف فقد نزح 30 ألف شخص.", "displaced", Count(value=30000)),
])
def test_event_idioms(text, etype, count):
    claim = _one(text)
    assert (claim.type, claim.count) == (etype, count)


@pytest.mark.parametrize("text", [
    "فقد الرجل 20 كيلوغراماً من وزنه.",         # lost, but no people
    "خسر الفريق 3 مباريات متتالية.",
    "فقد أعلن الجيش 5 إجراءات جديدة.",           # particle, and no people
])
def test_loss_verbs_need_people_as_object(text):
    assert _claims(text) == []


@pytest.mark.parametrize("text, expected", [
    ("قتل ما لا يقل عن 11 حوثياً وجرح 8 آخرون.",
     {("killed", Count(value=11, qualifier="at_least")), ("injured", Count(value=8))}),
    ("أدى الهجوم إلى مقتل 4 أشخاص من الحراس وإصابة 10.",
     {("killed", Count(value=4)), ("injured", Count(value=10))}),
    ("قتل الجيش خمسة مسلحين واعتقل 12 آخرين.",
     {("killed", Count(value=5)), ("arrested", Count(value=12))}),
    ("سقط 15 قتيلاً فيما أصيب 20 آخرون.",
     {("killed", Count(value=15)), ("injured", Count(value=20))}),
    ("وفر آلاف المدنيين الذين تعرضت قراهم للقصف.",   # "فر" is no "ف" + "ر"
     {("displaced", Count(vague="thousands"))}),
])
def test_figure_before_the_next_conjunct_keeps_its_own_event(text, expected):
    assert {(c.type, c.count) for c in _claims(text)} == expected


@pytest.mark.parametrize("text, etype, count", [
    ("ودفعت المعارك أكثر من 320 ألف مدني إلى النزوح.", "displaced",
     Count(value=320000, qualifier="at_least")),
    ("أجبر القصف آلاف المدنيين على الفرار من المدينة.", "displaced", Count(vague="thousands")),
    ("ودفع الهجوم 5000 شخص للنزوح نحو الحدود.", "displaced", Count(value=5000)),
    ("ووصل عدد المصابين في الحادث إلى نحو 40 شخصاً.", "injured", Count(value=40, qualifier="about")),
])
def test_causative_verb_takes_the_event_named_after_the_figure(text, etype, count):
    claim = _one(text)
    assert (claim.type, claim.count) == (etype, count)


def test_purpose_before_the_figure_is_still_intent():
    claims = _claims("اتفق الطرفان أمس على خطة للإجلاء 500 شخص من المدينة.")
    assert all(c.type != "displaced" for c in claims), [c.to_json() for c in claims]


@pytest.mark.parametrize("text, etype, count", [
    ("أزهقت الحرب أرواح نصف مليون شخص.", "killed", Count(value=500000)),
    ("أسفرت الحرب عن مقتل أكثر من نصف مليون.", "killed", Count(value=500000, qualifier="at_least")),
    ("قتل مالا يقل عن 11 مسلحاً.", "killed", Count(value=11, qualifier="at_least")),
    ("نزح ما تجاوز 30 ألف شخص.", "displaced", Count(value=30000, qualifier="at_least")),
])
def test_number_forms(text, etype, count):
    claim = _one(text)
    assert (claim.type, claim.count) == (etype, count)


@pytest.mark.parametrize("text, expected", [
    ("لقي 22 من رجال الأمن والمدنيين في المدينة خلال المواجهات مصرعهم.",
     {("killed", Count(value=22))}),
    ("وقالت الولاية إن 4 من عناصر الأمن لقوا مصرعهم وأصيب آخر.",
     {("killed", Count(value=4)), ("injured", Count(value=1))}),
    ("سقط 13 مسلحاً حوثياً على الأقل في المعارك.", {("killed", Count(value=13, qualifier="at_least"))}),
    ("أدى القصف إلى سقوط ثمانية مسلحين وجرح آخرين.", {("killed", Count(value=8))}),
    ("سقط 5 جرحى في المدينة.", {("injured", Count(value=5))}),
    ("وأعلن الجيش سقوط صاروخين في المنطقة.", {("strikes", Count(value=2))}),
    ("سقطت 3 قذائف على الحي.", {("strikes", Count(value=3))}),
])
def test_split_idioms_falls_and_one_more(text, expected):
    assert {(c.type, c.count) for c in _claims(text)} == expected


@pytest.mark.parametrize("text, etype, count", [
    ("كما قتلت مسعفة في القصف.", "killed", Count(value=1)),       # a derived feminine
    ("وقتل راكباً في الحافلة.", "killed", Count(value=1)),
    ("حيث أصيب حارسان بجروح.", "injured", Count(value=2)),         # a derived dual
    ("استشهد مسعفتان في القصف.", "killed", Count(value=2)),
    ("أقر التنظيم بمقتل زعيمه.", "killed", Count(value=1)),         # a possessive
])
def test_one_or_two_named_people(text, etype, count):
    claim = _one(text)
    assert (claim.type, claim.count) == (etype, count)


@pytest.mark.parametrize("text", [
    "وزعت المساعدات على الأسر النازحة في المخيم.",
    "قالت حركة طالبان إنها تسيطر على المنطقة.",
    "استهدف القصف منشأة مدنية.",
])
def test_adjectives_and_names_are_no_people(text):
    assert _claims(text) == []


def test_a_definite_source_names_back_the_one_before():
    text = ("قالت مصادر عسكرية وميدانية إن 20 مسلحاً قتلوا في المعارك.\n"
            "وأضافت المصادر أن 20 مسلحاً قتلوا في المعارك وأصيب 5 آخرون.")
    assert sorted((c.type, c.count.value) for c in _claims(text)) == [("injured", 5), ("killed", 20)]


def test_a_definite_source_after_another_party_stays_apart():
    text = ("قالت مصادر محلية إن 3 مسلحين قتلوا في المعارك.\n"
            "وقالت مصادر عسكرية إن مسلحين هاجموا الموقع ليلاً.\n"
            "وبحسب المصادر فإن 3 مسلحين قتلوا على متن دبابة.")
    assert [c.count.value for c in _claims(text)] == [3, 3]


@pytest.mark.parametrize("text, etype, count", [
    ("أعلنت السلطات مقتل25 شخصاً.", "killed", Count(value=25)),            # digits glued to a word
    ("وأصيب119 في اعتداء انتحاري.", "injured", Count(value=119)),
    ("أسفر القصف عن مقتل أكثر من340 ألف شخص.", "killed", Count(value=340000, qualifier="at_least")),
])
def test_figures_glued_to_words(text, etype, count):
    claim = _one(text)
    assert (claim.type, claim.count) == (etype, count)


def test_conjoined_figure_of_people_after_a_toll():
    claims = _claims("اعتقلت الشرطة 130 من المثقفين و8 أطفال.")
    assert sorted(c.count.value for c in claims if c.type == "arrested") == [8, 130]


@pytest.mark.parametrize("text, expected", [
    ("قتل خمسة جنود وفقد 15 آخرون في الهجوم.",
     {("killed", Count(value=5)), ("missing", Count(value=15))}),
    ("ففقد التنظيم 103 من عناصره.", {("killed", Count(value=103))}),
    ("فقد 7 من أفراد الوحدة حياتهم في الانفجار.", {("killed", Count(value=7))}),
    ("وقد لقي قائد التنظيم مقتله في غارة.", {("killed", Count(value=1))}),
    ("لقي جندي مصرعه في إطلاق نار.", {("killed", Count(value=1))}),
])
def test_lost_missing_and_one_in_an_idiom(text, expected):
    assert {(c.type, c.count) for c in _claims(text)} == expected


def _source_keys_by_scan(claims, mentions):
    """Each claim's comparable source as the backward scan the index replaced finds it."""
    from rasd.text.tokens import without_article

    keys = {id(cl): claims_module.canon_source(cl.source.text) for cl in claims}
    for cl in claims:
        words = keys[id(cl)].split()
        if cl.source.kind == "outlet" or len(words) != 1 or without_article(words[0]) == words[0]:
            continue
        for start, text in reversed(mentions):
            key = claims_module.canon_source(text)
            if start >= cl.source.span.start or not key or key.split()[0] == words[0]:
                continue
            if without_article(key.split()[0]) == without_article(words[0]):
                keys[id(cl)] = key if len(key.split()) > 1 else f"{key}@{start}"
                break
    return keys


@pytest.mark.parametrize("text", [
    "قالت مصادر عسكرية وميدانية إن 5 أشخاص قتلوا. وبحسب المصادر قتل 7 آخرون. وقال مصدر إن 9 "
    "أصيبوا. وأضاف المصدر أن 3 اعتقلوا. وقالت المصادر إن 4 قتلوا.",
    "قال المرصد إن 5 قتلوا. وقال المرصد إن 6 قتلوا. قال مرصد حقوقي إن 2 أصيبوا، وقال المرصد إن 8 نزحوا.",
])
def test_source_keys_by_index_answer_as_the_scan(text):
    doc = rasd.extract_document(text)
    mentions = sorted((doc.span(sm.start, sm.end).start, doc.original(sm.start, sm.end))
                      for sm in doc.sources)
    claims = [rasd.model.Claim(doc.id, "killed", rasd.Count(value=1), source=rasd.Mention(
        doc.original(sm.start, sm.end), doc.span(sm.start, sm.end), sm.kind), evidence=rasd.Span(0, 0))
        for sm in doc.sources]
    got = claims_module._source_keys(claims, mentions)
    assert got == _source_keys_by_scan(claims, mentions)
    assert any("@" in key or " " in key for cl, key in zip(claims, got.values())
               if len(cl.source.text.split()) == 1)


def test_the_outlets_same_figure_in_cities_of_two_countries_is_two_events():
    text = ("سلسلة هجمات في أوروبا\nوفي برلين أدى الهجوم إلى مقتل 12 شخصا.\n"
            "وفي بروكسل أدى هجوم آخر إلى مقتل 12 شخصا.")
    assert [c.count.value for c in _claims(text)] == [12, 12]


def test_the_outlets_same_figure_in_a_country_and_its_city_is_one_event():
    text = "مقتل 12 شخصا في هجوم في ألمانيا\nوأدى الهجوم في برلين إلى مقتل 12 شخصا."
    assert [c.count.value for c in _claims(text)] == [12]


@pytest.mark.parametrize("text, expected", [
    ("وقتلت امرأة في القصف.", [1]),                      # a singular that also follows figures
    ("واعتقلت الشرطة طفلة في المدينة.", [1]),
    ("وقتلت القوات مسلحا في الاشتباك.", [1]),
    ("وقتل 11 امرأة في القصف.", [11]),                    # the counted noun of a figure
    ("وقتلت امرأة وأطفالها الثلاثة في القصف.", [1, 3]),   # a numeral after its conjoined noun
    ("وقتل رجل وأبناؤه الأربعة في القصف.", [1, 4]),
])
def test_one_person_written_like_a_counted_noun(text, expected):
    assert sorted(c.count.value for c in _claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقال مسعفون إن 25 شخصا يتلقون العلاج في المستشفى.", [("injured", 25)]),
    ("ويعالج في المستشفيات إجمالي 40 شخصا بعد الحادث.", [("injured", 40)]),
    ("وقال متحدث إن الرئيس تلقى العلاج هناك بعد شعوره بالإعياء.", []),
])
def test_people_being_treated_are_injured(text, expected):
    assert [(c.type, c.count.value) for c in _claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("وغادر أكثر من 7000 شخص البلدة نحو الحواجز.", [("displaced", 7000)]),
    ("وقال المرصد إن 12 ألف مدني غادروا المنطقة.", [("displaced", 12000)]),
    ("ونص الاتفاق على مغادرة نحو 3200 من المسلحين.", [("displaced", 3200)]),
    ("وانتشر آلاف من الجنود في شوارع المدينة.", [("deployed", "thousands")]),
    ("وانتشرت أنباء عن انضمام عدد من المقاتلين إلى الفصيل.", []),
])
def test_leaving_is_displacement_and_spreading_out_a_deployment(text, expected):
    assert [(c.type, c.count.value or c.count.vague) for c in _claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("ووصلت ثلاثة صواريخ إلى أهدافها في القاعدة.", [("strikes", 3)]),   # not a deployment
    ("وأسفر القصف عن مقتل العشرات بغارات جديدة.", [("killed", "tens")]),  # killed by strikes
])
def test_a_figure_of_munitions_counts_strikes_whatever_the_verb(text, expected):
    assert [(c.type, c.count.value or c.count.vague) for c in _claims(text)] == expected


def test_loss_of_the_most_eminent_of_a_group_counts_people():
    claims = _claims("وقالت الجماعة إنها فقدت اثنين من أبرز قادتها في المعارك.")
    assert [(c.type, c.count.value) for c in claims] == [("killed", 2)]


@pytest.mark.parametrize("text, expected", [
    ("وأعلن الجيش مقتل رقيب في الهجوم.", [("killed", 1)]),                  # a rank names a person
    ("وأعلنت السلطات توقيف 14 شخصا بينهم جنرال.", [("arrested", 1), ("arrested", 14)]),
    ("وفي هذا الإطار، أوقف أيضا رقيب سابق في الحرس.", [("arrested", 1)]),     # an adverb between
    ("وأوضح قائد اللواء، العميد ياسر الحارثي، أن الجيش تقدم.", []),        # Yasser, not "يأسر"
    ("وقال الجيش إنه يأسر 4 مسلحين في المنطقة.", [("arrested", 4)]),
])
def test_ranks_and_adverbs_around_one_person(text, expected):
    assert sorted((c.type, c.count.value) for c in _claims(text)) == expected


def test_a_breakdown_in_the_next_sentence_follows_the_last_claim_in_the_text():
    text = ("وأدى الانفجار إلى استشهاد الرقيب علي وإصابة ستة من أفراد الدورية. "
            "وأوضح البيان أن الجرحى هم أربعة من الدرك واثنان من الأمن.")
    claims = _claims(text)
    assert ("injured", 4) in [(c.type, c.count.value) for c in claims]
    assert ("killed", 4) not in [(c.type, c.count.value) for c in claims]


@pytest.mark.parametrize("text, expected", [
    ("وسقط قتيل من المقاومة في المواجهات.", [("killed", 1)]),
    ("وأسفر الانفجار عن قتيل وثلاثة جرحى.", [("injured", 3), ("killed", 1)]),
    ("ولم يسقط أي قتيل في الهجوم.", []),
    ("وأحرق المحتجون صورة شهيد في الساحة.", []),          # not after a verb of falling
])
def test_a_lone_victims_noun_after_falling_is_one_person(text, expected):
    assert sorted((c.type, c.count.value) for c in _claims(text)) == expected


def test_a_figure_of_killed_and_wounded_in_the_accusative_is_mixed():
    claims = _claims("وسقط أكثر من 60 قتيلاً وجريحاً من المسلحين.")
    assert [(c.type, c.count.value, c.mixed) for c in claims] == [("injured", 60, True)]


@pytest.mark.parametrize("text, expected", [
    ("وقالت الشرطة إن الرجل قتل برصاص شخصين على دراجة نارية.", [("killed", 1)]),  # not 2
    ("وقتل 5 أشخاص على يد 3 مسلحين.", [("killed", 5)]),
    ("وأطلق المهاجم 10 رصاصات أصابت رأس الضحية.", []),                # bullets are no people
    ("وخاضت الحركة ثلاثة حروب بوجوب ضبط عناصرها.", []),
])
def test_perpetrators_and_bullets_are_no_victims(text, expected):
    assert [(c.type, c.count.value) for c in _claims(text)] == expected



def test_a_source_repeating_its_figure_with_a_hedge_keeps_the_hedge():
    # "قال المرصد إن 30 أصيبوا" then "وأضاف المرصد أن ما لا يقل عن 30 أصيبوا": one claim, a floor
    text = ("تفجير\nقال المرصد إن 30 شخصا أصيبوا في التفجير.\n"
            "وأضاف المرصد أن ما لا يقل عن 30 شخصا أصيبوا.")
    claims = rasd.extract(text, outlet="X")
    assert [(c.count.value, c.count.qualifier) for c in claims] == [(30, "at_least")]
    assert text[claims[0].evidence.start:claims[0].evidence.end].startswith("30")
