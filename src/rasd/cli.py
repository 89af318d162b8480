"""Command line: ``rasd extract``, ``rasd eval``, ``rasd demo`` (thin over the Python API)."""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from typing import TYPE_CHECKING, Any

import click

from rasd.errors import InputError, OutputError, RasdError, UsageError
from rasd.filters import GROUP_PERIODS, Filters, check
from rasd.ingest.fetch import FetchOptions
from rasd.ingest.readers import read_inputs
from rasd.ingest.records import Failure
from rasd.model import EVENT_TYPES
from rasd.pipeline import run_many
from rasd.settings import Settings, activated, active

if TYPE_CHECKING:  # rich is imported where a command draws with it: extract starts faster
    from rich.console import Console


def error_line(exc: RasdError) -> str:
    """How the command line shows an error: ``rasd: error: code: message`` on one line."""
    return f"rasd: error: {exc.code}: {' '.join(str(exc).split())}"


class _Commands(click.Group):
    """The ``rasd`` command group: a :class:`RasdError` out of any command is one line on
    stderr (:func:`error_line`) and the exit status the error names (1, or 2 for a bad option)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RasdError as exc:
            click.echo(error_line(exc), err=True)
            ctx.exit(exc.exit_status)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasd")
@click.pass_context
def main(ctx: click.Context) -> None:
    """rasd (رصد): who claims how many were killed, wounded, arrested, displaced ... in Arabic news."""
    # the environment's settings (rasd.settings), read once here and active for the command
    ctx.obj = Settings.from_env()
    ctx.with_resource(activated(ctx.obj))


def _eval_pairs(gold: str, articles: str | None, db: str | None, as_json: bool,
                errors: int) -> None:
    from rasd.evaluate_pairs import evaluate_pairs

    report = evaluate_pairs(gold, articles, db)
    summary = report.summary()
    if as_json:
        click.echo(json.dumps({**summary, "unresolved_pairs": report.unresolved,
                               "wrong": report.wrong}, ensure_ascii=False, indent=1))
        return
    click.echo(f"rasd eval (pairs): {summary['pairs']} pairs, {summary['invalid']} invalid, "
               f"{summary['unresolved']} unresolved (a claim not extracted), "
               f"{summary['resolved']} scored")
    for key in ("grouping_precision", "grouping_recall", "dispute_precision", "dispute_recall"):
        click.echo(f"{key:20s} {summary[key]:.4f}")
    click.echo(f"{'grouped':20s} {summary['grouped']} (gold same: {summary['gold_same']})")
    click.echo(f"{'contradicted':20s} {summary['contradicted']} "
               f"(gold dispute: {summary['gold_dispute']})")
    click.echo(f"{'subsets':20s} {summary['subsets']}: {summary['subsets_grouped']} grouped, "
               f"{summary['subsets_contradicted']} contradicted")
    if report.unresolved:
        click.echo(f"\nunresolved pairs ({len(report.unresolved)})")
        for u in report.unresolved[:errors]:
            why = "; ".join(f"{side}: {reason}" for side, reason in u["why"].items())
            click.echo(f"  {u['id']} ({u['relation']}) {why}")
    wrong = report.wrong[:errors]
    click.echo(f"\nwrong pairs ({len(report.wrong)}; first {len(wrong)})")
    for w in wrong:
        click.echo(f"  {w['id']} {w['error']}: {w['note'] or ''}")
        for side in ("a", "b"):
            c = w[side]
            click.echo(f"    {side} {c['doc_id']} {c['type']} {json.dumps(c['count'])} "
                       f"[{c['source']}] {c['sentence']}")


FETCH_OPTIONS = [
    click.option("--allow-private", is_flag=True,
                 help="Let URL and feed fetches reach loopback, private and link-local "
                      "addresses (refused by default, against server-side request forgery)."),
    click.option("--max-items", default=FetchOptions.max_items, show_default=True, type=click.IntRange(1),
                 help="Most items read from one RSS/Atom feed."),
    click.option("--deadline", default=FetchOptions.deadline, show_default=True, type=click.FloatRange(0.1),
                 help="Seconds one feed's items may take in all; those not read by then are "
                      "one failure."),
    click.option("--fetch-workers", default=FetchOptions.workers, show_default=True,
                 type=click.IntRange(1, 64),
                 help="Feed items fetched at once."),
]


def _fetch_options(f: Any) -> Any:
    for option in reversed(FETCH_OPTIONS):
        f = option(f)
    return f


def _fetch(allow_private: bool, max_items: int, deadline: float,
           fetch_workers: int) -> FetchOptions:
    """Fetch options from the CLI's flags; feed progress lines go to stderr."""
    return FetchOptions(allow_private=allow_private, max_items=max_items, deadline=deadline,
                        workers=fetch_workers,
                        progress=lambda line: click.echo(f"rasd: {line}", err=True))


