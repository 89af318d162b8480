"""National capitals (``geo/data/capitals.tsv``)."""

import io

import pytest

from rasd.errors import DataError
from rasd.geo import capitals


def test_damascus_is_a_capital() -> None:
    assert ("SY", "Damascus") in capitals.capitals()


def test_a_short_capitals_row_names_the_file_and_the_line(monkeypatch, fresh_caches) -> None:
    monkeypatch.setattr(capitals, "open_data", lambda name: io.StringIO("iso\tname\nSY\n"))
    fresh_caches(capitals.capitals)
    with pytest.raises(DataError, match=r"^capitals\.tsv: line 2: 1 columns, not 2"):
        capitals.capitals()
