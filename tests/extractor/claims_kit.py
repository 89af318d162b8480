"""Helpers of the end-to-end claim tests: the claims of a short article written for a test."""

from typing import Any

import rasd


def extract_claims(text: str, **kw: Any) -> list[rasd.Claim]:
    """The claims of ``text`` as an article of "Test Outlet" published on 2020-10-05."""
    return rasd.extract(text, published="2020-10-05", outlet="Test Outlet", **kw)


def one_claim(text: str, **kw: Any) -> rasd.Claim:
    """The one claim of ``text`` (fails showing every claim when there is not exactly one)."""
    claims = extract_claims(text, **kw)
    assert len(claims) == 1, [c.to_json() for c in claims]
    return claims[0]


def type_counts(text: str, **kw: Any) -> list[tuple[str, Any]]:
    """Each claim of ``text`` as (type, figure): its number, else its vague word."""
    return [(c.type, c.count.value if c.count.value is not None else c.count.vague)
            for c in extract_claims(text, **kw)]
