"""The map's borders: borders.geojson is what scripts/build_borders.py makes of the vendored
world-atlas TopoJSON (drift test), and it is served from the package."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_borders.py"
BORDERS = ROOT / "src" / "rasd" / "api" / "static" / "borders.geojson"


def test_drift_generated_file_matches_script(tmp_path):
    out = tmp_path / "borders.geojson"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == BORDERS.read_bytes(), (
        "borders.geojson is stale: run `python scripts/build_borders.py`")


def test_borders_are_countries_with_closed_rings():
    data = json.loads(BORDERS.read_text("utf-8"))
    names = {f["properties"]["name"] for f in data["features"]}
    assert len(data["features"]) > 150 and {"Syria", "Yemen", "Iraq", "Lebanon"} <= names
    assert "Antarctica" not in names
    for f in data["features"]:
        polygons = f["geometry"]["coordinates"]
        if f["geometry"]["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4, f["properties"]["name"]
                assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)


def test_borders_are_served(client):
    r = client.get("/static/borders.geojson")
    assert r.status_code == 200 and r.json()["type"] == "FeatureCollection"
