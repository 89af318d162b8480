#!/usr/bin/env bash
# Vendor Swagger UI (Apache-2.0) into the package from the npm registry (swagger-ui-dist), so
# /docs needs no CDN at run time. Writes src/rasd/api/static/vendor/swagger-ui/ and its SHA256SUMS
# (tests/api/test_vendor.py checks the files against it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/npm_vendor.sh
vendor_npm swagger-ui-dist 5.31.0 src/rasd/api/static/vendor/swagger-ui \
  swagger-ui-bundle.js swagger-ui.css LICENSE
