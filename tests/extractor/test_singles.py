"""Count-of-one claims (rasd.extractor.singles), end to end."""

import pytest
from claims_kit import extract_claims, one_claim, type_counts

from rasd.model import Count


@pytest.mark.parametrize("text, count", [
    ("وقالت الشرطة إن رجلا أصبح خامس شخص يلقى حتفه في الهجوم.", 5),
    ("وهو الرابع من إخوانه الذين لقوا مصرعهم في المعارك.", 4),
    ("وهو ثالث صحفي يقتل منذ بداية العام.", 3),
])
def test_an_ordinal_ranking_the_victim_is_a_running_total(text, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == ("killed", Count(value=count))


def test_an_ordinal_month_is_no_running_total():
    claim = one_claim("وقعت الحادثة في تشرين الثاني الماضي حين قتل رجل.")
    assert claim.count == Count(value=1)


@pytest.mark.parametrize("text, expected", [
    ("قتل 22 جنديا ومدنيا واحدا في الهجوم.", [1, 22]),  # "one" after it: one more person
    ("قتل 11 ألف مدني ومقاتل في الحرب.", [11000]),      # no "one": the counted noun goes on
    ("واعتقلت السلطات نحو 30 رجل دين ومفكر وناشط.", [30]),  # the noun goes on, two words later
    ("وقتل خلال الهجوم 21 سائحا أجنبيا وشرطيا.", [1, 21]),  # an accusative: an object of its own
    ("وتم القبض على 641 شخصا من العناصر الإجرامية والمشتبه بهم.", [641]),  # of the same group
])
def test_a_conjoined_person_with_one_after_a_counted_singular(text, expected):
    assert sorted(c.count.value for c in extract_claims(text)) == expected


def test_conjoined_person_after_a_plural_is_one_more_victim():
    claims = extract_claims("أدى التفجير إلى مقتل 10 مدنيين وجندي.")
    assert sorted(c.count.value for c in claims) == [1, 10]


@pytest.mark.parametrize("text, expected", [
    ("وأسفرت المواجهات عن مقتل ضابط و3 جنود.", [1, 3]),
    ("وأصيب شرطي وأربعة مدنيين بجروح في الانفجار.", [1, 4]),
    ("أعلنت الشرطة مقتل قائد الدورية وخمسة من عناصرها.", [1, 5]),
    ("قتلت امرأة وأطفالها الثلاثة في غارة على المدينة.", [1, 3]),  # not three raids
])
def test_one_person_conjoined_before_a_figure_is_one_more_victim(text, expected):
    assert sorted(c.count.value for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقتل مسلح 5 أشخاص في السوق.", [5]),           # the agent, not a victim
    ("وأسفر الحادث عن مقتل شاب و3 آخرين.", [3]),     # "N others": not split
])
def test_one_person_before_a_figure_that_is_no_conjunct_is_not_counted(text, expected):
    assert sorted(c.count.value for c in extract_claims(text)) == expected


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
    # occupations of the people news names one by one
    ("واعتقلت السلطات الداعية سلمان العودة.", "arrested"),
    ("وتوفي المدون محمد تامالت في السجن.", "killed"),
    # deported or handed over
    ("رحلت السلطات الفرنسية مواطنا جزائريا إلى بلاده.", "returned"),
    ("وتم تسليم المشتبه به إلى السلطات الهولندية.", "returned"),
    # a definite nationality standing for one person; a feminine one before a name
    ("وأعلنت الشرطة القبض على المصري في المطار.", "arrested"),
    ("وأخلي سبيل التركي الألماني بعد عام.", "released"),
    ("وأدانت موسكو اعتقال الروسية ماريا بوتينا في واشنطن.", "arrested"),
    # an indefinite nationality noun right after the event word; a conscript
    ("وأعلنت الخارجية وفاة تونسي في الهجوم.", "killed"),
    ("وأعلنت وزارة الداخلية اعتقال ليبي في المطار.", "arrested"),
    ("واستشهد مجند في الهجوم.", "killed"),
    # the perpetrator, named by his act
    ("وألقت الشرطة القبض على الفاعل بعد ساعات.", "arrested"),
    ("وأكدت الوزارة اعتقال الجاني.", "arrested"),
])
def test_one_person_events(text, etype):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (etype, Count(value=1))


@pytest.mark.parametrize("text, expected", [
    # the release verb's agent stands between it and its preposition or its noun "سراح"
    ("وأفرجت السلطات الإسرائيلية عن الجندي أمس.", [("released", 1)]),
    ("وأطلقت الشرطة سراح الصحفي بعد التحقيق.", [("released", 1)]),
    ("وأطلق النظام سراح 700 شخص من سجونه.", [("released", 700)]),
    # left at liberty pending trial is released, as in the dev gold; the freed named as a
    # group is no release
    ("وأبقت المحكمة 25 متهما في حالة سراح.", [("released", 25)]),
    ("واستغل التنظيم 62 شخصا من مطلقي السراح.", []),
])
def test_a_release_split_by_its_agent(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text", [
    "وأصابت إحدى القذائف مبنى البلدية.",
    "وقبل أن يلقى مصرعه، واحدة من منحوتاته بقيت على الشاطئ.",
    "وأدانت موسكو اعتقال السعودية لناشطين.",  # a feminine nationality alone may be the country
    "واتهمت تونس بتعطيل ترحيل التونسي.",  # an obstructed event did not happen
])
def test_one_of_a_thing_or_across_a_comma_is_no_person(text):
    assert extract_claims(text) == []


def test_a_killed_and_wounded_phrase_takes_no_person_before_it():
    """"قتل وأصيب" is no idiom of one death: the person before it is not counted by it."""
    assert [c.count for c in extract_claims("وقالت الشرطة إن رجلا قتل وأصيب 5 آخرون.")
            if c.type == "injured"] == [Count(value=5)]


