"""Figures whose best link is rejected (rasd.extractor.rejections), end to end."""

import pytest
from claims_kit import extract_claims, one_claim, type_counts

import rasd
from rasd.model import Count


@pytest.mark.parametrize("text", [
    "لم تسجل أي إصابات في صفوف المدنيين.",
    "يعتزم الجيش إرسال 5000 جندي إلى المنطقة.",
    "قتل شاب يبلغ من العمر 20 عاماً قبل عامين في عام 2016 بمبلغ 300 دولار.",
    "تضم المدينة 3000 جندي و40 دبابة.",
    "وقعت الحادثة عام 2015 في المادة 5 من القانون.",
])
def test_not_claims(text):
    assert all(c.count.value not in (20, 5000, 3000, 40, 2015, 5, 300, 2016) for c in extract_claims(text)
               if c.count.value is not None)


@pytest.mark.parametrize("text", [
    "هاجم المسلحون مقرات حكومية موقعين قتلى وجرحى في صفوف قوات الأمن.",
    "تم تدمير مستودعين يستخدمان لتخزين الأسلحة وقتل من فيها.",
])
def test_inflicting_or_a_dual_of_targets_counts_no_people(text):
    assert [c for c in extract_claims(text) if c.count == Count(value=2)] == []


@pytest.mark.parametrize("text, expected", [
    ("وأسفرت الصراعات عن توقف 14 قناة عن البث.", []),
    ("وانقطع التيار بعد توقف عدد من محطات المدينة عن العمل.", []),
    ("وكذلك توقف 10 ميغاوات بسبب الأعطال.", []),
    ("وقالت الشرطة إنها توقف ثمانية أشخاص يشتبه بتخطيطهم لاعتداء.", [("arrested", 8)]),
])
def test_a_word_spelled_like_stopping_arrests_only_people(text, expected):
    assert type_counts(text) == expected


def test_a_feared_toll_is_no_claim():
    assert extract_claims("وقال النائب إنه يتخوف من حصيلة تبلغ 50 قتيلا على الأقل في مدينته.") == []


@pytest.mark.parametrize("text", [
    "وقال المرصد إن أكثر من أربعة آلاف مقاتل يرفضون الخروج من المدينة.",
    "وأضاف أن العشرات من المقاتلين يرفضون العودة إلى الجبهة.",
    "وأشارت المنظمة إلى نحو 2500 شخص ممن قد يتعرضون للاعتقال.",
    "وقال إن العديد من الصحفيين لا يقتلون في الصراعات.",
])
def test_a_figure_refused_feared_or_negated_before_its_event_is_no_claim(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text, value", [
    ("وقال المرصد إن 915 شخصا قد قتلوا خلال 18 يوما.", 915),  # "قد" + past: has been
    ("وأوضح أن 20 قضوا بالرصاص، و3 لم يعرف مكان مقتلهم.", 3),   # another verb's negation
    ("وقال إن عددا من النساء لا يزالوا في عداد المفقودين.", None),
])
def test_a_figure_before_a_past_or_still_event_stays(text, value):
    assert any(c.count.value == value for c in extract_claims(text))


def test_what_a_deal_provides_is_no_event():
    assert extract_claims("وتوصل الطرفان إلى اتفاق يقضي بإجلاء 1300 مدني من المدينة.") == []


def test_a_purpose_is_no_event():
    assert extract_claims("واقتحم المسلحون المبنى بهدف قتل أكبر عدد منهم.") == []


def test_going_out_to_protest_is_no_displacement():
    assert extract_claims("وشهدت المدينة خروج الآلاف من الفلسطينيين في مظاهرات حاشدة.") == []


def test_places_of_detention_are_not_detainees():
    assert extract_claims("رصد التقرير 59 مكان احتجاز سرية.") == []


