"""Attribution constructions (who asserts a figure), on sentences written for these tests."""

import pytest

import rasd


def _claims(text):
    return rasd.extract(text, published="2020-10-05", outlet="Test Outlet")


def _source_of(text, value):
    """Source text and kind of the claim with figure ``value``."""
    found = [c for c in _claims(text) if c.count.value == value]
    assert len(found) == 1, [c.to_json() for c in _claims(text)]
    return found[0].source.text, found[0].source.kind


@pytest.mark.parametrize("text", [
    "وقال المرصد السوري إن 5 أشخاص قتلوا في حلب. يذكر أن 12 شخصا قتلوا في المدينة الشهر الماضي.",
    "وقال الجيش إن 5 جنود قتلوا. وأفيد بمقتل 12 مدنياً في القصف.",
    "وقال الجيش إن 5 جنود قتلوا. وتجدر الإشارة إلى أن 12 شخصا قتلوا في هجوم مماثل.",
    "وقال الجيش إن 5 جنود قتلوا. ويشار إلى أن 12 شخصا قتلوا في هجوم مماثل.",
    "قالت الشرطة إن 5 أشخاص أصيبوا. والجدير بالذكر أن 12 شخصاً قتلوا في الهجوم نفسه العام الماضي.",
])
def test_outlet_voice_after_background_markers(text):
    """"يذكر أن", "وأفيد", "وتجدر الإشارة": the outlet's own voice, the previous speaker is not
    carried over."""
    assert _source_of(text, 12) == ("Test Outlet", "outlet")


def test_outlet_voice_does_not_end_the_speakers_report():
    text = "وقال الجيش إن 5 جنود قتلوا. ويشار إلى أن 20 شخصا قتلوا في هجوم مماثل. وأضاف أن 3 أصيبوا."
    assert _source_of(text, 3) == ("الجيش", "military")


@pytest.mark.parametrize("text, source", [
    # "كتب" (wrote) before "أن", its speaker's name in quotes
    ('وكتبت منظمة "أطباء بلا حدود" أن الغارات أصابت البلدة، وأنه تم نقل 12 جريحا.',
     ('منظمة "أطباء بلا حدود', "monitor")),
    # not "كتب" the books
    ("وصدرت كتب كثيرة عن الحرب، وقتل 12 شخصا في المدينة.", ("Test Outlet", "outlet")),
])
def test_kataba_before_anna(text, source):
    assert _source_of(text, 12) == source


@pytest.mark.parametrize("text, source", [
    # "it is believed" opening its sentence: the outlet's voice, no speaker carried over
    ("وقال الجيش إن 5 جنود قتلوا. ويعتقد أن 12 شخصا قتلوا في المدينة.", ("Test Outlet", "outlet")),
    # a believer named between the verb and "أن" is the speaker
    ("وقال الجيش إن 5 جنود قتلوا. وتعتقد السلطات أن 12 شخصا قتلوا في المدينة.",
     ("السلطات", "government")),
    ("وقال الجيش إن 5 جنود قتلوا. ويزعم المسلحون أن 12 جنديا قتلوا في المدينة.",
     ("المسلحون", "armed_group")),
    # an aside inside a speaker's report keeps the speaker
    ("وقال المرصد إن طائرة حربية، يعتقد أنها روسية، قصفت المدينة ما أدى إلى مقتل 12 مدنيا.",
     ("المرصد", "monitor")),
])
def test_believing_verbs(text, source):
    assert _source_of(text, 12) == source


@pytest.mark.parametrize("text, value, source", [
    # "نقل" after a noun or a preposition is the verbal noun "transfer", no relaying
    ("وخيم التوتر على مراسم نقل السفارة، إذ نظم المحتجون مسيرات قتل خلالها 30 متظاهرا.", 30,
     ("Test Outlet", "outlet")),
    ("وتعثرت المفاوضات حول نقل مقاتلي التنظيم، فيما قتل 12 منهم في المعارك.", 12,
     ("Test Outlet", "outlet")),
    # opening a clause it relays
    ("ونقل التلفزيون عن مصدر أمني أن 5 أشخاص قتلوا.", 5, ("مصدر أمني", "anonymous")),
])
def test_naql_relays_only_opening_a_clause(text, value, source):
    assert _source_of(text, value) == source


