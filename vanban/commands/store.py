"""Commands over the store: ``load`` and the queries (one library function each).

Every command takes ``--db PATH`` (default ``vanban.db``, or ``$VANBAN_DB``) and ``--json``.
"""
from __future__ import annotations

import glob
import json
import os
import sqlite3
from contextlib import contextmanager
from typing import Callable

import click

from vanban.extractors.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S
from vanban.extractors.errors import VanbanError
from vanban.formatting import ROLES, clip, counts, number, parse_code, place, role_choices, seconds
from vanban.formatting import relation as relation_name, role as role_name, status as status_name

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


_clip = clip


def _about(*values) -> str:
    """'(KH, 2023-05-25)' of the parts that are known; '' when none is (never 'None')."""
    known = [str(v) for v in values if v not in (None, "")]
    return f" ({', '.join(known)})" if known else ""


def _one(db, doc: str) -> dict:
    """The one document DOC names (``vanban.queries.resolve_document``)."""
    from vanban.queries import resolve_document

    return resolve_document(db, doc)


def format_stats(s: dict) -> str:
    """The summary ``vanban load`` and ``vanban stats`` print."""
    n = number
    lines = [
        f"Văn bản: {n(s['documents'])}" + (f" ({counts(s['by_type'])})" if s["by_type"] else "")
        + (f"; {n(s['other_files'])} tệp không phải văn bản" if s.get("other_files") else ""),
        f"Trích dẫn: {n(s['citations'])}: {n(s['citations_resolved'])} tới văn bản đã nạp, "
        f"{n(s['citations_unresolved'])} tới {n(s['cited_not_loaded'])} văn bản chưa nạp, "
        f"{n(s['citations_without_number'])} không có số",
        f"Khoản tiền: {n(s['amounts'])}; kiểm tra ngân sách: {n(s['budget_checks'])} "
        f"({n(s['budget_checks_failing'])} không khớp)",
        f"Giao nhiệm vụ: {n(s['assignments'])} nhiệm vụ cho {n(s['agencies'])} cơ quan",
        f"Tệp: {n(s['files'])}; lỗi khi nạp: {n(s['errors'])}"
        + (f" ({counts(s['errors_by_code'])})" if s["errors_by_code"] else ""),
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
@click.option("--strict", is_flag=True, help="Exit with status 1 when any file failed (its error row is kept).")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="Bỏ qua · skip the files this glob matches, by name or a folder's ('README*', '*.md', 'drafts') or "
                   "by path ('*/old/*.pdf'), in archives too; repeat for several.")
@click.option("--include-other", is_flag=True,
              help="Files that are no document (no official header, no news shape: genre other) bring their citations, "
                   "amounts and tasks into the graph too; by default they are recorded and searchable only.")
