"""Page furniture of ``boilerplate.yaml``."""

import pytest

from rasd.errors import DataError
from rasd.ingest import text


def test_a_malformed_boilerplate_file_names_the_file_and_the_entry(broken_data) -> None:
    broken_data(text, "boilerplate.yaml", lambda d: d.update({"trailers": "اقرأ أيضا"}),
                text._furniture)
    with pytest.raises(DataError, match=r"^boilerplate\.yaml: trailers: a list of strings"):
        text._furniture()
