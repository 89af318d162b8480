"""De-duplication of a document's claims (rasd.extractor.dedupe)."""

import pytest
from claims_kit import extract_claims

import rasd
from rasd.extractor import dedupe
from rasd.text.normalize import canon


def test_title_is_part_of_the_article_and_headline_duplicate_is_dropped():
    claims = extract_claims("قال مصدر طبي إن 12 شخصاً قتلوا في الهجوم.", title="مقتل 12 شخصاً في هجوم")
    assert len(claims) == 1 and claims[0].source.text == "مصدر طبي"
    assert claims[0].doc_id  # content hash when the input has no id


def test_lead_and_crosshead_figures_yield_to_the_attributed_one():
    text = ("أصيب أربعة جنود في تفجير قرب الحدود.\n\n"
            "مقتل فلسطينيين اثنين\n\n"
            "وأعلنت مصادر طبية الأحد مقتل فلسطينيين اثنين. وقال الجيش إن أربعة من جنوده أصيبوا.")
    claims = extract_claims(text, title="غارات على القطاع")
    assert sorted((c.count.value, c.source.kind) for c in claims) == [(2, "anonymous"), (4, "military")]


def test_the_second_paragraph_restating_an_attributed_figure_yields_to_it():
    text = ("أفادت وكالة محلية أن أربعة متظاهرين قتلوا برصاص الشرطة الجمعة.\n\n"
            "قتل أربعة متظاهرين وجرح آخرون في مواجهات مع الشرطة الجمعة.\n\n"
            "وتجمع المحتجون أمام مبنى البلدية.")
    claims = extract_claims(text, title="مواجهات في العاصمة")
    assert [(c.count.value, c.source.text) for c in claims] == [(4, "وكالة محلية")]


def test_same_source_by_canonical_id_counts_once():
    text = ("أفاد المرصد السوري لحقوق الإنسان بمقتل 26 مدنيا.\n"
            "وقال مدير المرصد رامي عبد الرحمن إن القصف أسفر عن مقتل 26 مدنيا.")
    assert len(extract_claims(text)) == 1


def test_a_sources_body_figure_is_kept_over_its_headlines():
    """"تركيا تعلن مقتل 3 جنود" and, in the body, the prime minister's 3 killed in Afrin: one
    claim, the body's (it tells where)."""
    text = "أعلن رئيس الوزراء التركي مقتل 3 جنود أتراك في منطقة عفرين شمال غربي سوريا."
    claims = extract_claims(text, title="تركيا تعلن مقتل 3 جنود")
    assert len(claims) == 1 and claims[0].source.text == "رئيس الوزراء التركي"
    assert claims[0].location is not None and "عفرين" in claims[0].location.text


def test_lead_one_person_yields_to_the_attributed_one_below():
    text = ("وتم القبض على مشتبه بعد الهجوم.\n\n"
            "وقالت الشرطة البريطانية في بيان إنها ألقت القبض على رجل يبلغ من العمر 23 عاما.")
    claims = extract_claims(text, title="هجوم مانشستر")
    assert len([c for c in claims if c.type == "arrested"]) == 1


def test_the_lead_after_a_title_with_dropped_characters_is_a_heading():
    # the title's tatweel and tanween are not in the normalized text: the lead starts 4
    # characters earlier there, and is still the lead, whose unattributed figure yields to the
    # same figure attributed below
    claims = rasd.extract("وقع انفجار كبير في المدينة. وقتل 20 شخصاً في حلب.\n"
                          "وقال المرصد إن 20 شخصاً قتلوا في حلب.", title="مقتـــل 20 شخصاً")
    assert [(c.count.value, c.source.text) for c in claims] == [(20, "المرصد")]


def test_a_definite_source_names_back_the_one_before():
    text = ("قالت مصادر عسكرية وميدانية إن 20 مسلحاً قتلوا في المعارك.\n"
            "وأضافت المصادر أن 20 مسلحاً قتلوا في المعارك وأصيب 5 آخرون.")
    assert sorted((c.type, c.count.value) for c in extract_claims(text)) == [("injured", 5), ("killed", 20)]


def test_a_definite_source_after_another_party_stays_apart():
    text = ("قالت مصادر محلية إن 3 مسلحين قتلوا في المعارك.\n"
            "وقالت مصادر عسكرية إن مسلحين هاجموا الموقع ليلاً.\n"
            "وبحسب المصادر فإن 3 مسلحين قتلوا على متن دبابة.")
    assert [c.count.value for c in extract_claims(text)] == [3, 3]