def test_yudhkar_with_a_subject_is_a_speaker():
    text = "وقال الجيش إن 5 جنود قتلوا. ويذكر مصدر طبي أن 20 شخصا قتلوا في الهجوم."
    assert _source_of(text, 20) == ("مصدر طبي", "anonymous")


@pytest.mark.parametrize("text, source", [
    ("قتل 5 أشخاص في حلب، على ما أعلن المرصد السوري.", "المرصد السوري"),
    ("قتل 5 أشخاص في حلب، كما قال مدير المرصد.", "مدير المرصد"),
    ("قتل 5 أشخاص في حلب، بحسب ما قاله مدير المرصد رامي عبد الرحمن.",
     "مدير المرصد رامي عبد الرحمن"),
    ("قتل 5 أشخاص في حلب، وفق ما أعلنته وزارة الصحة.", "وزارة الصحة"),
    ("وهذا ما قاله مدير المرصد: قتل 5 أشخاص في حلب.", "مدير المرصد"),
    ("ونقلت الوكالة عن مسؤول محلي قوله إن 5 مدنيين قتلوا في الهجوم.", "مسؤول محلي"),
])
def test_the_verb_is_never_inside_the_speaker(text, source):
    """A speaker in a relative clause ("بحسب ما قاله", "على ما أعلن") or after "قوله"."""
    assert _source_of(text, 5)[0] == source


@pytest.mark.parametrize("text, source", [
    ("يذكر أن الغوطة تشهد غارات أوقعت أكثر من 300 قتيل حسب المرصد السوري.", "المرصد السوري"),
    ("وأعلنت المنظمة أن خبراءها زاروا المدينة التي شهدت هجوماً أسفر عن 300 قتيل بحسب مسعفين.",
     "مسعفين"),
    ("وقال أحد السكان إن المدينة في فوضى، وسقط 300 قتيل بحسب حاكم المنطقة.", "حاكم المنطقة"),
    # "وذلك" before the aside is no second party confirming ("وهو ما أكدته" is)
    ("وتحطمت الطائرة ما أدى إلى مقتل 300 شخص، وذلك كما أعلن الجيش الروسي.", "الجيش الروسي"),
    ("وقتل 300 شخص في الغارات على دوما، وذلك حسبما قال المرصد.", "المرصد"),
])
def test_a_speaker_after_the_figure_vouches_for_it(text, source):
    assert _source_of(text, 300)[0] == source


@pytest.mark.parametrize("text, source", [
    # a news agency after the figure relays the speaker before it
    ("وأفادت مصادر طبية بمقتل 3 من رجال الأمن، وفقا لوكالة رويترز.", "مصادر طبية"),
    # another figure comes between: the aside is about that one
    ("وقالت الوزارة إن 3 أشخاص قتلوا وجرح 12 آخرون، بحسب الجيش.", "الوزارة"),
    # "وهو ما أكدته": a second party confirms; the first speaker stays
    ("وأفادت مصادر ميدانية بمقتل 3 ضباط، وهو ما أكدته مصادر إعلامية.", "مصادر ميدانية"),
    # pointing back to a speaker already named
    ("وأكدت مصادر طبية مقتل 3 أشخاص، وفقا لتلك المصادر.", "مصادر طبية"),
    # an aside with its own "أن" clause is about what follows it
    ("قال الجيش إن 3 جنود قتلوا، كما قال الوزير إن 7 أصيبوا.", "الجيش"),
])
def test_a_speaker_after_the_figure_that_does_not_vouch_for_it(text, source):
    assert _source_of(text, 3)[0] == source


