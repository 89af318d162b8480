"""The vendored Leaflet (scripts/vendor_leaflet.sh) and Swagger UI
(scripts/vendor_swagger_ui.sh) are served from the package, unmodified."""

import hashlib
from pathlib import Path

import pytest

import rasd

VENDOR = Path(rasd.__file__).parent / "api" / "static" / "vendor"
LEAFLET = VENDOR / "leaflet"


@pytest.mark.parametrize("name, version, files", [("leaflet", "1.9.4", 5), ("world-atlas", "2.0.2", 3),
                                                   ("swagger-ui", "5.31.0", 4)])
def test_vendored_files_match_their_checksums(name, version, files):
    folder = VENDOR / name
    sums = (folder / "SHA256SUMS").read_text().split("\n")
    checked = 0
    for line in filter(None, sums):
        digest, file = line.split(maxsplit=1)
        data = (folder / file).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, file
        checked += 1
    assert checked >= files and (folder / "VERSION").read_text().strip() == version


def test_docs_page_loads_swagger_ui_from_this_server(client):
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'src="/static/vendor/swagger-ui/swagger-ui-bundle.js"' in page.text
    assert "<script>" not in page.text and "unsafe-inline" not in page.headers[
        "content-security-policy"]
    for path in ("/static/vendor/swagger-ui/swagger-ui-bundle.js",
                 "/static/vendor/swagger-ui/swagger-ui.css", "/static/docs.js"):
        assert client.get(path).status_code == 200, path


def test_map_page_loads_leaflet_from_this_server(client):
    page = client.get("/map")
    assert page.status_code == 200
    assert 'src="/static/vendor/leaflet/leaflet.js"' in page.text
    assert "unpkg" not in page.text and "cdn" not in page.text.lower()  # nothing from elsewhere
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
