#!/usr/bin/env bash
# Vendor Leaflet (BSD-2-Clause) into the package from the npm registry, so the dashboard's map
# needs no CDN at run time. Writes src/rasd/api/static/vendor/leaflet/ and its SHA256SUMS
# (tests/api/test_vendor.py checks the files against it).
set -euo pipefail
VERSION=1.9.4
cd "$(dirname "$0")/.."
dest=src/rasd/api/static/vendor/leaflet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "leaflet@$VERSION" >/dev/null && tar xzf "leaflet-$VERSION.tgz")
rm -rf "$dest" && mkdir -p "$dest/images"
cp "$tmp/package/dist/leaflet.js" "$tmp/package/dist/leaflet.css" "$tmp/package/LICENSE" "$dest/"
cp "$tmp/package/dist/images/"*.png "$dest/images/"
echo "$VERSION" > "$dest/VERSION"
(cd "$dest" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "vendored leaflet $VERSION into $dest"