@pytest.mark.parametrize("text, source", [
    ("وقتل 5 أشخاص في حلب، بحسب إحصائية الأمم المتحدة.", "الأمم المتحدة"),
    ("وقتل 5 أشخاص في حلب، وفقا لبيان صادر عن الحزب.", "الحزب"),
    ("وقتل 5 أشخاص في حلب، بحسب حصيلة نهائية أوردتها اللجنة الدولية للصليب الأحمر.",
     "اللجنة الدولية للصليب الأحمر"),
    ("وقتل 5 أشخاص في حلب، حسبما جاء في تقرير المنظمة.", "المنظمة"),
    ("وقتل 5 أشخاص في حلب، بحسب تقرير لمنظمة العفو الدولية.", "منظمة العفو الدولية"),
    ("وقتل 5 أشخاص في حلب، بحسب التقرير السنوي.", "التقرير السنوي"),
    ("وأصيب 5 أشخاص، بحسب آخر حصيلة أدلى بها المتحدث باسم الشرطة.", "المتحدث باسم الشرطة"),
    ("وقتل 5 أطفال، وفق آخر حصيلة أوردها المرصد السوري.", "المرصد السوري"),
    ("ووفق آخر حصيلة صدرت عن وزارة الصحة، أوقعت المعارك 5 قتلى.", "وزارة الصحة"),
    # after a reporting verb: "أفادت آخر حصيلة للمرصد" (was the speaker "آخر")
    ("وأفادت آخر حصيلة صادرة عن وزارة الصحة بمقتل 5 أشخاص.", "وزارة الصحة"),
    ("وأظهرت أحدث إحصائية أصدرتها المنظمة مقتل 5 أشخاص.", "المنظمة"),
    # any document as the subject of a verb of saying, its owner named after it
    ("وقال بيان من الشرطة إن 5 أشخاص اعتقلوا في بغداد.", "الشرطة"),
    ("وذكرت إحصاءات نشرتها وزارة الصحة أن 5 أشخاص قتلوا.", "وزارة الصحة"),
    ("وأفاد تقرير المنظمة بمقتل 5 أشخاص.", "المنظمة"),
    ("وقال بيان للجيش التركي إن 5 جنود قتلوا.", "للجيش التركي"),
])
def test_a_documents_owner_is_the_speaker(text, source):
    assert _source_of(text, 5)[0] == source


def test_a_documents_subject_is_not_its_owner():
    """"حصيلة الهجوم": the attack is what the toll counts, not who tells it."""
    assert _source_of("وتشير حصيلة الهجوم إلى سقوط 5 قتلى في حلب.", 5)[1] != "named"
    assert _source_of("وتشير حصيلة الهجوم إلى سقوط 5 قتلى في حلب.", 5)[0] != "الهجوم"


def test_a_latest_tolls_owner_after_a_verb_is_the_speaker():
    claims = rasd.extract("وأفادت آخر حصيلة للمرصد السوري لحقوق الإنسان بمقتل 25 شخصا.")
    assert [c.source.id for c in claims] == ["sohr"]


@pytest.mark.parametrize("text, source", [
    ("وأفادت سانا بمقتل 5 أشخاص في حلب.", "سانا"),
    ("وذكرت مصادرنا أن 5 أشخاص قتلوا في القصف.", "مصادرنا"),
])
def test_a_bare_agency_name_is_a_speaker(text, source):
    """Names ending like a pronoun ("سانا", "مصادرنا") are speakers when they are head words."""
    assert _source_of(text, 5) == (source, _source_of(text, 5)[1])
    assert _source_of(text, 5)[1] != "outlet"


def test_a_pronoun_suffixed_object_is_no_speaker():
    assert _source_of("وأعلنت ولاءها للتنظيم بعد مقتل 5 من عناصرها.", 5)[1] == "outlet"


def test_an_adverbial_after_the_verb_is_no_speaker():
    """"وذكر بالمناسبة ببعض التفاصيل": the speaker is unsaid, the adverbial is none."""
    text = "وذكر بالمناسبة ببعض تفاصيل العملية التي أسفرت عن مقتل 5 إرهابيين."
    assert _source_of(text, 5)[0] != "بالمناسبة ببعض تفاصيل العملية"
    assert _source_of(text, 5)[1] == "outlet"


@pytest.mark.parametrize("text, name", [
    ('وقال المتحدث باسم "قوات سوريا الديمقراطية" إن 5 أشخاص قتلوا.', "قوات سوريا الديمقراطية"),
    ('وذكرت وكالة "معا" الفلسطينية أن 5 أشخاص قتلوا.', "معا"),
    ('وقتل 5 أشخاص، حسب تقديرات "الشبكة العربية لحقوق الإنسان".', "الشبكة العربية لحقوق الإنسان"),
    ('أصيب 5 أشخاص في انفجار، وفق ما أفادت به وكالة "رويترز".', "رويترز"),
])
def test_a_name_is_not_cut_at_a_quote_mark(text, name):
    assert name in _source_of(text, 5)[0]


