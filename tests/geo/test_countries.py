"""The gazetteer's countries (``geo/data/gazetteer.tsv``)."""

import io

import pytest

from rasd.errors import DataError
from rasd.geo import countries


def test_every_country_has_its_names() -> None:
    assert countries.countries()["SY"].name_en == "Syria"
    assert "Syria" in countries.country_names()["SY"]


def test_a_short_row_names_the_file_and_the_line(monkeypatch, fresh_caches) -> None:
    tsv = "name_ar\tname_en\tkind\tcountry\tlat\tlon\nسوريا\tSyria\tcountry\tSY\t35\t38\nقطر\n"
    monkeypatch.setattr(countries, "open_data", lambda name: io.StringIO(tsv))
    fresh_caches(countries.countries)
    with pytest.raises(DataError, match=r"^gazetteer\.tsv: line 3: a column of"):
        countries.countries()
