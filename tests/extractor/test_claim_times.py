"""The time of each claim (rasd.extractor.claim_times), end to end."""

import pytest
from claims_kit import one_claim

import rasd


def test_claim_time_defaults_to_publication():
    claim = one_claim("قُتل 5 أشخاص في انفجار.")
    assert claim.time is not None and claim.time.date == "2020-10-05"
    assert claim.time.precision == "publication"


def test_claim_time_from_the_sentence():
    claim = one_claim("قُتل 5 أشخاص أمس الأحد في انفجار.")
    assert claim.time.date == "2020-10-04" and claim.time.precision == "day"


@pytest.mark.parametrize("text", [
    "أعلنت وزارة الداخلية، السبت، أن انفجاراً وقع مساء الجمعة أدى إلى إصابة 6 أشخاص.",
    "وقال مسؤولو الشرطة السبت إن 6 أشخاص أصيبوا في انفجار الجمعة.",
])
def test_the_event_day_wins_over_the_day_of_the_statement(text):
    """"أعلنت الوزارة، السبت، أن ...": Saturday dates the statement; the event's own day
    (Friday, 2020-10-02) dates the claim."""
    claim = one_claim(text)
    assert claim.time.date == "2020-10-02" and claim.time.precision == "day"


@pytest.mark.parametrize("text, date", [
    ("أعلنت وزارة الداخلية، السبت، أن 6 أشخاص أصيبوا في انفجار.", "2020-10-03"),
    ("قال المرصد، السبت، إن 6 مقاتلين قتلوا في أعنف هجوم منذ نحو عام.", "2020-10-03"),
    ("أعلنت الوزارة الجمعة مقتل 6 أشخاص في مظاهرات انطلقت بعد ظهر اليوم.", "2020-10-02"),
])
def test_the_day_of_the_statement_dates_a_claim_with_no_event_day(text, date):
    """Without another day (a year compared to, or a day after the statement, is none), the
    statement's day dates the claim: most often the event's day too."""
    claim = one_claim(text)
    assert claim.time.date == date and claim.time.precision == "day"


def test_cumulative_toll_gets_a_start_marker():
    claim = one_claim("قُتل أكثر من 300 ألف شخص منذ بدء الحرب.")
    assert claim.time.precision == "since"


def test_a_scheduled_day_dates_no_claim():
    """"وقف إطلاق النار الذي ينتهي الأحد": Sunday is when the truce ends, not when 25 died."""
    claim = one_claim("دعت السلطات يوم السبت إلى تمديد الهدنة التي تنتهي الأحد إثر مقتل 25 شخصا.")
    assert claim.time.date == "2020-10-03"  # Saturday, not Sunday 2020-10-04


def test_the_day_a_campaign_began_dates_no_incident():
    """"مسيرة العودة التي انطلقت في 30 مارس": the march's first day, not the day 40 died."""
    claim = next(c for c in rasd.extract(
        "وأدت المواجهات يوم الأحد إلى مقتل 40 شخصا، ليرتفع عدد قتلى المسيرات التي انطلقت في "
        "30 مارس إلى 100.", published="2020-10-05") if c.count.value == 40)
    assert claim.time.date == "2020-10-04"


def test_statement_days_are_the_days_right_after_a_speaker():
    from rasd.extractor.claim_times import statement_days

    said = rasd.extract_document("أعلنت وزارة الداخلية، السبت، أن 6 أشخاص قتلوا الجمعة.",
                                 published="2020-10-05")
    assert [t.precision for t in said.times if t.start in statement_days(said)] == ["day"]
    assert len(said.times) == 2  # Friday, the event's day, is not the statement's
    plain = rasd.extract_document("قتل 6 أشخاص السبت في انفجار.", published="2020-10-05")
    assert plain.times and not statement_days(plain)


def test_dated_spans_are_the_lead_and_the_sentences_up_to_each_claim():
    """Times are sought in the headline and lead, and in each claim's sentence with the four
    before it (the three a claim may take its time from, and one more)."""
    from rasd.extractor.claim_times import dated_spans

    filler = "وصل الوفد إلى المدينة يوم الأحد."
    text = " ".join([filler] * 9 + ["وقتل 6 أشخاص في انفجار."] + [filler] * 3)
    doc = rasd.extract_document(text, published="2020-10-05")
    assert [d.sentence for d in doc.drafts] == [9]
    sentences = doc.sentences
    assert dated_spans(doc) == [(sentences[0][0], sentences[1][1]),
                                (sentences[5][0], sentences[9][1])]
    assert all(sentences[5][0] <= t.start < sentences[9][1] or t.start < sentences[1][1]
               for t in doc.times)
    assert len(doc.times) == 6  # one Sunday in each of sentences 0, 1 and 5-8


@pytest.mark.parametrize("text, value, date, precision", [
    # the strikes' Saturday is not the day of the attack they answer
    ("شنت الدول الثلاث ضربات السبت ردا على هجوم كيماوي أدى إلى مقتل 40 شخصا.", 40,
     "2020-10-05", "publication"),
    # the 2 soldiers died before the Sunday the 12 civilians were executed
    ("أعدمت القوات يوم الأحد 12 مدنيا انتقاما لمقتل جنديين في هجوم.", 2, "2020-10-05",
     "publication"),
    ("أعدمت القوات يوم الأحد 12 مدنيا انتقاما لمقتل جنديين في هجوم.", 12, "2020-10-04", "day"),
    # a day after the response phrase is the earlier event's own
    ("قصف الجيش صباح الأحد مواقع المسلحين ردا على الهجوم الذي استهدف يوم الجمعة موقعا "
     "عسكريا وأسفر عن مقتل 12 جنديا.", 12, "2020-10-02", "day"),
])
def test_a_figure_of_the_event_a_response_answers_is_not_dated_by_the_response(
        text, value, date, precision):
    claim = next(c for c in rasd.extract(text, published="2020-10-05")
                 if c.count.value == value)
    assert (claim.time.date, claim.time.precision) == (date, precision)


@pytest.mark.parametrize("text", [
    "وقال الوزير الأحد ردا على سؤال إن 30 شخصا قتلوا في الانفجار.",  # an answer's day
    "وردا على الهجوم، قتلت القوات يوم الأحد 30 مسلحا.",  # the response's own figure
])
def test_a_response_phrase_leaves_the_statement_and_the_response_dated(text):
    claim = one_claim(text)
    assert (claim.time.date, claim.time.precision) == ("2020-10-04", "day")
