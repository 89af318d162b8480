"""Channels and settings: e-mail through a local SMTP server (aiosmtpd), the console line,
the TOML file and its secrets from the environment."""

from __future__ import annotations

import datetime as dt
import email
import email.header
import io
import socket

import pytest
from rich.console import Console as RichConsole

from rasd.errors import InputError
from rasd.store import Store
from rasd.store.watch import WatchStore
from rasd.watch.channels import Console, Email, deliver
from rasd.watch.config import duration, load

PAYLOAD = {"figures": [{"source": "وزارة الصحة", "figure": "12", "date": "2025-10-06",
                        "url": "http://x.test/a", "evidence": "قالت وزارة الصحة إن 12 شخصا قتلوا"}],
           "link": "/groups/abc"}


@pytest.fixture()
def smtp():
    aiosmtpd = pytest.importorskip("aiosmtpd.controller")
    from aiosmtpd.handlers import Message

    class Inbox(Message):
        def __init__(self) -> None:
            super().__init__()
            self.messages: list[email.message.Message] = []

        def handle_message(self, message):
            self.messages.append(message)

    inbox = Inbox()
    with socket.socket() as probe:  # a free port (the controller checks it by connecting)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, inbox
    controller.stop()


def test_email_alerts_once_each(smtp, tmp_path):
    controller, inbox = smtp
    port = controller.port
    with Store.open(str(tmp_path / "w.db")) as store:
        state = WatchStore(store)
        state.add_alert("major_incident", "major", "abc", "killed", "major incident · 12",
                        PAYLOAD, ["c1"])
        channel = Email("127.0.0.1", "rasd@example.org", ["desk@example.org"], port=port)
        assert deliver(store, [channel]) == 1
        assert deliver(store, [channel]) == 0  # delivered: not sent again
        (alert,) = state.alerts()[0]
    (msg,) = inbox.messages
    subject = str(email.header.make_header(email.header.decode_header(msg["Subject"])))
    assert subject == "[rasd] major incident · 12" and msg["To"] == "desk@example.org"
    body = msg.get_payload(decode=True).decode("utf-8")
    assert "وزارة الصحة: 12 (2025-10-06) http://x.test/a" in body and "/groups/abc" in body
    assert alert.deliveries[0].delivered_at is not None


def test_an_unreachable_smtp_server_is_recorded_and_tried_again_later(tmp_path):
    with Store.open(str(tmp_path / "w.db")) as store:
        state = WatchStore(store)
        state.add_alert("dispute", "became", "g", "killed", "s", {}, ["c"])
        channel = Email("127.0.0.1", "a@b.c", ["d@e.f"], port=1, user="u", password="hunter2",
                        timeout=1)
        logged: list[str] = []
        assert deliver(store, [channel], retry_delay=0.01, log=logged.append) == 0
        (alert,) = state.alerts()[0]
    d = alert.deliveries[0]
    assert (d.attempts, d.delivered_at) == (2, None)
    assert d.last_error.startswith("SMTP 127.0.0.1:1: ConnectionRefusedError")
    assert logged and not any("hunter2" in line for line in logged)
    assert "hunter2" not in repr(channel)


def test_console_prints_one_line():
    out = io.StringIO()
    console = Console(RichConsole(file=out, width=300, color_system=None))
    from rasd.store.watch import StoredAlert

    console.send(StoredAlert(7, "dispute", "became", "g", "killed", "dispute · killed · [x]",
                             {"link": "/groups/g"}, dt.datetime(2026, 1, 2, 3, 4,
                                                                tzinfo=dt.UTC)))
    assert out.getvalue() == "dispute 2026-01-02 03:04 alert #7 dispute · killed · [x] " \
                             "[/groups/g]\n"


def test_settings_file_and_secrets_from_the_environment(tmp_path):
    path = tmp_path / "watch.toml"
    path.write_text("""every = "90s"
[alerts]
jump_min = 20
major = { injured = 50 }
[channels]
console = false
jsonl = "a.jsonl"
[channels.webhook]
url = "http://hook.test/x"
secret_env = "MY_SECRET"
[channels.email]
host = "smtp.test"
sender = "a@b.c"
to = "d@e.f"
starttls = true
""", encoding="utf-8")
    s = load(path)
    assert s.every == dt.timedelta(seconds=90) and s.thresholds.jump_min == 20
    assert s.thresholds.major == {"killed": 10, "injured": 50}
    hook, mail = s.channels(env={"MY_SECRET": "k", "RASD_SMTP_PASSWORD": "p"})[1:]
    assert [c.name for c in s.channels(env={})] == ["jsonl", "webhook", "email"]
    assert (hook.secret, mail.password, mail.starttls, mail.to) == ("k", "p", True, ["d@e.f"])
    path.write_text("[alerts]\nmajor = { slain = 3 }\n", encoding="utf-8")
    with pytest.raises(InputError, match="watch.toml: alerts.major: unknown event type"):
        load(path)
    path.write_text("every = [", encoding="utf-8")
    with pytest.raises(InputError, match="watch.toml: not valid TOML"):
        load(path)
    assert duration("10m") == dt.timedelta(minutes=10) and duration(30).seconds == 30
    with pytest.raises(InputError, match="not a duration"):
        duration("soon")