def test_one_person_of_a_breakdown_inside_the_claim_is_one_more_claim():
    claims = extract_claims("وقالت الوكالة إن أربعة فلسطينيين بينهم طفل قتلوا برصاص الجيش.")
    assert sorted((c.type, c.count.value) for c in claims) == [("killed", 1), ("killed", 4)]


@pytest.mark.parametrize("text, count", [
    ("واعتقلت الشرطة المشتبه به في الهجوم.", 1),
    ("واعتقلت الشرطة المشتبه بهما في الهجوم.", 2),
])
def test_a_participle_counts_by_its_pronoun(text, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == ("arrested", Count(value=count))


def test_they_two_after_a_plural_looking_noun_is_a_dual():
    claim = one_claim("وبعد يومين تمكنت الشرطة من قتل المهاجمين وهما سعيد وشقيقه.")
    assert (claim.type, claim.count) == ("killed", Count(value=2))


def test_a_participle_with_a_plural_pronoun_is_no_count_of_one():
    assert extract_claims("أسفرت المداهمات عن إلقاء القبض على المشتبه بهم.") == []


def test_a_person_noun_after_the_verb_is_not_skipped_as_an_agent():
    claim = one_claim("فيما أصيب قائد الرتل في الاشتباكات.")
    assert (claim.type, claim.count) == ("injured", Count(value=1))


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
    assert {(c.type, c.count) for c in extract_claims(text)} == expected


@pytest.mark.parametrize("text, etype, count", [
    ("كما قتلت مسعفة في القصف.", "killed", Count(value=1)),       # a derived feminine
    ("وقتل راكباً في الحافلة.", "killed", Count(value=1)),
    ("حيث أصيب حارسان بجروح.", "injured", Count(value=2)),         # a derived dual
    ("استشهد مسعفتان في القصف.", "killed", Count(value=2)),
    ("أقر التنظيم بمقتل زعيمه.", "killed", Count(value=1)),         # a possessive
])
def test_one_or_two_named_people(text, etype, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (etype, count)


@pytest.mark.parametrize("text", [
    "وزعت المساعدات على الأسر النازحة في المخيم.",
    "قالت حركة طالبان إنها تسيطر على المنطقة.",
    "استهدف القصف منشأة مدنية.",
])
def test_adjectives_and_names_are_no_people(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text, expected", [
    ("وقتلت امرأة في القصف.", [1]),                      # a singular that also follows figures
    ("واعتقلت الشرطة طفلة في المدينة.", [1]),
    ("وقتلت القوات مسلحا في الاشتباك.", [1]),
    ("وقتل 11 امرأة في القصف.", [11]),                    # the counted noun of a figure
    ("وقتلت امرأة وأطفالها الثلاثة في القصف.", [1, 3]),   # a numeral after its conjoined noun
    ("وقتل رجل وأبناؤه الأربعة في القصف.", [1, 4]),
])
def test_one_person_written_like_a_counted_noun(text, expected):
    assert sorted(c.count.value for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وأعلن الجيش مقتل رقيب في الهجوم.", [("killed", 1)]),                  # a rank names a person
    ("وأعلنت السلطات توقيف 14 شخصا بينهم جنرال.", [("arrested", 1), ("arrested", 14)]),
    ("وفي هذا الإطار، أوقف أيضا رقيب سابق في الحرس.", [("arrested", 1)]),     # an adverb between
    ("وأوضح قائد اللواء، العميد ياسر الحارثي، أن الجيش تقدم.", []),        # Yasser, not "يأسر"
    ("وقال الجيش إنه يأسر 4 مسلحين في المنطقة.", [("arrested", 4)]),
])
def test_ranks_and_adverbs_around_one_person(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وسقط قتيل من المقاومة في المواجهات.", [("killed", 1)]),
    ("وأسفر الانفجار عن قتيل وثلاثة جرحى.", [("injured", 3), ("killed", 1)]),
    ("ولم يسقط أي قتيل في الهجوم.", []),
    ("وأحرق المحتجون صورة شهيد في الساحة.", []),          # not after a verb of falling
])
def test_a_lone_victims_noun_after_falling_is_one_person(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


def test_fillers_between_one_person_and_its_verb_do_not_count_towards_the_gap():
    claims = extract_claims("وقال إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين.")
    assert sorted((c.type, c.count.value, c.mixed) for c in claims) == [
        ("injured", 6, False), ("killed", 1, False)]


def test_one_person_losing_control_is_no_disappearance():
    assert extract_claims("ونجم الحادث عن فقدان السائق السيطرة على شاحنته.") == []
    assert [c.count.value for c in extract_claims("أعلنت الشرطة فقدان صياد في البحر.")] == [1]


@pytest.mark.parametrize("text", [
    "عاد الرئيس إلى البلاد بعد زيارة رسمية.",
    "وقررت الشرطة طرد الضابط من عمله.",
    "وتسلم القائد العربات من الولايات المتحدة.",
])
def test_a_return_that_is_no_deportation_counts_no_one(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text, expected", [
    ("ثم أطلق المهاجم النار على نفسه ولقي مصرعه.", [1]),   # the pronoun is the one person
    ("وقال إن عددا كبيرا من عناصر الميليشيات لقي مصرعه.", []),
    ("وسجن كثيرون وبعضهم لقي حتفه تحت التعذيب.", []),
])
def test_an_idiom_of_one_death_alone(text, expected):
    assert [c.count.value for c in extract_claims(text) if c.type == "killed"] == expected