ENGINE_OPTIONS = [
    click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
                 show_default=True,
                 help="local: this machine's processes (--workers); dask: partitions of the "
                      "input on a Dask cluster (pip install 'rasd[dask]'; docs/scale.md)."),
    click.option("--scheduler", default=None, metavar="tcp://HOST:8786",
                 help="Dask scheduler to use (default: a LocalCluster of --workers processes)."),
    click.option("--partitions", default=None, type=click.IntRange(1),
                 help="Dask partitions (default: 64 MB of JSONL each, at least 2 per worker)."),
]


def _engine_options(f: Any) -> Any:
    for option in reversed(ENGINE_OPTIONS):
        f = option(f)
    return f


def _check_engine(engine: str, scheduler: str | None, partitions: int | None,
                  output: str | None = None) -> None:
    """A one-line error when a Dask-only option is given without ``--engine dask``."""
    if engine != "dask":
        given = [name for name, value in (("--scheduler", scheduler),
                                          ("--partitions", partitions),
                                          ("--output", output)) if value is not None]
        if given:
            raise UsageError(f"{given[0]} needs --engine dask")


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Processes to run the pipeline in (records are parsed there too); with "
                   "--engine dask, the LocalCluster's workers.")
@_engine_options
@click.option("--output", default=None, type=click.Path(file_okay=False),
              help="With --engine dask: write the claims as Parquet shards in this folder "
                   "(part-NNNNN.parquet, one per partition) instead of stdout.")
@_fetch_options
def extract(inputs: tuple[str, ...], workers: int, engine: str, scheduler: str | None,
            partitions: int | None, output: str | None, **fetch: Any) -> None:
    """Extract claims from INPUTS (text, JSONL of articles, HTML, WARC, RSS/Atom, folders,
    http(s) URLs; '-' or none = stdin) and write one claim per line as JSON to stdout.

    JSONL records use the corpus format: id, title, text, published, outlet, url. A bad record is
    reported on stderr (file:line and reason) and the rest is processed; the exit status is 1
    only when no input could be processed.
    """
    _check_engine(engine, scheduler, partitions, output)
    if engine == "dask":
        _extract_dask(list(inputs), workers, scheduler, partitions, output, _fetch(**fetch))
        return
    from rasd.jobs import claim_lines

    failures: list[Failure] = []
    processed = 0
    out = sys.stdout
    stdin = sys.stdin.buffer if (not inputs or "-" in inputs) else None
    items = read_inputs(list(inputs), stdin, fetch=_fetch(**fetch), raw=True)
    for result in run_many(items, workers=workers, fn=claim_lines):
        if isinstance(result, Failure):
            failures.append(result)
            click.echo(f"rasd: skipped {result}", err=True)
            continue
        processed += 1
        for warning in result.warnings:
            click.echo(f"rasd: warning: {warning}", err=True)
        out.write(result.lines)
    out.flush()
    if failures:
        click.echo(f"rasd: {processed} document(s) processed, {len(failures)} skipped", err=True)
    if processed == 0 and failures:
        sys.exit(1)


