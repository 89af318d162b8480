"""Command line: ``rasd extract``, ``rasd eval``, ``rasd demo`` (thin over the Python API)."""

from __future__ import annotations

import json
import sys
from importlib import resources
from typing import Iterable

import click
from rich.console import Console
from rich.table import Table

from rasd.errors import RasdError
from rasd.ingest.readers import read_inputs
from rasd.ingest.records import Failure, read_jsonl
from rasd.model import Claim, Document
from rasd.pipeline import run_many


def _fail(message: str) -> None:
    click.echo(f"rasd: error: {message}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rasd")
def main() -> None:
    """rasd (رصد): who claims how many were killed, wounded, arrested, displaced ... in Arabic news."""


def _documents(items: Iterable[Document | Failure], failures: list[Failure]) -> Iterable[Document]:
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            click.echo(f"rasd: skipped {item}", err=True)
        else:
            yield item


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--workers", default=1, show_default=True, help="Processes to run the pipeline in.")
def extract(inputs: tuple[str, ...], workers: int) -> None:
    """Extract claims from INPUTS (plain-text files, JSONL of articles, folders; '-' or none =
    stdin) and write one claim per line as JSON to stdout.

    JSONL records use the corpus format: id, title, text, published, outlet, url. A bad record is
    reported on stderr (file:line and reason) and the rest is processed; the exit status is 1
    only when no input could be processed.
    """
    failures: list[Failure] = []
    processed = 0
    out = sys.stdout
    stdin = sys.stdin.buffer if (not inputs or "-" in inputs) else None
    for doc in run_many(_documents(read_inputs(list(inputs), stdin), failures), workers=workers):
        processed += 1
        for claim in doc.claims:
            out.write(json.dumps(claim.to_json(), ensure_ascii=False) + "\n")
    out.flush()
    if failures:
        click.echo(f"rasd: {processed} document(s) processed, {len(failures)} skipped", err=True)
    if processed == 0 and failures:
        sys.exit(1)


@main.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--articles", required=True, type=click.Path(dir_okay=False),
              help="JSONL of the articles the gold file refers to (by id).")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--errors", default=15, show_default=True,
              help="How many misses / false hits / wrong sources / wrong places to list.")
def eval_(gold: str, articles: str, as_json: bool, errors: int) -> None:
    """Score the extractor against GOLD claims (shared/eval/GUIDELINES.md, Scoring)."""
    from rasd.evaluate import evaluate

    try:
        report = evaluate(gold, articles)
    except RasdError as exc:
        _fail(str(exc))
        return
    summary = report.summary()
    if as_json:
        full = {**summary, "missing_articles": report.missing_articles,
                "misses": report.misses, "false_hits": report.false_hits,
                "wrong_source": report.wrong_source, "wrong_location": report.wrong_location}
        click.echo(json.dumps(full, ensure_ascii=False, indent=1))
        return
    console = Console()
    table = Table(title=f"rasd eval: {summary['articles']} articles, {summary['gold']} gold claims")
    for col in ("type", "gold", "predicted", "precision", "recall", "f1"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for etype, row in summary["by_type"].items():
        table.add_row(etype, str(row["gold"]), str(row["predicted"]), f"{row['precision']:.3f}",
                      f"{row['recall']:.3f}", f"{row['f1']:.3f}")
    console.print(table)
    for key in ("claim_precision", "claim_recall", "claim_f1", "source_accuracy",
                "location_accuracy", "qualifier_accuracy"):
        console.print(f"{key:20s} {summary[key]:.4f}")
    if report.missing_articles:
        console.print(f"[yellow]{len(report.missing_articles)} gold article(s) not found in "
                      f"{articles}[/yellow]")
    for title, rows in (("misses", report.misses), ("false hits", report.false_hits),
                        ("wrong source", report.wrong_source),
                        ("wrong location", report.wrong_location)):
        if rows and errors > 0:
            console.print(f"\n[bold]{title}[/bold] ({len(rows)}; first {min(errors, len(rows))})")
            for row in rows[:errors]:
                console.print("  " + json.dumps(row, ensure_ascii=False), soft_wrap=True)


def _claim_row(claim: Claim) -> list[str]:
    c = claim.count
    if c.value is not None:
        figure = f"{c.value:,}" + (f" ({c.qualifier})" if c.qualifier else "")
    elif c.min is not None:
        figure = f"{c.min:,}-{c.max:,}"
    else:
        figure = str(c.vague)
    source = claim.source.text if claim.source.kind != "outlet" else "(the outlet itself)"
    if claim.via:
        source += " via " + ", ".join(v.text for v in claim.via)
    return [claim.type + (" (mixed)" if claim.mixed else ""), figure, source,
            claim.location.text if claim.location else "", claim.time.date if claim.time and
            claim.time.date else ""]


@main.command()
def demo() -> None:
    """Extract claims from the bundled sample articles and print who says what."""
    console = Console()
    samples = resources.files("rasd").joinpath("data", "samples.jsonl")
    failures: list[Failure] = []
    with samples.open("rb") as fh:
        docs = list(run_many(_documents(read_jsonl(fh, "samples.jsonl"), failures)))  # type: ignore[arg-type]
    for doc in docs:
        table = Table(title=f"{doc.outlet} · {doc.published} · {doc.text[:doc.title_end]}",
                      title_justify="left")
        for col in ("event", "figure", "source (who says)", "place", "date"):
            table.add_column(col)
        for claim in doc.claims:
            table.add_row(*_claim_row(claim))
        console.print(table)
    total = sum(len(d.claims) for d in docs)
    console.print(f"{total} claims from {len(docs)} articles. Try: rasd extract FILE.jsonl")


if __name__ == "__main__":  # pragma: no cover
    main()
