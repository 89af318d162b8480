"""Drafting a document's claims across figures and sentences (rasd.extractor.drafting)."""

import time

import pytest
from claims_kit import extract_claims, one_claim, type_counts

import rasd
from rasd.extractor import drafting
from rasd.model import Count


def test_breakdown_is_a_separate_claim_of_the_same_event():
    claims = extract_claims("أسفرت الغارة عن مقتل 20 شخصاً بينهم 5 أطفال.")
    assert {(c.type, c.count.value) for c in claims} == {("killed", 20), ("killed", 5)}


def test_people_arriving_with_their_families_are_displaced():
    claim = one_claim("والأحد وصل 422 شخصا من عناصر الدفاع المدني وأفراد عائلاتهم إلى الأردن.")
    assert (claim.type, claim.count) == ("displaced", Count(value=422))


def test_several_of_them():
    claim = one_claim("وأفادت القناة بأن منفذا هاجم بشاحنته مجموعة من الجنود، وقتل عدد منهم.")
    assert (claim.type, claim.count) == ("killed", Count(vague="several"))


def test_people_named_back_by_a_definite_number_are_no_new_claim():
    claims = extract_claims("قتل أربعة فلسطينيين برصاص الجيش. وبمقتل الفلسطينيين الأربعة ترتفع "
                            "الحصيلة إلى 37 فلسطينيا.")
    assert sorted(c.count.value for c in claims) == [4, 37]


def test_a_definite_number_with_nothing_before_is_a_claim():
    claim = one_claim("وأدان الرئيس مقتل الأمريكيين الأربعة في الهجوم.")
    assert (claim.type, claim.count) == ("killed", Count(value=4))


def test_conjoined_noun_after_a_singular_counted_noun_extends_it():
    claims = extract_claims("وأجلي نحو 11 ألف مدني ومقاتل من البلدات المحاصرة.")
    assert [c.count.value for c in claims] == [11000]


def test_breakdown_tells_the_event_of_its_whole():
    claims = extract_claims("سوريا: إجلاء المئات من القنيطرة.\nلقي 26 مدنيا على الأقل، بينهم 11 طفلا مصرعهم في قصف جوي.")
    killed = sorted((c.count.value, c.count.qualifier) for c in claims if c.type == "killed")
    assert killed == [(11, None), (26, "at_least")]


def test_enumeration_after_hum_shares_the_event():
    claims = extract_claims("أعلن الجيش إنقاذ 178 شخصا كانوا محتجزين رهائن، هم 101 طفل و67 امرأة وعشرة رجال.")
    assert {c.type for c in claims} == {"released"}
    assert sorted(c.count.value for c in claims) == [10, 67, 101, 178]


def test_enumeration_after_hum_takes_the_victims_noun_before_it():
    claims = extract_claims("وأسفر الهجوم عن إصابة شخصين بجروح طفيفة. والقتلى هم أربعة صحافيين "
                            "وموظفة في قسم التسويق.")
    assert sorted((c.type, c.count.value) for c in claims) == [
        ("injured", 2), ("killed", 1), ("killed", 4)]


def test_victims_of_a_sentence_of_deaths_are_killed():
    claims = extract_claims("وأعلنت المجموعة وفاة عدد من اللاجئين تحت التعذيب، مبينة أن عدد ضحايا "
                            "التعذيب وصل إلى 409 ضحايا.")
    assert ("killed", Count(value=409), False) in [(c.type, c.count, c.mixed) for c in claims]


@pytest.mark.parametrize("text", [
    "أسفر الانفجار عن سقوط 15 ضحية.",
    "وأسفر الهجوم عن مقتل 5 وإصابة 10 فيما ارتفع عدد الضحايا إلى 15 ضحية.",
])
def test_victims_without_a_sentence_of_deaths_stay_killed_or_wounded(text):
    victims = [c for c in extract_claims(text) if c.count == Count(value=15)]
    assert [(c.type, c.mixed) for c in victims] == [("injured", True)]


