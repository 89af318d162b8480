#!/usr/bin/env bash
# Vendor Natural Earth's 1:110m country borders as TopoJSON (world-atlas, ISC licence) from the
# npm registry into the repo, with its SHA256SUMS (tests/api/test_vendor.py checks them); then
# scripts/build_borders.py turns it into the GeoJSON the dashboard's map draws.
set -euo pipefail
VERSION=2.0.2
cd "$(dirname "$0")/.."
dest=src/rasd/api/static/vendor/world-atlas
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-atlas@$VERSION" >/dev/null && tar xzf "world-atlas-$VERSION.tgz")
rm -rf "$dest" && mkdir -p "$dest"
cp "$tmp/package/countries-110m.json" "$tmp/package/LICENSE" "$dest/"
echo "$VERSION" > "$dest/VERSION"
(cd "$dest" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "vendored world-atlas $VERSION into $dest"
python3 scripts/build_borders.py
