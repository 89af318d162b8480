"""What ``rasd watch`` keeps between cycles and restarts, in the store's own database: the feeds
it polls (validators, failures, next poll), the feed items it has seen, the documents whose
claims the alert rules have looked at, and the alerts with their deliveries per channel.

An alert's *identity* is its kind, its cause (``became``, ``source:<key>``, ``best:<n>`` ...)
and the claims of its group when it fired: a new alert of the same kind and cause whose group
shares any claim with an earlier one is the same alert, so a group that gains claims (and so,
maybe, another id, see ``docs/reconcile.md``) does not fire again, across restarts too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from rasd.store.engine import inserted_id
from rasd.store.rows import utc
from rasd.store.schema import alert_claims as AC
from rasd.store.schema import alert_deliveries as AD
from rasd.store.schema import alerts as A
from rasd.store.schema import documents as D
from rasd.store.schema import watch_checked as WC
from rasd.store.schema import watch_feeds as WF
from rasd.store.schema import watch_items as WI
from rasd.store.store import Store

WATCH_SCHEMA = 3  #: the schema version that has these tables
IN_CHUNK = 500    #: values per ``IN (...)`` list


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def item_key(guid: str | None, link: str) -> str:
    """The seen-item key: sha256 (hex) of the item's guid, else of its link."""
    return hashlib.sha256((guid or link).encode("utf-8", "surrogatepass")).hexdigest()


def _chunks(values: Sequence[str]) -> Iterator[list[str]]:
    it = iter(values)
    while chunk := list(islice(it, IN_CHUNK)):
        yield chunk


@dataclass(slots=True)
class FeedState:
    """One polled feed."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: dt.datetime | None = None
    last_success: dt.datetime | None = None
    failures: int = 0
    next_poll: dt.datetime | None = None
    last_error: str | None = None

    def to_json(self) -> dict[str, Any]:
        stamp = lambda t: t.isoformat() if t else None  # noqa: E731
        return {"url": self.url, "etag": self.etag, "last_modified": self.last_modified,
                "last_polled": stamp(self.last_polled), "last_success": stamp(self.last_success),
                "failures": self.failures, "next_poll": stamp(self.next_poll),
                "last_error": self.last_error}


@dataclass(slots=True)
class Delivery:
    """An alert's delivery to one channel."""

    channel: str
    attempts: int
    delivered_at: dt.datetime | None
    last_error: str | None


@dataclass(slots=True)
class StoredAlert:
    """A fired alert."""

    id: int
    kind: str
    cause: str
    group_id: str
    type: str
    summary: str
    payload: dict[str, Any]
    created_at: dt.datetime
    deliveries: list[Delivery] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "cause": self.cause,
                "group_id": self.group_id, "type": self.type, "summary": self.summary,
                "created_at": self.created_at.isoformat(), **self.payload,
                "deliveries": [{"channel": d.channel, "attempts": d.attempts,
                                "delivered_at": d.delivered_at.isoformat()
                                if d.delivered_at else None, "error": d.last_error}
                               for d in self.deliveries]}