def _extract_dask(inputs: list[str], workers: int, scheduler: str | None,
                  partitions: int | None, output: str | None, fetch: Any) -> None:
    """``rasd extract --engine dask``: partitions' claims to stdout in order (or Parquet
    shards), their failures and warnings to stderr, a progress bar on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from rasd import scale

    out = sys.stdout
    processed = failed = claims = 0
    with Progress("partitions", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("partitions", total=None)
        for result in scale.extract(inputs or ["-"], workers=workers, scheduler=scheduler,
                                    partitions=partitions, output=output, fetch=fetch,
                                    progress=lambda r, total: bar.update(
                                        task, advance=1, total=total)):
            for failure in result.failures:
                click.echo(f"rasd: skipped {failure}", err=True)
            for warning in result.warnings:
                click.echo(f"rasd: warning: {warning}", err=True)
            out.writelines(result.lines)
            processed += result.documents
            failed += len(result.failures)
            claims += result.claims
    out.flush()
    if failed or output:
        click.echo(f"rasd: {processed} document(s) processed, {failed} skipped"
                   + (f", {claims:,} claims in {output}" if output else ""), err=True)
    if processed == 0 and failed:
        sys.exit(1)


@main.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--articles", default=None, type=click.Path(dir_okay=False),
              help="JSONL of the articles the gold files refer to (by id).")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--errors", default=15, show_default=True,
              help="How many misses / false hits / wrong sources / wrong places (or wrong "
                   "pairs) to list.")
@click.option("--db", default=None,
              help="Pair files only: score this existing store instead of ingesting ARTICLES.")
def eval_(gold: tuple[str, ...], articles: str | None, as_json: bool, errors: int,
          db: str | None) -> None:
    """Score the extractor against GOLD claims (shared/eval/GUIDELINES.md, Scoring), or
    reconciliation against GOLD claim pairs (shared/eval/RECONCILE.md): a file whose records
    have "a", "b" and "relation" is a pair file. For pairs, all of ARTICLES is ingested into a
    temporary store (or --db is scored as it is) and reconciled. With several GOLD claim files,
    each file's figures are printed and then their total."""
    from rasd.evaluate import evaluate_files
    from rasd.evaluate_pairs import first_record, is_pair

    missing = [path for path in gold if not os.path.isfile(path)]
    if missing:
        raise InputError("no such file", source=missing[0])
    pairs = [path for path in gold if is_pair(first_record(path))]
    if pairs and len(gold) > 1:
        raise UsageError("a pair file is scored alone", source=pairs[0])
    if pairs:
        _eval_pairs(gold[0], articles, db, as_json, errors)
        return
    if articles is None:
        raise UsageError("--articles is required to score claims")

    per_file, report = evaluate_files(gold, articles)
    summary = report.summary()
    if as_json:
        full = {**summary, "missing_articles": report.missing_articles,
                "misses": report.misses, "false_hits": report.false_hits,
                "wrong_source": report.wrong_source, "wrong_location": report.wrong_location,
                "rejected": report.rejected}
        if len(per_file) > 1:
            full["files"] = {path: r.summary() for path, r in per_file.items()}
        click.echo(json.dumps(full, ensure_ascii=False, indent=1))
        return
    from rich.console import Console

    console = Console()
    if len(per_file) > 1:
        for path, file_report in per_file.items():
            _print_summary(console, file_report.summary(), label=f"{path}: ")
            console.print()
    _print_summary(console, summary, label="total: " if len(per_file) > 1 else "")
    if report.missing_articles:
        console.print(f"[yellow]{len(report.missing_articles)} gold article(s) not found in "
                      f"{articles}[/yellow]")
    for heading, rows in (("misses", report.misses), ("false hits", report.false_hits),
                          ("wrong source", report.wrong_source),
                          ("wrong location", report.wrong_location),
                          ("rejected as implausible", report.rejected)):
        if rows and errors > 0:
            console.print(f"\n[bold]{heading}[/bold] ({len(rows)}; first {min(errors, len(rows))})")
            for row in rows[:errors]:
                console.print("  " + json.dumps(row, ensure_ascii=False), soft_wrap=True)


