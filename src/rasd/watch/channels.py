"""Where alerts go: the console (one line), a JSONL log, a webhook, e-mail.

:func:`deliver` gives every channel the alerts it has not had yet, oldest first, trying each
one up to ``channel.tries`` times with a doubling pause in between (each try recorded in the
store, :meth:`~rasd.store.watch.WatchStore.record_delivery`); an alert that failed is tried
again on the next cycles until ``max_attempts`` tries in all. Secrets (the webhook's signing
key, the SMTP password) are given by the caller, read from the environment, and never appear
in an error or a log line.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import httpx
from rich.console import Console as RichConsole
from rich.markup import escape

from rasd.ingest.fetch import USER_AGENT
from rasd.store import Store
from rasd.store.watch import StoredAlert, WatchStore

SIGNATURE_HEADER = "X-Rasd-Signature"
Log = Callable[[str], None]


class Channel(Protocol):
    name: str
    tries: int

    def send(self, alert: StoredAlert) -> None:
        """Deliver one alert; an exception (with a message safe to log) when it did not."""


def alert_json(alert: StoredAlert) -> dict[str, object]:
    """An alert as the channels send it (its deliveries left out)."""
    out = alert.to_json()
    out.pop("deliveries", None)
    return out


def alert_line(alert: StoredAlert) -> str:
    """One readable line: time, kind, summary, the group's page."""
    return (f"{alert.created_at:%Y-%m-%d %H:%M} alert #{alert.id} {alert.summary} "
            f"[{alert.payload.get('link', '/groups/' + alert.group_id)}]")


@dataclass
class Console:
    """One line per alert on the terminal (Rich; kinds in colour)."""

    console: RichConsole = field(default_factory=lambda: RichConsole(highlight=False))
    name: str = "console"
    tries: int = 1

    COLOURS = {"dispute": "bold red", "toll_jump": "bold yellow", "major_incident": "bold magenta"}

    def send(self, alert: StoredAlert) -> None:
        colour = self.COLOURS.get(alert.kind, "bold")
        self.console.print(f"[{colour}]{alert.kind}[/{colour}] " + escape(alert_line(alert)),
                           soft_wrap=True)


@dataclass
class JsonlLog:
    """One JSON object per alert, appended to a file (flushed and synced)."""

    path: Path
    name: str = "jsonl"
    tries: int = 2

    def send(self, alert: StoredAlert) -> None:
        line = json.dumps(alert_json(alert), ensure_ascii=False) + "\n"
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())


def signature(secret: str, body: bytes) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


@dataclass
class Webhook:
    """POST each alert as JSON; with a secret, signed (``X-Rasd-Signature: sha256=<hmac>``)."""

    url: str
    secret: str | None = field(default=None, repr=False)
    timeout: float = 10.0
    tries: int = 3
    name: str = "webhook"
    header: str = SIGNATURE_HEADER

    def send(self, alert: StoredAlert) -> None:
        body = json.dumps(alert_json(alert), ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
                   "X-Rasd-Alert": str(alert.id)}
        if self.secret:
            headers[self.header] = signature(self.secret, body)
        try:
            response = httpx.post(self.url, content=body, headers=headers, timeout=self.timeout)
        except httpx.HTTPError as exc:  # the message may hold the URL (and a token in it)
            raise RuntimeError(f"cannot reach the webhook ({type(exc).__name__})") from None
        if not response.is_success:
            raise RuntimeError(f"webhook answered HTTP {response.status_code}")


@dataclass
class Email:
    """One message per alert through an SMTP server (STARTTLS and login optional)."""

    host: str
    sender: str
    to: list[str]
    port: int = 25
    starttls: bool = False
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    tries: int = 2
    name: str = "email"

    def message(self, alert: StoredAlert) -> EmailMessage:
        msg = EmailMessage()
        msg["Subject"] = f"[rasd] {alert.summary}"[:300]
        msg["From"] = self.sender
        msg["To"] = ", ".join(self.to)
        lines = [alert.summary, ""]
        for f in alert.payload.get("figures", []):
            lines.append(f"- {f.get('source')}: {f.get('figure')} ({f.get('date') or '?'}) "
                         f"{f.get('url') or ''}".rstrip())
            if f.get("sentence") or f.get("evidence"):
                lines.append(f"  {f.get('sentence') or f['evidence']}")
        lines += ["", f"group: {alert.payload.get('link', alert.group_id)}"]
        msg.set_content("\n".join(lines))
        return msg

    def send(self, alert: StoredAlert) -> None:
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls()
                if self.user:
                    smtp.login(self.user, self.password or "")
                smtp.send_message(self.message(alert))
        except (OSError, smtplib.SMTPException) as exc:
            raise RuntimeError(f"SMTP {self.host}:{self.port}: {type(exc).__name__}") from None


def deliver(store: Store, channels: list[Channel], *, max_attempts: int = 5,
            retry_delay: float = 1.0, log: Log | None = None) -> int:
    """Give every channel its undelivered alerts (see the module docstring); deliveries
    made."""
    state = WatchStore(store)
    done = 0
    for channel in channels:
        for alert in state.undelivered(channel.name, max_attempts):
            delay = retry_delay
            for attempt in range(1, max(1, channel.tries) + 1):
                try:
                    channel.send(alert)
                except Exception as exc:  # noqa: BLE001 - recorded; the next alert goes on
                    state.record_delivery(alert.id, channel.name, ok=False, error=str(exc))
                    if log:
                        log(f"alert #{alert.id} to {channel.name}: {exc} (try {attempt})")
                    if attempt < channel.tries:
                        time.sleep(delay)
                        delay *= 2
                    continue
                state.record_delivery(alert.id, channel.name, ok=True)
                done += 1
                break
    return done
