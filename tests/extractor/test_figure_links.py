"""Linking a figure to its event word (rasd.extractor.figure_links), end to end."""

import pytest
from claims_kit import extract_claims, one_claim, type_counts

from rasd.model import Count


def test_two_events_in_one_sentence_keep_their_own_figures():
    claims = extract_claims("قال مسؤول إن 11 شخصاً قتلوا و32 أصيبوا بجروح.")
    assert {(c.type, c.count.value) for c in claims} == {("killed", 11), ("injured", 32)}


def test_dual_noun_counts_two():
    claim = one_claim("وقتل جنديين في الاشتباكات.")
    assert claim.count == Count(value=2)


def test_strikes_on_targets_count_as_strikes():
    claim = one_claim("شن الطيران غارات على 9 أهداف في المنطقة.")
    assert claim.type == "strikes" and claim.count == Count(value=9)


@pytest.mark.parametrize("text, expected", [
    ("وبذلك ترتفع حصيلة قتلى الاحتجاجات منذ 30 آذار/مارس الماضي إلى 37 فلسطينيا.",
     [("killed", 37)]),
    ("وارتفعت حصيلة القتلى جراء القصف منذ بدء الحملة في 18 شباط/فبراير إلى 1111 مدنيا.",
     [("killed", 1111)]),
    ("ارتفع عدد القتلى إلى 58 والجرحى إلى 2771.", [("injured", 2771), ("killed", 58)]),
    # "ضحايا" (killed or wounded) in apposition does not stop the toll
    ("ارتفع عدد القتلى ضحايا الهجوم بزجاجات حارقة على ملهى ليلي في مدينة الجيزة إلى 16 شخصا "
     "وأصيب ثلاثة آخرون.", [("injured", 3), ("killed", 16)]),
])
def test_a_toll_reaches_its_figure_across_a_period(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


def test_killed_or_wounded_in_either_order():
    claim = one_claim("سقط 15 شخصا بين جريح وقتيل.")
    assert (claim.type, claim.mixed, claim.count) == ("injured", True, Count(value=15))


@pytest.mark.parametrize("text, count", [
    ("وقالت الولايات المتحدة إن غاراتها على ثلاث منشآت في سوريا نجحت.", 3),
    ("وقصفت الطائرات 3 مقار للتنظيم الإرهابي.", 3),
    ("وقصفت الطائرات بالصواريخ مقرين للتنظيم.", 2),
])
def test_strikes_on_targets_with_a_pronoun_a_broken_plural_or_a_dual(text, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == ("strikes", Count(value=count))


@pytest.mark.parametrize("text", [
    "وقال إن حوالي 50 سجينا هاجموا صيدلية السجن وأضرموا النار في عدد من الزنزانات.",
    "وأصيب نحو 30 شخصا بعد أن دهست سيارة الحشد في الساحة.",
])
def test_a_definite_word_is_no_verb(text):
    assert [c.type for c in extract_claims(text)] in ([], ["injured"])


def test_a_definite_verbal_noun_is_still_an_event():
    claim = one_claim("ويجب أن يتوقف القتل الصادم للعشرات في القطاع.")
    assert (claim.type, claim.count) == ("killed", Count(vague="tens"))


def test_release_verbs_and_phrases():
    assert one_claim("أنقذ الجيش 178 شخصاً كانوا محتجزين.").type == "released"
    assert one_claim("الجيش يحرر 30 رهينة.").type == "released"
    claim = one_claim("قررت المحكمة إخلاء سبيل الصحفي.")
    assert (claim.type, claim.count) == ("released", Count(value=1))


@pytest.mark.parametrize("text, expected", [
    ("وغرق 30 مهاجرا قبالة السواحل.", [("killed", 30)]),
    ("وأعلنت المنظمة غرق 660 شخصا هذا العام.", [("killed", 660)]),
    ("وغرق قارب كان يقل نحو 100 مهاجر قبالة الجزيرة.", []),   # the boat sank: passengers
    ("وغرقت الشوارع بالمياه بعد أمطار بلغت 50 ملم.", []),
])
def test_drowning_counts_the_people_drowned_not_those_aboard(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وأعلن الجيش تحرير 40 رهينة من قبضة المسلحين.", [("released", 40)]),
    ("وحررت القوات 12 مختطفا في الغابة.", [("released", 12)]),
    ("ويقتصر وجود هيئة تحرير الشام في المدينة على مئات المقاتلين.", []),  # a name
    ("وشارك في عملية تحرير مطار المدينة أكثر من 250 عنصرا.", []),       # a place freed
])
def test_freeing_counts_the_people_freed_not_a_name_or_a_place(text, expected):
    assert type_counts(text) == expected


def test_several_people_after_their_noun_still_count():
    assert [(c.type, c.count.vague) for c in extract_claims("وأصيب أشخاص عدة في الانفجار.")] == [
        ("injured", "several")]


@pytest.mark.parametrize("text, etype, count", [
    # loss: the victims are the direct object of "lost"
    ("فقدت الجماعة ثلاثة من قادتها في المعارك.", "killed", Count(value=3)),
    ("خسر الجيش 12 جندياً في الكمين.", "killed", Count(value=12)),
    ("وقال المتحدث: خسرنا أربعة جنود أمس.", "killed", Count(value=4)),
    ("تم القضاء على 40 مسلحاً في العملية.", "killed", Count(value=40)),
    ("وقع انفجار ذهب ضحيته 9 مدنيين.", "killed", Count(value=9)),
    ("دهست شاحنة 7 أشخاص في السوق.", "injured", Count(value=7)),
    ("سجلت المستشفيات 274 حالة بتر.", "injured", Count(value=274)),
    ("وقال إن ثلاثة من هؤلاء الأطفال خضعوا لعمليات بتر أطراف.", "injured", Count(value=3)),
    ("فيما لا يزال 417 يعانون من جراح حرجة.", "injured", Count(value=417)),
    ("ولا يزال هناك 17 رجلا لا يعرف مصيرهم.", "missing", Count(value=17)),
    ("ولا يزال 30 شخصا مجهولي المصير.", "missing", Count(value=30)),
    ("وقال إن 86 ألف شخص فقدوا أطرافهم.", "injured", Count(value=86000)),  # lost their limbs
    ("وخلفت الحرب 1.5 مليون شخص بإعاقات دائمة.", "injured", Count(value=1500000)),  # disabled
    ("سقوط أكثر من 600 حوثي في المعارك.", "killed", Count(value=600, qualifier="at_least")),
    ("إيران تقبض على 22 شخصا يشتبه في ضلوعهم.", "arrested", Count(value=22)),
    ("وقال إن 40 مهاجرا أعيدوا إلى بلادهم.", "returned", Count(value=40)),  # passive plural
    ("نجحت الشرطة في إيقاف 200 مشتبه به.", "arrested", Count(value=200)),
    ("قال الضابط: اعتقلنا 30 شخصاً.", "arrested", Count(value=30)),
    ("وأعلنت الأمم المتحدة رحيل المئات من السكان.", "displaced", Count(vague="hundreds")),
    ("وشنت الطائرات غارات عدة على مواقع المسلحين.", "strikes", Count(vague="several")),
    # "عدة" after its strike noun and its adjectives, or after the targets of a strike verb
    ("وشنت الطائرات فجرا غارات جوية عدة على أهداف في القطاع.", "strikes", Count(vague="several")),
    ("وقصفت مدفعية البيشمركة مواقع عدة لتنظيم داعش.", "strikes", Count(vague="several")),
    ("وكان طيران التحالف قد نفذ 44 غارة على مواقع الحوثيين.", "strikes", Count(value=44)),  # past
    ("وقصفت الطائرات عشرات من الأهداف في المدينة.", "strikes", Count(vague="tens")),
    ("وقالت المنظمة إن 50 شخصا اختفوا في السجون السرية.", "missing", Count(value=50)),
    ("وكشفت مصادر عن ارتفاع عدد أسرى جنود اللواء وميليشيات الحوثي إلى 62.", "arrested",
     Count(value=62)),  # a toll head before the event noun, the figure far after it
    ("وقال إن حصيلة القتلى في صفوف القوات الروسية في سوريا بلغت 112 عسكريا.", "killed",
     Count(value=112)),
    # "فقد" + past verb is the particle, and "قد" + past is no modal "may"
    ("ومع اشتداد القصف فقد نزح 30 ألف شخص.", "displaced", Count(value=30000)),
])
def test_event_idioms(text, etype, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (etype, count)


@pytest.mark.parametrize("text", [
    "فقد الرجل 20 كيلوغراماً من وزنه.",         # lost, but no people
    "خسر الفريق 3 مباريات متتالية.",
    "فقد أعلن الجيش 5 إجراءات جديدة.",           # particle, and no people
])
def test_loss_verbs_need_people_as_object(text):
    assert extract_claims(text) == []


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
    assert {(c.type, c.count) for c in extract_claims(text)} == expected


@pytest.mark.parametrize("text, etype, count", [
    ("ودفعت المعارك أكثر من 320 ألف مدني إلى النزوح.", "displaced",
     Count(value=320000, qualifier="at_least")),
    ("أجبر القصف آلاف المدنيين على الفرار من المدينة.", "displaced", Count(vague="thousands")),
    ("ودفع الهجوم 5000 شخص للنزوح نحو الحدود.", "displaced", Count(value=5000)),
    ("ودفع تقدم القوات الموالية لتركيا أكثر من مئتي ألف مدني إلى الفرار من المدينة.", "displaced",
     Count(value=200000, qualifier="at_least")),  # a long subject between verb and figure
    ("ووصل عدد المصابين في الحادث إلى نحو 40 شخصاً.", "injured", Count(value=40, qualifier="about")),
])
def test_causative_verb_takes_the_event_named_after_the_figure(text, etype, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (etype, count)


@pytest.mark.parametrize("text, expected", [
    ("قتل خمسة جنود وفقد 15 آخرون في الهجوم.",
     {("killed", Count(value=5)), ("missing", Count(value=15))}),
    ("ففقد التنظيم 103 من عناصره.", {("killed", Count(value=103))}),
    ("فقد 7 من أفراد الوحدة حياتهم في الانفجار.", {("killed", Count(value=7))}),
    ("وقد لقي قائد التنظيم مقتله في غارة.", {("killed", Count(value=1))}),
    ("لقي جندي مصرعه في إطلاق نار.", {("killed", Count(value=1))}),
])
def test_lost_missing_and_one_in_an_idiom(text, expected):
    assert {(c.type, c.count) for c in extract_claims(text)} == expected


@pytest.mark.parametrize("text, expected", [
    ("ووصلت ثلاثة صواريخ إلى أهدافها في القاعدة.", [("strikes", 3)]),   # not a deployment
    ("وأسفر القصف عن مقتل العشرات بغارات جديدة.", [("killed", "tens")]),  # killed by strikes
])
def test_a_figure_of_munitions_counts_strikes_whatever_the_verb(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقالت الشرطة إن الرجل قتل برصاص شخصين على دراجة نارية.", [("killed", 1)]),  # not 2
    ("وقتل 5 أشخاص على يد 3 مسلحين.", [("killed", 5)]),
    ("وأطلق المهاجم 10 رصاصات أصابت رأس الضحية.", []),                # bullets are no people
    ("وخاضت الحركة ثلاثة حروب بوجوب ضبط عناصرها.", []),
])
def test_perpetrators_and_bullets_are_no_victims(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقال إن 100 طفل فقدوا أرواحهم في المعارك.", [("killed", 100)]),  # lost their lives
    ("وأكدت أن 33 ألفا من المعلمين فقدوا وظائفهم.", []),                # lost their jobs
    ("ووصل العدد إلى 3 ملايين نازح فقدوا مساكنهم.", []),
    ("وقال إن 16 مهاجرا فقدوا في البحر.", [("missing", 16)]),             # went missing
    ("وأدى القصف إلى فقدان مئات الأشخاص لحياتهم.", [("killed", None)]),   # a loss of lives
])
def test_what_people_lost_after_their_figure(text, expected):
    assert [(c.type, c.count.value) for c in extract_claims(text)] == expected



def test_a_total_of_people_who_were_struck_reaches_its_figure_across_a_period():
    """"مجموع المدنيين الذين قتلوا ... منذ 18 فبراير ارتفع إلى 1181": the relative clause's
    event verb takes the figure after "إلى", as "حصيلة القتلى" does, with its breakdown."""
    claims = extract_claims("وقال المرصد إن مجموع المدنيين الذين قتلوا في الغوطة منذ 18 فبراير "
                            "الماضي ارتفع إلى 1181 شخصا بينهم 244 طفلا.")
    assert sorted((c.type, c.count.value) for c in claims) == [("killed", 244), ("killed", 1181)]


def test_a_clause_subject_reaches_its_verb_across_a_long_noun_phrase_and_an_auxiliary():
    claim = one_claim("وقال إن ستة من قادة التنظيم ومعدي خططه المرتبطين باعتداءات في الخارج قد قتلوا.")
    assert (claim.type, claim.count) == ("killed", Count(value=6))


@pytest.mark.parametrize("text, etype", [
    ("أقدم المسلحون على احتجاز عدد من الرهائن داخل المتجر.", "abducted"),
    ("واحتجز المسلحون 5 رهائن في المصرف.", "abducted"),
    ("واحتجزت الشرطة 5 أشخاص في المصرف.", "arrested"),
])
def test_hostages_held_are_taken_not_arrested(text, etype):
    assert [c.type for c in extract_claims(text)] == [etype]


def test_families_after_a_figure_are_counted_not_captured():
    """"عشرات الأسر النازحة": families ("أسر"), not capture ("أَسْر")."""
    assert extract_claims("ونقلت المنظمة عشرات الأسر النازحة إلى مخيم.") == []
    assert [c.count.value for c in extract_claims("وتمكنت القوات من أسر 11 مسلحا.")] == [11]


@pytest.mark.parametrize("text, etype", [
    ("ووصل أكثر من 70 جثة إلى المستشفى.", "killed"),  # bodies arriving: the dead
    ("وتم إجلاء 20 جريحا من المدينة.", "injured"),
    ("ووصل 300 جندي إلى المدينة.", "deployed"),
])
def test_a_noun_of_the_dead_or_wounded_after_a_figure_is_what_it_counts(text, etype):
    assert [c.type for c in extract_claims(text)] == [etype]


@pytest.mark.parametrize("text, values", [
    ("وقال المتحدث إن 14 من مقاتلي الحركة و59 من عناصر الشرطة قتلوا في المعارك.", [14, 59]),
    ("وقال المتحدث إن تسع نساء من التجار وخمسة رجال بينهم شرطي قتلوا في الهجوم.", [1, 5, 9]),
])
def test_a_list_of_figures_before_its_verb_is_all_the_verbs(text, values):
    assert sorted(c.count.value for c in extract_claims(text) if c.type == "killed") == values


def test_a_list_before_an_event_noun_keeps_that_noun():
    # "بين القتلى" comes first: the figures are the dead, not the wounded of the next clause
    claims = extract_claims("وقال المرصد إن 58 طفلا وأكثر من 40 امرأة بين القتلى، إضافة إلى "
                            "إصابة 300 آخرين.")
    assert {c.count.value: c.type for c in claims}.get(40) == "killed"


@pytest.mark.parametrize("text, expected", [
    ("وقتل في محافظة الحديدة منذ بدء الهجوم باتجاه الميناء في 13 حزيران/يونيو، 483 شخصا.",
     [("killed", 483)]),
    ("وقتل في الحرب اليمنية منذ شرع التحالف في حملته عام 2015 نحو 10 آلاف شخص.",
     [("killed", 10000)]),
    ("وقتلت في المدينة بعد تعرضها للاعتداء من قبل 10 فتيات.", []),  # the doers
])
def test_the_subject_of_an_event_verb_after_fronted_adjuncts(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("قتل الجيش، الجمعة، شابين فلسطينيين وأصاب نحو 40 آخرين.", [("killed", 2), ("injured", 40)]),
    ("واختطف مسلحو الجماعة، منذ نحو أربع سنوات، 276 فتاة من مدرسة.", [("abducted", 276)]),
    ("وقتل الخميس، أيضا وفق المرصد، 8 مدنيين في قصف.", [("killed", 8)]),
    ("وقتل الخميس، وفق المرصد، 8 مدنيين في قصف.", [("killed", 8)]),  # "وفق" opens no clause
    # ... and a toll's figure across the aside
    ("وبلغت حصيلة القتلى خلال أسبوع، وفق المرصد، 29 مقاتلا و24 عنصرا من قوات النظام.",
     [("killed", 29), ("killed", 24)]),
    ("بعد أن قتل انتحاري، يشتبه بأنه من التنظيم، 32 شخصا في بلدة.", [("killed", 32)]),
    ("وأوقفت وحدة الأبحاث في جرائم الإرهاب التابعة للحرس الوطني، 30 عنصرا.", [("arrested", 30)]),
    # a new clause after a comma, or a complement, is no aside: the figure is not the verb's
    ("وقتل الجندي في الهجوم، ووصل 30 شخصا إلى المستشفى.", [("killed", 1)]),
])
def test_an_event_verb_reaches_its_figure_across_an_aside_between_commas(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقتل شخصان في الاحتجاجات. وقالت الشرطة إن أحد القتيلين شرطي.", [("killed", 2), ("killed", 1)]),
    ("وتسببت الاشتباكات والتفجيران الانتحاريان بمقتل 20 عنصرا.", [("killed", 20)]),  # bombings
    ("وقتل الجنديان الإسرائيليان في الهجوم.", [("killed", 2)]),
])
def test_a_definite_dual_that_names_back_or_qualifies_is_no_new_figure(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وتعرضوا للاختناق فتوفي منهم ثمانية، بينهم ستة أطفال.", [("killed", 8), ("killed", 6)]),
    ("وشنت القوات حملة اعتقال وقتل عدد من المسلحين.", [("arrested", "several"), ("killed", "several")]),
])
def test_only_verbal_nouns_joined_by_and_share_a_figure(text, expected):
    assert type_counts(text) == expected