def test_toll_named_back_and_new_clause():
    claims = extract_claims("وبذلك يرتفع عدد قتلى التظاهرات إلى اثنين وإجمالي العدد منذ انطلاقها إلى 158، "
                            "بينما بلغت الإصابات أكثر من 17500.")
    got = sorted((c.type, c.count.value) for c in claims)
    assert got == [("injured", 17500), ("killed", 2), ("killed", 158)]


def test_figure_taken_from_a_group_counts_the_later_event():
    claims = extract_claims("وأشار إلى أن 77 معتقلا منهم قتلوا، فيما لا يزال 71 معتقلا منهم في عداد المفقودين.")
    assert sorted((c.type, c.count.value) for c in claims) == [("killed", 77), ("missing", 71)]


@pytest.mark.parametrize("text, expected", [
    ("وقال السكان إن 25 حوثيا و10 من رجال المقاومة سقطوا قتلى.", [("killed", 10), ("killed", 25)]),
    ("وأضافت أن 12 حوثيا سقطوا قتلى أمس، فيما أصيب 18 آخرون بجروح.",
     [("injured", 18), ("killed", 12)]),
])
def test_a_clause_subject_falling_dead_is_killed(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقتل 12 شخصا في الهجوم على مقر الصحيفة. ومن بين الضحايا 8 صحفيين.",
     [("killed", 8, False), ("killed", 12, False)]),
    ("وأصيب 12 شخصا في الهجوم. ومن بين الضحايا 8 أطفال.", [("injured", 8, False), ("injured", 12, False)]),
])
def test_among_the_victims_breaks_down_the_claim_just_counted(text, expected):
    assert sorted((c.type, c.count.value, c.mixed) for c in extract_claims(text)) == expected


def test_a_date_between_an_event_verb_and_its_figure_is_no_competing_figure():
    claims = extract_claims("وقتل منذ بدء الاشتباكات في 25 شباط/فبراير 60 عنصرا من قوات النظام.")
    assert [(c.type, c.count.value) for c in claims] == [("killed", 60)]


@pytest.mark.parametrize("text, expected", [
    # the part has an event verb of its own: the whole is a group, not a count of it
    ("وأطلق الجنود النار على آلاف المحتجين الذين تجمعوا على الحدود قتل منهم 54 شخصا.",
     [("killed", 54)]),
    ("أصيب 50 شخصا، توفي منهم 5 لاحقا.", [("injured", 50), ("killed", 5)]),
    ("وقال إن أكثر من 260 مقاتلا قتلوا -منهم قادة بارزون.", [("killed", 260)]),  # agreeing verb
    # uncounted others: no figure of another clause, and their breakdown is theirs
    ("وقتل مدنيان وأصيب آخرون حين أطلقت الشرطة النار على مئات المتظاهرين.", [("killed", 2)]),
    ("وقتل 3 وأصيب آخرون بجروح بينهم 5 أطفال.", [("injured", 5), ("killed", 3)]),
    ("وأصيب آخرون بينهم 5 أطفال.", [("injured", 5)]),
])
def test_a_part_with_its_own_event_verb(text, expected):
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == expected


@pytest.mark.parametrize("text, counts", [
    ("أعلن الجيش مقتل قيادي حوثي مع عدد من مرافقيه.", [1, "several"]),
    ("تم إجلاء 1200 مدني بالإضافة إلى 76 شخصا هذه الليلة.", [76, 1200]),
])
def test_figures_added_by_with_or_besides_share_the_event(text, counts):
    claims = extract_claims(text)
    assert len({c.type for c in claims}) == 1
    got = sorted((c.count.value or c.count.vague for c in claims), key=str)
    assert got == sorted(counts, key=str)


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
    monkeypatch.setattr(drafting, "MAX_SENTENCE_FIGURES", 9)
    doc = rasd.extract_document(text, id="doc-1")
    assert sorted(c.count.value for c in doc.claims) == [5, 9]
    (warning,) = doc.warnings
    assert warning.startswith("doc-1: sentence 2 ") and "10 figures (limit 9)" in warning
    monkeypatch.setattr(drafting, "MAX_SENTENCE_CHARS", 100)
    (warning,) = rasd.extract_document(text, id="doc-1").warnings
    assert "characters (limit 100)" in warning


