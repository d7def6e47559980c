"""Commands over the store: ``load`` and the queries (one library function each).

Every command takes ``--db PATH`` (default ``vanban.db``, or ``$VANBAN_DB``) and ``--json``.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
from contextlib import contextmanager
from typing import Callable, Iterable

import click

from vanban.extractors.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S
from vanban.extractors.errors import VanbanError

db_option = click.option(
    "--db", "db_path", envvar="VANBAN_DB", default="vanban.db", show_default=True,
    type=click.Path(dir_okay=False), help="The SQLite database (or set $VANBAN_DB).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")


@contextmanager
def _database(db_path: str, *, create: bool = False):
    """The store, with domain errors turned into clean CLI errors."""
    from vanban.store import open_db

    try:
        db = open_db(db_path, create=create)
    except VanbanError as exc:
        raise click.ClickException(exc.message)
    try:
        yield db
    except VanbanError as exc:
        raise click.ClickException(exc.message)
    except sqlite3.OperationalError as exc:
        raise click.ClickException(f"database: {exc}")
    finally:
        db.close()


def _echo_json(value) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _emit(rows: list[dict], as_json: bool, line: Callable[[dict], str], *, empty: str) -> None:
    if as_json:
        _echo_json(rows)
    elif not rows:
        click.echo(empty)
    else:
        for row in rows:
            click.echo(line(row))


def _clip(text: str | None, width: int = 100) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _count_items(counts: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def format_stats(s: dict) -> str:
    """The summary ``vanban load`` and ``vanban stats`` print."""
    lines = [
        f"Documents: {s['documents']}" + (f" ({_count_items(s['by_type'])})" if s["by_type"] else ""),
        f"Citations: {s['citations']}: {s['citations_resolved']} to loaded documents, "
        f"{s['citations_unresolved']} to {s['cited_not_loaded']} documents not loaded, "
        f"{s['citations_without_number']} without a number",
        f"Amounts: {s['amounts']}; budget checks: {s['budget_checks']} ({s['budget_checks_failing']} failing)",
        f"Assignments: {s['assignments']} to {s['agencies']} agencies",
        f"Files: {s['files']}; load errors: {s['errors']}"
        + (f" ({_count_items(s['errors_by_code'])})" if s["errors_by_code"] else ""),
    ]
    return "\n".join(lines)


# --- load ----------------------------------------------------------------------------------------


def _engine(name: str, *, scheduler: str | None, workers: int | None, shared: bool):
    """The extraction engine ``--engine`` names (None: the local process pool)."""
    if name == "local":
        if scheduler or shared:
            raise click.UsageError("--scheduler and --shared go with --engine dask")
        return None
    if scheduler and workers is not None:
        raise click.UsageError("--engine dask takes --scheduler ADDRESS or --workers N, not both")
    if workers == 0:
        raise click.BadParameter("a local Dask cluster needs at least one worker", param_hint="--workers")
    from vanban.cluster import DaskEngine

    return DaskEngine(scheduler, workers=workers, shared=shared)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", "-j", type=click.IntRange(min=0), default=None,
              help="Extraction processes (default: all cores; 0 extracts in this process, without the time and memory limits); "
                   "with --engine dask, the worker processes of a local cluster.")
@click.option("--force", is_flag=True, help="Re-extract files even when they are unchanged.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Records written per transaction.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_S, show_default=True,
              help="Seconds one file may take to extract; a file over it is an error (0: no limit).")
@click.option("--max-memory", "max_memory_mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB,
              show_default=True, help="Megabytes of memory one file's extraction may use (0: no limit).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where files are extracted: this machine's processes, or a Dask cluster (--scheduler, or a local "
                   "one of --workers processes).")
@click.option("--scheduler", metavar="ADDRESS", help="With --engine dask: the cluster's scheduler (tcp://host:8786).")
@click.option("--shared", is_flag=True,
              help="With --engine dask: the workers read the files at these paths (a filesystem they share) instead of "
                   "receiving their bytes.")
@json_option
def load(paths: tuple[str, ...], db_path: str, workers: int | None, force: bool, batch_size: int,
         timeout: float, max_memory_mb: int, progress: bool | None, engine: str, scheduler: str | None, shared: bool,
         as_json: bool) -> None:
    """Load files, folders, globs and .zip archives into the database.

    Unchanged files are skipped, changed ones re-extracted; a file that fails gets an
    error row and the load goes on. A load that is stopped can be run again to finish.
    Prints what was loaded and a summary of the database.

    \b
    Example:
      vanban load corpus/
      vanban load 'archive/**/*.pdf' scans.zip --db archive.db --workers 4
      vanban load archive/ --db archive.db --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from vanban.load import load as run_load
    from vanban.queries import stats

    missing = [p for p in paths if not any(ch in p for ch in "*?[") and not os.path.exists(p)]
    if missing:
        raise click.BadParameter(f"no such file or folder: {', '.join(missing)}", param_hint="PATHS")
    try:
        report = run_load(paths, db_path, workers=workers, force=force, batch_size=batch_size,
                          timeout=timeout or None, max_memory_mb=max_memory_mb or None, progress=progress,
                          engine=_engine(engine, scheduler=scheduler, workers=workers, shared=shared))
    except VanbanError as exc:
        raise click.ClickException(exc.message)
    with _database(db_path) as db:
        summary = stats(db)
    if as_json:
        _echo_json({"load": report.as_dict(), "stats": summary})
        return
    done = report.extracted + report.linked + report.errors
    rate = f" ({done / report.seconds:.1f} docs/s)" if done and report.seconds else ""
    click.echo(
        f"{report.files} files: {report.extracted} extracted, {report.linked} already loaded under another name, "
        f"{report.skipped} unchanged, {report.errors} failed in {report.seconds:.1f} s{rate}"
    )
    for failure in report.failed:
        click.echo(f"  failed: {failure['path']}: {failure['code']}: {failure['message']}")
    click.echo(format_stats(summary))


