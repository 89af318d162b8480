"""The name of the one person a claim counts."""

from __future__ import annotations

import pytest

import rasd
from rasd.extractor.named import shared_names


def names(text: str) -> list[tuple[str, str | None]]:
    return [(c.type, c.subject.name if c.subject else None)
            for c in rasd.extract(text, published="2018-10-10", outlet="Example")]


@pytest.mark.parametrize("text, name", [
    ("أعربت الحكومة عن قلقها من اختفاء الصحفي السعودي جمال خاشقجي في إسطنبول.", "جمال خاشقجي"),
    ("قالت الشرطة إنها اعتقلت الناشط الحقوقي، علاء عبد الفتاح، أمس.", "علاء عبد الفتاح"),
    ("قتل الجندي المصاب في المستشفى.", None),            # an adjective, no name
    ("اعتقلت الشرطة الشاب محمد أمس في حلب.", None),      # one word is no name
    ("قتل ضابط وضابط صف في الهجوم.", None),               # an indefinite noun
    ("قتل الشاب الفلسطيني برصاص الجيش.", None),           # a preposition, a nationality
])
def test_name_after_the_subject(text, name):
    found = [n for _, n in names(text)]
    assert found and found[0] == name, names(text)


def test_the_article_names_the_same_noun_elsewhere():
    text = ("أعلنت السلطات اختفاء الصحفي في تركيا.\n"
            "وكان الصحفي السعودي جمال خاشقجي قد دخل القنصلية ولم يخرج.")
    assert ("missing", "جمال خاشقجي") in names(text)


def test_shared_names_only_when_one_name():
    assert shared_names(["killed", "killed"], ["أ ب", None], [True, True]) == ["أ ب", "أ ب"]
    assert shared_names(["killed", "killed", "killed"], ["أ ب", "ج د", None],
                        [True, True, True])[2] is None
    assert shared_names(["killed", "arrested"], ["أ ب", None], [True, True])[1] is None
    assert shared_names(["killed", "killed"], ["أ ب", None], [True, False])[1] is None



def test_a_malformed_names_file_names_the_file_and_the_entry(broken_data) -> None:
    from rasd.errors import DataError
    from rasd.extractor import named

    broken_data(named, "names.yaml", lambda d: d.pop("max_words"), named._lexicon)
    with pytest.raises(DataError, match=r"^names\.yaml: max_words: missing"):
        named._lexicon()
