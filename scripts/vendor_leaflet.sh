#!/usr/bin/env bash
# Vendor Leaflet (BSD-2-Clause) into the package from the npm registry, so the dashboard's map
# needs no CDN at run time. Writes src/rasd/api/static/vendor/leaflet/ and its SHA256SUMS
# (tests/api/test_vendor.py checks the files against it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/npm_vendor.sh
vendor_npm leaflet 1.9.4 src/rasd/api/static/vendor/leaflet \
  dist/leaflet.js dist/leaflet.css LICENSE dist/images/
