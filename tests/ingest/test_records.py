"""rasd.ingest.records: decoding, checks, Documents from records, streaming JSONL."""

import io
import json

import pytest

from rasd.errors import InputError, RecordError
from rasd.ingest import records
from rasd.ingest.readers import read_inputs
from rasd.ingest.records import (Failure, check_text, decode, document_from_record, make_document,
                                 read_jsonl)
from rasd.model import Document

ARTICLE = "قالت الشرطة إن 12 شخصاً قتلوا في الهجوم."


# --- decode ----------------------------------------------------------------------------------

def test_decode_utf8():
    assert decode(ARTICLE.encode("utf-8"), "a.txt") == ARTICLE


def test_decode_utf8_bom_is_dropped():
    assert decode(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "a.txt") == ARTICLE


def test_decode_cp1256():
    data = ARTICLE.encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data, "a.txt") == ARTICLE


def test_decode_refuses_binary():
    with pytest.raises(InputError, match="binary") as info:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.txt")
    assert info.value.source == "img.txt"
    assert str(info.value).startswith("img.txt: ")
    assert info.value.code == "bad_input"


def test_decode_refuses_utf16():
    with pytest.raises(InputError):
        decode(ARTICLE.encode("utf-16"), "u16.txt")


# --- check_text ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_check_text_empty(text):
    with pytest.raises(InputError, match="empty"):
        check_text(text, "x")


def test_check_text_too_long(monkeypatch):
    monkeypatch.setattr(records, "MAX_CHARS", 20)
    with pytest.raises(InputError, match="too long"):
        check_text(ARTICLE, "x")
    assert check_text(ARTICLE[:20], "x") == ARTICLE[:20]


@pytest.mark.parametrize("text", ["Police said 12 people were killed.", "12345 67 -- !!",
                                  "Police said that the attack in Paris killed people (باريس)."])
def test_check_text_not_arabic(text):
    with pytest.raises(InputError, match="Arabic"):
        check_text(text, "x")


def test_check_text_accepts_arabic_with_latin():
    text = "قالت وكالة Reuters إن 12 شخصاً قتلوا في الهجوم."
    assert check_text(text, "x") == text


# --- make_document ---------------------------------------------------------------------------

def test_make_document_title_is_first_line():
    doc = make_document(ARTICLE, title="  مقتل 12 شخصاً  ", published="2020-10-05",
                        outlet="Test", url="http://example.invalid/a")
    assert isinstance(doc, Document)
    assert doc.text == "مقتل 12 شخصاً\n" + ARTICLE
    assert doc.title_end == len("مقتل 12 شخصاً")
    assert doc.text[:doc.title_end] == "مقتل 12 شخصاً"
    assert doc.text[doc.title_end] == "\n"
    assert (doc.published, doc.outlet, doc.url) == ("2020-10-05", "Test", "http://example.invalid/a")


def test_make_document_without_title():
    doc = make_document(ARTICLE)
    assert doc.text == ARTICLE and doc.title_end == 0 and doc.published is None
    assert make_document(ARTICLE, title="   ").text == ARTICLE


def test_make_document_id_is_a_stable_content_hash():
    a, b = make_document(ARTICLE), make_document(ARTICLE)
    assert a.id == b.id and len(a.id) == 16
    int(a.id, 16)
    assert make_document(ARTICLE + " ").id != a.id
    assert make_document(ARTICLE, title="عنوان").id != a.id
    assert make_document(ARTICLE, published="2020-01-01").id == a.id  # content only


def test_make_document_keeps_given_id():
    assert make_document(ARTICLE, id="sanad-1").id == "sanad-1"


def test_make_document_checks_text():
    with pytest.raises(InputError, match="empty"):
        make_document("", source="rec")
    with pytest.raises(InputError, match="Arabic"):
        make_document("English only", source="rec")