def test_a_quote_after_a_definite_speaker_is_what_was_said():
    assert _source_of('وقالت الوزارة "إن 5 أشخاص قتلوا في الهجوم".', 5)[0] == "الوزارة"


@pytest.mark.parametrize("text, source", [
    ("وبيّن المتحدث باسم الشرطة أن 5 أشخاص قتلوا في الهجوم.", "المتحدث باسم الشرطة"),
    ("ونوّه المتحدث إلى أن 5 أشخاص قتلوا في الهجوم.", "المتحدث"),
    ("ولفت المسؤول إلى أن 5 أشخاص قتلوا في الهجوم.", "المسؤول"),
    ("وبرّر الجيش قتل 5 أشخاص بأنهم كانوا مسلحين.", "الجيش"),
    ("وشدد الرئيس على أن 5 أشخاص قتلوا في الحرب.", "الرئيس"),
    ("وأكد كل من الجيش والشرطة أن 5 أشخاص قتلوا.", "الجيش والشرطة"),
    ("وأكدت مصادر طبية ومسؤولون محليون أن 5 أشخاص قتلوا.", "مصادر طبية ومسؤولون محليون"),
    ("واعتبر المرصد أن الهجوم هو الأعنف، لافتا إلى أنه أسفر عن مقتل 5 مسلحين.", "المرصد"),
    ("ورأت المنظمة أن مقتل 5 أشخاص يؤكد ضراوة المعارك.", "المنظمة"),
    ('واستطردت الوزارة في بيانها: "مقتل 5 عناصر".', "الوزارة"),
    ("وكانت طهران أعلنت أن 5 جنود قتلوا في الغارة.", "طهران"),  # a capital for its state
    ("وكانت روسيا قد أعلنت أن 5 جنود قتلوا.", "روسيا"),
])
def test_more_reporting_verbs_and_conjoined_speakers(text, source):
    assert _source_of(text, 5)[0] == source


@pytest.mark.parametrize("text", [
    "وتوسطت الأمم المتحدة بين الطرفين لنقل 5 مصابين إلى المستشفى.",
    "وقال الجيش إن 3 جنود أصيبوا في معارك تدور بين الطرفين، وأن 5 مسلحين قتلوا.",
    "وقال المسعفون إن فرق الإنقاذ تبحث بين الأنقاض أن 5 أشخاص قتلوا.",
])
def test_between_is_no_reporting_verb(text):
    """"بين" (between) is spelled like "بيّن" (explained): the verb opens a clause and its speaker
    is followed by "أن" right away."""
    assert _source_of(text, 5)[0] not in ("الطرفين", "الأنقاض")


def test_the_addressee_is_not_the_speaker():
    text = 'وقال الجيش إن 3 جنود أصيبوا. وقال لـ"الشرق الأوسط" إن 5 أشخاص قتلوا في الهجوم.'
    assert _source_of(text, 5)[0] == "الجيش"
    assert _source_of("وقال مسؤول أمني لوكالة فرانس برس إن 5 أشخاص قتلوا.", 5)[0] == "مسؤول أمني"


def test_a_claim_of_responsibility_is_no_report_even_after_a_time_word():
    text = "وأعلن التنظيم، الأحد، مسؤوليته عن الهجوم الذي أدى إلى مقتل 5 أشخاص."
    assert _source_of(text, 5)[1] == "outlet"


def test_a_via_chain_across_a_time_word():
    text = "قتل 5 أشخاص في حادث حافلة، حسبما أوردت وسائل إعلام محلية السبت نقلا عن الشرطة."
    claim = next(c for c in _claims(text) if c.count.value == 5)
    assert claim.source.text == "الشرطة" and [v.text for v in claim.via] == ["وسائل إعلام محلية"]


@pytest.mark.parametrize("text", [
    "وشن الطيران الحربي التابع للجيش 5 غارات على المدينة.",
    "ورفضت المصادر الكشف عن هويتها، وقتل 5 أشخاص في الهجوم.",
])
def test_a_definite_verbal_noun_is_no_reporting_verb(text):
    """"التابع" (affiliated), "الكشف" (disclosure): spelled like "تابع", "كشف" with the article."""
    assert _source_of(text, 5)[1] == "outlet"


