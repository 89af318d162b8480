"""The typed reader of the data files: every loader reads its file through :class:`Section`.

A data file is a mapping (``docs/architecture.md`` describes the style they share). A loader
asks a :class:`Section` for each entry with the type it expects: ``words`` (a list of words,
normalized), ``strings`` (a list of strings as written), ``text``, ``integer``, ``flag``,
``choice`` (one of a closed set of values), ``section`` (a nested mapping) or ``sections`` (a
list of mappings). An entry that is missing (and has no default) or of another type raises
:class:`~rasd.errors.DataError` naming the file and the entry ("numbers.yaml: clitics.and: a
string expected, not a list"). The checks are one ``isinstance`` per entry read: loading stays
as fast as the unchecked reads it replaces.

:func:`normalized` and :func:`normalized_words` are the one normalization of lexicon entries.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rasd.errors import DataError
from rasd.text.normalize import canon

__all__ = ["Section", "normalized", "normalized_words"]

_REQUIRED: Any = object()  # no default: the entry must be there


def normalized(entry: object) -> str:
    """A lexicon entry normalized like the text, its words joined by single spaces: its
    :func:`~rasd.text.normalize.canon`, rasd's one canonicalizer."""
    return canon(str(entry))


def normalized_words(items: Iterable[object]) -> list[str]:
    """The entries of a word list, each :func:`normalized`, without empty ones and repeats, in
    the file's order."""
    return list(dict.fromkeys(n for n in map(normalized, items) if n))


def _kind(value: object) -> str:
    """How an error names the type of a value found."""
    return {dict: "a mapping", list: "a list", str: "a string", bool: "a boolean",
            int: "an integer", float: "a number", type(None): "nothing"}.get(
        type(value), type(value).__name__)


@dataclass(frozen=True, slots=True)
class Section:
    """A mapping of data file ``file``, found at ``path`` in it ("" for the whole file).

    Every accessor takes the entry's ``key`` and, for an optional entry, a ``default`` returned
    when the key is absent or empty (``key:`` with nothing after it)."""

    data: Mapping[Any, Any]
    file: str
    path: str = ""

    @classmethod
    def of(cls, value: object, file: str, path: str = "") -> Section:
        """``value`` (a file's parsed content, or an entry of it) as a section."""
        if not isinstance(value, dict):
            raise DataError(f"{path or 'the file'}: a mapping expected, not {_kind(value)}",
                            source=file)
        return cls(value, file, path)

    def where(self, key: object) -> str:
        """The entry's name in errors: its path in the file ("clitics.and", "sources[3].id")."""
        return f"{self.path}.{key}" if self.path else str(key)

    def error(self, key: object, reason: str) -> DataError:
        """A DataError naming this file and entry ``key``."""
        return DataError(f"{self.where(key)}: {reason}", source=self.file)

    def __contains__(self, key: object) -> bool:
        return key in self.data

    def __iter__(self) -> Iterator[Any]:
        return iter(self.data)

    def keys(self) -> list[Any]:
        return list(self.data)

    def raw(self, key: object, default: Any = _REQUIRED) -> Any:
        """The entry as written (for an entry whose type its loader checks itself)."""
        value = self.data.get(key)
        if value is None:
            if default is _REQUIRED:
                raise self.error(key, "missing")
            return default
        return value

    def _typed(self, key: object, types: type | tuple[type, ...], what: str,
               default: Any) -> Any:
        """The entry checked to be of ``types`` (``what`` names them); ``default`` None: it
        must be there."""
        if default is None:
            default = _REQUIRED
        value = self.raw(key, default)
        if value is default and default is not _REQUIRED:
            return value
        allowed = types if isinstance(types, tuple) else (types,)
        if not isinstance(value, allowed) or isinstance(value, bool) and bool not in allowed:
            raise self.error(key, f"{what} expected, not {_kind(value)}")
        return value

    def section(self, key: object, default: Mapping[Any, Any] | None = None) -> Section:
        """A nested mapping (``default``: an empty one when given)."""
        value = self._typed(key, dict, "a mapping", default)
        return Section(value, self.file, self.where(key))

    def sections(self, key: object, default: list[Any] | None = None) -> list[Section]:
        """A list of mappings."""
        items = self._typed(key, list, "a list of mappings", default)
        return [Section.of(item, self.file, f"{self.where(key)}[{i}]")
                for i, item in enumerate(items)]

    def strings(self, key: object, default: list[str] | None = None) -> list[str]:
        """A list of strings, as written (a single string is an error: write ``[word]``)."""
        items = self._typed(key, list, "a list of strings", default)
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise self.error(f"{key}[{i}]", f"a string expected, not {_kind(item)}")
        return items

    def words(self, key: object, default: list[str] | None = None) -> list[str]:
        """A list of words, :func:`normalized_words`."""
        return normalized_words(self.strings(key, default))

    def text(self, key: object, default: str | None = None) -> str:
        """A string, as written."""
        return str(self._typed(key, str, "a string", default))

    def identifier(self, key: object, default: str | None = None) -> str:
        """A string or an integer (an id, a code), as a string."""
        return str(self._typed(key, (str, int), "a string or an integer", default))

    def word(self, key: object, default: str | None = None) -> str:
        """A string, :func:`normalized`."""
        return normalized(self.text(key, default))

    def integer(self, key: object, default: int | None = None) -> int:
        """An integer."""
        return int(self._typed(key, int, "an integer", default))

    def number(self, key: object, default: float | None = None) -> float:
        """A number (integer or decimal)."""
        return float(self._typed(key, (int, float), "a number", default))

    def flag(self, key: object, default: bool | None = None) -> bool:
        """A boolean (true / false)."""
        return bool(self._typed(key, bool, "true or false", default))

    def choice(self, key: object, allowed: Collection[str], default: str | None = None) -> str:
        """A string that is one of ``allowed`` (a category, a kind)."""
        value = self.text(key, default)
        if value not in allowed:
            raise self.error(key, f"{value!r} is not one of {', '.join(sorted(allowed))}")
        return value

    def choices(self, key: object, allowed: Collection[str],
                default: list[str] | None = None) -> list[str]:
        """A list of strings, each one of ``allowed`` (event types, categories)."""
        values = self.strings(key, default)
        for i, value in enumerate(values):
            if value not in allowed:
                raise self.error(f"{key}[{i}]",
                                 f"{value!r} is not one of {', '.join(sorted(allowed))}")
        return values

    def keys_of(self, allowed: Collection[Any]) -> list[Any]:
        """The keys of a mapping keyed by a closed set of values (categories, kinds), each
        checked to be one of ``allowed``."""
        for key in self.data:
            if key not in allowed:
                raise self.error(key, f"unknown key; one of {', '.join(map(str, allowed))}")
        return list(self.data)

    def integer_keys(self) -> list[int]:
        """The keys of a mapping keyed by numbers (``1: [واحد]``), each checked."""
        for key in self.data:
            if not isinstance(key, int) or isinstance(key, bool):
                raise self.error(key, "a number expected as the key")
        return list(self.data)
