#!/usr/bin/env bash
# Vendor Natural Earth's 1:110m country borders as TopoJSON (world-atlas, ISC licence) from the
# npm registry into the repo, with its SHA256SUMS (tests/api/test_vendor.py checks them); then
# scripts/build_borders.py turns it into the GeoJSON the dashboard's map draws.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/npm_vendor.sh
vendor_npm world-atlas 2.0.2 src/rasd/api/static/vendor/world-atlas countries-110m.json LICENSE
python3 scripts/build_borders.py