def _print_summary(console: Console, summary: dict[str, Any], label: str = "") -> None:
    """The per-type table and the overall figures of one evaluation summary."""
    from rich.table import Table

    table = Table(title=f"rasd eval: {label}{summary['articles']} articles, "
                        f"{summary['gold']} gold claims")
    for col in ("type", "gold", "predicted", "precision", "recall", "f1"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for etype, row in summary["by_type"].items():
        table.add_row(etype, str(row["gold"]), str(row["predicted"]), f"{row['precision']:.3f}",
                      f"{row['recall']:.3f}", f"{row['f1']:.3f}")
    console.print(table)
    for key in ("claim_precision", "claim_recall", "claim_f1", "source_accuracy",
                "location_accuracy", "qualifier_accuracy"):
        console.print(f"{key:20s} {summary[key]:.4f}")


DB_HELP = "SQLite file (default ./rasd.db) or a postgresql:// URL."
OWN_VOICE = "(the article itself, outlet not given)"  #: an own-voice figure of an unnamed outlet


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--db", default=None, help=DB_HELP)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Processes to extract in; with --engine dask, the LocalCluster's workers.")
@_engine_options
@_fetch_options
def ingest(inputs: tuple[str, ...], db: str | None, workers: int, engine: str,
           scheduler: str | None, partitions: int | None, **fetch: Any) -> None:
    """Read INPUTS (text, JSONL, HTML, WARC, RSS/Atom, folders, http(s) URLs, '-') into the
    store, extracting the claims of every new Arabic document.

    A document already stored is skipped; a non-Arabic one is stored and marked, not
    extracted; a bad input is recorded as a failure of the run and reported on stderr. URLs
    on loopback/private/link-local addresses are refused unless --allow-private is given.
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from rasd.corpus import ingest as run_ingest

    _check_engine(engine, scheduler, partitions)
    if engine == "dask":
        from functools import partial

        from rasd import scale

        run_ingest = partial(scale.ingest, scheduler=scheduler,
                             partitions=partitions)
    stdin = sys.stdin.buffer if "-" in inputs else None
    counts: dict[str, int] = {}
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingesting", total=None)

        def tick(what: str, n: int) -> None:
            counts[what] = counts.get(what, 0) + n
            bar.update(task, description="ingesting: " + ", ".join(
                f"{v:,} {k}" for k, v in sorted(counts.items())))

        summary = run_ingest(list(inputs), db, stdin=stdin, workers=workers, progress=tick,
                             fetch=_fetch(**fetch))
    for failure in summary.failures:
        click.echo(f"rasd: skipped {failure}", err=True)
    click.echo(f"run {summary.run_id}: {summary.read:,} read, {summary.new:,} new documents "
               f"({summary.not_arabic:,} not Arabic), {summary.already_stored:,} already stored, "
               f"{summary.claims:,} claims, {len(summary.failures):,} failures")
    if summary.read and summary.read == len(summary.failures):
        sys.exit(1)


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--workers", default=1, show_default=True, help="Processes to extract in.")
@click.option("--all", "everything", is_flag=True,
              help="Re-extract every document, not only those extracted by another version.")
def reextract(db: str | None, workers: int, everything: bool) -> None:
    """Run this version's extractor over stored documents and replace their claims atomically."""
    from rasd.corpus import reextract as run_reextract

    n = run_reextract(db, workers=workers, everything=everything)
    click.echo(f"{n:,} documents re-extracted")


