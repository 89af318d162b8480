"""rasd.ingest.records: decoding, checks, Documents from records, streaming JSONL."""

import io
import json

import pytest

from rasd.errors import InputError, RecordError
from rasd.ingest import records
from rasd.ingest.readers import read_inputs
from rasd.ingest.records import (
    Failure,
    check_text,
    decode,
    document_from_record,
    make_document,
    read_jsonl,
)
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


# --- hostile records: each is one line's failure, and the lines after it are read -----------

def _around(bad: bytes) -> list[Document | Failure]:
    return list(read_jsonl(io.BytesIO(_line(id="before") + bad + b"\n" + _line(id="after")),
                           "h.jsonl"))


def test_deeply_nested_line_is_one_failure():
    deep = b'{"text": "x", "extra": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    before, failure, after = _around(deep)
    assert (before.id, after.id) == ("before", "after")
    assert failure.source == "h.jsonl:2" and "nested deeper than" in failure.reason
    bare = _around(b"[" * 50_000)  # not even a record: invalid JSON, never a RecursionError
    assert isinstance(bare[1], Failure) and bare[2].id == "after"


def test_brackets_inside_strings_do_not_count_as_depth():
    text = ARTICLE + " [[[[" * 40 + " {{{{" * 40 + ' \\" ]]'
    line = b'{"id": "s", "text": "' + text.encode("utf-8") + b'"}'
    (doc,) = read_jsonl(io.BytesIO(line), "h.jsonl")
    assert doc.id == "s" and "[[[[" in doc.text


@pytest.mark.parametrize("field, value, kind", [
    ("outlet", ["a"], "an array"), ("url", {"u": 1}, "an object"), ("title", 5, "a number"),
    ("published", 20201005, "a number"), ("outlet", True, "a boolean"),
    ("id", ["x"], "an array"), ("id", 1.5, "a number"), ("id", False, "a boolean")])
def test_fields_of_the_wrong_type_are_refused(field, value, kind):
    before, failure, after = _around(_line(**{field: value}).rstrip(b"\n"))
    assert isinstance(failure, Failure) and failure.code == "bad_record"
    assert failure.reason == f"field '{field}' must be a string{', an integer' if field == 'id' else ''} or null, not {kind}"
    assert (before.id, after.id) == ("before", "after")


def test_null_fields_and_integer_ids_are_fine():
    (doc,) = read_jsonl(io.BytesIO(_line(id=12, outlet=None, url=None, title=None,
                                         published=None)), "h.jsonl")
    assert doc.id == "12" and doc.outlet is None and doc.published is None


def test_lone_surrogates_become_replacement_characters():
    line = ('{"id": "s\\ud800", "outlet": "\\udfff", "title": "\\ud800عنوان", "text": "'
            + ARTICLE + '\\ud800"}').encode("ascii", "backslashreplace")
    (doc,) = read_jsonl(io.BytesIO(line), "h.jsonl")
    assert doc.id == "s\ufffd" and doc.outlet == "\ufffd"
    assert doc.text == "\ufffdعنوان\n" + ARTICLE + "\ufffd"
    assert doc.title_end == len("\ufffdعنوان")
    doc.text.encode("utf-8")  # storable and hashable
    paired = json.dumps({"text": ARTICLE + " \U0001F600"}).encode()  # a valid pair stays
    assert next(read_jsonl(io.BytesIO(paired), "p")).text.endswith("\U0001F600")


def test_content_hash_never_raises_on_surrogates():
    from rasd.store import content_hash

    assert content_hash("a\ud800") != content_hash("a\ufffd")


def test_an_unexpected_error_is_the_line_s_failure(monkeypatch):
    def boom(*args, **kwargs):
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(records, "document_from_record", boom)
    items = list(read_jsonl(io.BytesIO(_line(id="a") + _line(id="b")), "h.jsonl"))
    assert [type(i) for i in items] == [Failure, Failure]
    assert items[0].reason == "unexpected error (ZeroDivisionError: division by zero second line)"
    assert items[1].source == "h.jsonl:2"