# --- queries -------------------------------------------------------------------------------------


def _citation_line(row: dict) -> str:
    where = "loaded" if row["target_status"] == "loaded" else "not loaded"
    date = f" of {row['date']}" if row.get("date") else ""
    return f"{row['number'] or '?'}{date} [{row['relation']}] -> {row['target_uri'] or '-'} ({where})"


@click.command()
@click.argument("doc")
@db_option
@json_option
def cites(doc: str, db_path: str, as_json: bool) -> None:
    """List the documents DOC cites (DOC: a number, URI or file).

    \b
    Example:
      vanban cites 352/KH-UBND
      vanban cites vn/nghe-an/ubnd/kh/2023/352 --json
    """
    from vanban.queries import cites as query

    with _database(db_path) as db:
        _emit(query(db, doc), as_json, _citation_line, empty=f"{doc} cites no document")


@click.command("cited-by")
@click.argument("doc")
@db_option
@json_option
def cited_by(doc: str, db_path: str, as_json: bool) -> None:
    """List the documents that cite DOC (a number, URI or file).

    \b
    Example:
      vanban cited-by 27/2022/NĐ-CP
    """
    from vanban.queries import cited_by as query

    def line(r: dict) -> str:
        return (f"{r['citing_number'] or r['citing_uri']} ({r['citing_doc_type']}, {r['citing_date'] or '?'}) "
                f"[{r['relation']}] {r['citing_source']}: {_clip(r['citing_subject'], 80)}")

    with _database(db_path) as db:
        _emit(query(db, doc), as_json, line, empty=f"no loaded document cites {doc}")


@click.command()
@click.argument("doc")
@db_option
@click.option("--relation", "relations", multiple=True, default=("basis", "implements"), show_default=True,
              help="Citation kinds to follow (repeat the option for several).")
