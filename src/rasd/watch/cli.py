"""``rasd watch`` and ``rasd alerts`` (thin over :mod:`rasd.watch`)."""

from __future__ import annotations

import datetime as dt
import json
import signal
import threading
from pathlib import Path
from typing import Any

import click

from rasd.errors import UsageError
from rasd.ingest.fetch import FetchOptions
from rasd.settings import active

DB_HELP = "SQLite file (default ./rasd.db) or a postgresql:// URL."


def _major(values: tuple[str, ...]) -> dict[str, int]:
    out = {}
    for v in values:
        etype, _, n = v.partition("=")
        if not n.strip().isdigit():
            raise click.BadParameter(f"{v!r}: give TYPE=N, e.g. killed=10", param_hint="--major")
        out[etype.strip()] = int(n)
    return out


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--every", default=None, help="Poll interval (90s, 10m, 1h; default 10m).")
@click.option("--once", is_flag=True, help="Run one cycle and exit (cron, systemd timers).")
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help="TOML settings (thresholds, channels): see docs/watch.md.")
@click.option("--alert-log", default=None, type=click.Path(dir_okay=False),
              help="Append each alert as a JSON line to this file.")
@click.option("--webhook", default=None, help="POST each alert as JSON to this URL (signed "
              "with HMAC-SHA256 when RASD_WEBHOOK_SECRET is set).")
@click.option("--smtp-host", default=None, help="Send each alert by e-mail through this server.")
@click.option("--smtp-port", default=None, type=int, help="SMTP port (default 25).")
@click.option("--smtp-starttls", is_flag=True, default=None, help="Use STARTTLS.")
@click.option("--smtp-user", default=None, help="SMTP login (password: RASD_SMTP_PASSWORD).")
@click.option("--mail-from", default=None, help="Sender address of alert e-mails.")
@click.option("--mail-to", multiple=True, help="Recipient of alert e-mails (repeatable).")
@click.option("--quiet", is_flag=True, help="No alert lines on the console.")
@click.option("--jump-ratio", default=None, type=click.FloatRange(0),
              help="Toll jump: least rise of the best figure (0.5 = 50 %).")
@click.option("--jump-min", default=None, type=click.IntRange(0),
              help="Toll jump: least rise in people (5).")
@click.option("--major", multiple=True, help="New major incident threshold TYPE=N "
              "(repeatable; default killed=10).")
@click.option("--allow-private", is_flag=True,
              help="Let fetches reach loopback/private/link-local addresses (also "
                   "RASD_ALLOW_PRIVATE=1).")
@click.option("--timeout", default=FetchOptions.timeout, show_default=True,
              type=click.FloatRange(0.1), help="Seconds without a byte before a fetch fails.")