@pytest.mark.parametrize("text", [
    "وأسفرت الضربات على مناطق عدة عن مقتل 23 عنصرا.",      # several areas, not several dead
    "وقال الجيش إن الغارات أصابت أهدافا عدة في الريف.",
    "واعتقلت الشرطة الرجل لارتكابه عدة مخالفات.",
    "ونفذت الميليشيا العديد من حملات الاختطاف في المديرية.",
])
def test_several_things_are_no_count_of_people(text):
    assert all(c.count.vague is None for c in extract_claims(text))


@pytest.mark.parametrize("text, values", [
    ("وقالت الوزارة إن 868 شخصا لقوا مصرعهم في سبع ولايات منذ بداية الأمطار.", [868]),
    ("وأعلنت الوكالة إصابة 197 شخصا في 35 ولاية.", [197]),
    ("وقتل 16 شخصا في عدة أقاليم حتى الآن.", [16]),
    ("وأوقفت الشرطة الشاحنة على بعد عدة شوارع.", []),
    ("وتلقت الهيئة 3 آلاف ملف لجرحى الثورة.", []),  # files, not people
    ("وتعرضت قوافل عدة خرجت في إطار عمليات الإجلاء لإطلاق نار.", []),  # convoys
    ("وتم تركيب 305 أطراف اصطناعية لضحايا البتر.", []),  # prosthetic limbs
    ("وأمرت السلطات بذبح 1.6 مليون من الطيور.", []),  # animals, also after "من"
    ("وقتل 2927 من تنظيم داعش في الغارات.", [2927]),  # "من" + an organisation: its members
])
def test_a_count_of_provinces_or_streets_is_no_count_of_people(text, values):
    assert [c.count.value for c in extract_claims(text)] == values


@pytest.mark.parametrize("text", [
    "وقال شقيقه إن الشرطة لم تتصل بالعائلة.",
    "وقالت المنظمة إن حصيلة القتلى مرشحة للازدياد.",
])
def test_a_kinship_speaker_or_a_likely_toll_is_no_claim(text):
    assert extract_claims(text) == []


def test_purpose_of_an_agreement_is_not_an_event():
    assert extract_claims("توصل المفاوضون إلى اتفاق لإجلاء آلاف الأشخاص من القريتين.") == []
    assert one_claim("تم إجلاء آلاف الأشخاص من القريتين.").type == "displaced"


def test_an_event_said_not_to_have_happened_is_no_claim():
    assert extract_claims("ولكن إجلاء السكان مقابل الإفراج عن 1500 سجين لم يتم مطلقا.") == []


def test_purpose_before_the_figure_is_still_intent():
    claims = extract_claims("اتفق الطرفان أمس على خطة للإجلاء 500 شخص من المدينة.")
    assert all(c.type != "displaced" for c in claims), [c.to_json() for c in claims]


@pytest.mark.parametrize("text, expected", [
    ("وأعلنت الوزارة انتشال 35 جثة وإنقاذ 67 مهاجرا قبالة السواحل.", [("killed", 35)]),
    ("وقال خفر السواحل إنه أنقذ 484 مهاجرا من قوارب في البحر.", []),
    ("وتمكن الجيش من إنقاذ 178 شخصا كانوا محتجزين رهائن لدى المسلحين.", [("released", 178)]),
])
def test_a_rescue_releases_captives_only(text, expected):
    assert type_counts(text) == expected


def test_a_cause_after_a_modal_verb_is_a_fact():
    """"قد يرتفع نظرا لإصابة العشرات": the toll may rise, the wounded are real."""
    claims = rasd.extract("وأضاف المرصد أن عدد القتلى قد يرتفع نظرا لإصابة العشرات.")
    assert [(c.type, c.count.vague) for c in claims] == [("injured", "tens")]
    assert rasd.extract("وحذر من أن القصف قد يقتل 100 شخص.") == []