def test_the_auxiliary_qad_is_no_part_of_a_subject_first_speaker():
    assert _source_of("وكانت وزارة الصحة قد أعلنت مقتل 5 أشخاص.", 5)[0] == "وزارة الصحة"



def test_is_considered_is_no_reporting_verb():
    """"ويعتبر الهجوم الأعنف": the attack is considered, it says nothing (no "أن")."""
    assert _source_of("ويعتبر الهجوم الأعنف منذ سنوات إذ قتل فيه 5 مسلحين.", 5)[1] == "outlet"


@pytest.mark.parametrize("text, source", [
    ("واتهم حزب الله إسرائيل بالوقوف وراء الهجوم الذي قتل فيه 5 أشخاص.", "حزب الله"),
    ("واتهمت إسرائيل حركة حماس بتنظيم التظاهرات التي قتل فيها 5 أشخاص.", "إسرائيل"),
    ("واتهم الجيش المسلحين بقتل 5 مدنيين.", "الجيش"),
    ("واتهمت دمشق وموسكو المسلحين بقتل 5 مدنيين.", "دمشق وموسكو"),  # two accusers
])
def test_the_accused_is_no_part_of_the_accuser(text, source):
    """"اتهم X Y بـ": X accuses, Y is accused of the charge after "ب"."""
    assert _source_of(text, 5)[0] == source


@pytest.mark.parametrize("text, value, source", [
    ("وقال مصدران عسكريان لوكالة الأنباء إن 7 جنود قتلوا في الهجوم.", 7, "مصدران"),
    ("وأكد مسؤولان أمنيان مقتل 5 جنود في الهجوم.", 5, "مسؤولان أمنيان"),
    ("مصدران عسكريان قالا للوكالة إن 13 مسلحا قتلوا.", 13, "مصدران عسكريان"),
])
def test_two_speakers_named_by_a_dual_speak_and_are_not_counted(text, value, source):
    assert _source_of(text, value) == (source, "anonymous")
    assert [c.count.value for c in _claims(text)] == [value]  # the two speakers are no toll


def test_a_dual_of_people_after_a_verb_of_carrying_is_counted():
    assert [c.count.value for c in _claims("وتم نقل جريحين إلى المستشفى.")] == [2]


@pytest.mark.parametrize("text, source", [
    ("وقال عمال الإنقاذ إن 40 شخصا لقوا حتفهم في الانفجار.", "عمال الإنقاذ"),
    ("وقال مسعفون وعناصر إنقاذ إن 40 شخصا لقوا حتفهم في الانفجار.", "مسعفون وعناصر إنقاذ"),
])
def test_rescuers_speak_and_their_rescue_word_is_no_event(text, source):
    assert _source_of(text, 40) == (source, "anonymous")


@pytest.mark.parametrize("text", [
    "وتحطمت طائرة نقل عند الهبوط في القاعدة ما أدى إلى مقتل 39 شخصا.",
    "وتأخر قرار نقل السجناء بعد مقتل 39 شخصا في الهجوم.",
])
def test_a_reporting_verbs_form_after_a_noun_is_no_report(text):
    """"طائرة نقل": a transport plane, "قرار نقل": a decision to move; no speaker follows."""
    assert _source_of(text, 39)[1] == "outlet"


@pytest.mark.parametrize("text, source", [
    ("إلا أن المرصد السوري أكد مقتل 5 أشخاص.", "المرصد السوري"),
    ("غير أن مصادر طبية أشارت إلى إصابة 5 أشخاص.", "مصادر طبية"),
])
def test_a_speaker_after_however_comes_before_its_verb(text, source):
    assert _source_of(text, 5)[0] == source


def test_a_speaker_named_before_a_relative_clause_after_a_comma():
    text = "ورفضت طهران مزاعم وزارة الداخلية البحرينية، التي أعلنت القبض على 5 أشخاص."
    assert _source_of(text, 5)[0] == "وزارة الداخلية البحرينية"


def test_a_doctor_quoted_by_an_agency_is_the_source():
    claim = rasd.extract("ونقلت الوكالة عن طبيب في المستشفى قوله إن 6 أشخاص أصيبوا.")[0]
    assert (claim.source.text, [v.text for v in claim.via]) == ("طبيب", ["الوكالة"])


