"""Lines of page furniture left inside an article's text: a link to another article ("للمزيد:
..." with that article's headline). They report nothing of this article: no claim is drafted in
them and place choice takes no place from them. (JSONL records keep their text as given, spans
point into it, so these lines are passed by here rather than cut at ingest.)"""

from __future__ import annotations

from functools import lru_cache

from rasd.lang.ar import load_data
from rasd.model import Document

__all__ = ["furniture_lines"]


@lru_cache(maxsize=1)
def _link_prefixes() -> tuple[str, ...]:
    return tuple(load_data("boilerplate.yaml").words("link_lines"))


def furniture_lines(doc: Document) -> list[tuple[int, int]]:
    """Normalized ``(start, end)`` of the lines of ``doc`` that open with a link prefix
    (``link_lines`` in boilerplate.yaml), in text order."""
    prefixes = _link_prefixes()
    norm = doc.norm
    if not any(p in norm for p in prefixes):  # most articles: one scan each
        return []
    out = []
    start = 0
    while start <= len(norm):
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        if norm[start:end].lstrip().startswith(prefixes):
            out.append((start, end))
        start = end + 1
    return out
