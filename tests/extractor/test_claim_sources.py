"""The source of each claim (rasd.extractor.claim_sources), end to end."""

import pytest
from claims_kit import extract_claims, one_claim

import rasd


def test_source_from_reporting_verb_and_via_chain():
    claim = one_claim("كشفت وكالة سبوتنيك نقلاً عن مصدر عسكري مقتل 93 مقاتلاً.")
    assert claim.source.text == "مصدر عسكري" and claim.source.kind == "anonymous"
    assert [v.text for v in claim.via] == ["وكالة سبوتنيك"]


def test_prepositional_source():
    claim = one_claim("قتل 26 مدنياً في القصف، بحسب المرصد السوري لحقوق الإنسان.")
    assert claim.source.text.startswith("المرصد السوري")


def test_continuation_verb_carries_the_previous_speaker():
    text = "قال المتحدث باسم الجيش إن الهجوم فشل. وأضاف أن 7 مسلحين قتلوا خلال المعارك."
    claim = one_claim(text)
    assert claim.source.text == "المتحدث باسم الجيش"


@pytest.mark.parametrize("text", [
    "وقالت وزارة الصحة إن 168 شخصا قتلوا. ومن بين القتلى 27 طفلا.",
    "وقالت وزارة الصحة إن 168 شخصا قتلوا. ومنهم 27 طفلا.",
])
def test_a_sentence_detailing_the_figures_before_keeps_their_speaker(text):
    claims = [c for c in extract_claims(text) if c.count.value == 27]
    assert [c.source.text for c in claims] == ["وزارة الصحة"]


def test_a_detail_after_the_outlets_own_report_stays_the_outlets():
    claims = [c for c in extract_claims("قتل 168 شخصا في القصف. ومن بين القتلى 27 طفلا.")
              if c.count.value == 27]
    assert [c.source.kind for c in claims] == ["outlet"]


@pytest.mark.parametrize("text, value, source", [
    # an attribution set off after a full stop vouches for the sentence before it
    ("وقتلت القوات الأمنية ثلاثة من المهاجمين. بحسب المتحدث باسم القوات المسلحة، العميد فلان.",
     3, "المتحدث باسم القوات المسلحة"),
    # ... not a sentence of its own that a cue opens ("وبحسب بيان للجيش فقد أغارت ...")
    ("وقتل 5 مسلحين في المدينة. وبحسب بيان للجيش فقد أغارت المقاتلات على أهداف عدة منها.",
     5, "Test Outlet"),
])
def test_an_attribution_after_a_full_stop(text, value, source):
    claims = [c for c in extract_claims(text) if c.count.value == value]
    assert [c.source.text for c in claims] == [source]


def test_no_attribution_is_the_outlet():
    claim = one_claim("قُتل 5 أشخاص في انفجار سيارة مفخخة.")
    assert claim.source.kind == "outlet" and claim.source.text == "Test Outlet"


def test_titled_person_is_one_speaker():
    claim = one_claim("وقال وزير الخارجية الروسي سيرغي لافروف إن 4000 مقاتل أُرسلوا إلى المنطقة.")
    assert claim.source.text == "وزير الخارجية الروسي سيرغي لافروف"
    assert claim.source.kind == "government" and claim.type == "deployed"


def test_organization_speaker_and_kind():
    claim = one_claim("أفاد المرصد السوري لحقوق الإنسان بأن 72 عنصراً قتلوا في المعارك.")
    assert claim.source.text == "المرصد السوري لحقوق الإنسان" and claim.source.kind == "monitor"


def test_open_quotation_carries_its_speaker():
    text = ('وقال المتحدث باسم الدفاع المدني: "عملنا طوال الليل في المدينة. '
            'وانتشلنا جثث 14 شخصاً من تحت الأنقاض".')
    claim = one_claim(text)
    assert claim.source.text == "المتحدث باسم الدفاع المدني"