@click.option("--feed-workers", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Sources polled at once.")
@click.option("--page-workers", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Item pages fetched at once.")
def watch(sources: tuple[str, ...], db: str | None, every: str | None, once: bool,
          config_path: str | None, alert_log: str | None, webhook: str | None,
          smtp_host: str | None, smtp_port: int | None, smtp_starttls: bool | None,
          smtp_user: str | None, mail_from: str | None, mail_to: tuple[str, ...], quiet: bool,
          jump_ratio: float | None, jump_min: int | None, major: tuple[str, ...],
          allow_private: bool, timeout: float, feed_workers: int, page_workers: int) -> None:
    """Poll SOURCES (RSS/Atom feed URLs, page URLs, or files listing them one per line, '#'
    comments) into the store, and alert on new disputes, toll jumps and major incidents.

    Each cycle fetches the sources that are due (conditional requests: an unchanged feed
    costs a 304), stores every new item's article as `rasd ingest` does, then runs the alert
    rules and sends each new alert once to each channel. Without --once it cycles every
    --every until SIGINT/SIGTERM, stopping between two items. A failing source backs off
    (the interval doubled per failure, at most 6 h) and never stops the others.
    """
    from dataclasses import replace

    from rasd.store import Store
    from rasd.watch import alerts as rules
    from rasd.watch import config
    from rasd.watch.channels import deliver
    from rasd.watch.cycle import Watcher, WatchOptions
    from rasd.watch.sources import read_sources

    urls = read_sources(list(sources))
    settings = config.load(config_path)
    if every:
        settings.every = config.duration(every)
    t = settings.thresholds
    settings.thresholds = rules.Thresholds(
        t.jump_ratio if jump_ratio is None else jump_ratio,
        t.jump_min if jump_min is None else jump_min, {**t.major, **_major(major)})
    settings.console = settings.console and not quiet
    if alert_log:
        settings.jsonl = Path(alert_log)
    if webhook:
        settings.webhook = {**(settings.webhook or {}), "url": webhook}
    if smtp_host or mail_to or mail_from:
        mail = {**(settings.email or {})}
        for key, value in (("host", smtp_host), ("port", smtp_port),
                           ("starttls", smtp_starttls), ("user", smtp_user),
                           ("sender", mail_from), ("to", list(mail_to) or None)):
            if value is not None:
                mail[key] = value
        settings.email = mail
    channels = settings.channels()
    if not urls:
        raise UsageError("no sources to watch")

    def log(line: str) -> None:
        click.echo(f"rasd: {line}", err=True)

    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        log(f"{signal.Signals(signum).name}: stopping after the current item (again: at once)")
        stop.set()
        signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT
                      else signal.SIG_DFL)  # a second signal is not waited on

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    options = WatchOptions(every=settings.every, feed_workers=feed_workers,
                           page_workers=page_workers,
                           fetch=replace(FetchOptions(), timeout=timeout,
                                         allow_private=allow_private or active().allow_private))
    with Store.open(db) as store:
        watcher = Watcher(store, urls, options, stop=stop, log=log,
                          alerts=lambda s: rules.check(s, settings.thresholds),
                          deliver=lambda s: deliver(s, channels, log=log))
        log(f"watching {len(urls)} source(s) every {settings.every}, into {store.location}"
            f"; channels: {', '.join(c.name for c in channels) or 'none'}")
        watcher.run(once=once)


@click.command(name="alerts")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--kind", default=None,
              type=click.Choice(["dispute", "toll_jump", "major_incident"]))
@click.option("--type", "type_", default=None, help="Event type (killed, injured, ...).")
@click.option("--since", default=None, help="Alerts fired from this day (YYYY-MM-DD).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--feeds", is_flag=True, help="Show the watched feeds' state instead.")
def alerts_(db: str | None, kind: str | None, type_: str | None, since: str | None,
            limit: int, as_json: bool, feeds: bool) -> None:
    """The alerts `rasd watch` fired, newest first (or, with --feeds, each watched source's
    last success, failures, last error and next poll)."""
    from rasd.store import Store
    from rasd.store.watch import WatchStore
    from rasd.watch.channels import alert_json, alert_line

    try:
        start = (dt.datetime.fromisoformat(since).replace(tzinfo=dt.UTC)
                 if since else None)
    except ValueError:
        raise UsageError(f"--since: not a date: {since!r} (YYYY-MM-DD)") from None
    with Store.open(db, readonly=True) as store:
        state = WatchStore(store)
        if feeds:
            for f in state.feeds():
                if as_json:
                    click.echo(json.dumps(f.to_json(), ensure_ascii=False))
                else:
                    ok = f"{f.last_success:%Y-%m-%d %H:%M}" if f.last_success else "never"
                    nxt = f"{f.next_poll:%Y-%m-%d %H:%M}" if f.next_poll else "-"
                    err = f"; {f.failures} failure(s): {f.last_error}" if f.failures else ""
                    click.echo(f"{f.url}  last success {ok}, next poll {nxt}{err}")
            return
        found, total = state.alerts(kind=kind, type=type_, since=start, limit=limit)
    for a in found:
        click.echo(json.dumps(alert_json(a), ensure_ascii=False) if as_json else alert_line(a))
    if not as_json:
        click.echo(f"{total:,} alert(s)" + (f" (showing {len(found)})" if total > len(found)
                                             else ""), err=True)
