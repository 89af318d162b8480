"""The nationality tables of ``nationalities.yaml`` (lookups are tested in test_sources.py)."""

import pytest

from rasd.errors import DataError
from rasd.extractor import nationality


def test_norway_reads_as_its_code_not_as_false() -> None:
    assert nationality.country_of("النرويجي") == "NO"


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["countries"][52].update({"iso": False}),
     r"nationalities\.yaml: countries\[52\]\.iso: a string expected, not a boolean"),
    (lambda d: d["countries"][0].update({"names": "الأردن"}),
     r"nationalities\.yaml: countries\[0\]\.names: a list of strings expected"),
    (lambda d: d["ethnic"][0].pop("id"), r"nationalities\.yaml: ethnic\[0\]\.id: missing"),
])
def test_a_malformed_nationalities_file_names_the_file_and_the_entry(broken_data, edit,
                                                                     message) -> None:
    broken_data(nationality, "nationalities.yaml", edit, nationality.tables)
    with pytest.raises(DataError, match="^" + message):
        nationality.tables()