def test_anonymous_plural_source_with_glued_preposition():
    claim = one_claim("قتل 483 شخصاً في المعارك، وفقاً لمصادر طبية يمنية.")
    assert claim.source.text == "مصادر طبية يمنية" and claim.source.kind == "anonymous"


@pytest.mark.parametrize("text, source", [
    ("وكانت وزارة الدفاع أعلنت مقتل خمسة جنود.", "وزارة الدفاع"),
    ("قال الملك عبد الله الثاني إن خمسة جنود قتلوا.", "الملك عبد الله الثاني"),
    ("بعد أن أعلن عن إغلاقها بدعوى إلقاء الحجارة، أصيب خمسة طلاب.", "Test Outlet"),
    ("وقال سابقا إن خمسة جنود قتلوا.", "Test Outlet"),
])
def test_speaker_phrase_boundaries(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("اتهمت #الرابطة_الدولية_للسلام، الميليشيات باستخدام 1202 معتقل دروعا بشرية.",
     "الرابطة_الدولية_للسلام"),
    ("لكن وسائل الإعلام الرسمية اتهمت التحالف الدولي بقتل 12 مدنيا.", "وسائل الإعلام الرسمية"),
    ("وكانت وكالة الأنباء الرسمية نقلت عن مصدر عسكري مقتل 14 شخصا.", "مصدر عسكري"),
])
def test_accusers_and_subject_first_speakers(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text", [
    "لقي 10 مسلحين مصرعهم في هجوم على رداع، وقالت مصادر قبلية في مأرب إن المعارك توقفت.",
    "وتواترت أنباء عن انفجارات قتل فيها 10 من العناصر، ونفى الحزب هذه الأنباء.",
])
def test_the_speaker_of_a_new_clause_after_the_figure_is_not_its_source(text):
    """A reporting verb that opens its own clause after the figure reports that clause, not the
    figure before it: the figure stays in the article's voice."""
    assert one_claim(text).source.kind == "outlet"


def test_a_source_quoted_through_an_aside_may_follow_its_figure():
    claim = one_claim("وأسفر الانفجار عن مقتل 5 أشخاص، على ما أورد مراسلنا نقلا عن وزارة الصحة.")
    assert claim.source.text == "وزارة الصحة" and [v.text for v in claim.via] == ["مراسلنا"]


@pytest.mark.parametrize("text", [
    "وقال المتحدث إن 5 أشخاص أصيبوا، وتم التعامل مع الحادث وفق الخطط المعدة لذلك.",
    # a calendar or a clock says when, not who
    "وقال المتحدث إن 5 أشخاص أصيبوا في عام 1385، وفقا للتقويم الإيراني.",
    "وقال المتحدث إن 5 أشخاص أصيبوا في الساعة الثالثة، بحسب التوقيت المحلي.",
])
def test_a_rule_an_agreement_or_a_calendar_after_a_preposition_is_no_source(text):
    assert one_claim(text).source.text == "المتحدث"


@pytest.mark.parametrize("text", [
    "وقال المرصد السوري لحقوق الإنسان إن 370 شخصا قتلوا في القصف. وأصيب 340 آخرون بحسب المصدر ذاته.",
    "وقال المرصد السوري لحقوق الإنسان إن 370 شخصا قتلوا في القصف. وبحسب المصدر نفسه أصيب 340 آخرون.",
])
def test_the_same_source_names_back_the_speaker_before(text):
    injured = [c for c in extract_claims(text) if c.type == "injured"]
    assert [c.source.text for c in injured] == ["المرصد السوري لحقوق الإنسان"]


@pytest.mark.parametrize("text, source", [
    ("وأضاف المالكي أن الشظايا تناثرت ونتج عنها بحسب المعلومات الأولية مقتل مقيم.", "المالكي"),
    ("وأسفر الانفجار عن مقتل 5 أشخاص وفق المعلومات الأولية للوزارة.",  # an owner: its own
     "المعلومات الأولية للوزارة"),
])
def test_the_first_information_is_the_speakers_own(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("وبلغت الاحتجاجات ذروتها بالتزامن مع نقل السفارة الأمريكية إلى القدس، إذ قتل حينها 61 فلسطينيا.",
     "Test Outlet"),  # the embassy's move, no report
    ("وفي هذه الأثناء أفادت وسائل الإعلام أن انفجارا أدى لمقتل 11 شخصا.", "وسائل الإعلام"),
])
def test_a_reporting_verb_after_a_preposition_is_its_verbal_noun(text, source):
    assert one_claim(text).source.text == source