@click.option("--depth", type=click.IntRange(min=1), default=20, show_default=True, help="How many steps at most.")
@json_option
def chain(doc: str, db_path: str, relations: tuple[str, ...], depth: int, as_json: bool) -> None:
    """Show what DOC rests on, transitively: its legal bases, their bases, and so on.

    \b
    Example:
      vanban chain 352/KH-UBND
      vanban chain 352/KH-UBND --relation basis --relation implements --relation cites
    """
    from vanban.queries import chain as query

    def line(r: dict) -> str:
        return f"{'  ' * (r['depth'] - 1)}{r['from_uri']} -[{r['relation']}]-> {r['to_uri']} ({r['status']})"

    with _database(db_path) as db:
        _emit(query(db, doc, relations=relations, max_depth=depth), as_json, line, empty=f"{doc} has no recorded bases")


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show only the most cited.")
@json_option
def unresolved(db_path: str, limit: int | None, as_json: bool) -> None:
    """List documents that are cited but not loaded, most cited first.

    \b
    Example:
      vanban unresolved --limit 20
    """
    from vanban.queries import unresolved as query

    def line(r: dict) -> str:
        return f"{r['citing_documents']:>5} citing  {r['number']}  {r['uri']}  {_clip(r['issuer'], 60)}"

    with _database(db_path) as db:
        _emit(query(db, limit=limit), as_json, line, empty="every cited document is loaded")


@click.command()
@click.option("--agency", required=True, help="Agency name, any spelling: 'so y te', 'Sở NN&PTNT'.")
@click.option("--role", type=click.Choice(["lead", "support", "executes"]), help="Only this role.")
@click.option("--province", help="Only agencies of this province: 'Nghệ An', 'nghe-an'.")
@db_option
@json_option
def assignments(agency: str, role: str | None, province: str | None, db_path: str, as_json: bool) -> None:
    """List the tasks given to an agency, with deadlines and the document that says so.

    \b
    Example:
      vanban assignments --agency "so y te"
      vanban assignments --agency "Sở Tài chính" --role lead --province "Nghệ An"
    """
    from vanban.queries import assignments as query

    def line(r: dict) -> str:
        deadline = f" (by {r['deadline']})" if r["deadline"] else ""
        return f"{r['number'] or r['uri']} [{r['role']}] {r['agency']}{deadline}: {_clip(r['task'], 120)}"

    with _database(db_path) as db:
        _emit(query(db, agency, role=role, province=province), as_json, line, empty=f"no assignment to {agency!r}")


@click.command()
@click.argument("text")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--tasks", is_flag=True, help="Search the assignments (agency and task) instead of the documents.")
@json_option
def search(text: str, db_path: str, limit: int, tasks: bool, as_json: bool) -> None:
    """Full-text search, with or without diacritics ('quyet dinh' finds 'quyết định').

    Plain words are searched as a phrase; FTS5 syntax ("a" OR "b", prefix*) is kept.

    \b
    Example:
      vanban search "so y te"
      vanban search "nuoc sinh hoat" --tasks
    """
    from vanban.queries import search, search_tasks

    def line(r: dict) -> str:
        if tasks:
            return f"{r['number'] or r['uri']} [{r['role']}] {r['agency']}: {_clip(r['task'], 110)}"
        return f"{r['number'] or r['uri']}  {r['source']}\n    {r['excerpt'] or _clip(r['subject'])}"

    with _database(db_path) as db:
        rows = (search_tasks if tasks else search)(db, text, limit=limit)
        _emit(rows, as_json, line, empty=f"nothing matches {text!r}")