def test_document_from_record():
    doc = document_from_record({"id": 7, "title": "عنوان", "text": ARTICLE,
                                "published": "2020-10-05", "outlet": "Test"}, "f:1")
    assert doc.id == "7" and doc.text.startswith("عنوان\n") and doc.outlet == "Test"
    with pytest.raises(RecordError, match="not a JSON object"):
        document_from_record(["a"], "f:2")
    with pytest.raises(RecordError, match="'text'"):
        document_from_record({"id": "x", "text": 5}, "f:3")


# --- read_jsonl ------------------------------------------------------------------------------

def _line(**record) -> bytes:
    return json.dumps({"text": ARTICLE, **record}, ensure_ascii=False).encode("utf-8") + b"\n"


def test_read_jsonl_skips_blank_lines():
    data = b"\n" + _line(id="a") + b"   \n\r\n" + _line(id="b") + b"\n"
    items = list(read_jsonl(io.BytesIO(data), "f.jsonl"))
    assert [d.id for d in items] == ["a", "b"]


def test_read_jsonl_failures_name_the_line():
    data = _line(id="a") + b"{broken\n" + _line(id="b")
    items = list(read_jsonl(io.BytesIO(data), "f.jsonl"))
    assert isinstance(items[0], Document) and isinstance(items[2], Document)
    failure = items[1]
    assert isinstance(failure, Failure)
    assert failure.source == "f.jsonl:2" and "invalid JSON" in failure.reason
    assert str(failure).startswith("f.jsonl:2: ")


def test_read_jsonl_failure_reason_has_no_repeated_source():
    items = list(read_jsonl(io.BytesIO(_line(id="e", text="")), "f.jsonl"))
    assert items == [Failure("f.jsonl:1", "empty text", "bad_input")]


def test_read_jsonl_cp1256_line():
    data = json.dumps({"id": "c", "text": ARTICLE}, ensure_ascii=False).encode("cp1256") + b"\n"
    (doc,) = read_jsonl(io.BytesIO(data), "f.jsonl")
    assert doc.text == ARTICLE


def test_read_jsonl_over_long_line(monkeypatch):
    monkeypatch.setattr(records, "MAX_LINE_BYTES", 200)
    long_line = _line(id="long", text=ARTICLE * 20)
    assert len(long_line) > 3 * 200  # spans several reads
    data = _line(id="a") + long_line + _line(id="b") + b"\n" + _line(id="c")
    items = list(read_jsonl(io.BytesIO(data), "f.jsonl"))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document", "Document"]
    assert items[1].source == "f.jsonl:2" and "longer than" in items[1].reason
    assert [d.id for d in items if isinstance(d, Document)] == ["a", "b", "c"]


def test_read_jsonl_over_long_last_line(monkeypatch):
    monkeypatch.setattr(records, "MAX_LINE_BYTES", 200)
    data = _line(id="a") + _line(id="long", text=ARTICLE * 20).rstrip(b"\n")
    items = list(read_jsonl(io.BytesIO(data), "f.jsonl"))
    assert isinstance(items[0], Document) and isinstance(items[1], Failure)
    assert len(items) == 2


# --- read_inputs -----------------------------------------------------------------------------

def test_read_inputs_text_and_jsonl_files(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_bytes(_line(id="j1") + _line(id="j2"))
    items = list(read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")]))
    assert [type(i) for i in items] == [Document] * 3
    assert [d.id for d in items[1:]] == ["j1", "j2"]


def test_read_inputs_missing_file_and_no_stdin(tmp_path):
    missing, stdin = list(read_inputs([str(tmp_path / "nope.txt"), "-"], stdin=None))
    assert isinstance(missing, Failure) and missing.code == "bad_input"
    assert isinstance(stdin, Failure) and stdin.source == "<stdin>"


def test_read_inputs_stdin_jsonl():
    stdin = io.BufferedReader(io.BytesIO(_line(id="s1") + _line(id="s2")))
    assert [d.id for d in read_inputs(["-"], stdin)] == ["s1", "s2"]


def test_read_inputs_jsonl_with_bom(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _line(id="b1") + _line(id="b2"))
    assert [d.id for d in read_inputs([str(path)])] == ["b1", "b2"]
