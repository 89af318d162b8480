"""Figures beside an event word that report no event (GUIDELINES, "What is not a claim")."""

import pytest

import rasd
from rasd.model import Count


def _claims(text):
    return [(c.type, c.count) for c in rasd.extract(text, published="2020-10-05", outlet="T")]


@pytest.mark.parametrize("text", [
    "قضت المحكمة بالسجن المؤبد لستة صحفيين.",              # a prison term
    "حكمت المحكمة بسجن 10 متهمين خمس سنوات.",
    "أصدرت المحكمة حكماً بالإعدام على 29 متهماً.",          # a death sentence
    "المدينة التي يعيش فيها نحو 200 ألف مدني.",             # a standing population
    "تستضيف البلاد 3 ملايين لاجئ فروا من الحرب.",
    "وأشاد باستقبال المملكة أكثر من مليوني سوري هربوا من العنف.",  # refugees hosted
    "ورعت فرنسا المحادثات بين الرجلين في 2017 بهدف الخروج من الأزمة.",  # a purpose
    "وقال إن الإفراج عن 1500 سجين لم يتم.",                   # not done, and nothing else
    "لم يسقط أي قتيل في الهجوم.",                              # none: no exceptive
    "والتقى المسؤول 20 من أسر الشهداء.",                       # families of the dead
    "ويقبع 6500 أسير فلسطيني في السجون الإسرائيلية.",          # prisoners held
    "وقال إن هناك مئات المعتقلين في سجن المدينة.",
    "وتعهدت الهيئة بثلاثة آلاف ملف لجرحى وشهداء الثورة، واستمعت إلى 1500 شهادة.",  # a new clause
    "وقال عدد من الشهود إن القصف استمر طوال الليل.",          # the speakers counted
    "والمجمع يضم عددا من أسر المهندسين إضافة إلى عدد من الأسر النازحة.",  # families housed
    "بلغ معدل القتل في البلاد 20 حالة قتل لكل 100 ألف شخص.",  # a rate (and "حالة" alone)
    "سجلت الوزارة إصابة 300 شخص بالكوليرا.",                # an infection
    "ويعاني 200 ألف تونسي مصابون بالانسداد الرئوي المزمن.",  # a chronic disease
    "اعتقلت الشرطة عدداً كبيراً من المتظاهرين.",           # "a large number": no class
    "قتل الكثير من المدنيين في القصف.",
    "تنتج البلاد 450 ألف برميل من النفط يومياً.",              # oil, not barrel bombs
    "ولا يرغب سكانها، وعددهم نحو 400 ألف نسمة، في الهروب.",   # inhabitants, not displaced
    "واتهمهم بالضلوع في محاولة اغتيال الرئيس.",               # an attempt
    "وكان قد خطط لقتل أكبر عدد من الفرنسيين.",                # a plan, "as many as possible"
    'وقال إن "عددا كبيرا" من المقاتلين "فروا".',               # "a large number" in quotes
    "وضبط بحوزتهم عدد (3) بنادق آلية.",                        # weapons seized, no arrests
    "وتطالب العائلات بالحقيقة في قضية اختفاء 43 طالبا.",         # an affair named
    "وأحيا الآلاف الذكرى الأولى لمقتل 50 شخصا في المجزرة.",       # an anniversary
    "وقال إن عدد الضحايا ارتفع بثلاثة أضعاف.",                  # a multiple
    "وقال: كنا نتوقع أن يصل عدد النازحين إلى 200 ألف.",           # an expectation
    "وأكد التقرير أن المتمردين زرعوا عشرات الآلاف من الألغام التي حصدت أرواح المدنيين.",  # mines
    "وحصد الحزب 40 مقعدا في البرلمان.",                          # seats, not lives
    "وتفشت الكوليرا التي أصابت 1.1 مليون شخص في اليمن.",          # a disease that struck them
    "وأصابت الكوليرا 200 ألف شخص.",
    "وتم الاستيلاء على 40 صاروخ كاتيوشا.",                         # munitions seized
    "وسيؤدي انهياره إذا حدث إلى غرق مدن وتشريد أكثر من مليون شخص.",  # a future causative
    "وقال إن مئات الآلاف من الأشخاص ربما يقتلون.",                  # maybe
    "ونفى أن يكون قد أمر أو فكر في اغتيال الرئيس.",                  # thought of
    "وقال إن أحد السيناريوهات المحتملة هو أنه اختطف داخل القنصلية.",  # a scenario
    "وهناك تحفيز يتراوح بين 8 آلاف و15 ألف بيزو.",                 # money
    "ولقي الطاقم مصرعه على متن طائرة الاستطلاع إيل-20.",          # an aircraft model
    "وصدرت أحكام بحق 45 متهما، 22 منهم في السجن و23 في حالة فرار.",  # at large
    "وتعهدت الحكومة بإعادة 200 ألف لاجئ إلى بلادهم في حال فوزها.",  # a pledge on a condition
    "ومثال على ذلك سجن الناشط عيسى لمدة ست سنوات بسبب تغريدة.",    # a prison term of one
    "وقضت المحكمة بسجن الإرهابي ثلاث سنوات.",
    "وتم إيقاف الضابط هوي ليك، عن العمل ثلاثة أيام.",               # suspended from duty
    "وقررت الوزارة إيقاف 12 موظفا عن العمل.",
    "وذكرت الوكالة أن عدة جنود أوقفوا عن الخدمة.",
    "وفقد 200 عامل وظائفهم.",                                       # jobs lost, no one missing
    "وفقد أكثر من 350 من الصحافيين والعاملين في وسائل الإعلام أعمالهم.",
    "وكان آلاف الفلسطينيين قد خرجوا في مظاهرات قرب السياج.",          # out to protest
    "خرج نحو 20 شخصا من دعاة تفوق العرق الأبيض للتظاهر أمام البيت الأبيض.",
    "وقالت الوزارة إن ثلاثة منهم خرجوا من المستشفى.",               # out of hospital
    "إذ تعرضت قوافل عدة خرجت في إطار عمليات الإجلاء لإطلاق نار.",   # convoys, not people
    "وقالت مصادر إن التنظيم يحتجز نحو 100 ألف نسمة في المدينة كدروع بشرية.",  # a population
    "وتجري محاكمة ثمانية أشخاص بتهمة قتل 370 شخصا جنوب الموصل.",     # a charge
    "ووجهت له المحكمة تهمة القتل والشروع بقتل 5 آخرين.",               # an attempt
    "وشن الجيش عمليات عسكرية عدة تبعها اتفاقات إجلاء.",                # operations counted
    "وقضت المحكمة العسكرية بمحافظة الإسكندرية في مصر، الخميس، بإعدام 17 متهما.",  # sentenced
    "الحصار أو الحرب أو التهجير 3 خيارات باتت جزءا من خطة النظام.",       # options counted
    "وضبط وتدمير عدد (25) دراجة نارية.",                                      # motorcycles
    "وتسجل البلاد 33 ألف وفاة سنويا في عمليات إطلاق النار.",                  # a yearly average
])
def test_not_a_claim(text):
    assert _claims(text) == []