def test_the_words_said_after_a_continuation_verb_are_no_speaker():
    text = ("وقال العميد محمد صالح إن المحافظة أصبحت مطهرة. وأضاف نكرر شكرنا وتقديرنا إلى الأشقاء، "
            "وأكد أن أكثر من 50 قتيلا سقطوا في موقع واحد.")
    assert one_claim(text).source.text == "العميد محمد صالح"


@pytest.mark.parametrize("text, source", [
    ("وقال المتحدث باسم الخارجية إن الهجوم وقع ليلا. وتابع قائلا إن 12 شخصا قتلوا في الغارة.",
     "المتحدث باسم الخارجية"),  # "قائلا" is no speaker
    ("وأضاف المصدر قائلا إن 12 شخصا قتلوا في الغارة.", "المصدر"),
    ("وشدد الوزير بالقول إن 12 شخصا قتلوا في الغارة.", "الوزير"),
])
def test_a_participle_of_saying_after_the_verb_is_no_speaker(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    # a verb of condemning or explaining reports only with "قائلا" near
    ("ونددت المنظمة بأعمال العنف، قائلة إن 18 شخصا من القتلى مدنيون.", "المنظمة"),
    ("ويشرح الباحث قائلا إن نحو عشرين ألف شخص فروا من الجبل.", "الباحث"),
    ("ودان المجلس الهجوم الذي أسفر عن مقتل 20 شخصا.", "Test Outlet"),
    ("وقصف الجيش ما وصفها بمواقع للمسلحين، ردا على هجوم قتل فيه 20 شخصا.", "Test Outlet"),
])
def test_a_verb_that_reports_only_with_saying_after_it(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("وجاء هذا بعد يوم من إعلان الجيش مقتل 71 مسلحا في سيناء.", "الجيش"),
    ("وجاء ذلك عقب تأكيد الوزارة أن 12 شخصا قتلوا.", "الوزارة"),
    ("وبعد إعلان الهدنة قتل 5 أشخاص في القصف.", "Test Outlet"),  # no event after the speaker
    ("وكانت الشبكة السباقة لإعلان قيام السلطات بقتل 5 أشخاص.", "Test Outlet"),
])
def test_a_reports_verbal_noun_names_its_speaker_before_the_event(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("وجاء في بيان منسوب للجماعة أن أربعة من عناصرها قتلوا.", "للجماعة"),  # its owner
    ("وجاء في بيان الجيش أن أربعة جنود قتلوا.", "الجيش"),
    ("وجاء في البيان أن أربعة جنود قتلوا.", "البيان"),  # no owner named: the document
    ("وجاء ذلك في وقت قتل فيه أربعة جنود.", "Test Outlet"),  # no document
])
def test_what_came_in_a_document_is_its_owners_word(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("وقال أحد الشهود إنه شاهد أكثر من 20 جثة.", "أحد الشهود"),
    ("وأكدت ثلاثة مصادر أمنية أن 28 شخصا قتلوا.", "ثلاثة مصادر أمنية"),
])
def test_a_figure_of_speakers_opens_the_speaker(text, source):
    claims = extract_claims(text)
    assert [c.source.text for c in claims] == [source]


def test_a_week_or_month_after_the_verb_is_no_speaker_word():
    claim = one_claim("وأعلنت وزارة الدفاع الأسبوع الماضي مقتل 14 مسلحا.")
    assert claim.source.text == "وزارة الدفاع"