@pytest.mark.parametrize("text, expected", [
    ("وأصيب ضابط وضابط صف في الاشتباك.", [("injured", 2)]),
    ("وأصيب ضابط صف وجندي أثناء المداهمة.", [("injured", 2)]),
    ("وقتل جندي إسرائيلي وآخر في الهجوم.", [("killed", 2)]),
    ("واعتقلت الشرطة رجلا وزوجته.", [("arrested", 2)]),
    ("وقتل الطفل ووالده في القصف.", [("killed", 2)]),
    ("وأعلنت الحكومة توقيف الناشطة سمر بدوي وزميلتها نسيمة السادة.", [("arrested", 2)]),
    ("وأعلن مقتل قيادي حوثي ومرافقيه في غارة.", [("killed", 1)]),
    ("وأعلن اختطاف الصحفية والناشطة أفراح شوقي.", [("abducted", 1)]),
    # two titles of one person; a figure after ends the list; "ف" opens words too
    ("وأعلنت الخارجية اختفاء الصحفي والكاتب السعودي جمال خاشقجي.", [("missing", 1)]),
    ("ومقتل ضابط و3 جنود.", [("killed", 1), ("killed", 3)]),
    ("وتوفيت رضيعة فلسطينية بعد تنشقها الغاز.", [("killed", 1)]),
    ("وقتل شاب وأصيب آخر.", [("injured", 1), ("killed", 1)]),
])
def test_one_persons_joined_by_and_are_one_claim_of_their_number(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقتل فيه ضابط صف.", [("killed", 1)]),
    ("وقتل في الهجوم جندي.", [("killed", 1)]),
    ("وقال إن 3 أصيبوا جراء العمل الإرهابي الجبان.", [("injured", 3)]),
])
def test_one_person_after_a_fronted_adjunct_of_the_verb(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("واعترفت الميليشيات بمصرع طه الشهاري في المعارك.", [("killed", 1)]),
    ("وألقت قوات الأمن القبض على هشام عشماوي في درنة.", [("arrested", 1)]),
    ("وأعلنت المنظمة إطلاق سراح عائشة المانع.", [("released", 1)]),
    ("وأفادت الوكالة باستشهاد حسام الصوفي ومحمد الأقرع.", [("killed", 2)]),  # two names
    # a name is a given name and one more word; not after a word that is also a common noun or
    # verb there, nor after one of purpose, nor in a demand
    ("وأعلن الجيش اعتقال محمد.", []),
    ("وقضى محمد عبدالسلام في مسقط أكثر من شهر.", []),
    ("واقتحم المسلحون سجن أبو سليم في طرابلس.", []),
    ("وجددت الأحزاب المطالبة بالإفراج عن محمد ألتان.", []),
])
def test_a_named_person_after_an_event_word_is_one(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text", [
    "وقال إن حكومته تنتظر نتائج التحقيق بقضية اختفاء الصحفي جمال خاشقجي.",
    "وفشل التنظيم في توحيد صفوفه منذ مقتل أسامة بن لادن.",
    "وكان المسجد يحيي ذكرى مقتل الزعيم عبد العلي مزاري.",
    "وحاصر الجنود مبنى يعتقد أن شابا متهما بقتل الجندي يتحصن بداخله.",  # a charge
    "ومثل رجل أمام المحكمة بتهمة قتل سائق سيارة طرود.",
])
def test_an_affair_named_as_background_is_no_claim(text):
    assert extract_claims(text) == []


def test_the_perpetrator_is_one_person():
    assert type_counts(
        "وقالت الشرطة إنه تم إلقاء القبض على منفذ الهجوم.") == [("arrested", 1)]
    assert extract_claims("وسيطرت القوات على منفذ الوديعة الحدودي.") == []


def test_a_named_commander_between_the_idiom_and_his_death():
    assert type_counts(
        "ولقي القيادي الحوثي أبو علي الكحلاني مصرعه في المعارك.") == [("killed", 1)]


@pytest.mark.parametrize("text, etype", [
    ("وأعلنت القناة أن الزبيدي، رئيس المجلس المحلي، قتل يوم الخميس الماضي.", "killed"),
    ('وأعلنت القناة أن الزبيدي، رئيس "المجلس المحلي"، قتل يوم الخميس.', "killed"),
    ("وقال مسؤول إن الكاتب المختفي منذ 6 أيام، خالد الحربي، قتل في السفارة.", "killed"),
    ("وذكرت الصحيفة أن البلجيكي مارك دوبوا قتل في ضربة جوية.", "killed"),
    ("وأوضح المصدر أن المشتبه به، الذي يعرف باسم أبو سعيد، اعتقل في المدينة.", "arrested"),
    ("وقالت إن الطبيب المعروف، هاني العمري، أصيب بجروح.", "injured"),
])
def test_one_person_between_a_complementizer_and_its_verb(text, etype):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (etype, Count(value=1))


@pytest.mark.parametrize("text", [
    "وقالت الشرطة إن الهجوم، الذي وقع أمس، قتل في المدينة.",   # no person opens a part
    "وذكر أن الجيش، بقيادة العقيد محمد، اعتقل في المدينة.",
    'وقال الادعاء إن المتهم "كان هناك لقتل".',                  # a purpose, no event
    "وأكد أن الحادث، وفق الشهود، وقع أمس.",
])
def test_no_person_subject_after_a_complementizer(text):
    assert [c for c in extract_claims(text) if c.count == Count(value=1)] == []


@pytest.mark.parametrize("text, etype", [
    ("وتعتقد السلطات أن بيلاوسكي قتل في القنصلية.", "killed"),
    ("وقال مصدر إن بيلاوسكي قد قتل.", "killed"),
    ("ويعتقد المسؤولون أن بيلاوسكي قتل على يد مجموعة من العملاء.", "killed"),  # "على يد": no Ali
    ("وذكرت الوكالة بأن بيلاوسكي اعتقل في المدينة.", "arrested"),
])
def test_a_lone_family_name_before_a_passive_event_verb_is_one_person(text, etype):
    claim = one_claim(text)
    assert (claim.type, claim.count, claim.subject.text) == (etype, Count(value=1), "بيلاوسكي")


@pytest.mark.parametrize("text", [
    "وقالت الشرطة إن بيلاوسكي قتل الديمقراطية.",           # an object: he is the agent
    "وقالت إن طائرة خطفت في طريقها إلى المدينة.",        # a thing
    "ويخشى من أن بعضهم قد توفي في الحجز.",              # a quantifier
    "وأكد أن حصانه أصيب في المواجهات.",                 # an animal
    "وقالت إن سوريا قتلت في الغارة.",                    # a country
])
def test_no_lone_name_subject(text):
    assert [c for c in extract_claims(text) if c.count == Count(value=1)] == []


