"""The vendored Leaflet (scripts/vendor_leaflet.sh) is served from the package, unmodified."""

import hashlib
from pathlib import Path

import rasd

LEAFLET = Path(rasd.__file__).parent / "api" / "static" / "vendor" / "leaflet"


def test_vendored_files_match_their_checksums():
    sums = (LEAFLET / "SHA256SUMS").read_text().split("\n")
    checked = 0
    for line in filter(None, sums):
        digest, name = line.split(maxsplit=1)
        data = (LEAFLET / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, name
        checked += 1
    assert checked >= 5 and (LEAFLET / "VERSION").read_text().strip() == "1.9.4"


def test_map_page_loads_leaflet_from_this_server(client):
    page = client.get("/map")
    assert page.status_code == 200
    assert 'src="/static/vendor/leaflet/leaflet.js"' in page.text
    assert "unpkg" not in page.text and "cdn" not in page.text.lower()  # nothing from elsewhere
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
