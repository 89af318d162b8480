"""Whether the process that started a run is still there (to mark runs of killed processes
``interrupted``)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path


def process_alive(pid: int, since: dt.datetime | None = None) -> bool:
    """Whether process ``pid`` exists on this machine and is not a zombie; on Linux, a process
    started after ``since`` is another one that reuses the pid, so not alive either. When in
    doubt (no permission to ask), alive."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    stat = _proc_stat(pid)
    if stat is None:
        return True
    state, started = stat
    if state in ("Z", "X"):
        return False
    return since is None or started is None or started <= since.timestamp() + 1


def _proc_stat(pid: int) -> tuple[str, float | None] | None:
    """Linux: the process's state letter and start time (epoch seconds), else None."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw.rsplit(")", 1)[-1].split()  # after "pid (command)"
    try:
        ticks = int(fields[19])  # field 22 of the whole line: starttime, in clock ticks
        return fields[0], _boot_time() + ticks / os.sysconf("SC_CLK_TCK")
    except (IndexError, ValueError, OSError):
        return fields[0] if fields else "?", None


def _boot_time() -> float:
    for line in Path("/proc/stat").read_text().splitlines():
        if line.startswith("btime "):
            return float(line.split()[1])
    raise ValueError("no btime in /proc/stat")