def test_a_subject_after_a_complementizer_with_an_object_is_the_agent():
    claims = extract_claims("وقالت الشرطة إن الجندي المتهم قتل مدنيا في الشارع.")
    assert [c.subject.text for c in claims] == ["مدنيا"]


def test_a_subject_joined_to_another_person_is_no_count_of_one():
    claims = extract_claims("وقالوا إن امرأة حاملا وطفلتها، وعمرها سنة، قتلتا في المنطقة.")
    assert Count(value=1) not in [c.count for c in claims]


@pytest.mark.parametrize("text, etype, subject", [
    ("وقتلت سيارة مفخخة أخرى ضابط الشرطة المحلي سامي الخطيب.", "killed", "ضابط"),
    ("وأصابت رصاصة طائشة طفلا في الحي.", "injured", "طفلا"),
    ("قتلت الميليشيات الخميس، زعيما قبليا في المديرية.", "killed", "زعيما"),
    ("واعتقلت الشرطة أمس شابا في المدينة.", "arrested", "شابا"),
])
def test_one_person_after_a_thing_that_killed_or_a_day(text, etype, subject):
    claim = one_claim(text)
    assert (claim.type, claim.count, claim.subject.text) == (etype, Count(value=1), subject)


@pytest.mark.parametrize("text", [
    "وأصابت قذيفة منزل مواطن في الحي.",      # the house, not the man
    "وقتلت سيارة مفخخة الخميس، في السوق.",
    "وأصابت قذيفة هاون أطلقها المسلحون المبنى.",
])
def test_a_thing_that_killed_before_no_person_is_no_count_of_one(text):
    assert extract_claims(text) == []


@pytest.mark.parametrize("text", [
    "فيما قتل شريف الرجب في 26 يونيو.",
    "وقتل منور المطيري.",
    "واغتيل ناجي الحسيني برصاص مجهولين.",
])
def test_a_bare_name_after_a_past_event_verb_is_one_person(text):
    claim = one_claim(text)
    assert (claim.type, claim.count) == ("killed", Count(value=1))


@pytest.mark.parametrize("text", [
    "وقتل معظم الركاب في الحادث.",              # many, not a name
    "واعتقل أنصار الرئيس في العاصمة.",
    "وأوقفت الوكالة تبادل المعلومات مع الشركاء.",  # stopped, not arrested
    "ويعتقل خصومه السياسيين بتهم قاسية.",          # present tense: a habit
    "وقتل منتصف الليل في المدينة.",
])
def test_no_bare_name_after_an_event_verb(text):
    assert [c for c in extract_claims(text) if c.count == Count(value=1)] == []


@pytest.mark.parametrize("text, etype", [
    ("صدمت شاحنة حشدا. سائق الشاحنة من أصل تونسي، وقد قتل بنيران الشرطة.", "killed"),
    ("وكان الجندي في دورية، وقد أصيب بجروح.", "injured"),
])
def test_the_person_opening_the_clause_before_and_had_been(text, etype):
    claim = one_claim(text)
    assert (claim.type, claim.count) == (etype, Count(value=1))


def test_no_person_opening_the_clause_before_and_had_been():
    assert extract_claims("وكان الهجوم في الصباح، وقد قتل في المدينة.") == []


@pytest.mark.parametrize("text, values", [
    ("انتحاري يقتل 25 في سوق", [25]),  # a headline's agent
    ("وقال مسؤول إن انتحاريا قتل 50 جنديا في قاعدة.", [50]),
    ("وأعلن الطبيب أن طفلا توفي و13 شخصا أصيبوا.", [1, 13]),  # a conjoined figure is no object
])
def test_one_person_before_a_verb_with_a_figure_object_is_its_agent(text, values):
    assert sorted(c.count.value for c in extract_claims(text)) == values


@pytest.mark.parametrize("text", ["وقتل 3 مدنيين، بينهم امرأة.", "وقتل 3 مدنيين، بينهم طفلة."])
def test_a_feminine_one_after_a_breakdown_is_one_person(text):
    """"امرأة"/"طفلة" also count after a figure ("15 امرأة"), but alone they are one."""
    assert sorted(c.count.value for c in extract_claims(text)) == [1, 3]
    assert [c.count.value for c in extract_claims("وقتل 15 امرأة في الهجوم.")] == [15]


@pytest.mark.parametrize("text, values", [
    ("وقتل 3 مدنيين، بينهم امرأة وطفل.", [1, 1, 3]),
    ("وأصيب خمسة أشخاص بينهم شرطي ومسعف وصحفي.", [1, 1, 1, 5]),
    ("وتوفي ثمانية، بينهم ستة أطفال وامرأة واحدة وشاب في مقتبل العمر.", [1, 1, 6, 8]),
    ("وأصيب خمسة أشخاص بينهم امرأة واحدة وطفل.", [1, 1, 5]),
    ("وقتل في الحادث فتاة عمرها 10 أعوام وامرأة عمرها 32 عاما.", [1, 1]),  # ages between
    ("وقتل فتاة عمرها 10 أعوام ورجل عمره 25 عاما ورجل عمره 33 عاما.", [1, 1, 1]),  # two men
    ("وقتل 3 أشخاص بينهم امرأة وطفلتها.", [1, 1, 3]),  # a person of hers
    ("وأسفر عن وفاة شخصين وإصابة مرافقهما.", [1, 2]),
    ("وقتل 13 شخصا بينهم أم وطفلاها.", [1, 2, 13]),  # "أم" after a breakdown; her two children
    ("وقتل 13 شخصا بينهم 5 مدنيين، وقال إن القصف طال أحياء من بينها باب موسى.", [5, 13]),
])
def test_each_person_listed_after_a_breakdown_is_one_claim(text, values):
    assert sorted(c.count.value for c in extract_claims(text)) == values