@pytest.mark.parametrize("text, expected", [
    ("أعدمت السلطات 8 أشخاص أدانتهم المحكمة.", ("killed", Count(value=8))),  # an execution
    ("اعتقلت الشرطة عدداً من المتظاهرين.", ("arrested", Count(vague="several"))),
    ("وقال موقع سويداء 24 إن 5 أشخاص قتلوا.", ("killed", Count(value=5))),
    ("ويوجد نحو 220 آخرين في عداد المفقودين.", ("missing", Count(value=220, qualifier="about"))),
    ("وأضافت المنظمة أن 19 من هؤلاء فقد أثرهم.", ("missing", Count(value=19))),  # trace lost
    ("تم القضاء على 40 مسلحاً.", ("killed", Count(value=40))),
    ("ألقت المروحيات 20 برميلاً متفجراً على الحي.", ("strikes", Count(value=20))),
    ("خلف الزلزال الذي وقع في 5 أغسطس/آب 460 قتيلا.", ("killed", Count(value=460))),  # the month
    ("وقالت إن محاولة التسلل خلفت مقتل 30 عنصرا.", ("killed", Count(value=30))),  # what it caused
    ("قتل 133 شخصا خلال 80 هجوما.", ("killed", Count(value=133))),  # attacks are no victims
    ("قتل 50 شخصا في الذكرى الأولى للثورة.", ("killed", Count(value=50))),  # killed on the day
    ("وأودت الحرب بحياة أكثر من 350 ألف نسمة.",
     ("killed", Count(value=350000, qualifier="at_least"))),  # the dead counted in inhabitants
    ("واعتقل الناشط منذ ثلاث سنوات.", ("arrested", Count(value=1))),  # three years ago: no term
    ("وأعدمت السلطات 17 متهما بالإرهاب.", ("killed", Count(value=17))),  # executed
    ("واعتقلت الشرطة 5 أشخاص عن طريق الخطأ.", ("arrested", Count(value=5))),  # no duty after عن
    ("وقال مسؤول إن عمليات الإجلاء شملت 170 مريضا من المستشفى.",  # an evacuation, no discharge
     ("displaced", Count(value=170))),
    ("وأعلن المستشفى استقبال 37 جثة.", ("killed", Count(value=37))),  # a hospital: victims
    ("وتم إجلاء الجرحى، ويقدر عددهم بحوالى الألف.", ("displaced", Count(value=1000, qualifier="about"))),
    ("قتل 28 شخصا لم يتم التعرف على هوياتهم.", ("killed", Count(value=28))),  # not identified
    ("واعتقلت الشرطة 5 أشخاص ولم يتم الكشف عن أسمائهم.", ("arrested", Count(value=5))),
    ("لم يسقط سوى قتيلين في الهجوم.", ("killed", Count(value=2))),  # only two
    ("وسجلت المحافظة عودة عشرات الأسر النازحة.", ("returned", Count(vague="tens"))),
    ("وأعلنت الإدارة أن عدد القتلى وصل إلى 79 شخصا.", ("killed", Count(value=79))),  # reached
    ("وقالت الوزارة إن حصيلة الجرحى قد وصلت إلى 40.", ("injured", Count(value=40))),
    ("لم يقتل إلا جنديان في الهجوم.", ("killed", Count(value=2))),
])
def test_still_a_claim(text, expected):
    assert _claims(text) == [expected]