@click.command()
@click.argument("doc")
@db_option
@click.option("--text", "with_text", is_flag=True, help="Include the normalized text.")
@json_option
def show(doc: str, db_path: str, with_text: bool, as_json: bool) -> None:
    """Show what the database holds about DOC (a number, URI or file).

    \b
    Example:
      vanban show 352/KH-UBND
      vanban show corpus/docs/001_0cdea8a3936c5322.txt --json
    """
    from vanban.queries import show as query

    with _database(db_path) as db:
        docs = query(db, doc, with_text=with_text)
    if as_json:
        _echo_json(docs)
        return
    for d in docs:
        click.echo(f"{d['uri']}  ({d['status']})")
        for key in ("number", "doc_type", "issued_date", "issuer", "subject", "source", "jurisdiction"):
            if d.get(key):
                click.echo(f"  {key}: {_clip(str(d[key]), 110)}")
        click.echo(
            f"  cites {len(d['citations'])}, cited by {len(d['cited_by'])}, amounts {len(d['amounts'])}, "
            f"budget checks {len(d['budget_checks'])}, assignments {len(d['assignments'])}"
        )
        for c in d["citations"]:
            click.echo(f"    cites {_citation_line(c)}")
        for c in d["cited_by"]:
            click.echo(f"    cited by {c['citing_uri']} [{c['relation']}]")
        if with_text:
            click.echo(d.get("text") or "")


@click.command()
@db_option
@json_option
def stats(db_path: str, as_json: bool) -> None:
    """Summarize the database: documents by type, citations, amounts, assignments, errors.

    \b
    Example:
      vanban stats --db archive.db
    """
    from vanban.queries import stats as query

    with _database(db_path) as db:
        summary = query(db)
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2) if as_json else format_stats(summary))


@click.command()
@db_option
@json_option
def errors(db_path: str, as_json: bool) -> None:
    """List the files that could not be loaded, with the reason.

    \b
    Example:
      vanban errors --json
    """
    from vanban.queries import load_errors

    with _database(db_path) as db:
        _emit(load_errors(db), as_json, lambda r: f"{r['path']}: {r['code']}: {r['message']}", empty="no load errors")


def echo_failed_budget_checks(db_path: str, as_json: bool) -> int:
    """Print the failing budget checks of a database; returns how many (for ``vanban audit --db``)."""
    from vanban.queries import failed_budget_checks

    def line(r: dict) -> str:
        diff = f"{r['difference_vnd']:+,}" if r["difference_vnd"] is not None else "?"
        return (f"{r['number'] or r['uri']} {r['source']} [{r['section'] or '-'}] {r['what']}: total {r['total_vnd']:,} đồng, "
                f"difference {diff} at {r['span_start']}-{r['span_end']}: {_clip(r['excerpt'], 80)}")

    with _database(db_path) as db:
        rows = failed_budget_checks(db)
    _emit(rows, as_json, line, empty="every budget check holds")
    return len(rows)


def _write_csv(rows: Iterable[dict], out) -> None:
    writer = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--table", default=None,
              help="Export this table's rows (documents, citations, amounts, budget_checks, assignments, agencies, "
                   "load_errors). Default: jsonl the document records, csv the documents table.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
def export(db_path: str, fmt: str, table: str | None, out_path: str | None) -> None:
    """Export the database as JSON lines or CSV.

    \b
    Example:
      vanban export --format jsonl --out records.jsonl
      vanban export --format csv --table assignments > assignments.csv
    """
    from vanban.queries import EXPORT_TABLES, export_rows

    if table and table not in EXPORT_TABLES:
        raise click.BadParameter(f"one of {', '.join(EXPORT_TABLES)}", param_hint="--table")
    try:
        out = open(out_path, "w", encoding="utf-8", newline="") if out_path else sys.stdout
    except OSError as exc:
        raise click.BadParameter(f"cannot write {out_path}: {exc.strerror}", param_hint="--out") from None
    try:
        with _database(db_path) as db:
            rows = export_rows(db, table=table or "documents", records=fmt == "jsonl" and table is None)
            if fmt == "csv":
                _write_csv(rows, out)
            else:
                for row in rows:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    except OSError as exc:  # a full disk, a device that takes no text
        raise click.ClickException(f"cannot write {out_path or 'the output'}: {exc.strerror or exc}") from None
    finally:
        if out_path:
            try:
                out.close()
            except OSError:
                pass


COMMANDS = [load, stats, cites, cited_by, chain, unresolved, assignments, search, show, errors, export]
