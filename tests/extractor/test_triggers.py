"""Event triggers (rasd.extractor.triggers), on sentences written for these tests."""

import pytest
from claims_kit import one_claim, type_counts

import rasd
from rasd.extractor.triggers import find_triggers
from rasd.ingest.records import make_document
from rasd.model import Count
from rasd.pipeline import find_numbers, prepare


def _triggers(text):
    doc = find_triggers(find_numbers(prepare(make_document(text, id="t"))))
    return [(t.type, t.role, t.mixed) for t in doc.triggers]


def test_the_longest_phrase_wins():
    assert _triggers("أدى الانفجار إلى مقتل وإصابة 30 شخصا.") == [("injured", "phrase", True)]


def test_a_definite_verb_form_is_its_masdar_or_no_trigger():
    assert _triggers("أدان القتل الصادم للعشرات.") == [("killed", "masdar", False)]


@pytest.mark.parametrize("text", [
    "وقال إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين.",
    "وقالت مصادر طبية إن شخصا قُتل وأصيب آخر بجراح.",
])
def test_a_killed_and_wounded_pair_after_one_person_is_two_verbs(text):
    """"رجلا قتل وأصيب 6": one killed, six wounded, not one killed-or-wounded figure."""
    assert _triggers(text)[:2] == [("killed", "verb", False), ("injured", "verb", False)]


@pytest.mark.parametrize("text", [
    "قتل وأصيب 20 شخصا في الانفجار.",            # no person before: one mixed figure
    "وقال إن 11 امرأة قتل وأصيب في الهجوم.",     # a counted noun is no one person
    "ولم يتضح إن كان المهاجم قد قتل أو أصيب.",   # "أو": killed or wounded, one phrase
])
def test_the_pair_stays_one_phrase_otherwise(text):
    assert [t for t in _triggers(text) if t[2]] == [("injured", "phrase", True)]


@pytest.mark.parametrize("text", [
    "شارك آلاف الفلسطينيين في مسيرات العودة.",   # the Gaza return marches: a name
    "وأكد المتظاهرون تمسكهم بحق العودة.",        # the right of return
])
def test_a_word_after_the_name_it_belongs_to_is_no_event(text):
    assert [t for t in _triggers(text) if t[0] == "returned"] == []


def test_the_same_word_elsewhere_is_an_event():
    assert ("returned", "masdar", False) in _triggers("أعلنت الأمم المتحدة عودة 500 لاجئ.")


def test_evacuated_with_a_pronoun_is_displaced():
    """"تم إجلاؤهم": the verbal noun with its pronoun, hamza on waw."""
    claims = rasd.extract("وقالت السلطات إن 30 ألف شخص تم إجلاؤهم.")
    assert [(c.type, c.count.value) for c in claims] == [("displaced", 30000)]


@pytest.mark.parametrize("text, expected", [
    # definite "الأسر" is "the families", no capture ...
    ("وأجرت المنظمة مقابلات مع الأسر ومحامين بشأن 78 شخصا مختفين.", []),
    ("واتخذ المسلحون من المئات من الأسر دروعا بشرية.", []),
    # ... but the indefinite verbal noun and captivity in a phrase are
    ("وتمكنت المقاومة من أسر 11 مسلحا.", [("arrested", 11)]),
])
def test_the_families_are_no_capture(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وخرج بموجبه مئات المقاتلين والمدنيين الأحد من مدينة درعا.", Count(vague="hundreds")),
    ("خرج أكثر من 40 ألف مدني الخميس من الغوطة الشرقية المحاصرة.",
     Count(value=40000, qualifier="at_least")),
    ("وقالت المفوضية إن 133 ألف شخص خرجوا من الغوطة الشرقية.", Count(value=133000)),
])
def test_people_going_out_of_a_besieged_place_are_displaced(text, expected):
    claims = rasd.extract(text, published="2018-03-24", outlet="T")
    assert [(c.type, c.count) for c in claims] == [("displaced", expected)]


@pytest.mark.parametrize("text, expected", [
    ("وأخرجت الميليشيات عشرات الخبراء من مدينة الحديدة إلى مناطق أخرى.", Count(vague="tens")),
    ("وقال إن نحو 50 خبيرا جرى إخراجهم من الحديدة.", Count(value=50, qualifier="about")),
    ("ودفع هجوم الجيش عشرات الآلاف من الأشخاص نحو الحدود.", Count(vague="tens_of_thousands")),
    ("ووصلت حافلات تقل مئات المقاتلين والمدنيين إلى إدلب.", Count(vague="hundreds")),  # evacuees
])
def test_people_taken_out_of_a_place_are_displaced(text, expected):
    claims = rasd.extract(text, published="2018-03-24", outlet="T")
    assert [(c.type, c.count) for c in claims] == [("displaced", expected)]