def test_a_tweet_is_a_report():
    assert one_claim("وغرد الدفاع المدني أن 20 شخصا قتلوا في القصف.").source.text == "الدفاع المدني"


def test_transport_after_a_vehicle_is_no_report():
    claim = one_claim("وأسفر اصطدام شاحنة نقل بضائع بحافلة عن مقتل 5 أشخاص.")
    assert claim.source.kind == "outlet"  # "نقل" here is transport, not "relayed"


def test_a_speaker_quoted_by_another_is_not_carried_on():
    text = ('وقال المتحدث باسم الخارجية: "أعلنت السلطات تقديم مبلغ كبير للتحالف". '
            'وتابع: "قتل التحالف 300 من المدنيين".')
    assert one_claim(text).source.text == "المتحدث باسم الخارجية"


@pytest.mark.parametrize("text, source", [
    ("وقد أكدت إيران مقتل 5 من مواطنيها في هذا القصف.", "إيران"),
    ("وأحصت تركيا مقتل 42 من جنودها على الأقل منذ بدء هجومها.", "تركيا"),
])
def test_a_country_before_its_event_noun_is_the_speaker(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("وقال الجيش إن الوضع هادئ. وكان الكاردينال ليوبولدو برينيس، رئيس مجلس الأساقفة، قد قال "
     "إن 5 أشخاص قتلوا.", "الكاردينال ليوبولدو برينيس"),
    ("وكان الجيش اليمني، كشف، الأحد، عن مقتل 500 من الحوثيين.", "الجيش اليمني"),
    ('وكانت "رويترز" قالت إن نحو 300 رجل قتلوا أو أصيبوا.', "رويترز"),
])
def test_a_subject_framed_by_an_auxiliary_and_commas_is_the_speaker(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("وقال الطبيب إن الوضع صعب. وكان مدير الصحة في المدينة سالم أحمد أعلن أن عدد الضحايا 57 "
     "قتيلا.", "مدير الصحة في المدينة سالم أحمد"),
    ("وقال المتحدث إن الوضع هادئ. وكان تقرير حقوقي كشف عن مقتل 21 مدنيا.", "تقرير حقوقي"),
    ("وقال المتحدث إن الوضع هادئ. وكان فرق الإنقاذ قالت إن 40 شخصا قتلوا.", "فرق الإنقاذ"),
    # the document named by commas: the person after it is an apposition
    ("وكان مدير شركة النقل، سالم أحمد، أفاد بمقتل 6 أشخاص.", "مدير شركة النقل"),
    ('وكان تقرير لشبكة "راصدين"، المكونة من عدة منظمات حقوقية، كشف أمس أن 93 مدنيا قتلوا.',
     'تقرير لشبكة "راصدين'),
])
def test_a_subject_framed_by_an_auxiliary_without_commas_is_the_speaker(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("وقال المتحدث إن الوضع هادئ. وأوضح التقرير اعتقال النظام 476 شخصا خلال الشهر.", "التقرير"),
    ("وقال المتحدث إن الوضع هادئ. كما رصد التقرير مقتل 30 مدنيا.", "التقرير"),
    ("وأعلن الإنتربول السعودي القبض على مواطن سعودي.", "الإنتربول السعودي"),
    ("وقال المتحدث إن الوضع هادئ. كما رصد التقرير 197 حالة اختطاف.", "التقرير"),
])
def test_a_short_definite_speaker_right_before_the_reported_event_is_the_source(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text", [
    "وقال المتحدث إن الوضع هادئ. وقد أكد رسميا مقتل 45 جنديا.",        # an adverb
    "وقال المتحدث إن الوضع هادئ. ويوثق التقرير جريمة قتل 3 أطفال.",   # an object, indefinite
])
def test_an_adverb_or_an_indefinite_object_before_the_event_is_no_source(text):
    assert one_claim(text).source.text != "رسميا" and "جريمة" not in one_claim(text).source.text


