"""The pipeline's stream runner."""

import rasd
from rasd.pipeline import claims_only, run_many

TEXTS = ["قالت الشرطة إن 12 شخصاً قتلوا في الهجوم.", "أصيب 30 شخصاً بجروح في انفجار.",
         "اعتقلت قوات الأمن 5 أشخاص."]


def test_run_many_in_a_process_pool_keeps_order_and_results():
    docs = [rasd.make_document(t, id=f"d{i}") for i, t in enumerate(TEXTS * 20)]
    serial = [d.claims for d in run_many(docs)]
    pooled = list(run_many(iter(docs), workers=2, chunksize=2, fn=claims_only))
    assert [d.id for d in pooled] == [d.id for d in docs]
    assert [d.claims for d in pooled] == serial


# --- any input: every stage returns, every span is inside the text and reads as its field -------

import datetime as dt  # noqa: E402
from importlib import resources  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st

from rasd import pipeline  # noqa: E402
from rasd.lang.ar import load_yaml  # noqa: E402
from rasd.model import Document  # noqa: E402
from rasd.text.normalize import _normalize_slow  # noqa: E402


def _lexicon_strings() -> list[str]:
    """Every word and phrase of the YAML data files: figures, event words, sources, places."""
    out: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(key)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and any("\u0600" <= ch <= "\u06ff" for ch in node):
            out.add(node)
    for path in resources.files("rasd.lang.ar").joinpath("data").iterdir():
        if path.name.endswith(".yaml"):
            walk(load_yaml(path.name))
    return sorted(out)


WORDS = _lexicon_strings()
_TRIGGERS, _PERSONS, _SAY = (load_yaml(f) for f in ("triggers.yaml", "persons.yaml",
                                                    "attribution.yaml"))
EVENT_WORDS = sorted({w for entry in _TRIGGERS.values() for role in ("verb", "masdar", "noun")
                      for w in entry.get(role, [])})
PEOPLE = sorted(set(_PERSONS["plural"] + _PERSONS["singular"]))
SPEAKERS = st.tuples(st.sampled_from(_SAY["reporting_verbs"]),
                     st.sampled_from(_SAY["government_heads"] + _SAY["monitor_heads"]
                                     + _SAY["anonymous_heads"]),
                     st.sampled_from(["إن", "أن", "", ":"])).map(" ".join)
FIGURES = st.one_of(st.integers(0, 10**12).map(str), st.sampled_from(WORDS))
CLAIMS = st.one_of(
    st.tuples(st.sampled_from(EVENT_WORDS), FIGURES, st.sampled_from(PEOPLE)),
    st.tuples(FIGURES, st.sampled_from(PEOPLE), st.sampled_from(EVENT_WORDS)),
).map(" ".join)
PIECES = st.one_of(
    CLAIMS, CLAIMS, SPEAKERS, st.sampled_from(WORDS), st.sampled_from(WORDS),
    st.from_regex(r"\d{1,25}([.,]\d{1,4})?", fullmatch=True),
    st.sampled_from([".", "،", "\n", "\n\n", '"', ":", "ـ", "ـــ", "İ", "ß", "Σ", "ﻻ", "ﷺ", "ﬁ",
                     "\u0651", "e\u0301", "\u200f", "\ud800", "١٢", "(", ")"]),
    st.text(max_size=3))
ANY_TEXTS = st.lists(PIECES, min_size=1, max_size=40).map(" ".join)
PUBLISHED = st.none() | st.dates().map(dt.date.isoformat) | st.sampled_from(
    ["0001-01-01", "9999-12-31", "1900-01-01", "2077-11-17", "2020-10-05", "nonsense"])
TITLES = st.none() | st.sampled_from(["ـ" * 40, "مقتـــل 20 شخصاً", "İdlib", ""]) | ANY_TEXTS


def document(text: str, title: str | None, published: str | None) -> Document:
    """A Document as make_document builds it (title as first line), with no input checks."""
    title = (title or "").strip()
    return Document(id="prop", text=f"{title}\n{text}" if title else text, published=published,
                    title_end=len(title))



@settings(max_examples=250, derandomize=True, database=None, deadline=None)
@given(ANY_TEXTS, TITLES, PUBLISHED)
def test_any_document_gives_claims_whose_spans_read_as_their_fields(text, title, published):
    doc = pipeline.run(document(text, title, published))
    assert pipeline.span_errors(doc) == []


@settings(max_examples=120, derandomize=True, database=None, deadline=None)
@given(ANY_TEXTS, TITLES)
def test_claims_are_the_same_on_the_exact_normalize_path(text, title):
    doc = document(text, title, "2020-10-05")
    fast = pipeline.run(doc).claims
    norm, n2o = _normalize_slow(doc.text)  # the character-by-character normalization
    prepared = doc.with_(norm=norm, n2o=n2o, tokens=pipeline.tokenize(norm),
                         sentences=pipeline.sentences(norm), paragraphs=pipeline.paragraphs(norm))
    assert pipeline.run(prepared, pipeline.STAGES[1:]).claims == fast