FILTERS = [
    click.option("--db", default=None, help=DB_HELP + " It must exist."),
    click.option("--type", "type_", default=None,
                 help="Event type: " + ", ".join(EVENT_TYPES) + "."),
    click.option("--country", default=None,
                 help="Country of the place: ISO code (SY, ye, ...) or its Arabic or "
                      "English name."),
    click.option("--since", default=None, help="First event date (YYYY-MM-DD)."),
    click.option("--until", default=None, help="Last event date (YYYY-MM-DD)."),
    click.option("--source", default=None, help="Source id or text contained in the source."),
    click.option("--outlet", default=None, help="Only claims of articles of this outlet."),
    click.option("--place", default=None,
                 help="The group's place: an Arabic or English name, whole words (Aleppo "
                      "matches the Aleppo countryside, not Halabja), or a country code."),
    click.option("--period", default=None,
                 help="The group's period: " + ", ".join(GROUP_PERIODS) + "."),
    click.option("--disagree", is_flag=True, help="Only groups whose sources disagree."),
    click.option("--min-sources", default="1", show_default=True,
                 help="Only groups with at least this many sources."),
]


def _filters(f: Any) -> Any:
    for option in reversed(FILTERS):
        f = option(f)
    return f


def _checked(raw: dict[str, Any]) -> Filters:
    """The filter options, validated as the API validates them; a bad value is a one-line
    error and exit status 2 (a :class:`~rasd.filters.FilterError`)."""
    return check(type=raw.pop("type_"), country=raw.pop("country"),
                 since=raw.pop("since"), until=raw.pop("until"), source=raw.pop("source"),
                 outlet=raw.pop("outlet"), place=raw.pop("place"),
                 period=raw.pop("period"), disagree=raw.pop("disagree"),
                 min_sources=raw.pop("min_sources"))


@main.command()
@_filters
@click.option("--limit", default=20, show_default=True, help="Groups to show (table format).")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "json"]),
              help="table: each group with its sources; csv: one row per group (the ucdp "
                   "columns); json: one group per line (the groups export).")
def report(db: str | None, limit: int, fmt: str, **raw: Any) -> None:
    """Who says what: each reconciled figure with every source's number, side by side
    (disputes first, the widest spread first)."""
    from rasd.corpus import groups as find_groups

    f = _checked(raw)
    found = find_groups(db, f)
    if fmt == "table":
        _print_groups(found, limit)
        return
    from rasd.export import write_groups, write_ucdp

    (write_ucdp if fmt == "csv" else write_groups)(_ranked(found), sys.stdout)


def _ranked(found: list[Any]) -> list[Any]:
    """Disputes first, the widest spread first; then by number of sources."""
    return sorted(found, key=lambda g: (not g.disagree, -(g.spread or 0), -len(g.figures),
                                        -g.n_claims, g.id))


def _print_groups(found: list[Any], limit: int) -> None:
    """The first ``limit`` groups (:func:`_ranked`), each as a table of its sources."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for g in _ranked(found)[:limit]:
        where = g.place.text or g.place.name or g.place.country or "?"
        when = _when(g)
        flag = (f"[bold red]sources disagree ({g.spread:g}x)[/bold red]: {g.reason}"
                if g.disagree else "sources agree" if len(g.figures) > 1 else "one source")
        table = Table(title=f"{g.type}{' (mixed)' if g.mixed else ''} · {where} · {when} · "
                            f"low {g.low:,} / best {g.best:,} / high {g.high:,} · {flag}",
                      title_justify="left")
        for col in ("source", "kind", "figure", "date", "outlets", "evolution"):
            table.add_column(col)
        for f in g.figures:
            chain = " → ".join(str(_count_text(step.count)) for step in f.chain)
            text = f.text or (OWN_VOICE if f.kind == "outlet" else "")
            figure = _count_text(f.count) + (" (updated)" if f.superseded else "")
            table.add_row(text, f.kind or "", figure, f.date or "",
                          ", ".join(f.outlets), chain if len(f.chain) > 1 else "")
        console.print(table)
    console.print(f"{len(found):,} groups; {sum(len(g.figures) >= 2 for g in found):,} with 2+ "
                  f"sources; {sum(g.disagree for g in found):,} disagreeing"
                  + (f" (showing {min(limit, len(found))})" if len(found) > limit else ""))


def _when(g: Any) -> str:
    """A group's days: one day, a range, an open start ("since"), or "undated"."""
    if g.date_from is None and g.date_to is None:
        return "undated"
    if g.date_from == g.date_to:
        return str(g.date_from)
    if g.date_from is None:
        return f"until {g.date_to}" + (" (since an unknown start)" if g.period == "since" else "")
    if g.date_to is None:
        return f"since {g.date_from}"
    return f"{g.date_from} .. {g.date_to}"