def test_a_modal_causative_reaches_its_event():
    """"فقد يؤدي القتال في أسوأ سيناريوهاته إلى مقتل": a warning, not a toll."""
    assert rasd.extract("فقد يؤدي القتال في أسوأ سيناريوهاته إلى مقتل ما يصل إلى 250 ألف شخص.") == []
    assert rasd.extract("الهجوم الذي قد يحمل بصمات الحركة التي قتلت تسعة أشخاص في المدينة.") != []


@pytest.mark.parametrize("text, expected", [
    ("فقد تنظيم داعش 22 قتيلا في المعارك.", [("killed", 22)]),  # "فقد" + a verbal noun: lost
    ("وأدى القصف إلى إصابة أكثر من ألف بحالات اختناق.", [("injured", 1000)]),  # a phrase, no things
    ("وأفرج عن شخصين.", [("released", 2)]),  # a dual of people is its own noun
    ("وقال المتحدث إن القوات اعتقلت 42 شخصا بحالة إيقاف و25 بحالة سراح.", [("arrested", 42)]),
])
def test_figures_no_longer_rejected(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text", [
    "وعثر بداخله على 34 صاروخ.",  # munitions found, not fired
    "ومن المنتظر مغادرة 3200 شخص المدينة.",  # expected
])
def test_found_munitions_and_expected_departures_are_no_claims(text):
    assert extract_claims(text) == []
    assert [c.count.value for c in extract_claims("وأطلق المسلحون 34 صاروخا على المدينة.")] == [34]