@json_option
def load(paths: tuple[str, ...], db_path: str, workers: int | None, force: bool, batch_size: int,
         timeout: float, max_memory_mb: int, progress: bool | None, engine: str, scheduler: str | None, shared: bool,
         strict: bool, exclude: tuple[str, ...], include_other: bool, as_json: bool) -> None:
    """Nạp văn bản · load files, folders, globs and .zip archives into the database.

    Unchanged files are skipped, changed ones re-extracted; a file that fails gets an
    error row and the load goes on. A load that is stopped can be run again to finish.
    Prints what was loaded and a summary of the database. A glob that matches nothing
    (then nothing is loaded), or arguments that name no file at all, exit with status 2;
    with --strict, a file that failed exits with status 1.

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
        raise click.BadParameter(f"không có tệp hay thư mục (no such file or folder): {', '.join(missing)}",
                                 param_hint="PATHS")
    unmatched = [p for p in paths if any(ch in p for ch in "*?[") and not os.path.exists(p)
                 and not glob.glob(p, recursive=True)]
    if unmatched:
        raise click.BadParameter(f"mẫu không khớp tệp nào (the pattern matches no file): {', '.join(unmatched)}",
                                 param_hint="PATHS")
    try:
        report = run_load(paths, db_path, workers=workers, force=force, batch_size=batch_size,
                          timeout=timeout or None, max_memory_mb=max_memory_mb or None, progress=progress,
                          engine=_engine(engine, scheduler=scheduler, workers=workers, shared=shared),
                          exclude=exclude, include_other=include_other)
    except VanbanError as exc:
        raise click.ClickException(exc.message)
    with _database(db_path) as db:
        summary = stats(db, include_other=include_other)
    if as_json:
        _echo_json({"load": report.as_dict(), "stats": summary})
    else:
        done = report.extracted + report.linked + report.errors
        rate = f" ({number(done / report.seconds, 1)} văn bản/giây)" if done and report.seconds else ""
        n = number
        click.echo(
            f"{n(report.files)} tệp: {n(report.extracted)} trích xuất, {n(report.linked)} đã nạp dưới tên khác, "
            f"{n(report.skipped)} không đổi, {n(report.errors)} lỗi, trong {seconds(report.seconds)}{rate}"
        )
        for failure in report.failed:
            click.echo(f"  lỗi: {failure['path']}: {failure['code']}: {failure['message']}")
        for same in report.same:
            click.echo(f"  {os.path.basename(same['path'])}: cùng văn bản với "
                       f"{', '.join(os.path.basename(p) for p in same['same_as'])} ({same['uri']})")
        click.echo(format_stats(summary))
    if not report.files:
        click.echo(f"Không tìm thấy tệp nào để nạp (no file to load) in {', '.join(paths)}", err=True)
        raise SystemExit(2)
    if strict and report.errors:
        click.echo(f"--strict: {number(report.errors)} tệp lỗi (files failed); see `vanban errors`", err=True)
        raise SystemExit(1)


# --- queries -------------------------------------------------------------------------------------


def _citation_line(row: dict) -> str:
    date = f" ngày {row['date']}" if row.get("date") else ""
    name = row["number"] or _clip(row.get("text"), 60) or "?"
    return (f"{name}{date} [{relation_name(row['relation'])}] -> {row['target_uri'] or '-'} "
            f"({status_name(row['target_status'])})")


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
        _emit(query(db, _one(db, doc)["uri"]), as_json, _citation_line,
              empty=f"{doc} không trích dẫn văn bản nào (cites no document)")


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
        subject = f": {_clip(r['citing_subject'], 80)}" if r["citing_subject"] else ""
        return (f"{r['citing_number'] or r['citing_uri']}{_about(r['citing_doc_type'], r['citing_date'])} "
                f"[{relation_name(r['relation'])}] {r['citing_source'] or r['citing_uri']}{subject}")

    with _database(db_path) as db:
        _emit(query(db, _one(db, doc)["uri"]), as_json, line,
              empty=f"không văn bản đã nạp nào trích dẫn {doc} (no loaded document cites it)")


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
        cycle = " (vòng lặp)" if r["cycle"] else ""
        return (f"{'  ' * (r['depth'] - 1)}{r['from_number'] or r['from_uri']} -[{relation_name(r['relation'])}]-> "
                f"{r['number'] or '?'}{_about(r['doc_type'], r['issued_date'])} {r['to_uri']} "
                f"({status_name(r['status'])}){cycle}")

    with _database(db_path) as db:
        rows = query(db, _one(db, doc)["uri"], relations=relations, max_depth=depth)
        _emit(rows, as_json, line, empty=f"{doc} không có căn cứ nào được ghi nhận (no recorded bases)")


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
        return f"{number(r['citing_documents']):>5} văn bản trích dẫn  {r['number']}  {r['uri']}  {_clip(r['issuer'], 60)}"

    with _database(db_path) as db:
        _emit(query(db, limit=limit), as_json, line, empty="mọi văn bản được trích dẫn đều đã nạp (every cited document is loaded)")


def _role(ctx, param, value: str | None) -> str | None:
    """--role in either language, with or without diacritics: 'chủ trì', 'chu tri', 'lead'."""
    if value is None:
        return None
    code = parse_code(ROLES, value)
    if code is None:
        raise click.BadParameter(f"{value!r}: một trong (one of) {role_choices()}")
    return code


@click.command()
@click.option("--agency", required=True, help="Agency name, any spelling: 'so y te', 'Sở NN&PTNT'.")
@click.option("--role", callback=_role, metavar="ROLE",
              help="Chỉ vai trò này (only this role): chủ trì (lead), phối hợp (support), thi hành (executes); "
                   "with or without diacritics.")
@click.option("--province", help="Only agencies of this province: 'Nghệ An', 'nghe-an'.")
@db_option
@json_option
def assignments(agency: str, role: str | None, province: str | None, db_path: str, as_json: bool) -> None:
    """Nhiệm vụ được giao · list the tasks given to an agency, with the province or body it
    belongs to, deadlines and the document that says so.

    \b
    Example:
      vanban assignments --agency "so y te"
      vanban assignments --agency "Sở Tài chính" --role "chủ trì" --province "Nghệ An"
    """
    from vanban.queries import assignments as query, province_id

    if province:
        try:
            province_id(province)
        except VanbanError as exc:
            raise click.BadParameter(exc.message, param_hint="--province")

    def line(r: dict) -> str:
        deadline = f" (hạn {r['deadline']})" if r["deadline"] else ""
        where = place(r.get("agency_jurisdiction"))
        return (f"{r['number'] or r['uri']} [{role_name(r['role'])}] {r['agency']} — {where}{deadline}: "
                f"{_clip(r['task'], 120)}")

    with _database(db_path) as db:
        _emit(query(db, agency, role=role, province=province), as_json, line,
              empty=f"không có nhiệm vụ nào giao cho {agency!r} (no assignment)")


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

    if not text.strip():
        raise click.BadParameter("cần ít nhất một từ để tìm (an empty query matches nothing)", param_hint="TEXT")

    def line(r: dict) -> str:
        if tasks:
            return f"{r['number'] or r['uri']} [{role_name(r['role'])}] {r['agency']}: {_clip(r['task'], 110)}"
        return f"{r['number'] or r['uri']}  {r['source']}\n    {r['excerpt'] or _clip(r['subject'])}"

    with _database(db_path) as db:
        rows = (search_tasks if tasks else search)(db, text, limit=limit)
        _emit(rows, as_json, line, empty=f"không có kết quả cho {text!r} (nothing matches)")


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
        docs = query(db, _one(db, doc)["uri"], with_text=with_text)
    if as_json:
        _echo_json(docs)
        return
    from vanban.commands.document_text import echo_document

    for d in docs:
        echo_document(d, with_text=with_text, citation_line=_citation_line)


@click.command()
@db_option
@click.option("--include-other", is_flag=True, help="Count the files that are no document (genre other) as documents.")
@json_option
def stats(db_path: str, include_other: bool, as_json: bool) -> None:
    """Summarize the database: documents by type, citations, amounts, assignments, errors.

    \b
    Example:
      vanban stats --db archive.db
    """
    from vanban.queries import stats as query

    with _database(db_path) as db:
        summary = query(db, include_other=include_other)
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
        _emit(load_errors(db), as_json, lambda r: f"{r['path']}: {r['code']}: {r['message']}", empty="không có lỗi khi nạp (no load errors)")


COMMANDS = [load, stats, cites, cited_by, chain, unresolved, assignments, search, show, errors]
