"""``rasd watch`` settings from a small TOML file (``--config``), overridden by flags.

::

    every = "10m"                 # poll interval: 90s, 10m, 1h ...
    [alerts]
    jump_ratio = 0.5              # toll jump: best figure up by 50 % ...
    jump_min = 5                  # ... and by 5 people at least
    major = { killed = 10, injured = 50 }   # new major incident, per event type
    [channels]
    console = true
    jsonl = "alerts.jsonl"
    [channels.webhook]
    url = "https://hooks.example.org/rasd"
    secret_env = "RASD_WEBHOOK_SECRET"      # HMAC-SHA256 key, read from this variable
    [channels.email]
    host = "smtp.example.org"
    port = 587
    starttls = true
    sender = "rasd@example.org"
    to = ["desk@example.org"]
    user = "rasd"
    password_env = "RASD_SMTP_PASSWORD"     # read from this variable

Secrets are never written in the file: only the names of the variables that hold them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.model import EVENT_TYPES
from rasd.watch.alerts import Thresholds
from rasd.watch.channels import Channel, Console, Email, JsonlLog, Webhook

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
WEBHOOK_SECRET_ENV = "RASD_WEBHOOK_SECRET"
SMTP_PASSWORD_ENV = "RASD_SMTP_PASSWORD"


def duration(text: str | int | float) -> dt.timedelta:
    """``90s``, ``10m``, ``1h``, ``1d`` or a number of seconds, as a timedelta (> 0)."""
    m = _DURATION.match(str(text))
    if not m or float(m.group(1)) <= 0:
        raise InputError(f"not a duration: {text!r} (e.g. 90s, 10m, 1h)")
    return dt.timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2) or "s"])


@dataclass
class Settings:
    """Everything the watch command needs besides its sources and database."""

    every: dt.timedelta = dt.timedelta(minutes=10)
    thresholds: Thresholds = field(default_factory=Thresholds)
    console: bool = True
    jsonl: Path | None = None
    webhook: dict[str, Any] | None = None
    email: dict[str, Any] | None = None

    def channels(self, env: Mapping[str, str] | None = None) -> list[Channel]:
        """The configured channels, secrets read from ``env`` (default: the environment)."""
        env = os.environ if env is None else env
        out: list[Channel] = []
        if self.console:
            out.append(Console())
        if self.jsonl:
            out.append(JsonlLog(Path(self.jsonl)))
        if self.webhook and self.webhook.get("url"):
            w = self.webhook
            out.append(Webhook(str(w["url"]),
                               secret=env.get(str(w.get("secret_env") or WEBHOOK_SECRET_ENV)),
                               header=str(w.get("header") or Webhook.header)))
        if self.email and self.email.get("host"):
            e = self.email
            to = e.get("to") or []
            if isinstance(to, str):
                to = [to]
            if not to or not e.get("sender"):
                raise InputError("e-mail alerts need a sender and at least one recipient")
            out.append(Email(str(e["host"]), str(e["sender"]), [str(x) for x in to],
                             port=int(e.get("port") or 25), starttls=bool(e.get("starttls")),
                             user=e.get("user"),
                             password=env.get(str(e.get("password_env") or SMTP_PASSWORD_ENV))))
        return out


def _thresholds(raw: Mapping[str, Any], base: Thresholds) -> Thresholds:
    major = dict(base.major)
    for etype, n in (raw.get("major") or {}).items():
        if etype not in EVENT_TYPES:
            raise InputError(f"alerts.major: unknown event type {etype!r}")
        major[etype] = int(n)
    return Thresholds(float(raw.get("jump_ratio", base.jump_ratio)),
                      int(raw.get("jump_min", base.jump_min)), major)


def load(path: str | Path | None) -> Settings:
    """Settings from a TOML file (defaults when ``path`` is None); an InputError names the
    file and what is wrong with it."""
    settings = Settings()
    if path is None:
        return settings
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read the config ({exc.strerror or exc})",
                         source=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid TOML ({exc})", source=str(path)) from None
    try:
        if "every" in raw:
            settings.every = duration(raw["every"])
        settings.thresholds = _thresholds(raw.get("alerts") or {}, settings.thresholds)
        channels = raw.get("channels") or {}
        settings.console = bool(channels.get("console", True))
        settings.jsonl = Path(channels["jsonl"]) if channels.get("jsonl") else None
        settings.webhook = dict(channels["webhook"]) if channels.get("webhook") else None
        settings.email = dict(channels["email"]) if channels.get("email") else None
    except InputError as exc:
        raise InputError(str(exc), source=str(path)) from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"bad setting ({exc})", source=str(path)) from None
    return settings