@pytest.mark.parametrize("text, count", [
    ("وقتل في الهجوم قائد عسكري وأحد العناصر.", 2),  # "وأحد" + the people he is one of
    ("وأصيب ضابط وأحد العناصر بجروح.", 2),
    ("وقتل رجل وزوجته وطفلاهما في القصف.", 4),  # a possessed dual is two more
    ("وقالت المصادر إن جنديا ومدنيا قتلا في الهجوم.", 2),  # joined before the verb
    ("وقال إن امرأة وزوجها وطفلهما قتلوا في القصف.", 3),
    ("وأعلنت الشرطة مقتل شخص واحد الأسبوع الماضي.", 1),  # "واحد" after its noun
])
def test_one_of_a_group_joined_to_one_person_is_one_more(text, count):
    assert [c.count.value for c in extract_claims(text)] == [count]


@pytest.mark.parametrize("text, values", [
    ("وقتل شاب فلسطيني برصاص الجيش.", [1]),  # "ف" of a nisba is no conjunction
    ("واعتقل 11 شخصا في الحي حيث قتل الشاب وشخص في مدينة أخرى.", [1, 11]),  # a definite one
    ("وأكدت المصادر أن من بين الجرحى القيادي ومسؤول المركز.", [1]),  # one man, two titles
])
def test_no_list_of_persons_without_an_indefinite_one_and_waw(text, values):
    assert sorted(c.count.value for c in extract_claims(text)) == values


@pytest.mark.parametrize("text, count", [
    ("وقتل نائب وزير الحرب في الغارة.", 1),  # "وزير" is a word, not "و" + "زير"
    ("وأسفرت الغارة عن مقتل نائب وزير الحرب وقائد شرطة التنظيم.", 2),
    ("وأصيب ضابط ووزير في الهجوم.", 2),
])
def test_a_title_whose_word_opens_with_waw_is_no_second_person(text, count):
    assert type_counts(text) == [
        ("killed" if "قتل" in text else "injured", count)]


@pytest.mark.parametrize("text, expected", [
    ("وذكر المراسل أن بين الجرحى أحد مصوري التلفزيون الذي أصيب بيده.", [("injured", 1)]),
    ("وأكدت المصادر أن من بين القتلى قائد الحوثيين في المديرية.", [("killed", 1)]),
    # an indefinite victims noun is half of a pair, no victims named: "بين قتيل وأسير"
    ("وخسر أعدادا كبيرة من جنوده بين قتيل وأسير.", []),
])
def test_one_person_among_the_victims(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('وقال المتحدث "استشهد صباح اليوم (السبت) الطفل متأثرا بجراحه".', [("killed", 1)]),
    ("واعتقلت السلطات فجر الأربعاء الناشط السياسي في منزله.", [("arrested", 1)]),
    ("وأسفرت المواجهات عن مقتل صبي في السادسة عشرة.", [("killed", 1)]),
])
def test_one_person_after_a_time_of_day(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وأوضحت الوكالة أن أحد القتلى شقيق للنائب.", [("killed", 1)]),
    # a mention of one of them, no event told of him
    ("وقال أحد المختطفين أمام الكاميرا إنه جند.", []),
    ("وقال محامي أحد الموقوفين إن موكله بريء.", []),
])
def test_one_of_the_victims_opening_a_clause(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقتل 5 أشخاص بينهم صحافيان.", [2, 5]),       # both spellings of the journalist
    ("وقتل 5 أشخاص بينهم صحفيان.", [2, 5]),
    ("واعتقلت الشرطة صحافيا بريطانيا.", [1]),
])
def test_journalists_in_either_spelling(text, expected):
    assert sorted(c.count.value for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("واعتقل يوسيل (44 عاما) في إسطنبول.", [("arrested", 1)]),
    ("وكان قد قتل وليام شوماخر البالغ من العمر 52 عاما.", [("killed", 1)]),
    ("واعتقل تامالت، 42 عاما، في العاصمة.", [("arrested", 1)]),
    ("وقتل في الهجوم (3 أعوام) على الأقل.", []),          # no name before the age
    ("وقتلت القوات خلال 44 عاما آلاف المدنيين.", [("killed", "thousands")]),
])
def test_a_name_told_with_its_age_after_the_verb_is_one_person(text, expected):
    assert [(c.type, c.count.value or c.count.vague) for c in extract_claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("وتم انتشال جثة شاب من تحت أنقاض منزل محترق.", [("killed", 1)]),  # a body recovered
    ("وعثر على جثة رجل في النهر.", [("killed", 1)]),                   # a body found
    ("وتحدثت العائلة عن علامات تعذيب واضحة على جثة الضحية.", []),      # "on" the body
])
def test_a_body_recovered_or_found_is_one_dead(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text", [
    "وذكرت الوكالة أنها أنقذت امرأة أثناء الليل.",
    "وتمكنت فرق الإنقاذ من انتشال جثتين فضلا عن إنقاذها شخصا.",
])
def test_one_rescued_is_no_release(text):
    assert "released" not in type_counts(text)


def test_one_rescued_captive_is_released():
    claim = one_claim("وأعلن الجيش إنقاذ رهينة كانت محتجزة لدى التنظيم.")
    assert (claim.type, claim.count) == ("released", Count(value=1))


def test_one_listed_after_a_dual_is_one_more():
    """"بينهم طفلان وامرأة": the dual counts two, the woman one (not the dual's noun)."""
    claims = extract_claims("وقتل 6 أشخاص بينهم طفلان وامرأة.")
    assert sorted(c.count.value for c in claims) == [1, 2, 6]


@pytest.mark.parametrize("text", [
    "وقال المتحدث إن الممرضة رزان (22 عاما) فارقت الحياة إثر إصابتها برصاص الاحتلال.",
    "ونقل إلى المستشفى لكنه فارق الحياة هناك.",
])
def test_leaving_life_is_one_death(text):
    claim = one_claim(text)
    assert (claim.type, claim.count) == ("killed", Count(value=1))


