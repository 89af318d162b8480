from rasd.text.normalize import normalize_string
from rasd.text.segment import ends_a_sentence, paragraphs, sentences
from rasd.text.tokens import stems, tokenize


def _sents(text):
    norm = normalize_string(text)
    return [norm[s:e] for s, e in sentences(norm)]


def test_sentences_split_on_stops_not_commas():
    parts = _sents("قال المرصد إن 12 شخصاً قتلوا، وأصيب 30. وأضاف أن الحصيلة قد ترتفع! هل انتهى؟ نعم")
    assert len(parts) == 4
    assert parts[0].startswith("قال") and "،" in parts[0]


def test_decimal_and_thousands_points_do_not_split():
    assert len(_sents("قتل 1.200 شخص في 3.5 ساعات.")) == 1


def test_line_breaks_split_sentences_and_paragraphs():
    norm = normalize_string("عنوان الخبر\nالفقرة الأولى. جملة ثانية\nالفقرة الثانية")
    assert len(sentences(norm)) == 4
    assert len(paragraphs(norm)) == 3


def test_clitic_stems():
    assert "القتلى" in stems("والقتلى") and "قتلى" in stems("والقتلى")
    assert "المرصد" in stems("للمرصد") and "مرصد" in stems("للمرصد")
    assert "27" in stems("ال27")
    assert stems("من") == ("من",)


def test_tokens_carry_offsets():
    norm = normalize_string("وقُتل ٩٣ مقاتلاً")
    toks = tokenize(norm)
    assert [t.text for t in toks] == ["وقتل", "93", "مقاتلا"]
    assert all(norm[t.start:t.end] == t.text for t in toks)


def test_ends_a_sentence_by_the_splitting_rule():
    assert ends_a_sentence("قتل 5. وأضاف")
    assert ends_a_sentence("العنوان\nالنص")
    assert not ends_a_sentence("بلغ 1.200 شخص، وأضاف")   # a decimal point, a comma