@pytest.mark.parametrize("text", [
    "وقال مدير المرصد إن 30 شخصا قتلوا. وكانت حصيلة سابقة أفادت بمقتل 20 شخصا.",
])
def test_an_earlier_toll_framed_by_an_auxiliary_keeps_the_speaker_before(text):
    assert {c.source.text for c in extract_claims(text)} == {"مدير المرصد"}


@pytest.mark.parametrize("text, source", [
    ("وتسبب الاعتداء بمقتل 22 شخصا حسب حصيلة جديدة.", "حصيلة جديدة"),
    ("قتل 45 جنديا خلال التدخل العسكري بحسب حصيلة رسمية.", "حصيلة رسمية"),
])
def test_a_toll_described_but_with_no_owner_is_its_own_speaker(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("كشف الجيش المصري نتائج البيان رقم 28، معلنا مقتل 52 تكفيريا.", "الجيش المصري"),
    ("وأورد المرصد السوري لحقوق الإنسان تفاصيل الهجوم الذي أسفر عن مقتل 15 مسلحا.",
     "المرصد السوري لحقوق الإنسان"),
    ("وأفاد بيان الجيش بمقتل 5 مسلحين.", "الجيش"),  # the document's owner is the speaker
])
def test_a_document_after_a_known_speaker_is_the_verbs_object(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("text, source", [
    ("وقال التحالف إنه سيجري تحقيقا لمعرفة مدى صحة الأنباء التي تحدثت عن مقتل 33 مدنيا.",
     "الأنباء"),
    ("ونفى الجيش التقارير التي تحدثت عن مقتل 20 جنديا.", "التقارير"),
    ("وقالت المعارضة التي تحدثت أولا عن سقوط 16 جريحا إن القمع مستمر.", "المعارضة"),
])
def test_the_noun_a_relative_reporting_verb_refers_to_is_the_speaker(text, source):
    assert one_claim(text).source.text == source


@pytest.mark.parametrize("title, source", [
    ("المرصد السوري: مقتل 20 مدنيا في غارات على إدلب", "المرصد السوري"),  # the headline's speaker
    ("الأمم المتحدة: نزوح 50 ألف شخص من الحديدة", "الأمم المتحدة"),
    ("سوريا: مقتل 20 مدنيا في غارات على إدلب", "T"),  # a state before the colon: the topic
    ("شاهد: لحظة سقوط 20 صاروخا على المدينة", "T"),  # a label
])
def test_a_headline_speaker_before_its_colon(title, source):
    claims = rasd.extract("وجاء في التقرير تفاصيل أخرى.", title=title, published="2018-12-01",
                          outlet="T")
    assert [c.source.text for c in claims] == [source]


def test_what_an_act_was_based_on_is_no_source():
    """"بناء على معلومات استخبارية": the basis of an act, not a party that speaks."""
    claim = one_claim('وقالت خلية الإعلام الأمني في بيان: "بناء على معلومات استخبارية، وجهت '
                      'ضربة جوية لموقع قيادي وقتل 6 إرهابيين".')
    assert claim.source.text == "خلية الإعلام الأمني"


def test_a_state_as_speaker_ends_before_its_verbs_object():
    claim = one_claim("وأعلنت كوبا الحداد الوطني ليومين بعد حادث أسفر عن سقوط 107 قتلى.")
    assert claim.source.text == "كوبا"


@pytest.mark.parametrize("text, source", [
    # after a speaker's quotation closes, "وذلك" gives the word back to the article
    ('وصرح الوزير لشبكة "بي إف إم" أن "الهجوم كان مروعا"، وذلك بعد أسبوع على اعتداء أوقع 5 جرحى.',
     "Test Outlet"),
    ('وقال الوزير "إن الهجوم أوقع 5 جرحى"، وذلك في العاصمة.', "الوزير"),  # inside the quotation
    ("وقال الوزير إن 5 أشخاص قتلوا، وذلك في هجوم على العاصمة.", "الوزير"),  # no quotation
])
def test_the_article_speaks_again_after_a_closed_quotation(text, source):
    assert one_claim(text).source.text == source