def test_a_relative_clause_of_one_death_tells_the_counted_one_again():
    claims = extract_claims("وأعلنت الوزارة مقتل الشرطي عبدالله السبيعي، الذي فارق الحياة الأربعاء.")
    assert [(c.type, c.count.value) for c in claims] == [("killed", 1)]


@pytest.mark.parametrize("text, qualifier", [
    ("وقالت الشرطة إن رجلا واحدا على الأقل قتل في الهجوم.", "at_least"),
    ("وأدى القصف إلى مقتل جندي سوري واحد، على الأقل، في المدينة.", "at_least"),
    ("وأدى القصف إلى مقتل جندي في المدينة.", None),
])
def test_a_hedge_after_one_person_is_its_qualifier(text, qualifier):
    claim = one_claim(text)
    assert (claim.count.value, claim.count.qualifier) == (1, qualifier)


def test_a_hedge_after_the_next_conjunct_is_not_the_ones():
    claims = extract_claims("وقتل مدني وأصيب ثلاثة آخرون على الأقل في القصف.")
    assert sorted((c.type, c.count.value, c.count.qualifier) for c in claims) == [
        ("injured", 3, "at_least"), ("killed", 1, None)]


def test_a_person_described_back_by_a_relative_is_no_new_claim():
    """"الرجل الذي قتل كان في القرية" after "إن رجلا قتل": the one already counted."""
    claims = extract_claims("وقال المسؤول إن رجلا قتل في الغارات. "
                            "وأضاف أن الرجل الذي قتل كان في قرية الطهوت.")
    assert [(c.type, c.count.value) for c in claims] == [("killed", 1)]


def test_a_person_first_told_with_a_relative_is_a_claim():
    claims = extract_claims("وطلب النائب العام أوراق الشابة المصرية التي توفيت في بريطانيا.")
    assert [(c.type, c.count.value) for c in claims] == [("killed", 1)]


def test_a_bracketed_aside_inside_a_list_of_persons_is_passed_over():
    claims = extract_claims("معلنا استشهاد ضابط وضابط صف (رتبة أقل من ضابط) وجندي.")
    assert [(c.type, c.count.value) for c in claims] == [("killed", 3)]


@pytest.mark.parametrize("text, expected", [
    ("ونظمت وقفة للصحفي ياسر مرتجى الذي قتل برصاص الجيش.", [("killed", 1)]),
    ("ودانت الشرطة المواطن التونسي أنيس العامري، الذي قتل في تبادل لإطلاق النار.",
     [("killed", 1)]),
    ("وقال المصور البريطاني، بول كونروي، الذي أصيب في الهجوم، إنه تلقى تحذيرا.",
     [("injured", 1)]),
    ("وقال سامر عويس، رئيس مجلس محلي قرية اللبن الشرقية الذي أصيب بساعده، إن الطلاب هنا.",
     [("injured", 1)]),
])
def test_a_named_person_a_relative_clause_tells_was_hit_is_one(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text", [
    "ووصف الوزير النظام الحاكم الذي يقتل شعبه بالغاز.",          # what it does, present tense
    "وزار الرئيس موقع الهجوم الذي قتل فيه العشرات منذ عام.",     # a relative of an event
    "ووصل الصحفي جمال خاشقجي، الذي اختفى بعد زيارته، إلى المدينة.",  # who he is
])
def test_a_relative_clause_of_no_one_hit_is_no_count_of_one(text):
    assert [etype for etype, value in type_counts(text) if value == 1] == []


def test_the_person_before_a_relative_whose_verb_has_an_object_is_the_agent():
    claim = one_claim("وقابل الصحفي ياسر مرتجى الذي قتل الجندي.")
    assert claim.subject is not None and claim.subject.text == "الجندي"


@pytest.mark.parametrize("text, expected", [
    ("وأسفر الهجوم عن مقتل جنديين وإصابة ثالث.", [("killed", 2), ("injured", 1)]),
    ("وقتل شخصان وأصيب ثالث بجروح.", [("killed", 2), ("injured", 1)]),
])
def test_an_ordinal_after_an_event_word_is_one_more_person(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقالت الوزارة إن رجلا كان قد أصيب الأسبوع الماضي توفي متأثرا بجراحه.", [("killed", 1)]),
    ("وقال شهود إن شابا أصيب في الانفجار وقتل ابنه.", [("injured", 1), ("killed", 1)]),
])
def test_a_wounded_person_who_died_after_is_killed(text, expected):
    assert sorted(type_counts(text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("كما قتلت في 25 من الشهر الجاري، الناشطة سعاد العلي.", [("killed", 1)]),
    ("واعتقل في المدينة، الناشط سامي الأحمد.", [("arrested", 1)]),
    # a new clause after the comma, or a person inside the adjunct: no one person of the verb
    ("وقتل في الغارة، ووصل الوفد إلى المدينة.", []),
])
def test_one_person_after_a_prepositional_adjunct_and_a_comma(text, expected):
    assert type_counts(text) == expected


def test_a_model_named_in_apposition_is_one_person():
    claim = one_claim("وقالت الشرطة إن عارضة الأزياء، تارة فارس، قتلت بعد أن أطلق مسلحون النار عليها.")
    assert (claim.type, claim.count) == ("killed", Count(value=1))


def test_the_circumstances_of_a_disappearance_are_an_affair_named():
    assert type_counts("وطالبت بتشكيل فريق عمل مشترك للكشف عن ملابسات اختفاء الكاتب سامي الأحمد.") == []


