"""The bundled demo articles against the claims their author annotated by hand."""

from importlib import resources

from rasd.ingest.records import read_jsonl
from rasd.pipeline import run_many

# (type, count key) per sample, as annotated when the samples were written
EXPECTED = {
    "sample-01": [("killed", ("value", 23)), ("killed", ("value", 6)), ("killed", ("value", 3)),
                  ("strikes", ("value", 3)), ("injured", ("vague", "tens"))],
    "sample-02": [("killed", ("value", 30)), ("injured", ("value", 50)), ("killed", ("value", 18)),
                  ("injured", ("value", 40))],
    "sample-03": [("killed", ("value", 27)), ("killed", ("value", 3)), ("injured", ("range", 40, 50)),
                  ("missing", ("value", 5))],
    "sample-04": [("arrested", ("value", 12)), ("injured", ("value", 2))],
    "sample-05": [("arrested", ("value", 60)), ("arrested", ("value", 3)), ("arrested", ("value", 12)),
                  ("arrested", ("vague", "tens")), ("released", ("value", 20))],
    "sample-06": [("displaced", ("value", 1800)), ("displaced", ("value", 2500)),
                  ("strikes", ("value", 3))],
    "sample-07": [("displaced", ("vague", "thousands")), ("killed", ("value", 2)),
                  ("injured", ("value", 15))],
    "sample-08": [("deployed", ("value", 430)), ("deployed", ("value", 1200))],
    "sample-09": [("deployed", ("value", 1200)), ("deployed", ("value", 250)),
                  ("recruited", ("vague", "tens")), ("killed", ("value", 4))],
}


def _predicted():
    with resources.files("rasd").joinpath("data", "samples.jsonl").open("rb") as fh:
        docs = list(run_many(read_jsonl(fh, "samples.jsonl")))
    return {d.id: [(c.type, c.count.key()) for c in d.claims] for d in docs}


def test_samples_yield_most_annotated_claims_and_few_others():
    predicted = _predicted()
    assert set(predicted) == set(EXPECTED)
    tp = fp = fn = 0
    for doc_id, gold in EXPECTED.items():
        pred = list(predicted[doc_id])
        for item in gold:
            if item in pred:
                pred.remove(item)
                tp += 1
            else:
                fn += 1
        fp += len(pred)
    recall, precision = tp / (tp + fn), tp / (tp + fp)
    print(f"samples: precision {precision:.2f} recall {recall:.2f}")
    assert recall >= 0.8 and precision >= 0.8


def test_disagreeing_figures_for_one_incident_are_all_kept():
    predicted = _predicted()
    deployed = {key for doc in ("sample-08", "sample-09") for t, key in predicted[doc]
                if t == "deployed"}
    assert {("value", 430), ("value", 1200)} <= deployed