def test_budget_is_far_above_real_news():
    # the corpus: at most 2,215 characters and 80 figures in a sentence
    assert drafting.MAX_SENTENCE_CHARS >= 20 * 2_215
    assert drafting.MAX_SENTENCE_FIGURES >= 20 * 80


def test_conjoined_figure_of_people_after_a_toll():
    claims = extract_claims("اعتقلت الشرطة 130 من المثقفين و8 أطفال.")
    assert sorted(c.count.value for c in claims if c.type == "arrested") == [8, 130]


@pytest.mark.parametrize("text, expected", [
    # a figure joined to the person that opens a later clause is not the claim's list
    ("قال الجيش إن جنديا قتل في الهجوم، في حين ذكرت مصادر أن الشاب و3 آخرين أصيبوا.",
     [("killed", 1), ("injured", 3)]),
    ("وقتل ستة مدنيين بينهم امرأة وأربعة أطفال.", [("killed", 6), ("killed", 1), ("killed", 4)]),
])
def test_a_figure_joined_to_a_clause_subject_is_no_list_of_the_claim_before(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "وN من" + people continues the claim before it; "برفقة" joins a figure as "و" does
    ("وأسفر الانفجار عن مقتل القيادي فلان، أحد القادة الميدانيين في المدينة و7 من مرافقيه.",
     [("killed", 1), ("killed", 7)]),
    ("وقتل 11 عنصرا من قوات النظام مقابل 7 من الأكراد.", [("killed", 11), ("killed", 7)]),
    ("وقال إن مسلحين اختطفوا مساء الأربعاء قائد الفرقة العقيد نديم الحسن برفقة سبعة عناصر.",
     [("abducted", 1), ("abducted", 7)]),
    # ... not a victims noun of its own
    ("وقتل 100 شخص وعدة آلاف من الجرحى.", [("killed", 100), ("injured", "thousands")]),
])
def test_a_conjoined_figure_of_some_people_continues_the_claim(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a part of a killed-or-wounded whole with a victims word of one harm takes that harm
    ("وأسفر القصف عن مقتل وإصابة 1188 من المدنيين، بينهم 550 حالة قتل.",
     [("injured", 1188), ("killed", 550)]),
    ("وسقط 50 قتيلا وجريحا بينهم 10 أطفال.", [("injured", 50), ("injured", 10)]),
])
def test_a_part_of_a_mixed_toll_with_its_own_harm(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a toll named back that is hoped or expected is no claim; a toll of its own stays
    ("ورحلت المنظمة نحو 20 ألف مهاجر، وتأمل أن يرتفع هذا العدد إلى 30 ألفا.", [("returned", 20000)]),
    ("وقتل 20 شخصا، ويتوقع أن ترتفع الحصيلة إلى 30.", [("killed", 20)]),
    ("وقتل 20 شخصا، وارتفعت الحصيلة إلى 30.", [("killed", 20), ("killed", 30)]),
    ("وقتل 14 شخصا، ويمكن أن ترتفع الحصيلة بعد وصول عدد الجرحى إلى 40.",
     [("killed", 14), ("injured", 40)]),
])
def test_a_hoped_toll_named_back(text, expected):
    assert type_counts(text) == expected


def test_a_breakdown_in_the_next_sentence_follows_the_last_claim_in_the_text():
    text = ("وأدى الانفجار إلى استشهاد الرقيب علي وإصابة ستة من أفراد الدورية. "
            "وأوضح البيان أن الجرحى هم أربعة من الدرك واثنان من الأمن.")
    claims = extract_claims(text)
    assert ("injured", 4) in [(c.type, c.count.value) for c in claims]
    assert ("killed", 4) not in [(c.type, c.count.value) for c in claims]


