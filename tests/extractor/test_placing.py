"""Where a claim happened: the place choice of rasd.extractor.placing, end to end."""

import rasd


def _claims(text):
    return rasd.extract(text, published="2020-10-05", outlet="Test Outlet")


def test_country_named_as_an_actor_is_not_where_people_died():
    text = ("قصف قاعدة التيفور في حمص\n"
            "قال مسؤولون إن إسرائيل قصفت قاعدة التيفور قرب مدينة حمص.\n"
            "وقتل 14 شخصا في القصف بحسب المرصد. وقالت إسرائيل إنها لا تعلق.")
    claim = next(c for c in _claims(text) if c.count.value == 14)
    assert claim.location is not None and claim.location.country == "SY"
    assert claim.location.text != "إسرائيل"


def test_cumulative_toll_is_placed_in_the_country():
    text = ("وقف العملية العسكرية في مدينة الحديدة اليمنية\n"
            "أعلنت الإمارات وقف العملية العسكرية في مدينة الحديدة.\n\n"
            "ويشهد اليمن حربا منذ 2014. وأدى النزاع منذ التدخل السعودي إلى مقتل نحو عشرة آلاف شخص.")
    claim = next(c for c in _claims(text) if c.count.value == 10000)
    assert claim.time is not None and claim.time.precision == "since"
    assert claim.location is not None and claim.location.text == "اليمن"


def test_sentence_gives_its_most_specific_place():
    text = "وقتل 23 مسلحا في مواجهات وقصف للتحالف في اليمن، على جبهة الساحل الغربي."
    claim = next(c for c in _claims(text) if c.count.value == 23)
    assert claim.location is not None and "الساحل الغربي" in claim.location.text


def test_previous_sentence_place_carries_over():
    text = ("تقرير عن الحرب\n"
            "شن مسلحون هجوما على مدينة غزنة الأحد.\n"
            "وقتل 20 شخصا خلال المعارك.")
    claim = next(c for c in _claims(text) if c.count.value == 20)
    assert claim.location is not None and "غزنة" in claim.location.text


def test_seat_of_an_organization_is_not_the_event_place():
    text = ("معارك في البوكمال\n"
            "وبحسب المرصد السوري لحقوق الإنسان، ومقره في بريطانيا، قتل 30 من أفراد القوات الحكومية.")
    claim = next(c for c in _claims(text) if c.count.value == 30)
    assert claim.location is None or claim.location.country != "GB"


def test_locator_phrase_only_says_where_the_place_before_it_is():
    text = "أدى الهجوم على مدينة غزنة الواقعة في جنوب كابول إلى مقتل عشرات المدنيين."
    claim = _claims(text)[0]
    assert claim.location is not None and "غزنة" in claim.location.text


def test_displacement_origin_must_follow_the_figure_closely():
    text = ("وفي أبريل تم إجلاء آلاف الأشخاص من سكان القرى إلى مناطق الحكومة في اتفاقية شملت "
            "بلدة مضايا التي كانت جماعة حزب الله المدعومة من إيران تحاصرها.")
    claim = next(c for c in _claims(text) if c.type == "displaced")
    assert claim.location is None or claim.location.country != "IR"


def test_where_something_was_said_is_not_where_it_happened():
    text = ("حملة اعتقالات في ولاية شرناق\n"
            "وقال رئيس الوزراء في مؤتمر صحفي بأنقرة إن 590 شخصا اعتقلوا.")
    claim = _claims(text)[0]
    assert claim.location is not None and "شرناق" in claim.location.text


def test_capital_named_as_an_actor_is_not_the_event_place():
    text = ("غارات على مدينة الرقة\n"
            "شنت طائرات التحالف غارات على مدينة الرقة.\n\n"
            "واتهمت موسكو واشنطن بقتل 20 مدنيا.")
    claim = next(c for c in _claims(text) if c.count.value == 20)
    assert claim.location is not None and "الرقة" in claim.location.text


def test_cumulative_toll_of_a_local_offensive_stays_at_the_focus_place():
    text = ("قصف عنيف على الغوطة الشرقية\n"
            "تشن قوات النظام حملة عنيفة على الغوطة الشرقية في سوريا.\n\n"
            "ومنذ بدء الهجوم، ارتفعت حصيلة القتلى إلى 810 مدنيين.")
    claim = next(c for c in _claims(text) if c.count.value == 810)
    assert claim.location is not None and "الغوطة الشرقية" in claim.location.text


def test_war_toll_since_its_outbreak_is_placed_in_the_country():
    text = ("دمشق تشكل لجنة لعودة اللاجئين\n"
            "شكلت الحكومة في دمشق لجنة لعودة اللاجئين إلى سوريا.\n\n"
            "وتسبب النزاع منذ اندلاعه في 2011 بمقتل أكثر من 350 ألف شخص.")
    claim = next(c for c in _claims(text) if c.count.value == 350000)
    assert claim.location is not None and claim.location.text == "سوريا"


def test_people_returned_are_placed_where_they_went():
    claim = _claims("وعاد 13 ألف لاجئ من لبنان إلى سوريا خلال العام.")[0]
    assert claim.type == "returned" and claim.location is not None
    assert claim.location.text == "سوريا"


def test_the_city_names_back_the_town_already_spoken_of():
    text = ("شهدت مدينة دوما قصفا عنيفا السبت.\n"
            "ويعتبر الهجوم الثالث خلال يوم وسط تصعيد في الغوطة الشرقية.\n"
            "وقدر عدد الغارات على المدينة بنحو 200 غارة.")
    claim = next(c for c in _claims(text) if c.type == "strikes")
    assert claim.location is not None and "دوما" in claim.location.text


def test_the_village_names_back_the_village():
    text = ("قتل 13 شخصا في قرية مالاري القريبة من مدينة مايدوغوري.\n"
            "وقال مزارع إن المسلحين هاجموا القرية وأصيب 27 بجروح.")
    claim = next(c for c in _claims(text) if c.count.value == 27)
    assert claim.location is not None and "مالاري" in claim.location.text


def test_a_state_arrests_on_its_own_soil():
    text = ("مؤتمر لحقوق الإنسان في برلين\n"
            "عقدت منظمات حقوقية مؤتمرا في برلين.\n"
            "ونددت المنظمات باعتقال السعودية نحو 30 رجل دين.")
    claim = next(c for c in _claims(text) if c.type == "arrested")
    assert claim.location is not None and claim.location.country == "SA"
