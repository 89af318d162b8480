"""Helpers of the place tests (test_placing, test_focus): a claim of a short article, and
a check of its location against ``(how, what)``."""

import pytest
from claims_kit import extract_claims

import rasd


def claim_of(text: str, which: int | str) -> rasd.Claim:
    """The claim of ``text`` with figure ``which`` (an int) or of type ``which`` (a str)."""
    claims = extract_claims(text)
    return next(c for c in claims
                if (c.count.value == which if isinstance(which, int) else c.type == which))


def check_location(claim: rasd.Claim, expected: tuple[str, str]) -> None:
    how, want = expected
    loc = claim.location
    if how == "not country":
        assert loc is None or loc.country != want, loc
        return
    if how == "not in":
        assert loc is None or want not in loc.text, loc
        return
    assert loc is not None
    got = {"in": want in loc.text, "is": loc.text == want, "country": loc.country == want}[how]
    assert got, (expected, loc)


@pytest.fixture(name="claim_of")
def _claim_of_fixture():
    return claim_of


@pytest.fixture(name="check_location")
def _check_location_fixture():
    return check_location
