"""Exports of claims produced from short texts written for these tests."""

import csv
import json

import pyarrow.parquet as pq
import pytest

import rasd
from rasd.export import COLUMNS, WRITERS, claim_id, flat

TEXT = ("قالت الشرطة إن 12 شخصاً قتلوا في حلب أمس الأحد. "
        "وأصيب نحو 30 آخرين بجروح. وأفاد ناشطون باعتقال عشرات الشبان في قرية لا يعرفها أحد.")


@pytest.fixture(scope="module")
def claims():
    found = rasd.extract(TEXT, published="2020-10-05", outlet="Test", id="doc-1")
    assert len(found) >= 3
    return found


def test_flat_rows_have_every_column(claims):
    for claim in claims:
        row = flat(claim)
        assert tuple(row) == COLUMNS
        assert row["doc_id"] == "doc-1" and row["claim_id"] == claim_id(claim)


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_every_format_writes_and_reads_back(claims, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    n = WRITERS[fmt](iter(claims), path)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for r in rows:
            assert r["evidence"].pop("text") is None  # a bare claim has no stored text
        assert [rasd.Claim.from_json(r) for r in rows] == claims
    elif fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        assert len(rows) == n == len(claims) and rows[0]["type"] == claims[0].type
    elif fmt == "parquet":
        table = pq.read_table(path)
        assert table.num_rows == n == len(claims) and table.column_names == list(COLUMNS)
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        located = [c for c in claims if c.location and c.location.lat is not None]
        assert data["type"] == "FeatureCollection" and len(data["features"]) == n == len(located)
        lon, lat = data["features"][0]["geometry"]["coordinates"]
        assert (lat, lon) == (located[0].location.lat, located[0].location.lon)


def test_claim_ids_are_stable(claims):
    again = rasd.extract(TEXT, published="2020-10-05", outlet="Test", id="doc-1")
    assert [claim_id(c) for c in again] == [claim_id(c) for c in claims]


def test_acled_rows(claims, tmp_path):
    from rasd.export import ACLED_COLUMNS, write_acled

    arrested = [c for c in claims if c.type == "arrested"][0]
    n = write_acled([(c, "نص الدليل") for c in claims], tmp_path / "acled.csv")
    with (tmp_path / "acled.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n and list(rows[0]) == list(ACLED_COLUMNS)
    row = next(r for r in rows if r["rasd_claim_id"] == claim_id(arrested))
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert row["fatalities"] == "0" and row["notes"] == "نص الدليل"


def test_group_export_is_documented(tmp_path):
    """Every key of the groups export (a group and a member claim) is in docs/exports.md."""
    from pathlib import Path

    from rasd.export import group_row, write_groups
    from rasd.reconcile import reconcile, records_of

    doc = rasd.extract_document(TEXT, published="2020-10-05", outlet="Test", id="doc-1")
    groups = reconcile(records_of([doc]))
    path = tmp_path / "groups.jsonl"
    assert write_groups(groups, path) == len(groups) > 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows == [json.loads(json.dumps(group_row(g), ensure_ascii=False)) for g in groups]
    member = rows[0]["claims"][0]
    start, end = member["evidence"]["span"]
    assert member["evidence"]["text"] == doc.text[start:end]
    docs = (Path(__file__).resolve().parents[1] / "docs" / "exports.md").read_text("utf-8")
    section = docs[docs.index("## Groups"):]
    for key in list(rows[0]) + list(member):
        assert f"`{key}`" in section, key


def test_claim_rows_carry_their_group(tmp_path):
    from rasd.corpus import export, ingest

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "doc-1", "text": TEXT, "published": "2020-10-05",
                               "outlet": "Test"}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    ingest([str(src)], db)
    export(db, "groups", tmp_path / "g.jsonl")
    groups = [json.loads(x) for x in (tmp_path / "g.jsonl").read_text("utf-8").splitlines()]
    members = {c["claim_id"]: g["id"] for g in groups for c in g["claims"]}
    export(db, "jsonl", tmp_path / "c.jsonl")
    rows = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text("utf-8").splitlines()]
    assert rows and all(members[r["claim_id"]] == r["group_id"] for r in rows)
    export(db, "csv", tmp_path / "c.csv")
    with (tmp_path / "c.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert {r["group_id"] for r in csv.DictReader(fh)} == set(members.values())


def _doc_table_keys(section: str) -> set[str]:
    """Every `key` named in the first cell of a Markdown table's rows."""
    import re

    keys: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            keys.update(re.findall(r"`([a-z_0-9]+)`", line.split("|")[1]))
    return keys


def test_flat_columns_are_documented_and_nothing_else():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[1] / "docs" / "exports.md").read_text("utf-8")
    section = docs.split("## Flat claim columns", 1)[1].split("\n## ", 1)[0]
    assert _doc_table_keys(section) - {"csv", "parquet"} == set(COLUMNS)


def test_every_claim_export_carries_its_provenance(tmp_path):
    import pyarrow as pa

    from rasd.corpus import export, ingest

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "doc-1", "title": "مقتل 12 شخصاً في حلب", "text": TEXT,
                               "published": "2020-10-05", "outlet": "Test",
                               "url": "https://example.test/a"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    db = str(tmp_path / "s.db")
    ingest([str(src)], db)
    wanted = {"outlet": "Test", "published": "2020-10-05", "url": "https://example.test/a",
              "title": "مقتل 12 شخصاً في حلب"}
    n = export(db, "parquet", tmp_path / "c.parquet")
    table = pq.read_table(tmp_path / "c.parquet")
    assert table.num_rows == n >= 3 and table.schema.field("date").type == pa.date32()
    assert table.schema.field("count_low").type == pa.int64()
    export(db, "csv", tmp_path / "c.csv")
    with (tmp_path / "c.csv").open(encoding="utf-8-sig", newline="") as fh:
        csv_rows = list(csv.DictReader(fh))
    export(db, "geojson", tmp_path / "c.geojson")
    features = json.loads((tmp_path / "c.geojson").read_text("utf-8"))["features"]
    export(db, "jsonl", tmp_path / "c.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text("utf-8").splitlines()]
    flat_rows = {"parquet": table.to_pylist(), "csv": csv_rows,
                 "geojson": [f["properties"] for f in features]}
    for fmt, rows in flat_rows.items():
        assert rows, fmt
        for row in rows:
            assert {k: row[k] for k in wanted} == wanted, fmt
            assert row["claim_id"] and row["group_id"], fmt
            assert row["evidence"] and row["evidence"] in TEXT, fmt
    for line in lines:
        assert {k: line[k] for k in wanted} == wanted and line["claim_id"] and line["group_id"]
        start, end = line["evidence"]["span"]
        assert line["evidence"]["text"] and line["evidence"]["text"] in TEXT and end > start
    assert {str(r["date"]) for r in table.to_pylist()} <= {"2020-10-04", "2020-10-05", "None"}