def _source_keys_by_scan(claims, mentions):
    """Each claim's comparable source as the backward scan the index replaced finds it."""
    from rasd.text.tokens import without_article

    keys = {id(cl): canon(cl.source.text) for cl in claims}
    for cl in claims:
        words = keys[id(cl)].split()
        if cl.source.kind == "outlet" or len(words) != 1 or without_article(words[0]) == words[0]:
            continue
        for start, text in reversed(mentions):
            key = canon(text)
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
    got = dedupe.source_keys(claims, mentions)
    assert got == _source_keys_by_scan(claims, mentions)
    assert any("@" in key or " " in key for cl, key in zip(claims, got.values())
               if len(cl.source.text.split()) == 1)


def test_the_outlets_same_figure_in_cities_of_two_countries_is_two_events():
    text = ("سلسلة هجمات في أوروبا\nوفي برلين أدى الهجوم إلى مقتل 12 شخصا.\n"
            "وفي بروكسل أدى هجوم آخر إلى مقتل 12 شخصا.")
    assert [c.count.value for c in extract_claims(text)] == [12, 12]


def test_the_outlets_same_figure_in_a_country_and_its_city_is_one_event():
    text = "مقتل 12 شخصا في هجوم في ألمانيا\nوأدى الهجوم في برلين إلى مقتل 12 شخصا."
    assert [c.count.value for c in extract_claims(text)] == [12]


def test_a_source_repeating_its_figure_with_a_hedge_keeps_the_hedge():
    # "قال المرصد إن 30 أصيبوا" then "وأضاف المرصد أن ما لا يقل عن 30 أصيبوا": one claim, a floor
    text = ("تفجير\nوقع التفجير قرب السوق.\nقال المرصد إن 30 شخصا أصيبوا في التفجير.\n"
            "وأضاف المرصد أن ما لا يقل عن 30 شخصا أصيبوا.")  # both after the lead
    claims = rasd.extract(text, outlet="X")
    assert [(c.count.value, c.count.qualifier) for c in claims] == [(30, "at_least")]
    assert text[claims[0].evidence.start:claims[0].evidence.end].startswith("30")


def test_a_spokesman_of_the_body_is_that_body():
    """"ملك شاهر المتحدث باسم المنظمة" after "منظمة أطباء بلا حدود": the same party repeating
    its figure counts once (and "بلا حدود" in a name negates nothing)."""
    text = ("وقالت منظمة أطباء بلا حدود إن 10 أطفال قتلوا في الغارة.\n\n"
            "وقال ملك شاهر المتحدث باسم المنظمة إن 10 أطفال قتلوا.")
    claims = extract_claims(text, title="غارة")
    assert [(c.count.value, c.source.text) for c in claims] == [(10, "منظمة أطباء بلا حدود")]


def test_a_spokesman_named_after_the_body_is_that_body():
    """"الناطق باسم الوزارة نجيب دانيش": the body, then the spokesman's own name."""
    text = ("وقالت وزارة الداخلية الأفغانية إن 10 أشخاص قتلوا في التفجير.\n\n"
            "وقال الناطق باسم الوزارة نجيب دانيش إن 10 أشخاص قتلوا.")
    claims = extract_claims(text, title="تفجير")
    assert [(c.count.value, c.source.text) for c in claims] == [(10, "وزارة الداخلية الأفغانية")]


def test_a_surname_alone_is_the_speaker_named_in_full_before():
    """"المالكي" after "المتحدث باسم التحالف تركي المالكي": the coalition repeating its figure
    counts once (the body's copy is kept over the lead's)."""
    text = ("وقال التحالف إنه قتل 8 مسلحين في الغارة.\n\n"
            "وقال المتحدث باسم التحالف تركي المالكي إن العمليات مستمرة.\n\n"
            "وأضاف المالكي أن 8 مسلحين قتلوا.")
    claims = extract_claims(text, title="غارة")
    assert [c.count.value for c in claims] == [8]