@pytest.mark.parametrize("text", ["إن 7 من المسلحين، على الأقل، قتلوا في الهجوم",
                                  "قتل 7 مسلحين، على الأقل، في الهجوم"])
def test_a_hedge_set_off_by_commas_is_the_figures(text):
    assert one_claim(text).count == Count(value=7, qualifier="at_least")


def test_a_hedge_after_a_clause_break_is_not():
    claims = extract_claims("قتل 7 مسلحين، وقال إن 3 على الأقل أصيبوا")
    assert ("killed", Count(value=7)) in [(c.type, c.count) for c in claims]


@pytest.mark.parametrize("text, count", [
    ("وقال الناطق إن عدد النازحين تجاوز 270 ألفا في وقت قياسي.", Count(value=270000, qualifier="at_least")),
    ("وقدرت الأمم المتحدة عدد النازحين من الحديدة بنحو 50 ألف شخص.", Count(value=50000, qualifier="about")),
])
def test_the_number_of_the_displaced_counts_them(text, count):
    claim = one_claim(text)
    assert (claim.type, claim.count) == ("displaced", count)


@pytest.mark.parametrize("text, etype, values", [
    ("أصيب 700 متظاهر بينهم 70 بالرصاص و600 بالغاز.", "injured", [700, 70, 600]),
    ("وقتلت العاصفة 50 شخصا في الولاية الشمالية، و20 في الولاية الجنوبية.", "killed", [50, 20]),
    ("وقال المتحدث إن ثلاثة من الصواريخ اعترضت باتجاه المدينة، واثنان باتجاه الميناء.",
     "strikes", [3, 2]),
    ("وقال المتحدث إن اثنين من الصواريخ اعترضا باتجاه المدينة، وواحد باتجاه الميناء.",
     "strikes", [2, 1]),
    # the other side's count, after "مقابل" or "إضافة إلى"
    ("قتل أكثر من 40 جنديا و200 مقاتل من الفصائل، مقابل نحو 220 من الوحدات الكردية.",
     "killed", [40, 200, 220]),
    ("واعتقلت الميليشيا 50 ناشطا، إضافة إلى 130 من النخب والمثقفين.", "arrested", [50, 130]),
])
def test_an_elliptical_conjunct_continues_the_claim_before_it(text, etype, values):
    """"و600 بالغاز", "و20 في الولاية": a figure with no noun of its own, before a
    preposition, is one more count of the claim before it."""
    claims = extract_claims(text)
    assert {c.type for c in claims} == {etype}
    assert sorted(c.count.value for c in claims) == sorted(values)


@pytest.mark.parametrize("text, values", [
    ("قتل 5 أشخاص في الهجوم و40 في المئة من الضحايا أطفال.", [5]),  # a share
    ("فُقد 3 صيادين فيما تم إنقاذ 20 بحارا واثنين من الطاقم.", [3]),  # rescued, not missing
    ("قتل 5 أشخاص في يوم واحد من الاشتباكات.", [5]),  # "واحد" is not "و" + one
    ("اعتقل 40 شخصا و25 بحالة سراح.", [40]),  # at large
])
def test_what_is_no_elliptical_conjunct(text, values):
    assert sorted(c.count.value for c in extract_claims(text)) == values


def test_an_elliptical_conjunct_before_its_own_event_word_takes_that_event():
    """"وثلاثة من الميليشيا قد أصيبوا": the verb after it, not the claim before it."""
    claims = extract_claims("قتل 3 جنود، فيما أربعة من الجنود وثلاثة من الميليشيا قد أصيبوا.")
    assert ("injured", 3) in {(c.type, c.count.value) for c in claims}