@pytest.mark.parametrize("text, expected", [
    ("وأعلنت الشرطة عن مقتل أنيس العامري في ميلانو.", [("killed", 1)]),
    ("وأعلنت عن اعتقال محمد القحطاني في الرياض.", [("arrested", 1)]),
    ("وأسفرت الغارة عن مقتل موالين للنظام.", []),          # a plural, no given name
])
def test_a_bare_name_after_a_verbal_noun_opens_with_a_given_name(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وكان بيلاوسكي قد اعتقل في براغ الشهر الماضي.", [("arrested", 1)]),
    ("وكانت الشرطة اعتقلت في المدينة.", []),     # the agent, no one person
])
def test_a_lone_name_after_kana_before_a_passive_verb(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وكان وارمبير اعتقل في كوريا الشمالية.", [("arrested", 1)]),  # "و" of the name itself
    ("وتابع المصدر أن فلاح قتل جراء إصابته برصاصة.", [("killed", 1)]),
])
def test_a_lone_name_beginning_like_a_conjunction_right_after_an_or_kana(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقررت النيابة احتجاز والديه على ذمة التحقيق.", [("arrested", 2)]),   # his parents
    ("وقتل شقيقيه في الغارة.", [("killed", 2)]),
])
def test_an_oblique_dual_of_kin_with_a_possessive_is_two(text, expected):
    assert type_counts(text) == expected


def test_akhihi_is_one_brother_not_two():
    assert ("killed", 2) not in type_counts("وأدانت العائلة اغتيال أخيه في المدينة.")