@pytest.mark.parametrize("text, expected", [
    ("ومات 5 أشخاص في الحريق.", [("killed", 5)]),
    ("وسقط شهيدان في القصف.", [("killed", 2)]),  # the dual of شهيد
    ("واتضح وجود حالتي وفاة وحالة حرجة.", [("killed", 2)]),  # two death cases
    ("وقال إن 12 شخصا ماتوا غرقا.", [("killed", 12)]),
    ("مضيفة أن طفلا واحدا مات اختناقا.", [("killed", 1)]),
])
def test_died_is_killed(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقالت إن 18 شخصا على الأقل عولجوا بجلسات الأوكسجين.", [("injured", 18)]),  # treated
    ("وهناك عشرات المقاتلين من مختلف أنحاء العالم تقاطروا إلى جبهات القتال.", [("deployed", "tens")]),
    ("وقالت مصادر إن الحوثيين دفعوا بمئات المقاتلين إلى مدينة الحديدة.", [("deployed", "hundreds")]),
])
def test_treated_are_wounded_and_flocking_to_the_front_is_deployed(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وأسفر القصف عن سقوط عشرات القتلى والجرحى.", ("injured", True, Count(vague="tens"))),
    ("وأسفر القصف عن سقوط عدد من القتلى والمصابين.", ("injured", True, Count(vague="several"))),
])
def test_the_dead_and_the_wounded_counted_together_are_mixed(text, expected):
    claims = rasd.extract(text, published="2018-03-24", outlet="T")
    assert [(c.type, c.mixed, c.count) for c in claims] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("واستسلم 20 مسلحا للقوات العراقية.", [("arrested", 20)]),  # surrender is arrest
    ("وقتل 5 مسلحين واستسلم 20 آخرون.", [("arrested", 20), ("killed", 5)]),
    ("ودفعت شدة القصف عشرات المتمردين إلى الاستسلام.", [("arrested", "tens")]),
    ("وسلم 20 مسلحا أنفسهم للقوات.", [("arrested", 20)]),  # handed themselves over
    ("وسلمت السلطات 5 متهمين إلى العراق.", [("returned", 5)]),  # the accused are people
])
def test_fighters_who_surrender_are_arrested(text, expected):
    assert sorted(type_counts(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وفي عام 1948 طرد مئات الآلاف من الفلسطينيين من منازلهم.",
     [("displaced", "hundreds_of_thousands")]),  # driven from their homes
    ("ورحلت السلطات 500 مهاجر إلى بلدانهم.", [("returned", 500)]),  # deported
    ("وطردت السلطات 30 صحفيا من البلاد.", [("returned", 30)]),
])
def test_people_expelled_from_their_homes_are_displaced(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقالت اللجنة إن مستشفى في صعدة تسلم جثث 29 طفلا.", [("killed", 29)]),  # bodies
    ("وتمت المبادلة مقابل تسليم جثث 11 عنصرا من القوات.", [("killed", 11)]),
    ("وتسلمت السلطات 29 مطلوبا من تركيا.", [("returned", 29)]),  # people handed over
    # bodies held are no arrests; a dual body noun is the figure
    ("وقال إن الجيش احتجز جثث ستة مسلحين.", [("killed", 6)]),
    ("وأكدت اللجنة أن الجيش يحتجز جثماني فلسطينيين ممن قتلوا في المظاهرات.", [("killed", 2)]),
    ("وتعمل الوزارة على ترحيل جثماني المواطنين.", [("killed", 2)]),
    ("وعثر السكان على جثتين في الموقع.", [("killed", 2)]),
    ("واعتقل الجيش ستة مسلحين.", [("arrested", 6)]),
])
def test_bodies_handed_over_or_held_are_the_dead(text, expected):
    assert type_counts(text) == expected


def test_a_million_displaced_after_a_toll_are_displaced():
    """"15 ألف قتيل و1,5 مليون مهجر": the singular after a million is displaced, not killed."""
    assert sorted(type_counts("وخلفت الحرب أكثر من 15 ألف قتيل و1,5 مليون مهجر.")) == [
        ("displaced", 1500000), ("killed", 15000)]


def test_raids_on_targets_are_strikes():
    assert type_counts("وأغارت الطائرات على 18 موقعا للمسلحين.") == [("strikes", 18)]


def test_a_total_of_strikes_reached_is_strikes():
    assert type_counts("وارتفع عدد الغارات على الغوطة إلى 190 منذ الصباح.") == [("strikes", 190)]


@pytest.mark.parametrize("text, count", [
    ("وجرت عملية تبادل أسرى بين الطرفين شملت 50 مقاتلا.", 50),
    ("وتبادل الطرفان 50 أسيرا.", 50),
])
def test_a_prisoner_exchange_frees_prisoners(text, count):
    claim = one_claim(text)
    assert (claim.type, claim.count.value) == ("released", count)


def test_an_exchange_of_fire_frees_no_one():
    assert "released" not in {t for t, _ in type_counts(
        "وقتل سبعة مسلحين وجنديان في تبادل لإطلاق النار.")}


@pytest.mark.parametrize("text, kind", [
    ("وقال الأطباء إن عشرات واجهوا صعوبات في التنفس في بلدة سقبا.", "injured"),
    ("وتوجه الآلاف من المدنيين إلى المدينة هربا من القصف.", "displaced"),
])
def test_more_wordings_of_harm_and_flight(text, kind):
    claim = one_claim(text)
    assert (claim.type, claim.count.vague) == (kind, "tens" if kind == "injured" else "thousands")


def test_a_batch_of_an_evacuation_is_no_deployment():
    claim = one_claim("وتم إجلاء دفعة ثانية من مئات المقاتلين والمدنيين من البلدة.")
    assert (claim.type, claim.count.vague) == ("displaced", "hundreds")


@pytest.mark.parametrize("text, expected", [
    # people taken to hospital are wounded; the word after "المستشفى" is the hospital's
    ("وذكرت وسائل الإعلام أنه تم نقل 338 شخصا إلى المستشفى بعد الحادث.", [("injured", 338)]),
    ("كما توفي اثنان، في حين نقل 140 آخرون إلى المستشفى.", [("killed", 2), ("injured", 140)]),
    ("وأشارت المصادر إلى أنه تم نقل الرقيب إلى المستشفى العسكري.", []),
    ("وقالت الوزارة إنه وصل إلى المستشفى الأندونيسي شهيدان.", [("killed", 2)]),
])
def test_people_taken_to_hospital_are_wounded(text, expected):
    assert type_counts(text) == expected
