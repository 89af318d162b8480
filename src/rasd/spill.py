"""Lines put in key order through a temporary file, in bounded memory.

The input comes as ascending runs (each partition's groups are sorted, the partitions are not):
each line is spilled with its key, and the runs are merged, one buffered reader per run.
"""

from __future__ import annotations

import heapq
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

CHUNK = 1 << 16  #: bytes read at a time from a run


def in_order(keyed: Iterable[tuple[Sequence[str], str]]) -> Iterator[str]:
    """The lines (without newlines) sorted by their keys; equal keys keep their input order."""
    with tempfile.TemporaryFile() as spill:
        runs = _spill(keyed, spill)
        spill.flush()
        fd = spill.fileno()
        readers = [_run(fd, start, end) for start, end in runs if end > start]
        for _key, line in heapq.merge(*readers, key=lambda kl: kl[0]):
            yield line


def _spill(keyed: Iterable[tuple[Sequence[str], str]], out: IO[bytes]) -> list[tuple[int, int]]:
    """Write each key and line as two lines; the byte ranges of the ascending runs."""
    runs: list[tuple[int, int]] = []
    start = pos = 0
    last: list[str] | None = None
    for key, line in keyed:
        k = list(key)
        if last is not None and k < last:
            runs.append((start, pos))
            start = pos
        data = (json.dumps(k, ensure_ascii=False) + "\n" + line + "\n").encode("utf-8")
        out.write(data)
        pos += len(data)
        last = k
    runs.append((start, pos))
    return runs


def _run(fd: int, start: int, end: int) -> Iterator[tuple[list[str], str]]:
    """The (key, line) pairs of one run, read in chunks."""
    pos, rest = start, b""
    key: list[str] | None = None
    while pos < end:
        chunk = os.pread(fd, min(CHUNK, end - pos), pos)
        pos += len(chunk)
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for raw in lines:
            if key is None:
                key = json.loads(raw)
            else:
                yield key, raw.decode("utf-8")
                key = None