@pytest.mark.parametrize("text, source", [
    ("وأفادت السلطات الأفغانية بأن القوات نفذت عمليات في الإقليم. مؤكدة مقتل 40 مسلحا.",
     "السلطات الأفغانية"),
    ("وقالت مصادر ميدانية إن القوات تقدمت في المنطقة. مضيفة أن 40 مسلحا قتلوا.", "مصادر ميدانية"),
])
def test_a_sentence_opening_with_a_participle_of_saying_goes_on_with_its_speaker(text, source):
    assert _source_of(text, 40)[0] == source


def test_a_move_after_background_is_no_report():
    """"على خلفية نقل السفارة": the embassy's move, no one relaying."""
    text = "وقال عباس إن المجزرة وقعت على خلفية نقل السفارة الأميركية لمقرها، والتي أسفرت عن مقتل 52 فلسطينيا."
    assert _source_of(text, 52)[0] == "عباس"


@pytest.mark.parametrize("text, source", [
    # "سجل" speaks only with a document after it, at the head of its clause
    ('وأعلن ائتلاف إغاثي حصيلة جديدة. وسجل تقرير "ائتلاف الإغاثة" مقتل 14 طفلا.', "ائتلاف إغاثي"),
    ("وسجلت المدينة مقتل 14 شخصا في الفيضانات.", "Test Outlet"),
    ("وقال التقرير إن محافظة درعا سجلت الإحصائية الأعلى بمقتل 14 شخصا.", "التقرير"),
])
def test_a_verb_of_recording_speaks_only_with_a_document(text, source):
    assert _source_of(text, 14)[0] == source


@pytest.mark.parametrize("text, source", [
    ("وقالت مصادر في التحالف إن 20 مسلحا قتلوا.", "مصادر في التحالف"),
    ("وقال مسؤول في وزارة الصحة إن 20 شخصا أصيبوا.", "مسؤول في وزارة الصحة"),
    ("وذكرت مصادر من الجيش أن 20 جنديا قتلوا.", "مصادر من الجيش"),
    # a place after "في" is where the sources are, no part of them
    ("وقالت مصادر في غزة إن 20 شخصا قتلوا.", "مصادر"),
    # nor a quoted name cut off, nor the anonymity it asked for
    ('وقال المسؤول في "جيش الإسلام" إن 20 شخصا قتلوا.', "المسؤول"),
    ("وقال مصدر عسكري طلب عدم الكشف عن اسمه إن 20 جنديا قتلوا.", "مصدر عسكري"),
])
def test_an_unnamed_source_keeps_the_body_it_belongs_to(text, source):
    """"مصادر في التحالف": the body is part of the speaker (still anonymous)."""
    assert _source_of(text, 20) == (source, "anonymous")


def test_until_is_no_speaker():
    """"أبلغت حتى أمس عن": the particle "حتى" (until) ends the speaker, it is none."""
    text = "وقال بوسنين إن منظمته أبلغت حتى أمس الاثنين عن وقوع زهاء 100 قتيل."
    assert _source_of(text, 100)[0] != "حتى"


@pytest.mark.parametrize("text, source", [
    # "أما X ... فقالت": the topic is the speaker, across its relative clause
    ("وقالت القناة إن 30 طفلا أصيبوا. أما وكالة سبأ للأنباء التي يسيطر عليها المتمردون، فقالت "
     "إن هناك 12 قتيلا.", ("وكالة سبأ للأنباء", "media")),
    ("أما المرصد السوري لحقوق الإنسان فأكد مقتل 12 شخصا.", ("المرصد السوري لحقوق الإنسان", "monitor")),
    # a topic of no speaker, or a verb with its own subject after it
    ("أما في جبهة الزبداني، فذكر تقرير لناشطين أن 12 عنصرا قتلوا.", ("تقرير لناشطين", "anonymous")),
])
def test_amma_topic_speaker(text, source):
    assert _source_of(text, 12) == source


@pytest.mark.parametrize("text, source", [
    # "سجل" speaks with a body that keeps records after it, as with a document
    ("سجل المرصد السوري لحقوق الإنسان مصرع نحو 12 شخصا.", ("المرصد السوري لحقوق الإنسان", "monitor")),
    ("وسجلت المدينة 12 إصابة جديدة.", ("Test Outlet", "outlet")),  # a city records nothing
])
def test_sajjala_with_a_body_that_keeps_records(text, source):
    assert _source_of(text, 12) == source