class WatchStore:
    """The watch tables of an open :class:`Store` (read-only stores may read them; a database
    older than schema 3 reads as having none)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._insert = pg_insert if store.dialect == "postgresql" else sqlite_insert
        self.present = store.schema_version >= WATCH_SCHEMA

    # --- feeds ---------------------------------------------------------------------------

    def feeds(self) -> list[FeedState]:
        """Every feed polled so far, by URL."""
        if not self.present:
            return []
        with self.store._read() as conn:
            result = conn.execute(sa.select(WF).order_by(WF.c.url)).all()
        return [self._feed(row._mapping) for row in result]

    def feed_states(self, urls: Sequence[str]) -> dict[str, FeedState]:
        """The state of each of ``urls`` (a fresh one for a feed never polled)."""
        out = {url: FeedState(url) for url in urls}
        with self.store._read() as conn:
            for chunk in _chunks(list(urls)):
                for row in conn.execute(sa.select(WF).where(WF.c.url.in_(chunk))):
                    out[row.url] = self._feed(row._mapping)
        return out

    def feed(self, url: str) -> FeedState:
        """A feed's state (a fresh one when it was never polled)."""
        with self.store._read() as conn:
            row = conn.execute(sa.select(WF).where(WF.c.url == url)).first()
        return self._feed(row._mapping) if row else FeedState(url)

    @staticmethod
    def _feed(m: Any) -> FeedState:
        return FeedState(m["url"], m["etag"], m["last_modified"], utc(m["last_polled"]),
                         utc(m["last_success"]), int(m["failures"] or 0), utc(m["next_poll"]),
                         m["last_error"])

    def save_feed(self, state: FeedState) -> None:
        """Write a feed's state (inserted or replaced)."""
        self.save_feeds([state])

    def save_feeds(self, states: Sequence[FeedState]) -> None:
        """Write feeds' states (inserted or replaced), in one transaction."""
        if not states:
            return
        stmt = self._insert(WF)
        stmt = stmt.on_conflict_do_update(index_elements=[WF.c.url], set_={
            k: stmt.excluded[k] for k in FeedState.__slots__ if k != "url"})
        with self.store._write() as conn:
            conn.execute(stmt, [{k: getattr(s, k) for k in FeedState.__slots__}
                                for s in states])

    # --- items ---------------------------------------------------------------------------

    def items(self, keys: Sequence[str]) -> dict[str, tuple[str, int]]:
        """The status and attempts of those of ``keys`` already seen."""
        out: dict[str, tuple[str, int]] = {}
        with self.store._read() as conn:
            for chunk in _chunks(list(keys)):
                for key, status, attempts in conn.execute(
                        sa.select(WI.c.key, WI.c.status, WI.c.attempts)
                        .where(WI.c.key.in_(chunk))):
                    out[key] = (status, int(attempts))
        return out

    def mark_item(self, key: str, feed_url: str, link: str, status: str,
                  doc_id: str | None = None, error: str | None = None) -> None:
        """Record what became of a feed item (``stored``, ``failed`` — tried again on a later
        cycle — or ``given_up``); each call counts one attempt."""
        self.mark_items([(key, feed_url, link, status, doc_id, error)])

    def mark_items(self, marks: Sequence[tuple[str, str, str, str, str | None, str | None]]
                   ) -> None:
        """:meth:`mark_item` for several items ``(key, feed_url, link, status, doc_id,
        error)``, in one transaction."""
        if not marks:
            return
        now = _now()
        stmt = self._insert(WI)
        stmt = stmt.on_conflict_do_update(index_elements=[WI.c.key], set_={
            "status": stmt.excluded.status, "attempts": WI.c.attempts + 1,
            "doc_id": stmt.excluded.doc_id, "last_error": stmt.excluded.last_error,
            "updated_at": stmt.excluded.updated_at})
        values = [{"key": k, "feed_url": f, "link": link, "status": st, "attempts": 1,
                   "doc_id": d, "last_error": e, "first_seen": now, "updated_at": now}
                  for k, f, link, st, d, e in marks]
        with self.store._write() as conn:
            conn.execute(stmt, values)

    def retries(self, feed_urls: Sequence[str], max_attempts: int) -> list[tuple[str, str, str]]:
        """(key, feed URL, link) of the items of these feeds that failed fewer than
        ``max_attempts`` times (to try again even when their feed is unchanged)."""
        out: list[tuple[str, str, str]] = []
        with self.store._read() as conn:
            for chunk in _chunks(list(feed_urls)):
                out.extend(tuple(r) for r in conn.execute(
                    sa.select(WI.c.key, WI.c.feed_url, WI.c.link).where(
                        WI.c.feed_url.in_(chunk), WI.c.status == "failed",
                        WI.c.attempts < max_attempts).order_by(WI.c.first_seen, WI.c.key)))
        return out

    def item_counts(self) -> dict[str, int]:
        """Items seen, by status."""
        if not self.present:
            return {}
        with self.store._read() as conn:
            rows = conn.execute(sa.select(WI.c.status, sa.func.count())
                                .group_by(WI.c.status)).all()
        return {status: int(n) for status, n in rows}

    # --- documents the alert rules have looked at ----------------------------------------

    def check_all_stored(self) -> int:
        """Mark every stored document as looked at (the baseline of a first watch: what was
        there before is not news); the number marked."""
        now = _now()
        pending = sa.select(D.c.id, sa.literal(now, type_=WC.c.checked_at.type)).where(
            ~sa.exists().where(WC.c.doc_id == D.c.id))
        with self.store._write() as conn:
            result = conn.execute(WC.insert().from_select(["doc_id", "checked_at"], pending)
                                  .returning(WC.c.doc_id))
            return len(result.all())

    def unchecked(self) -> list[str]:
        """Ids of the stored documents the alert rules have not looked at yet."""
        with self.store._read() as conn:
            return list(conn.scalars(sa.select(D.c.id).where(
                ~sa.exists().where(WC.c.doc_id == D.c.id)).order_by(D.c.id)))

    def mark_checked(self, doc_ids: Iterable[str]) -> None:
        now = _now()
        stmt = self._insert(WC).on_conflict_do_nothing()
        values = [{"doc_id": d, "checked_at": now} for d in doc_ids]
        if values:
            with self.store._write() as conn:
                conn.execute(stmt, values)

    # --- alerts --------------------------------------------------------------------------

    def add_alert(self, kind: str, cause: str, group_id: str, type: str, summary: str,
                  payload: dict[str, Any], claim_ids: Sequence[str]) -> int | None:
        """Record an alert unless it was fired already (same kind and cause, a claim in
        common); its id, or None for a repeat. Check and insert are one transaction."""
        with self.store._write() as conn:
            for chunk in _chunks(sorted(set(claim_ids))):
                seen = conn.scalar(sa.select(A.c.id).join(AC, AC.c.alert_id == A.c.id).where(
                    A.c.kind == kind, A.c.cause == cause, AC.c.claim_id.in_(chunk)).limit(1))
                if seen is not None:
                    return None
            alert_id = inserted_id(conn.execute(A.insert().values(
                kind=kind, cause=cause, group_id=group_id, type=type, summary=summary,
                payload=payload, created_at=_now())))
            if claim_ids:
                conn.execute(AC.insert(), [{"alert_id": alert_id, "claim_id": c}
                                           for c in sorted(set(claim_ids))])
        return alert_id

    def alerts(self, *, kind: str | None = None, type: str | None = None,
               group_id: str | None = None, since: dt.datetime | None = None,
               limit: int | None = None, offset: int = 0) -> tuple[list[StoredAlert], int]:
        """Alerts newest first, filtered, one page of them; and how many match."""
        if not self.present:
            return [], 0
        conds = [c for c in (A.c.kind == kind if kind else None,
                             A.c.type == type if type else None,
                             A.c.group_id == group_id if group_id else None,
                             A.c.created_at >= since if since else None) if c is not None]
        with self.store._read() as conn:
            total = int(conn.scalar(sa.select(sa.func.count()).select_from(A).where(*conds))
                        or 0)
            stmt = sa.select(A).where(*conds).order_by(A.c.id.desc()).offset(offset)
            rows = conn.execute(stmt.limit(limit) if limit is not None else stmt).all()
            found = [self._alert(r._mapping) for r in rows]
            self._add_deliveries(conn, found)
        return found, total

    def alert(self, alert_id: int) -> StoredAlert | None:
        if not self.present:
            return None
        with self.store._read() as conn:
            row = conn.execute(sa.select(A).where(A.c.id == alert_id)).first()
            if row is None:
                return None
            found = [self._alert(row._mapping)]
            self._add_deliveries(conn, found)
        return found[0]

    @staticmethod
    def _alert(m: Any) -> StoredAlert:
        return StoredAlert(int(m["id"]), m["kind"], m["cause"], m["group_id"], m["type"],
                           m["summary"], dict(m["payload"]), utc(m["created_at"]))

    @staticmethod
    def _add_deliveries(conn: sa.Connection, found: list[StoredAlert]) -> None:
        by_id = {a.id: a for a in found}
        for chunk in _chunks([str(i) for i in by_id]):
            rows = conn.execute(sa.select(AD).where(AD.c.alert_id.in_([int(i) for i in chunk]))
                                .order_by(AD.c.channel))
            for r in rows:
                m = r._mapping
                by_id[m["alert_id"]].deliveries.append(Delivery(
                    m["channel"], int(m["attempts"]), utc(m["delivered_at"]), m["last_error"]))

    def undelivered(self, channel: str, max_attempts: int) -> list[StoredAlert]:
        """Alerts, oldest first, not yet delivered to ``channel`` and tried there fewer than
        ``max_attempts`` times."""
        done = sa.select(AD.c.alert_id).where(AD.c.channel == channel, sa.or_(
            AD.c.delivered_at.is_not(None), AD.c.attempts >= max_attempts))
        with self.store._read() as conn:
            rows = conn.execute(sa.select(A).where(A.c.id.not_in(done)).order_by(A.c.id)).all()
        return [self._alert(r._mapping) for r in rows]

    def record_delivery(self, alert_id: int, channel: str, ok: bool,
                        error: str | None = None) -> None:
        """Count one delivery attempt of an alert to a channel, and whether it got there."""
        when = _now() if ok else None
        stmt = self._insert(AD).values(alert_id=alert_id, channel=channel, attempts=1,
                                       delivered_at=when, last_error=error)
        stmt = stmt.on_conflict_do_update(
            index_elements=[AD.c.alert_id, AD.c.channel],
            set_={"attempts": AD.c.attempts + 1, "delivered_at": when, "last_error": error})
        with self.store._write() as conn:
            conn.execute(stmt)