def _count_text(count: Any) -> str:
    c = count
    if c.value is not None:
        return f"{c.value:,}" + (f" ({c.qualifier})" if c.qualifier else "")
    if c.min is not None:
        return f"{c.min:,}-{c.max:,}"
    return str(c.vague)


@main.command(name="export")
@_filters
@click.option("--format", "fmt", required=True,
              type=click.Choice(["jsonl", "csv", "parquet", "geojson", "acled", "ucdp", "groups"]),
              help="Output format (columns documented in docs/exports.md).")
@click.option("--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write ('-': standard output).")
def export_(db: str | None, fmt: str, output: str, **raw: Any) -> None:
    """Write stored claims (or reconciled groups, for ucdp and groups) to a file or, with
    --output -, to standard output. The group filters (--place, --period, --disagree,
    --min-sources) keep the claims of the groups that pass them."""
    from pathlib import Path

    from rasd.corpus import export as run_export

    f = _checked(raw)
    to_stdout = output == "-"
    target: Any = (sys.stdout.buffer if fmt == "parquet" else sys.stdout) if to_stdout \
        else Path(output)
    try:
        n = run_export(db, fmt, target, f)
    except OSError as exc:
        raise OutputError(str(exc)) from exc
    click.echo(f"{n:,} rows written to {'standard output' if to_stdout else output}",
               err=to_stdout)


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0 to expose).")
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the dashboard (/) and the REST API (JSON under /api/, schema at /openapi.json),
    reading the store read-only.

    \b
    Environment (rasd.settings):
      RASD_SOURCES          a YAML file of extra known sources
      RASD_API_TOKEN        token that enables writes (POST /api/ingest); none: disabled
      RASD_ALLOW_PRIVATE=1  let URL ingestion fetch loopback/private/link-local addresses
      RASD_RATE_LIMIT       per-client limit on extract/ingest/try: N/minute, N/second,
                            N/hour or off (default 60/minute)
      RASD_EXTRACT_TIMEOUT  seconds one extraction may take (default 30; then 504)
      RASD_EXTRACT_WORKERS  extraction processes (default 2)
    """
    from rasd.api import serve as run_server

    run_server(db, host=host, port=port, settings=active())


@main.command()
@click.option("--db", default="rasd.db", show_default=True, help=DB_HELP)
def demo(db: str) -> None:
    """Ingest the bundled sample articles into the store and print who says what."""
    from rasd.corpus import groups as find_groups
    from rasd.corpus import ingest as run_ingest

    samples = resources.files("rasd").joinpath("data", "samples.jsonl")
    with resources.as_file(samples) as path:
        summary = run_ingest([str(path)], db)
    click.echo(f"{summary.new} new sample articles stored in {db} "
               f"({summary.already_stored} already there), {summary.claims} claims extracted.")
    _print_groups(find_groups(db, Filters()), limit=50)
    click.echo("Next: rasd ingest FILES_OR_URLS --db rasd.db, then rasd report --disagree")


from rasd.watch.cli import alerts_, watch  # noqa: E402 - its own module, registered here

main.add_command(watch)
main.add_command(alerts_)


if __name__ == "__main__":  # pragma: no cover
    main()