@pytest.mark.parametrize("text, expected", [
    ("وقام 3 مسلحين باختطاف طفل من منزله.", [("abducted", 1)]),
    ("وقامت قوة من 20 عنصرا باعتقال 5 مطلوبين.", [("arrested", 5)]),
    ("وأقدم ثلاثة مسلحين على خطف طفل من منزله.", [("abducted", 1)]),
    ("وقامت القوات باعتقال 30 شخصا.", [("arrested", 30)]),
    ("وقال إن 3 مسلحين اقتحموا المقر وقتلوا 11 شخصا.", [("killed", 11)]),  # the subject's
    ("قالت الشرطة إن مهاجمين اثنين قتلوا ستة أشخاص.", [("killed", 6)]),
    ("وقال إن 3 مسلحين اقتحموا المقر وقتلوا فيه 11 شخصا.", [("killed", 11)]),  # a pronoun adverb
    ("وقال إن 5 جنود قتلوا و11 أصيبوا.", [("killed", 5), ("injured", 11)]),  # two conjuncts
    ("وقال إن 17 شخصا قتلوا، 12 جنديا وخمسة من الطاقم.",
     [("killed", 17), ("killed", 12), ("killed", 5)]),
    ("وقال إن نحو ألف شخص غادروا عددا من المناطق.", [("displaced", 1000)]),  # places, no object
    ("قتل 11 شخصا في الهجوم. وقال إن مجموعة من المتشددين بينهم انتحاريان اقتحموا المقر.",
     [("killed", 11)]),  # another group's breakdown
])
def test_the_doers_of_an_act_are_not_its_victims(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text", [
    "ورفضت المحكمة العليا تسليم مواطن بوسني إلى الولايات المتحدة.",
    "وقال المسؤول كنا نأمل القبض على 3 مشتبهين لتوضيح الأمور.",
    "ووعد المرشح بترحيل مئات آلاف المهاجرين غير القانونيين.",
    "وتعهدت الدول بإعادة توطين حوالي 827 شخصا.",
    "وأطلقت الحكومة خطة لطرد نحو 40 ألف مهاجر.",  # a purpose: the verb with its lam
    "ومنعت الميليشيات مئات المدنيين من الفرار من المدينة.",  # prevented
])
def test_a_refused_promised_or_intended_event_did_not_happen(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text, expected", [
    ("وأكدت القوات مقتل قرابة 100 شخص من بين 500 عنصر كانوا قد اجتازوا النهر.", [("killed", 100)]),
    ("وقال إن 56 شخصا ما زالوا موقوفين من بين 381 شخصا استدعوا في التحقيقات.",
     [("arrested", 56)]),
    ("وفي 9 نيسان قتل سبعة إيرانيين من بين 14 شخصا في ضربة جوية.",  # no clause: all killed
     [("killed", 7), ("killed", 14)]),
    ("واعترضت الدفاعات 71 صاروخا من أصل 103 صواريخ أطلقت على البلاد.",  # strikes, both
     [("strikes", 71), ("strikes", 103)]),
])
def test_a_whole_told_by_its_own_clause_after_its_part_is_not_the_events(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, kind, count", [
    # the past of a verb that opens with ت, after "قد": no modal "may"
    ("وكانت مصادر طبية قد تحدثت عن سقوط 5 قتلى.", "killed", 5),
    ("وبحسب التقرير، فقد تعرضت 162 أسرة للنزوح.", "displaced", 162),
    ("وكان المسلحون قد تعرضوا لقصف أدى إلى مقتل 7 منهم.", "killed", 7),
])
def test_the_past_after_qad_is_a_fact(text, kind, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (kind, Count(value=count))


@pytest.mark.parametrize("text", [
    "وحذر من أن الهجوم قد يتسبب في مقتل 5 أشخاص.",
    "وكان من المقرر إجلاء 5 آلاف من سكان البلدتين الشهر الماضي.",
])
def test_what_may_or_is_due_to_happen_is_no_claim(text):
    assert extract_claims(text) == []


def test_those_who_answer_for_the_act_are_not_its_victims():
    claims = extract_claims("وكانت الخلية المكونة من أربعة أفراد مسؤولة عن إعدامات بحق ستة رهائن.")
    assert [(c.type, c.count.value) for c in claims] == [("killed", 6)]


@pytest.mark.parametrize("text", [
    "ودرس التحالف 159 بلاغا باحتمال سقوط ضحايا مدنيين.",
    "ويعتمد التقرير على أكثر من 600 مقابلة مع ضحايا الهجمات.",
    "وتتضمن الجلسة عرض 6 شهادات لضحايا التعذيب.",
])
def test_reports_and_testimonies_about_victims_are_not_victims(text):
    assert extract_claims(text) == []


def test_murder_charges_are_not_deaths():
    assert extract_claims("ووجهت له خمس اتهامات بالقتل.") == []


def test_a_negation_does_not_reach_past_a_clause_joined_by_a_comma_and_wa():
    text = "وقالت المنظمة إن آلاف الأطفال قتلوا في حرب ليست من صنعهم، وعشرات الآلاف أصيبوا بجروح."
    assert type_counts(text) == [("killed", "thousands"), ("injured", "tens_of_thousands")]


def test_one_person_taken_ill_is_no_injury():
    assert type_counts("وقال إنه عند إصابة أحدهم بأعراض مرضية يعرض على لجنة طبية.") == []


@pytest.mark.parametrize("text, expected", [
    ("وجددت المنظمة مطالبتها بإطلاق سراح 12 صحفيا معتقلين.", []),
    ("وتتفاوض الحكومة مع المسلحين لإطلاق سراح 25 امرأة.", []),
    ("وتوصل الطرفان إلى اتفاق يقضي بوقف إطلاق النار مقابل الإفراج عن مئات المعتقلين.", []),
    ("وأطلقت عائلتها حملة من أجل الإفراج عن شقيقها.", []),
    # done: under an agreement, or people counted by a relative pronoun
    ("وأعلنت الحكومة الإفراج عن 200 سجين بموجب اتفاق مع المعارضة.", [("released", 200)]),
    ("وتم بموجبها الإفراج عن مئات الذين يعيشون في البلدتين.", [("released", "hundreds")]),
    # an evacuation or return as a term of an agreement, or bargained for, is none either
    ("ويتضمن الاتفاق المبدئي تأمين إجلاء ستة آلاف شخص على الأقل.", []),
    ("وتسلم الفصائل أسلحتها الثقيلة مقابل إجلاء آلاف الرافضين للاتفاق إلى الشمال.", []),
    ("ويشمل الاتفاق أيضا الإفراج عن 34 سجينا.", []),
    # "في المقابل" before a departure is "on the other hand": it happened
    ("وفي المقابل، غادر مئات السكان البلدتين.", [("displaced", "hundreds")]),
])
def test_a_release_demanded_negotiated_or_bargained_for_is_none(text, expected):
    assert type_counts(text) == expected


def test_hospitals_put_out_of_service_are_no_displaced():
    assert type_counts("وأدى القصف إلى خروج أربعة مشاف عن الخدمة.") == []


@pytest.mark.parametrize("text, expected", [
    ("وتزعم مصادر أن الصحفي قتل على يد فرقة مكونة من 15 عميلا.", [("killed", 1)]),
    ("وتعتقد مصادر أنه قتل على يد مجموعة من 15 عنصرا.", [("killed", 1)]),  # he, not the 15
    # an event word, or a toll's "إلى", between the doers and the figure: people it befell
    ("وقد قتل نحو 123 شخصا على أيدي القوات وجرح الآلاف منذ بدء الحملة.",
     [("killed", 123), ("injured", "thousands")]),
    ("ليرتفع عدد الذين قتلوا على أيدي المسلحين إلى 120 شخصا.", [("killed", 120)]),
])
def test_the_doers_group_after_by_the_hand_of_is_no_victim_count(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقالت إن زوجها كرر التهديد بقتلها وبقتل والدها.", []),          # threatened
    ("وقال إن الفترة المقبلة ستشهد عودة مئات آلاف النازحين.", []),      # expected
    ("وقال إن المنطقة الآمنة ستساعد نحو 1,7 مليون لاجئ على العودة.", []),
    # a threat named as a noun blocks nothing after it
    ('وقال إن العمليات متواصلة "مادام هناك تهديد لتركيا"، مشيرا إلى اعتقال 590 شخصا.',
     [("arrested", 590)]),
])
def test_a_threatened_or_expected_event_is_none(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وسط مخاوف بأن يتسبب هجوم حكومي في نزوح مئات الآلاف.", []),
    ("ويخشى أن يؤدي الهجوم إلى نزوح مئات الآلاف.", []),
    ("وقال إن تسعة أشخاص قتلوا.", [("killed", 9)]),   # "إن" before a figure: nothing hypothetical
])
def test_a_causative_after_an_is_hypothetical(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a denied toll is none ("ونفى الجيش مقتل", "نافيا مقتل")
    ("ونفى الجيش مقتل عشرات الأشخاص.", []),
    ("وقال إن المصابين عولجوا، نافيا مقتل عشرات الأشخاص.", []),
    ("وقال الجيش إن 5 جنود قتلوا.", [("killed", 5)]),
])
def test_a_denied_toll_is_no_claim(text, expected):
    assert type_counts(text) == expected


def test_being_paid_is_no_arrest():
    # "يقبض أجرا" (is paid): only "قبض على" arrests
    assert type_counts("وكان الواحد منهم يقبض أجرا شهريا، حتى أصبحوا 25 بعدما كانوا 75.") == []


@pytest.mark.parametrize("text, expected", [
    # a figure negated right after its event word, and the one that corrects it
    ("وقال إن عدد القتلى ليس 200 بل بضع عشرات.", [("killed", "tens")]),
    # the victims noun of the figure before is no event of a figure with its own verb
    ("وتصل الحصيلة إلى 131 قتيلا وعشرات الآلاف يعيشون في العراء.", [("killed", 131)]),
    ("وبلغ عدد القتلى 50 يتوزعون على المحافظات.", [("killed", 50)]),
])
def test_a_negated_figure_and_a_figure_with_a_verb_of_its_own(text, expected):
    assert type_counts(text) == expected