def test_the_dead_and_wounded_arriving_are_casualties():
    """"وصول عشرات القتلى والجرحى": the counted casualties decide, not the arrival."""
    claim = one_claim("وتحدثت مصادر طبية عن وصول عشرات القتلى والجرحى إلى المستشفى.")
    assert (claim.type, claim.mixed, claim.count.vague) == ("injured", True, "tens")


@pytest.mark.parametrize("text, kind, count", [
    # another event's word before a detainee noun decides: executed, released
    ("واتهمت المنظمة النظام بتنفيذ إعدامات جماعية بحق 300 معتقل في السجن.", "killed",
     Count(value=300)),
    ("وأفرجت وزارة الداخلية عن عشرات السجناء.", "released", Count(vague="tens")),
])
def test_a_detainee_noun_yields_to_the_event_done_to_them(text, kind, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (kind, count)


def test_a_dead_noun_after_a_victims_toll_decides():
    """"حصيلة الضحايا 170 قتيلا": the victims are the dead, not killed-or-wounded."""
    claim = extract_claims("وبلغت حصيلة الضحايا 170 قتيلا على الأقل وأكثر من 1300 جريح.")[0]
    assert (claim.type, claim.mixed, claim.count.value) == ("killed", False, 170)


@pytest.mark.parametrize("text, expected", [
    ("وتسبب النزاع بتشريد أكثر من نصف السكان داخل البلاد وخارجها بينهم أكثر من خمسة ملايين "
     "لجأوا إلى دول الجوار.", [("displaced", 5000000)]),
    ("وأسفرت المعارك عن سقوط قتلى من المتمردين، من بينهم اثنان من القادة الميدانيين.",
     [("killed", 2)]),
    # a website's name waiting before the breakdown is no whole
    ('وأفادت شبكة "السويداء 24" المحلية أن جميع المخطوفين من القرية، وهم 20 سيدة.',
     [("abducted", 20)]),
])
def test_a_breakdown_of_an_unnumbered_whole_takes_its_event(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقال الرئيس إن نحو 500 شخص احتجزوا كرهائن على ضفة النهر.", [("abducted", 500)]),
    ("وكان المهاجم قد احتجز أربعة حراس رهائن.", [("abducted", 4)]),
    ("واحتجزت الشرطة 5 أشخاص.", [("arrested", 5)]),
])
def test_people_held_as_hostages_are_taken_not_arrested(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقالت الشرطة إن سبعة صيادين غرقوا قبالة الساحل.", [("killed", 7)]),
    ("وغرق قارب كان يقل 100 مهاجر.", []),
    # a figure right after "أن" opens a clause of its own: the event word before is the last's
    ("وقالت الشرطة إن 19 شخصا غرقوا كما أن 25 شخصا لا يزالون مفقودين.",
     [("killed", 19), ("missing", 25)]),
    ("وقال إن التحالف أنهى تقييم 84 تقريرا اتضح أن 78 من تلك التقارير غير موثوقة.", []),
])
def test_drowned_people_and_a_figure_opening_its_own_clause(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the people a van hit, not more dead; the time clause's own harm word would count them
    ("لقي 10 أشخاص على الأقل مصرعهم عندما صدمت شاحنة صغيرة عددا من المارة.", [("killed", 10)]),
    # a clause of contrast: the wounded taken to hospitals, not more dead
    ("وقال إن ستة أشخاص قتلوا، فيما جرى نقل 30 آخرين إلى المستشفيات.",
     [("killed", 6), ("injured", 30)]),
    ("ولقي كثير من المدنيين مصرعهم فيما يعاني مئات الآلاف من ظروف صعبة.", []),
    # "فيما يشتبه" (in what is suspected) and "فيما بعد" (later) open no clause
    ("وقد قتل فيما يشتبه بأنه هجوم كيمياوي، 60 شخصا على الأقل.", [("killed", 60)]),
])
def test_a_figure_in_a_clause_of_time_is_not_the_event_words_before_it(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقال إن الضربات أصابت 18 هدفا في سوريا.", [("strikes", 18)]),
    ("وأطلقت السفن صواريخ أصابت ودمرت ثلاثة أهداف.", [("strikes", 3)]),
    ("وأعلن الجيش مقتل 30 مسلحا وتدمير مئات الأوكار.", [("killed", 30)]),  # dens, never people
    ("وأسفرت الغارات عن مقتل 8 بموقع في المدينة.", [("killed", 8)]),        # "at a site"
])
def test_a_figure_of_targets_links_to_strikes_only(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence opening with its figure: the verb agreeing with it across an aside
    ("أكثر من 57 شخصا من المدنيين، معظمهم من الأطفال والنساء، قتلوا صباح الأحد.",
     [("killed", 57)]),
    # ... not a singular verb of a later clause ("الأمر الذي دفع"), nor a refused return
    ("فالعشرات من المقاتلين يرفضون العودة إلى الجبهة، الأمر الذي دفع الجماعة إلى الانتقام.", []),
    # parts after "بينهم" between a clause's figure and its verb are no other figure
    ("وقال مدير الصحة إن \"57 مدنيا بينهم 12 طفلا وست نساء قتلوا\".",
     [("killed", 57), ("killed", 12), ("killed", 6)]),
    ("وقال المتحدث إن 22 مسلحا، بينهم أربعة قادة، قتلوا بانفجار عبوة.",
     [("killed", 22), ("killed", 4)]),
])
def test_a_fronted_figure_reaches_its_verb_across_asides_and_parts(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a clause's subject does not reach the first verb of the next clause past "بينما"/"فيما"
    ("وقال المرصد إن أربع نسوة تمكن من الفرار، بينما قتلت اثنتان.",
     [("displaced", 4), ("killed", 2)]),
])
def test_a_clause_subject_stops_at_a_clause_of_contrast(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a victims noun before a breakdown after a comma still counts its figure
    ("وقالت الوزارة إن الحصيلة وصلت إلى 115 قتيلا و13300 جريحا، منهم 330 إصابة خطيرة.",
     [("killed", 115), ("injured", 13300), ("injured", 330)]),
    # ... but "N معتقلا منهم قتلوا": the detainees are the group the dead were of
    ("وقال إن 77 معتقلاً منهم قتلوا تحت التعذيب.", [("killed", 77)]),
])
def test_a_victims_noun_before_minhum(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bracketed gloss adds no distance between a figure and its event word
    ("وأكدت الحركة أن خمسة من أعضاء جناحها المسلح (كتائب القسام) من بين القتلى.", [("killed", 5)]),
    # "أعداد" is a toll head as "عدد" is: it reaches "إلى N" across a relative aside
    ("أعلن المرصد ارتفاع أعداد قتلى الضربات، التي استهدفت منطقة الكسوة في ريف دمشق، إلى 15 على "
     "الأقل.", [("killed", 15)]),
])
def test_a_gloss_or_an_aside_adds_no_distance(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a figure does not link forward to a clause that has a figure of its own
    ("وكان عدد القتلى قد تجاوز 500 شخص فيما بلغ عدد المصابين 2500 شخص.",
     [("killed", 500), ("injured", 2500)]),
    ("وأشار إلى أن الميليشيا قتلت خلال شهر ديسمبر الماضي 206 وأصابت 227 آخرين.",
     [("killed", 206), ("injured", 227)]),
    ("وقال إن 5 قتلوا وأصيب آخرون.", [("killed", 5)]),
])
def test_no_forward_link_to_a_clause_with_its_own_figure(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a figure of people right after the verb, another right after its nouns: the doers
    ("عندما قتل أربعة انتحاريين بريطانيين 52 شخصا في لندن.", [("killed", 52)]),
    ("وقتل ثلاثة مسلحين 20 مدنيا.", [("killed", 20)]),
    # ... not two events, a breakdown, a share or munitions
    ("قتل 16 شخصا وأصيب 38 آخرون.", [("killed", 16), ("injured", 38)]),
    ("وأصيب 5 أشخاص 3 منهم أطفال.", [("injured", 5), ("injured", 3)]),
    ("وقتل سبعة إيرانيين من بين 14 شخصا.", [("killed", 7), ("killed", 14)]),
    ("وأصيب 4 آخرين بثلاث قذائف.", [("injured", 4), ("strikes", 3)]),
])
def test_a_figure_right_after_the_verb_with_another_after_it_is_the_doers(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a definite numeral after a person noun and its genitive or adjective counts that noun
    ("وأعلنت الشركة مقتل أفراد الطاقم الخمسة.", [("killed", 5)]),
    ("وتم اعتقال الرجال المسلمين الأربعة.", [("arrested", 4)]),
    ("وقتل خلال الأشهر الثمانية الماضية 5 أشخاص.", [("killed", 5)]),
])
def test_a_definite_numeral_after_a_person_noun_phrase(text, expected):
    assert type_counts(text) == expected