def test_a_dual_of_people_continues_the_claim_before_it():
    """"بينهم طفل وسيدتان": the dual counts two more of the same event."""
    claims = extract_claims("وقتل المسلحون 4 مدنيين، بينهم طفل وسيدتان.")
    assert sorted(c.count.value for c in claims if c.type == "killed") == [1, 2, 4]


def test_people_distributed_between_groups_are_a_breakdown():
    """"يتوزعون إلى 19 مسلحا و124 مدنيا": both parts of the 143."""
    claims = extract_claims("وقالت الشبكة إن القوات قتلت 143 شخصا، يتوزعون إلى 19 مسلحا، و124 مدنيا.")
    assert sorted(c.count.value for c in claims if c.type == "killed") == [19, 124, 143]


@pytest.mark.parametrize("text, expected", [
    ("ودهست سيارة عددا من المارة في برشلونة، مما أدى إلى مقتل 13 شخصا وإصابة 100 آخرين.",
     [("injured", 100), ("killed", 13)]),   # the vague harm only leads in to its counts
    ("ودهست سيارة عددا من المارة في برشلونة.", [("injured", "several")]),
    ("وأسفرت المواجهات عن سقوط 16 قتيلا من المسلحين وإصابة العشرات.",
     [("injured", "tens"), ("killed", 16)]),
])
def test_a_vague_harm_counted_by_its_consequence_is_one_claim(text, expected):
    claims = extract_claims(text)
    assert sorted((c.type, c.count.value or c.count.vague) for c in claims) == expected


@pytest.mark.parametrize("text, expected", [
    ("وقالت الوزارة إن 103 صواريخ أطلقتها الدول الغربية، لكن الدفاعات أسقطت 71 منها.",
     [("strikes", 103), ("strikes", 71)]),
    ("وقال الجنرال إن المركز استهدف بـ 76 صاروخا، 57 منهم من طراز توماهوك.",
     [("strikes", 76), ("strikes", 57)]),
    ("واعترضت الدفاعات سبعة صواريخ، استهدفت 3 منها الرياض وواحد باتجاه نجران.",
     [("strikes", 7), ("strikes", 3), ("strikes", 1)]),
    # people: the figure before "منهم" is no part of munitions
    ("وقتل 20 شخصا في الغارات، 5 منهم أطفال.", [("killed", 20), ("killed", 5)]),
])
def test_a_figure_before_of_them_is_part_of_the_munitions_counted(text, expected):
    assert type_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the displaced a conflict left, joined to its dead; more who returned stay returned
    ("وأسفر النزاع منذ 2009 عن أكثر من 20 ألف قتيل و2.6 مليون نازح.",
     [("killed", 20000), ("displaced", 2600000)]),
    # people in need are no more displaced
    ("وأضافت المنظمة وجود 500 ألف طفل بحالة نزوح، وحاجة 3 ملايين للمياه النظيفة.",
     [("displaced", 500000)]),
    # the maimed are wounded
    ("ووثقت المنظمة مقتل 40 طفلا وتشوه 70 آخرين خلال الشهر الماضي.",
     [("killed", 40), ("injured", 70)]),
    # a breakdown in brackets right after its whole
    ("وأسفر القصف عن مقتل 300 شخص، منهم 120 مدنيا (40 امرأة و60 طفلا).",
     [("killed", 300), ("killed", 120), ("killed", 40), ("killed", 60)]),
    # ... but not a bracketed figure after another claim ended earlier
    ("وأسفرت المداهمات عن اعتقال 5 أشخاص، والقضاء على عدد (13) فردا من المسلحين.",
     [("arrested", 5), ("killed", 13)]),
])
def test_a_figure_joined_to_a_claim_takes_its_own_event_where_it_names_one(text, expected):
    assert type_counts(text) == expected


def test_an_elliptical_conjunct_before_a_strike_word_keeps_the_event():
    """"و3 في قصف على القرية": the shelling is how the three died, no event of its own."""
    assert type_counts("وقتل 5 أشخاص في غارة على المدينة، و3 في قصف على القرية.") == [
        ("killed", 5), ("killed", 3)]
