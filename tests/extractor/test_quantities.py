"""What quantity a claim counts: period, incident signature, revision, part of a whole."""

from __future__ import annotations

import pytest

import rasd


def claims(text: str) -> list[rasd.Claim]:
    return rasd.extract(text, published="2018-05-01", outlet="Example")


def one(text: str, value: int) -> rasd.Claim:
    found = [c for c in claims(text) if c.count.value == value]
    assert len(found) == 1, [(c.type, c.count) for c in claims(text)]
    return found[0]


@pytest.mark.parametrize("text, value, kind", [
    ("قال المرصد إن 300 شخص قتلوا منذ بدء الحرب في إدلب.", 300, "since"),
    ("وقتل 2000 مدني منذ اندلاع الاحتجاجات في البلاد.", 2000, "since"),
    ("وقتل 50 مدنيا خلال الأيام الخمسة الماضية في إدلب.", 50, "span"),
    ("وقتل 15 ألف شخص خلال ست سنوات في البلاد.", 15000, "span"),
    ("وقتل 12 شخصا خلال الساعات الـ24 الماضية في حلب.", 12, None),  # a day's toll: an incident
    ("وقتل 12 شخصا خلال هجوم على حلب.", 12, None),  # "during an attack"
    ("وقتل 12 شخصا خلال احتفالات رأس السنة في حلب.", 12, None),  # a noun before the unit
    ("وقتل 12 شخصا في قصف على حلب أمس.", 12, None),
    # a campaign "that began on" a day, before the figure: a running total; not after it
    ("وقالت الوزارة إن حصيلة ضحايا المسيرات التي انطلقت في 30 مارس وصلت إلى 115 قتيلا.", 115,
     "since"),
    ("وأدت المواجهات إلى مقتل 40 شخصا في المسيرات التي انطلقت في 30 مارس.", 40, None),
    # ... or after it, a few words after a span opener; "منذ أن" + a start
    ("وقتل 120 شخصا على أيدي القوات خلال مظاهرات حاشدة بدأت في 30 مارس.", 120, "since"),
    ("وقتل 40 شخصا على الحدود منذ أن بدأت الاحتجاجات يوم 30 مارس.", 40, "since"),
    ("وقال إن الهجوم بدأ في الساعة التاسعة وقتل فيه 2 من الحراس.", 2, None),  # no relative, no span
])
def test_period(text, value, kind):
    period = one(text, value).period
    assert (period.kind if period else None) == kind
    if period is not None:
        assert text[period.span.start:period.span.end] == period.text


def test_period_far_from_the_figure_is_not_its_own():
    text = ("وقتل 12 شخصا في قصف على حلب أمس بحسب ما أعلنه المرصد الذي يوثق الضحايا ويعمل "
            "من لندن منذ بدء الحرب.")
    assert one(text, 12).period is None


@pytest.mark.parametrize("text, value, attack, target", [
    ("قتل 7 أشخاص في تفجير سيارة مفخخة استهدف سوقا شعبيا في بغداد.", 7,
     {"bombing", "car_bomb"}, {"market"}),
    ("قتل 20 مدنيا في غارة جوية على مدرسة في إدلب.", 20, {"airstrike"}, {"school"}),
    ("قتل 3 أشخاص في عملية طعن في لندن.", 3, {"stabbing"}, set()),
    ("قتل 12 شخصا في حلب.", 12, set(), set()),
    ("وأصيب 10 أشخاص في الهجوم الذي استهدف مقرا للشرطة في المدينة.", 10, set(),
     {"police_station"}),
    ("قتل 12 شخصا في غارة على مستشفى في إدلب.", 12, {"airstrike"}, {"hospital"}),
    # a hospital the wounded were taken to is no target
    ("قتل 5 أشخاص في غارة على القرية ونقل 10 جرحى إلى المستشفى.", 10, {"airstrike"}, set()),
    ("وقال المدير إن المستشفى تسلم 40 جثة و46 جريحا.", 46, set(), set()),
])
def test_signature(text, value, attack, target):
    sig = one(text, value).signature
    assert set(sig.attack if sig else ()) == attack and set(sig.target if sig else ()) == target


def test_signature_is_read_in_the_claim_clause():
    text = "قتل 5 أشخاص في غارة جوية على سوق، فيما قتل 3 آخرون طعنا في حي آخر."
    assert one(text, 5).signature.attack == ("airstrike",)
    assert one(text, 3).signature.attack == ("stabbing",)


@pytest.mark.parametrize("text, value, revision", [
    ("وارتفعت حصيلة القتلى إلى 45 شخصا في حلب.", 45, True),
    ("وفي حصيلة جديدة قتل 45 شخصا في حلب.", 45, True),
    ("وقتل 45 شخصا في حلب.", 45, False),
])
def test_revision(text, value, revision):
    assert one(text, value).revision is revision