def test_equal_figures_of_two_categories_listed_together_are_two_claims():
    claims = extract_claims("وأعلنت مصادر أمنية مقتل ثمانية عسكريين وثمانية مسلحين في الهجوم.",
                            title="هجوم على مقر الجيش")
    assert sorted(c.subject.category for c in claims if c.count.value == 8) == ["fighters",
                                                                             "soldiers"]
    # ... but a headline's figure and the body's, named differently, are one
    claims = extract_claims("قتل 19 شخصا في إطلاق نار في كلية.", title="19 قتيلا في إطلاق نار")
    assert [c.count.value for c in claims] == [19]


def test_equal_figures_of_two_sides_are_two_claims_however_far_apart():
    filler = " ".join(["وتواصلت المعارك في محيط المدينة طوال الليل."] * 4)
    claims = extract_claims(f"وقتل ثلاثة جنود في هجوم على حاجز للجيش. {filler} "
                            "وقتل ثلاثة مسلحين في اشتباك آخر.", title="معارك")
    assert sorted(c.subject.category for c in claims if c.count.value == 3) == ["fighters",
                                                                             "soldiers"]
    # ... and each of two lists told twice by one source is kept once per side
    text = ("وقالت الحكومة إن الحصيلة 13 قتيلا هم أربعة جنود وخمسة متعاقدين وأربعة مهاجمين. "
            f"{filler} وأكدت الحكومة مقتل أربعة جنود وأربعة إرهابيين.")
    fours = [c.subject.category for c in extract_claims(text, title="هجوم") if c.count.value == 4]
    assert sorted(fours) == ["fighters", "soldiers"]
    # ... a dual names its own people: two civilians, then seven fighters and two soldiers
    claims = extract_claims(f"وقتل أيضا مدنيان في الاحتجاجات. {filler} "
                            "وقتل سبعة من المسلحين وجنديان في تبادل لإطلاق النار.", title="معارك")
    assert sorted(c.subject.category for c in claims if c.count.value == 2) == ["civilians",
                                                                             "soldiers"]


def test_the_outlets_equal_figures_in_two_far_provinces_are_two_events():
    claims = extract_claims("وألقى الطيران عدة براميل متفجرة على الزبداني. وفي ريف حلب الشمالي "
                            "شنت الطائرات عدة غارات على مدينة حلب.", title="قصف في سوريا")
    assert sorted(c.location.text for c in claims if c.type == "strikes") == ["الزبداني",
                                                                             "مدينة حلب"]
    # ... but a suburb restating its city's figure is one
    claims = extract_claims("قتل عشرات الأشخاص في قصف على مدينة جرمانا.",
                            title="مقتل العشرات في قصف على دمشق")
    assert len([c for c in claims if c.type == "killed"]) == 1


def test_the_articles_own_equal_figures_of_two_stated_days_are_two_events():
    # a timeline of attacks: two killed in July 2016, two killed in October 2017
    text = ("هجمات سابقة في فرنسا\n"
            "في 26 يوليو 2016 قتل شخصان في هجوم على كنيسة في نورماندي.\n"
            "وفي 1 أكتوبر 2017 قتل شخصان في هجوم بسكين في مرسيليا.")
    claims = rasd.extract(text, published="2018-03-25", outlet="Test Outlet")
    assert [(c.type, c.count.value, c.time.date) for c in claims] == [
        ("killed", 2, "2016-07-26"), ("killed", 2, "2017-10-01")]


def test_a_sources_equal_figures_in_towns_of_two_provinces_are_two_events():
    text = ("معارك\n"
            "وقالت مصادر عسكرية إن ستة مقاتلين قتلوا في مدينة حلب.\n"
            "وأضافت المصادر أن ستة مسلحين قتلوا في مدينة درعا.")
    claims = rasd.extract(text, published="2018-03-25", outlet="Test Outlet")
    assert [(c.count.value, c.location.admin1) for c in claims] == [(6, "Aleppo"), (6, "Daraa")]


def test_a_title_figure_the_body_tells_with_another_name_is_one_claim():
    claims = rasd.extract("أعلنت قوات الدفاع الشعبي، الجناح العسكري لحزب العمال، مقتل 12 جنديا تركيا.",
                          title="حزب العمال يعلن مقتل 12 جنديا تركيا", published="2018-03-24",
                          outlet="T")
    assert [(c.type, c.count.value, c.source.text) for c in claims] == [
        ("killed", 12, "قوات الدفاع الشعبي")]


