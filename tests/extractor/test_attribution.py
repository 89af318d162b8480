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


def test_yudhkar_with_a_subject_is_a_speaker():
    text = "وقال الجيش إن 5 جنود قتلوا. ويذكر مصدر طبي أن 20 شخصا قتلوا في الهجوم."
    assert _source_of(text, 20) == ("مصدر طبي", "anonymous")
