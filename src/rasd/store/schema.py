"""The tables, as SQLAlchemy Core objects shared by SQLite and PostgreSQL.

This is the *current* schema. A database is brought to it by :mod:`rasd.store.migrations`:
step 1 creates whatever is missing from these definitions, and any later change here comes
with a new step that alters an existing database (and is a no-op on a fresh one).

``claims`` has one column per claim field worth filtering on and the whole claim JSON in
``data`` (JSONB on PostgreSQL) so that nothing is lost; rows are read back from ``data``.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData()

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")
Stamp = sa.DateTime(timezone=True)

schema_migrations = sa.Table(
    "schema_migrations", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("applied_at", Stamp, nullable=False),
)

runs = sa.Table(
    "runs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("command", sa.Text, nullable=False),
    sa.Column("extractor_version", sa.Text, nullable=False),
    sa.Column("started_at", Stamp, nullable=False),
    sa.Column("finished_at", Stamp),
    sa.Column("status", sa.Text, nullable=False),  # running | finished | failed | interrupted
    sa.Column("documents", sa.Integer),
    sa.Column("claims", sa.Integer),
    sa.Column("failures", sa.Integer),
    sa.Column("host", sa.Text),  # machine and process that ran it (step 2), to tell a run
    sa.Column("pid", sa.Integer),  # whose process is gone ("interrupted") from a running one
)

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False),  # sha256 hex of the text
    sa.Column("outlet", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Text),
    sa.Column("language", sa.Text, nullable=False),
    sa.Column("title_end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("added_at", Stamp, nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),  # run that ingested it
    sa.Column("claims_run_id", sa.Integer, sa.ForeignKey("runs.id")),  # run of its claims
    sa.Column("extractor_version", sa.Text),  # version that extracted its claims
    sa.Index("ux_documents_content_hash", "content_hash", unique=True),
    sa.Index("ix_documents_published", "published"),
    sa.Index("ix_documents_outlet", "outlet"),
)

sources = sa.Table(
    "sources", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text),
    sa.Column("country", sa.Text),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),  # order within the document
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("count_value", sa.BigInteger),
    sa.Column("qualifier", sa.Text),
    sa.Column("count_min", sa.BigInteger),
    sa.Column("count_max", sa.BigInteger),
    sa.Column("vague", sa.Text),
    sa.Column("count_low", sa.BigInteger, nullable=False),
    sa.Column("count_high", sa.BigInteger, nullable=False),
    sa.Column("mixed", sa.Boolean, nullable=False),
    sa.Column("source_text", sa.Text, nullable=False),
    sa.Column("source_kind", sa.Text),
    sa.Column("source_id", sa.Text, sa.ForeignKey("sources.id")),
    sa.Column("via", JSONType, nullable=False),
    sa.Column("subject_text", sa.Text),
    sa.Column("subject_category", sa.Text),
    sa.Column("location_text", sa.Text),
    sa.Column("location_name", sa.Text),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("lat", sa.Double),
    sa.Column("lon", sa.Double),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("time_text", sa.Text),
    sa.Column("date", sa.Text),  # ISO date (or a prefix of one: month/year precision)
    sa.Column("date_precision", sa.Text),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Double, nullable=False),
    sa.Column("data", JSONType, nullable=False),  # the whole claim JSON
    sa.UniqueConstraint("doc_id", "seq", name="ux_claims_doc_seq"),
    sa.Index("ix_claims_type", "type"),
    sa.Index("ix_claims_country", "country"),
    sa.Index("ix_claims_date", "date"),
    sa.Index("ix_claims_source_id", "source_id"),
)

failures = sa.Table(
    "failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id")),
    sa.Column("source", sa.Text, nullable=False),  # the input: file, file:line, URL
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
    sa.Index("ix_failures_run_id", "run_id"),
)

# --- rasd watch (step 3): polled feeds, items seen, documents already looked at, alerts ------

watch_feeds = sa.Table(
    "watch_feeds", metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("last_polled", Stamp),
    sa.Column("last_success", Stamp),
    sa.Column("failures", sa.Integer, nullable=False, default=0),  # consecutive
    sa.Column("next_poll", Stamp),
    sa.Column("last_error", sa.Text),
)

watch_items = sa.Table(
    "watch_items", metadata,
    sa.Column("key", sa.Text, primary_key=True),  # sha256 of the item's guid, else its link
    sa.Column("feed_url", sa.Text, nullable=False),
    sa.Column("link", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),  # stored | failed (retried) | given_up
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("doc_id", sa.Text),
    sa.Column("last_error", sa.Text),
    sa.Column("first_seen", Stamp, nullable=False),
    sa.Column("updated_at", Stamp, nullable=False),
)

watch_checked = sa.Table(  # documents whose claims the alert rules have already looked at
    "watch_checked", metadata,
    sa.Column("doc_id", sa.Text, primary_key=True),
    sa.Column("checked_at", Stamp, nullable=False),
)

alerts = sa.Table(
    "alerts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.Text, nullable=False),   # dispute | toll_jump | major_incident
    sa.Column("cause", sa.Text, nullable=False),  # what fired it, within its group (dedup)
    sa.Column("group_id", sa.Text, nullable=False),  # the group's id when it fired
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("payload", JSONType, nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
    sa.Index("ix_alerts_kind", "kind"),
    sa.Index("ix_alerts_created_at", "created_at"),
)

alert_claims = sa.Table(  # the group's claims when the alert fired: its identity for dedup
    "alert_claims", metadata,
    sa.Column("alert_id", sa.Integer, sa.ForeignKey("alerts.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.Index("ix_alert_claims_claim_id", "claim_id"),
)

alert_deliveries = sa.Table(
    "alert_deliveries", metadata,
    sa.Column("alert_id", sa.Integer, sa.ForeignKey("alerts.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("channel", sa.Text, primary_key=True),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("delivered_at", Stamp),  # None: not (yet) delivered
    sa.Column("last_error", sa.Text),
)

WATCH_TABLES = (watch_feeds, watch_items, watch_checked, alerts, alert_claims, alert_deliveries)