def test_a_titles_one_person_named_again_in_the_body_is_one_claim():
    """The title names him, the body gives his title and then his name: one person."""
    claims = extract_claims("وتحقق السلطات التركية في اختفاء الصحفي جمال خاشقجي.",
                            title="اختفاء جمال خاشقجي في إسطنبول")
    assert [(c.type, c.count.value) for c in claims] == [("missing", 1)]


def test_two_people_of_one_title_and_body_stay_two():
    """"مصرع نجل الرئيس" and "مقتل الرئيس": the son and his father."""
    claims = extract_claims("وجاء ذلك بعد يومين من مقتل الرئيس السابق في المدينة.",
                            title="مصرع نجل الرئيس السابق")
    assert len(claims) == 2


def test_a_titles_victim_noun_of_one_is_the_bodys_death_of_one():
    """"يخلف قتيلا" in the title and "مقتل شخص" in the body: one death, counted once."""
    claims = extract_claims("وقد أسفر الحادث عن مقتل شخص وإصابة 6 آخرين في الطريق السريع.",
                            title="انقلاب شاحنة يخلف قتيلا و6 جرحى")
    assert sorted((c.type, c.count.value) for c in claims) == [("injured", 6), ("killed", 1)]


@pytest.mark.parametrize("text, expected", [
    # a definite noun names back the one arrested before, by the same party
    ("أعلنت الشرطة اعتقال رجل بعد أن صدمت سيارته حاجزا. وأكدت الشرطة أنها ألقت القبض على السائق.",
     [("arrested", 1)]),
    ("اختفاء الصحفي سامي الأحمد في المدينة. وأمر الوزير بفتح تحقيق في اختفاء الصحفي.",
     [("missing", 1)]),
    # another one ("الآخر"), or one of a group after "بينهم", is someone else
    ("اعتقلت الشرطة رجلا في المدينة. واعتقلت الشرطة المشتبه الآخر في القرية.",
     [("arrested", 1), ("arrested", 1)]),
])
def test_a_definite_noun_names_back_the_one_held_before(text, expected):
    assert [(c.type, c.count.value) for c in extract_claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # "N آخرين" after N of its type in one sentence: others
    ("مقتل نحو 10 متشددين السبت، بعد ثلاثة أيام على مقتل عشرة آخرين على الحدود.",
     [("killed", 10), ("killed", 10)]),
    # ... but a headline's figure and the body's "N آخرون" are one (others than the dead)
    ("10 قتلى و20 جريحا في انفجار\nقتل 10 أشخاص وأصيب 20 آخرون بجروح في الانفجار.",
     [("killed", 10), ("injured", 20)]),
    # vague strikes on two provinces far apart are two; the same figure again is one
    ("وشن الطيران عدة غارات على معسكر السواد جنوب صنعاء. كما شن عدة غارات على مواقع في محافظة مأرب.",
     [("strikes", "several"), ("strikes", "several")]),
])
def test_equal_figures_of_others_or_of_far_provinces_are_two(text, expected):
    assert [(c.type, c.count.value or c.count.vague) for c in extract_claims(text)] == expected


def test_the_statement_named_back_is_its_owners():
    text = ("وقالت الوزارة في بيان إن قوات الأمن داهمت وكرا في المحافظة. وأوضح البيان أن المداهمة "
            "أسفرت عن مصرع خمسة عناصر. وأضافت الوزارة أن الاشتباك أسفر عن مصرع خمسة عناصر.")
    assert [(c.type, c.count.value) for c in extract_claims(text)] == [("killed", 5)]


def test_the_bodys_restatement_beside_a_named_equal_figure_yields_to_it():
    lead = "اندلعت مواجهات في المحافظة منذ أيام.\n\nوتجمع المحتجون أمام مبنى البلدية.\n\n"
    text = lead + ("وقتل ستة من المسلحين الحوثيين في مواجهات مع المقاومة. "
                   "وقالت مصادر محلية إن ستة من المسلحين الحوثيين قتلوا أمس.")
    claims = extract_claims(text, title="مواجهات في المحافظة")
    assert [(c.count.value, c.source.text) for c in claims] == [(6, "مصادر محلية")]


FAR_LEAD = "اندلعت مواجهات في المحافظة منذ أيام.\n\nوتجمع المحتجون أمام مبنى البلدية.\n\n"
FAR_MIDDLE = " وتجمع المحتجون أمام المبنى. وطالبوا بالتحقيق. ودعت الأحزاب إلى الهدوء. "