def test_part_of_points_to_the_whole():
    found = claims("قال الدفاع المدني إن 39 شخصا قتلوا بينهم 12 طفلا و5 نساء في سرمدا.")
    whole = next(i for i, c in enumerate(found) if c.count.value == 39)
    parts = [c for c in found if c.count.value in (12, 5)]
    assert found[whole].part_of is None and parts
    assert all(c.part_of == whole for c in parts)


def test_figures_listed_with_the_sum_of_an_earlier_figure_are_its_parts():
    found = claims("أسفر الانفجار عن إصابة ستة من أفراد الدورية. وأوضح أن الجرحى هم أربعة من "
                   "الدرك واثنان من الأمن العام.")
    whole = next(i for i, c in enumerate(found) if c.count.value == 6)
    parts = [c for c in found if c.count.value in (4, 2)]
    assert len(parts) == 2 and all(c.part_of == whole for c in parts)


def test_a_list_after_its_total_with_a_repeated_figure_is_three_parts():
    found = claims("وأعلنت الحكومة حصيلة بلغت 13 قتيلا هم أربعة جنود وخمسة متعاقدين وأربعة "
                   "إرهابيين.")
    whole = next(i for i, c in enumerate(found) if c.count.value == 13)
    assert sorted(c.count.value for c in found if c.part_of == whole) == [4, 4, 5]


def test_a_clause_of_its_own_does_not_complete_a_breakdown():
    # 1 (the leader, a part of 11) + 10 is 11, but "وأشاروا إلى مقتل 10 مدنيين" is no list item
    found = claims("قتل 11 مسلحا من التنظيم بينهم القيادي أبو حارث، وأشاروا إلى مقتل 10 مدنيين.")
    assert next(c for c in found if c.count.value == 10).part_of is None


@pytest.mark.parametrize("text", [
    "أسفر الانفجار عن إصابة ستة أشخاص. وأصيب أربعة في حلب بعد ساعات من هجوم آخر على سوق المدينة "
    "الكبير الذي شهد احتجاجات واسعة منذ مطلع الشهر الماضي، وأصيب اثنان في إدلب.",  # no list
    "أسفر الانفجار عن إصابة ستة أشخاص. وأصيب أربعة في حلب وثلاثة في إدلب.",  # 7 is not 6
])
def test_figures_that_do_not_sum_to_an_earlier_one_as_a_list_are_no_parts(text):
    assert all(c.part_of is None for c in claims(text))


def test_a_figure_that_is_no_breakdown_is_no_part():
    found = claims("قتل 39 شخصا في سرمدا. وأصيب 12 آخرون في حلب.")
    assert all(c.part_of is None for c in found)


def test_new_fields_round_trip_through_json():
    c = one("قال المرصد إن 300 شخص قتلوا في غارات جوية منذ بدء الحرب في إدلب.", 300)
    again = rasd.Claim.from_json(c.to_json())
    assert again == c and again.period is not None and again.signature is not None


@pytest.mark.parametrize("text, value, context", [
    ("قتل 5 جنود في هجوم على حاجز وقتل جنديان آخران في الهجوم نفسه.", 2, "additional"),
    ("قتل 5 جنود في هجوم على حاجز وأصيب جنديان آخران في الهجوم.", 2, None),
    ("قتل 5 جنود في هجوم على حاجز. وأصيب 20 آخرون.", 20, None),  # another type: no addition
    ("وكانت حصيلة سابقة قد أشارت إلى مقتل 3 جنود في الهجوم.", 3, "earlier"),
    ("وكانت الحصيلة الأخيرة قد أفادت بمقتل 35 شخصا.", 35, "earlier"),
    ("وكانت السلطات قد اتهمت تونس بالتأخر. وقتل 12 شخصا في برلين.", 12, None),
    ("وقتل 7 أشخاص في هجوم مماثل في المدينة نفسها.", 7, "background"),
    ("وقتل 7 أشخاص في هجوم على سوق المدينة.", 7, None),
    ("وقال مصدر إن 25 شخصا قتلوا في القصف مما يرجح ارتفاع عدد الضحايا.", 25, "rising"),
    ("قتل 28 شخصا في المعارك، في حصيلة غير نهائية.", 28, "rising"),
])
def test_context(text, value, context):
    c = one(text, value)
    assert c.context == context
    assert not (c.context == "earlier" and c.revision)  # an earlier stage is no revision


def test_contrast_and_roundup_stories():
    text = ("قال المرصد إن 39 قتلوا في حلب، في حين قالت الوزارة إن 12 فقط قتلوا. "
            "وفي هجوم منفصل قتل 7 جنود في الموصل.")
    assert not one(text, 39).contrast and one(text, 12).contrast
    assert (one(text, 39).segment, one(text, 7).segment) == (0, 1)


