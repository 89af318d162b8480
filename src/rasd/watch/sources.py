"""The SOURCES of ``rasd watch``: feed or page URLs, or files listing them (one per line,
``#`` starts a comment)."""

from __future__ import annotations

import re
from pathlib import Path

from rasd.errors import InputError

_COMMENT = re.compile(r"(?:^|\s)#")  # "#" at the start or after a space (not a URL fragment)


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def read_sources(args: list[str]) -> list[str]:
    """The URLs named by ``args`` in order, each once; an InputError names a file that cannot
    be read or a line that is not an http(s) URL."""
    urls: list[str] = []
    for arg in args:
        if is_url(arg):
            urls.append(arg)
            continue
        path = Path(arg)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise InputError(f"cannot read the source list ({reason})", source=arg) from None
        for number, line in enumerate(lines, 1):
            text = _COMMENT.split(line, 1)[0].strip()
            if not text:
                continue
            if not is_url(text):
                raise InputError(f"not an http(s) URL: {text[:200]!r}", source=f"{arg}:{number}")
            urls.append(text)
    return list(dict.fromkeys(urls))