def test_a_malformed_not_claims_file_names_the_file_and_the_entry(broken_data) -> None:
    from rasd.errors import DataError
    from rasd.extractor import not_claims

    broken_data(not_claims, "not_claims.yaml", lambda d: d.update({"verdict_window": "ten"}),
                not_claims.lexicon)
    with pytest.raises(DataError, match=r"^not_claims\.yaml: verdict_window: an integer expected"):
        not_claims.lexicon()


def test_a_state_after_fi_hal_is_no_condition():
    assert _claims("وأصيب 5 أشخاص في حال خطرة.") == [("injured", Count(value=5))]


def test_a_capture_joined_after_a_figure_is_no_family_it_counts():
    claims = _claims("وأكد مقتل عشرة جنود وإصابة 15، وأسر عشرات آخرين.")
    assert ("injured", Count(value=15)) in claims and ("killed", Count(value=10)) in claims


@pytest.mark.parametrize("text", [
    "وحكم بالإعدام على امرأة ألمانية في وقت سابق من العام.",
    "وصدر حكم بإعدامه عام 2004 بعد إدانته.",
    "وقال الوزير إنه سيطلب تنفيذ عقوبة الإعدام على المشتبه به.",
])
def test_a_death_sentence_passed_on_one_person_is_no_death(text):
    assert _claims(text) == []


@pytest.mark.parametrize("text, expected", [
    ("شيع آلاف الفلسطينيين السبت الشاب الذي قتل برصاص الجيش.", [("killed", Count(value=1))]),
    ("وشارك الآلاف الاثنين في تشييع جثامين ضحايا القصف.", []),
    ("آلاف اليمنيين يشيعون جثامين 29 طفلا قتلوا في الغارة",
     [("killed", Count(value=29))]),
    ("وأدلى بتصريحاته في جنازة لضحايا الهجوم حضرها الآلاف.", []),
    ("ومقتل الفتى أثار غضب الآلاف.", [("killed", Count(value=1))]),
    # the victims took part; munitions take part; the displaced gather
    ("وقتل 5 أشخاص شاركوا في المظاهرة.", [("killed", Count(value=5))]),
    ("والجانب الفرنسي شارك بـ12 صاروخا في الضربة.", [("strikes", Count(value=12))]),
    # the crowd a shooting was aimed at; but a campaign's targets were taken
    ("ولقي 12 شخصا مصرعهم برصاص القوات الذي استهدف آلاف المتظاهرين.",
     [("killed", Count(value=12))]),
    ("وشنت الميليشيا حملة خطف جديدة استهدفت عددا من النشطاء.",
     [("abducted", Count(vague="several"))]),
])
def test_mourners_and_crowds_are_no_victims(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ونفذت السلطات حكم الإعدام بحق 12 شخصا.", [("killed", Count(value=12))]),  # carried out
    ("وتم تنفيذ حكم الإعدام في 7 مدانين.", [("killed", Count(value=7))]),
    ("وأصدرت المحكمة حكما بالإعدام على 7 مدانين.", []),                           # only passed
])
def test_a_death_sentence_carried_out_is_a_death(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("هناك أكثر من ألف شخص بحاجة إلى إجلاء طبي.", []),
    # in need of care for the wounds they suffered: wounded
    ("وقال إن مئات الأشخاص في حاجة إلى علاج جروح أصيبوا بها.", [("injured", Count(vague="hundreds"))]),
])
def test_people_in_need_of_the_event_after_the_figure(text, expected):
    assert _claims(text) == expected


def test_a_parents_children_are_no_count():
    # "أب لطفلين": a parent's children, no two wounded (the Tunisian father is one)
    assert _claims("وأصيب بين الجرحى تونسي أب لطفلين.") == [("injured", Count(value=1))]