@pytest.mark.parametrize("outlet, named, kept", [
    # sentences away, the same count of the same people told again: the named source's
    ("وأسفر الهجوم عن مقتل امرأتين وإصابة 6 أخريات.", "وقالت الشرطة إن الهجوم أسفر عن مقتل امرأتين.",
     [(2, "الشرطة"), (6, "Test Outlet")]),
    # ... but not "أكثر من 10" against "10", nor fighters of two sides, nor one person
    ("وأسر أكثر من 10 من قيادات الميليشيات.", "وقال المتحدث إن 10 من القيادات سقطوا أسرى.",
     [(10, "Test Outlet"), (10, "المتحدث")]),
    ("وقتل خمسة عناصر من جبهة النصرة.", "وقال المرصد إن 5 مقاتلين من الفرقة 30 قتلوا.",
     [(5, "Test Outlet"), (5, "المرصد")]),
])
def test_the_bodys_restatement_far_from_a_named_equal_figure(outlet, named, kept):
    claims = extract_claims(FAR_LEAD + named + FAR_MIDDLE + outlet, title="مواجهات في المحافظة")
    assert sorted((c.count.value, c.source.text) for c in claims) == sorted(kept)


@pytest.mark.parametrize("body, value", [
    # other people: a noun against no noun, or another noun
    ("وقتل ثمانية مهاجمين في الاشتباك. وقالت مصادر أمنية إن ثمانية قتلوا في الاشتباك.", 8),
    ("وأصيب جندي ومسؤول في الهجوم. وقال المتحدث إن 4 مسلحين قتلوا وأصيب اثنان آخران.", 2),
    # equal parts of two wholes
    ("واعتقل التنظيم 53 شخصا بينهم طفلان وثلاث نساء. "
     "وقال التقرير إن الفصائل اعتقلت 41 شخصا بينهم طفل وثلاث نساء.", 3),
])
def test_equal_figures_beside_a_named_one_that_count_others_stay(body, value):
    lead = "اندلعت مواجهات في المحافظة منذ أيام.\n\nوتجمع المحتجون أمام مبنى البلدية.\n\n"
    claims = extract_claims(lead + body, title="مواجهات في المحافظة")
    assert sorted(c.source.kind == "outlet" for c in claims if c.count.value == value) == [False, True]


@pytest.mark.parametrize("a, b, same", [
    ("خدمه الاسعاف الفلسطينيه", "خدمه اسعاف فلسطينيه", True),  # but for the article
    ("للجيش الاسراييلي", "الجيش", True),  # "بيان للجيش": the preposition is no name
    ("وكاله مهر", "مهر", True),
    ("المكتب التابع للامم المتحده", "الامم المتحده", False),  # another body
    ("جيش الاسلام", "الجيش", False),
])
def test_source_forms_of_one_speaker(a, b, same):
    assert dedupe._same_speaker(a, b) is same


def test_a_figure_told_again_by_the_statement_is_its_speakers():
    text = ("أعلن الجيش الباكستاني مقتل 6 مسلحين. وأوضح أن الهجمات استهدفت مواقع. "
            'ووفق البيان "نفذ إرهابيون هجمات، وأدى ذلك إلى مقتل 6 إرهابيين".')
    claims = extract_claims(text)
    assert [(c.count.value, c.source.text) for c in claims] == [(6, "الجيش الباكستاني")]


def test_equal_vague_counts_of_one_source_in_two_places_are_two_events():
    text = FAR_LEAD + ("وقال شهود إن الطيران قصف بعدد من الصواريخ أرضا زراعية في خان يونس. "
                       "وأضاف الشهود أن الطيران قصف بصواريخ عدة أراضي في رفح.")
    claims = extract_claims(text, title="غارات على القطاع")
    assert [(c.type, c.count.vague) for c in claims] == [("strikes", "several")] * 2


def test_one_person_told_in_the_accusative_and_with_the_article_is_one_claim():
    text = FAR_LEAD + ("وقالت وزارة الصحة إن طفلا فلسطينيا توفي متأثرا بإصابته. "
                       "وقال المتحدث باسم وزارة الصحة: استشهد اليوم الطفل عزام متأثرا بجراحه.")
    claims = extract_claims(text, title="وفاة طفل في غزة")
    assert [(c.type, c.count.value) for c in claims] == [("killed", 1)]
    assert dedupe._person_key("أحدهما") != dedupe._person_key("أحدهم")  # no accusative there
