"""Build the map's country borders: src/rasd/api/static/borders.geojson from the vendored
world-atlas TopoJSON (Natural Earth 1:110m; scripts/vendor_world_atlas.sh).

TopoJSON stores shared arcs once, quantized and delta-encoded; this decodes them into one
GeoJSON Feature per country but Antarctica (properties: ``name``, ISO 3166 numeric ``id``),
coordinates rounded
to 0.01 degree with repeated points dropped. tests/api/test_borders.py checks that the file in
the repo is what this script writes (run it again after vendoring a new version).

    python scripts/build_borders.py [--src countries-110m.json] [--out borders.geojson]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "rasd" / "api" / "static"
SRC = STATIC / "vendor" / "world-atlas" / "countries-110m.json"
OUT = STATIC / "borders.geojson"
DIGITS = 2
LEFT_OUT = {"010"}  #: Antarctica (ISO 3166 numeric): no news place, and it spans every longitude


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Every arc as absolute longitude/latitude points."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, DIGITS), round(y * sy + ty, DIGITS)))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """One closed ring from arc indices (``~i``: arc i reversed), repeated points dropped."""
    out: list[tuple[float, float]] = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        for p in points:
            if not out or out[-1] != p:
                out.append(p)
    return [list(p) for p in out]


def polygon_rings(polygon: list[list[int]], arcs: list[list[tuple[float, float]]]
                  ) -> list[list[list[float]]]:
    """A polygon's rings, without those that rounding shrank below a triangle (none at all
    when its outer ring is one of them)."""
    rings = [ring(r, arcs) for r in polygon]
    if not rings or len(rings[0]) < 4:
        return []
    return [r for r in rings if len(r) >= 4]


def feature(geometry: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> dict[str, Any]:
    kind = geometry["type"]
    polygons = [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"]
    coords: Any = [p for p in (polygon_rings(polygon, arcs) for polygon in polygons) if p]
    if kind == "Polygon":
        coords = coords[0] if coords else []
    return {"type": "Feature", "id": geometry.get("id"),
            "properties": {"name": geometry.get("properties", {}).get("name")},
            "geometry": {"type": kind, "coordinates": coords}}


def build(src: Path) -> str:
    """The GeoJSON text of the countries of the TopoJSON at ``src``."""
    topology = json.loads(src.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = [feature(g, arcs) for g in topology["objects"]["countries"]["geometries"]
                if g.get("type") in ("Polygon", "MultiPolygon") and g.get("id") not in LEFT_OUT]
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=SRC)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = build(args.src)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(json.loads(text)['features'])} countries, {len(text):,} bytes")


if __name__ == "__main__":
    main()
