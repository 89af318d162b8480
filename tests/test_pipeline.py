"""The pipeline's stream runner."""

import rasd
from rasd.pipeline import run_many

TEXTS = ["قالت الشرطة إن 12 شخصاً قتلوا في الهجوم.", "أصيب 30 شخصاً بجروح في انفجار.",
         "اعتقلت قوات الأمن 5 أشخاص."]


def test_run_many_in_a_process_pool_keeps_order_and_results():
    docs = [rasd.make_document(t, id=f"d{i}") for i, t in enumerate(TEXTS * 20)]
    serial = [d.claims for d in run_many(docs)]
    pooled = list(run_many(iter(docs), workers=2, chunksize=2))
    assert [d.id for d in pooled] == [d.id for d in docs]
    assert [d.claims for d in pooled] == serial
