"""National capitals (``geo/data/capitals.tsv``)."""

import pytest

from rasd.errors import DataError
from rasd.geo import capitals


def test_damascus_is_a_capital() -> None:
    assert ("SY", "Damascus") in capitals.capitals()


def test_a_short_capitals_row_names_the_file_and_the_line(file_text) -> None:
    file_text(capitals, "iso\tname\nSY\n", capitals.capitals)
    with pytest.raises(DataError, match=r"^capitals\.tsv: line 2: 1 columns, not 2"):
        capitals.capitals()