@pytest.mark.parametrize("text, expected", [
    # one person's surrender, done, is an arrest of one (GUIDELINES)
    ("وقتل الطالب عشرة أشخاص في مدرسته، ثم قام بتسليم نفسه للشرطة.",
     [("killed", 10), ("arrested", 1)]),
    ("ثم استسلم للشرطة بعد ساعة.", [("arrested", 1)]),
    # sought or offered, or a state's, is none
    ("ودعت الشرطة المهاجم إلى تسليم نفسه.", []),
    ("وقعت اليابان وثيقة استسلامها عام 1945.", []),
])
def test_one_persons_surrender(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one person opening the clause of "من بين القتلى" is one of the dead
    ("وأكدت الوكالة أن مصورها شاه ماراي من بين القتلى.", [("killed", 1)]),
    ("وقال المتحدث إن امرأة من بين القتلى.", [("killed", 1)]),
    # a figure there is its own claim; people with no count are none
    ("وقال إن 5 أطفال من بين القتلى.", [("killed", 5)]),
    ("وقال إن الأطفال من بين القتلى.", []),
])
def test_one_person_among_the_victims_before_them(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one person of a group just counted: "بينهم أحد" + plural, "أحدهم/أحدهما" + a person noun
    ("وأصيب 13 شخصا بينهم أحد رجال الشرطة.", [("injured", 13), ("injured", 1)]),
    ("وقتل 23 مقاتلا، بينهم 5 من قوات النظام أحدهم ضابط.",
     [("killed", 23), ("killed", 5), ("killed", 1)]),
    ("قتل مدنيان أحدهما طفل.", [("killed", 2), ("killed", 1)]),
    # "one of the two" of a group of more is another group's ("هجومين نفذ أحدهما انتحاري")
    ("أن 21 شخصا قتلوا وأصيب 27 آخرون في هجومين نفذ أحدهما انتحاري.",
     [("killed", 21), ("injured", 27)]),
])
def test_one_part_of_a_group_just_counted(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the breakdown of an uncounted group told after a claim is of that group's event
    ("قتل مدني وأصيب آخرون، من بينهم امرأة، في قصف مدفعي.", [("killed", 1), ("injured", 1)]),
    ("قتل 5 مدنيين بينهم امرأة في القصف.", [("killed", 5), ("killed", 1)]),
])
def test_a_part_of_an_uncounted_group_takes_its_event(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one person wounded "مما أدى إلى مقتله" died of it
    ("وخلال الشجار أصيب الشاب بطعنتي سكين مما أدى إلى مقتله.", [("killed", 1)]),
    ("وأصيب الجندي بجروح طفيفة.", [("injured", 1)]),
    ("أصيب رجل في الانفجار وقتل ابنه.", [("injured", 1), ("killed", 1)]),  # another victim
])
def test_one_wounded_who_died_of_it(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bare ordinal right after a verbal noun is one more person of the group told before
    ("وقتلت القوات ثلاثة من المهاجمين وتمكنت من اعتقال الرابع.", [("killed", 3), ("arrested", 1)]),
    ("ما أدى إلى مقتل أحدهم وإصابة آخر واعتقال ثالث.",
     [("killed", 1), ("injured", 1), ("arrested", 1)]),
])
def test_an_ordinal_after_a_verbal_noun_is_one_person(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("كما لقي القاضي أبو بوزيد الشلوي مصرعه.", [("killed", 1)]),  # a judge is a person
    # "مرشح" is left out: "عدد القتلى مرشح للارتفاع" (likely to rise) is no candidate
    ("وقال المرصد إن عدد القتلى مرشح للارتفاع.", []),
])
def test_person_nouns_of_offices(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one of a nationality named among the victims is one person
    ("ومن بين القتلى إيرلندي كان يمضي شهر العسل.", [("killed", 1)]),
    ("ومن بين القتلى سوريون.", []),  # a plural with no figure counts no one
])
def test_one_of_a_nationality_among_the_victims(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the pronoun on "أن/إن/لكن" before a past event verb with no object is its one person
    ("وحاول الطيار الهرب لكنه قتل في اشتباك مع المسلحين.", [("killed", 1)]),
    ("وأوضح المصدر أن المشتبه به فر لكنه اعتقل في وقت لاحق.", [("arrested", 1)]),
    ("وتابع المتحدث انه نقل الى المستشفى إثر ذلك.", [("injured", 1)]),
    ("وتعتقد مصادر أنه قتل على يد مجموعة من 15 رجلا.", [("killed", 1)]),
    ("ثم قفز من الطابق الرابع، لكنه أصيب بجروح مميتة.", [("killed", 1)]),  # mortal wounds
    # ... not when the verb has an object: the pronoun is the agent
    ("وقفز بالمظلة، لكنه قتل في اشتباك على الأرض.", [("killed", 1)]),  # "على" is no name "علي"
    ("وأضاف أنه قتل في الغارة ثلاثة مدنيين.", [("killed", 3)]),
    ("وأضاف أنه قتل بعد ذلك رجلا آخر.", []),
    ("وقالت الحركة إنها قتلت مساء الثلاثاء في المدينة رجلا.", []),
    ("وقال إنه قضى حياته يسعى إلى الحقيقة.", []),  # a noun after the verb: spent
    # ... nor a death of any cause, damage, a shock or an illness
    ("وأجرت تحقيقا لكتابها لكنها توفيت قبل أن يتم نشر الكتاب.", []),
    ("ويبدو أنه أصيب بأضرار طفيفة.", []),
    ("وقالت صاحبة مطعم إنها أصيبت بصدمة جراء ما حدث.", []),
    ("وكان مرشحا لكنه أصيب بنوبة قلبية.", []),
])
def test_one_person_as_a_pronoun(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an event verb with the object pronoun of one person, told as a verb
    ("وهاجم المارة بسكين قبل أن تقتله الشرطة بالرصاص.", [("killed", 1)]),
    ("وكشفت المنظمة أن الرجل أوقفته الشرطة في المطار.", [("arrested", 1)]),
    ("وظهر جنود يضربون رجلا بعد أن اعتقلوه في البلدة.", [("arrested", 1)]),
    # ... not a verbal noun with a possessive, nor anyone
    ("ونقل إلى المستشفى بعد إصابته في الحوض.", []),
    ("وتعهدت بدفع المال لأسرة أي شخص قتلته القوات في الاحتجاجات.", []),
    ("وقال إن أسرته تعيش في المدينة.", []),
])
def test_one_person_as_an_object_pronoun(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "وأحد" + people after a claim is one more person of its event
    ("قتل خمسة جنود وأحد السجناء في مواجهات.", [("killed", 5), ("killed", 1)]),
    ("وقال أحد السكان إن خمسة قتلوا.", [("killed", 5)]),  # a speaker, joined to nothing
])
def test_one_of_a_group_joined_to_a_claim(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "أحدهما/أحدهم" + a person after a comma is one of the group just counted
    ("وأسفر الزلزال عن مقتل شخصين على الأقل، أحدهما فتاة في التاسعة.", [("killed", 2), ("killed", 1)]),
    # a nisba noun in "-يين" before a dual verb counts two
    ("ورفضت إسرائيل تسليم جثماني فلسطينيين قتلا الجمعة الماضية.", [("killed", 2)]),
    ("وأضاف أن مدنيين قتلا في الهجوم.", [("killed", 2)]),
    ("ونددت بالانتهاكات ضد الفلسطينيين وقتلها أطفالهم.", []),  # a verb with its object
])
def test_one_of_a_pair_and_a_pair_told_by_its_verb(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the person after a verb of running over is its driver when a vehicle or a crowd follows
    ("ودهس أحد المتظاهرين المؤيدين للنازيين يومها بسيارته حشدا من المتظاهرين.", []),
    ("وقتل شخص بعدما دهس رجل المارة بشاحنته.", [("killed", 1)]),
    # ... not an accusative person (the victim), nor a person with nothing after
    ("وقال إن الشاب دهس شرطيا بسيارته.", [("injured", 1)]),
    ("ودهس رجل في الشارع.", [("injured", 1)]),
])
def test_the_driver_of_a_ramming_is_no_victim(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "أحدهم يدعى" is one named person of the group just counted
    ("وقتل 9 من الميليشيات بينهم قيادات ميدانية أحدهم يدعى أبو علي.", [("killed", 9), ("killed", 1)]),
    ("وألقت الأجهزة الأمنية القبض على العديد من الأشخاص، أحدهم يدعى عمر سعد.",
     [("arrested", "several"), ("arrested", 1)]),
])
def test_one_of_them_named(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the feminine "قضت" (she died) with its cause after it; alone it is also a court's ruling
    ("وكشف أن المسعفة رزان النجار قضت برصاص الجيش شرقي خان يونس.", [("killed", 1)]),
    ("وقضت المحكمة بسجن 5 متهمين.", []),
    # families die together: no count of one
    ("وكتبت أن عوائل كاملة قضت خنقا في الأقبية.", []),
    ("وقال إن عائلة بأكملها لقيت حتفها في القصف.", []),
])
def test_she_died_of_a_cause(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one person held, told by a pronoun after the arrest idiom
    ("ودهس المارة قبل أن تلقي الشرطة القبض عليه.", [("arrested", 1)]),
    ("وقد ألقي القبض عليه في المطار.", [("arrested", 1)]),
    ("وتم القبض عليه بعملية خاطفة.", [("arrested", 1)]),
    # ... not an arrest escaped, sought, denied or of many
    ("وفر القبطان في محاولة للهروب من إلقاء السلطات القبض عليه.", []),
    ("وطالبت المنظمة بإلقاء القبض عليه.", []),
    ("ولم يتم القبض عليه.", []),
    ("وألقت الشرطة القبض عليهم.", []),
])
def test_one_held_told_by_a_pronoun(text, expected):
    assert type_counts(text) == expected


def test_one_held_by_a_pronoun_names_back_the_one_held_before():
    text = "أعلن الإنتربول القبض على مواطن بالخارج. وتابع بأنه تم القبض عليه واسترداده."
    assert type_counts(text) == [("arrested", 1)]


@pytest.mark.parametrize("text, expected", [
    # an abductee is one person ("مختطف", as "معتقل" and "سجين")
    ("توفي مختطف يمني جديد جراء التعذيب في السجون.", [("killed", 1)]),
    ("كشفت مصادر حقوقية عن مقتل مختطف جديد جراء التعذيب.", [("killed", 1)]),
])
def test_an_abductee_is_one_person(text, expected):
    assert type_counts(text) == expected