def test_a_roundup_marker_inside_a_paragraph_opens_a_story_for_that_paragraph_only():
    text = ("قتل 15 شخصا في هجوم على مقر الهيئة في جلال آباد. وفي هجوم منفصل قتل 11 شخصا في "
            "انفجار قنبلة غربي البلاد.\nوقال المتحدث إن 14 شخصا أصيبوا في هجوم جلال آباد.\n"
            "وفي سياق آخر اعتقلت الشرطة 9 أشخاص في كابول.\nكما اعتقلت الشرطة 3 مشتبه بهم في هرات.")
    assert [one(text, v).segment for v in (15, 11, 14)] == [0, 1, 0]
    assert one(text, 9).segment == one(text, 3).segment == 2  # a paragraph's marker carries on


def test_share_markers_make_a_part():
    found = claims("وأصيب 15 شخصا في الهجوم بينهم 4 بجروح خطيرة.")
    whole = next(i for i, c in enumerate(found) if c.count.value == 15)
    assert next(c for c in found if c.count.value == 4).part_of == whole


def test_fi_hin_marks_a_contrast_across_a_killed_figure():
    text = ("قالت الأمم المتحدة إن 83 شخصا قتلوا وأصيب 200 في الغارة على البلدة، "
            "في حين قال المرصد إن 87 شخصا على الأقل قتلوا.")
    assert one(text, 87).contrast


def test_a_story_lead_names_the_incident_of_a_bare_toll():
    text = ("ثوران بركان فويغو في غواتيمالا\nتواصل فرق الإنقاذ البحث عن المفقودين. "
            "وارتفعت الحصيلة إلى 62 قتيلا بحسب السلطات.")
    sig = one(text, 62).signature
    assert sig.attack == ("volcano",) and sig.lead
    assert rasd.Claim.from_json(one(text, 62).to_json()).signature == sig


def test_a_clause_signature_is_its_own_not_the_lead():
    text = "هجوم كيماوي على دوما\nوقتل 8 مدنيين في غارة جوية على حرستا."
    sig = one(text, 8).signature
    assert sig.attack == ("airstrike",) and not sig.lead


def test_an_aggregate_or_background_figure_takes_no_lead_signature():
    text = "تفجير انتحاري في كابول\nوقتل 3000 شخص منذ بدء الحرب في البلاد."
    assert one(text, 3000).signature is None


@pytest.mark.parametrize("text, value, kind", [
    ("وقتل 43 مدنيا خلال يومين في ميناكا.", 43, None),
    ("وقتل 43 مدنيا خلال 3 أيام في ميناكا.", 43, None),
    ("وقتل 43 مدنيا خلال 10 أيام في ميناكا.", 43, "span"),
])
def test_a_span_of_a_few_days_is_an_incident(text, value, kind):
    period = one(text, value).period
    assert (period.kind if period else None) == kind


@pytest.mark.parametrize("text, value, context", [
    ("وقضى أربعة من ضحايا إطلاق النار على الفور في المدينة.", 4, "share"),
    ("فيما يخضع بقية المصابين وعددهم 7 للمراقبة الطبية في المستشفى.", 7, "share"),
    ("وأصيب 7 أشخاص في انفجار في المدينة.", 7, None),
    ("وأشارت المنظمة إلى نقل 35 جريحا إلى مستشفى تديره في المدينة.", 35, "share"),  # one hospital
])
def test_a_share_of_an_unstated_whole(text, value, context):
    assert one(text, value).context == context


def test_a_vague_count_naming_its_people_is_no_share():
    c = claims("وسقط عدد من القتلى والجرحى في قصف على حلب.")  # (mixed: killed or wounded)
    assert c and all(x.context != "share" for x in c)


def test_a_fronted_share_is_a_part_of_the_toll_before_and_takes_its_place():
    text = ("وقتل الإثنين 55 فلسطينياً في اشتباكات على حدود غزة. وافتتحت السفارة الأميركية في "
            "القدس. ومن بين القتلى ثمانية أطفال، وفقا للمبعوث.")
    part = one(text, 8)
    assert part.part_of is not None and part.location.text == "غزة"


def test_meanwhile_continues_the_story():
    """"في غضون ذلك" (meanwhile) tells more of the same story: the civil defence's 2 wounded
    after the coalition's are one story, not a roundup's second."""
    text = ("قال التحالف إن سقوط الشظايا أسفر عن إصابة 2 من المقيمين في الرياض.\n"
            "في غضون ذلك، قال الدفاع المدني إن 2 من المقيمين أصيبوا.")
    assert {c.segment for c in claims(text)} == {0}


def test_a_separate_attack_opens_another_story():
    text = ("قتل 5 أشخاص في تفجير في بغداد.\n"
            "وفي هجوم منفصل، قتل 3 جنود في الموصل.")
    assert sorted(c.segment for c in claims(text)) == [0, 1]
