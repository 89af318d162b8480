"""The gazetteer's countries (``geo/data/gazetteer.tsv``)."""

import pytest

from rasd.errors import DataError
from rasd.geo import countries


def test_every_country_has_its_names() -> None:
    assert countries.countries()["SY"].name_en == "Syria"
    assert "Syria" in countries.country_names()["SY"]


def test_a_short_row_names_the_file_and_the_line(file_text) -> None:
    file_text(countries, "name_ar\tname_en\tkind\tcountry\tlat\tlon\n"
                         "سوريا\tSyria\tcountry\tSY\t35\t38\nقطر\n", countries.countries)
    with pytest.raises(DataError, match=r"^gazetteer\.tsv: line 3: a column of"):
        countries.countries()
