#!/usr/bin/env bash
# Shared by the vendor_*.sh scripts (source it): vendor_npm PACKAGE VERSION DEST FILE... packs
# PACKAGE@VERSION from the npm registry and copies FILEs (paths inside the package; a path ending
# in "/" copies that folder's *.png into DEST/images) into the repo folder DEST, with VERSION and
# SHA256SUMS (tests/api/test_vendor.py checks the files against it).
vendor_npm() {
  local package=$1 version=$2 dest=$3
  shift 3
  _vendor_tmp=$(mktemp -d)  # global: the EXIT trap runs after this function has returned
  trap 'rm -rf "$_vendor_tmp"' EXIT
  local tmp=$_vendor_tmp
  (cd "$tmp" && npm pack --silent "$package@$version" >/dev/null && tar xzf "$package-$version.tgz")
  rm -rf "$dest" && mkdir -p "$dest"
  local file
  for file in "$@"; do
    if [[ $file == */ ]]; then
      mkdir -p "$dest/images" && cp "$tmp/package/$file"*.png "$dest/images/"
    else
      cp "$tmp/package/$file" "$dest/"
    fi
  done
  echo "$version" > "$dest/VERSION"
  (cd "$dest" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
  echo "vendored $package $version into $dest"
}
