#!/usr/bin/env bash
# Vendor Swagger UI (Apache-2.0) into the package from the npm registry (swagger-ui-dist), so
# /docs needs no CDN at run time. Writes src/rasd/api/static/vendor/swagger-ui/ and its SHA256SUMS
# (tests/api/test_vendor.py checks the files against it).
set -euo pipefail
VERSION=5.31.0
cd "$(dirname "$0")/.."
dest=src/rasd/api/static/vendor/swagger-ui
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "swagger-ui-dist@$VERSION" >/dev/null && tar xzf "swagger-ui-dist-$VERSION.tgz")
rm -rf "$dest" && mkdir -p "$dest"
cp "$tmp/package/swagger-ui-bundle.js" "$tmp/package/swagger-ui.css" "$tmp/package/LICENSE" "$dest/"
echo "$VERSION" > "$dest/VERSION"
(cd "$dest" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "vendored swagger-ui-dist $VERSION into $dest"
