"""``vanban export``: the database as JSON lines or CSV that offices can open."""
from __future__ import annotations

import csv
import json
import re
import sys
from typing import Iterable

import click

from vanban.commands.store import _database, db_option
from vanban.formatting import number


def _write_csv(rows: Iterable[dict], out) -> int:
    writer, n = None, 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


def _write_jsonl(rows: Iterable[dict], out) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="JSON lines, or CSV (UTF-8 with a byte-order mark, which Excel needs to read Vietnamese).")
@click.option("--table", default=None,
              help="Export this table's rows (documents, citations, amounts, budget_checks, assignments, agencies, "
                   "load_errors). Default: jsonl the document records, csv the documents table.")
@click.option("--bom/--no-bom", default=None,
              help="Begin the file with a UTF-8 byte-order mark (default: with --format csv).")
@click.option("--loaded-only", is_flag=True,
              help="Chỉ văn bản đã nạp: leave out the documents only cited (and citations of them).")
@click.option("--type", "doc_types", multiple=True, metavar="TYPE",
              help="Chỉ loại văn bản này: only documents of this type (KH, QĐ, CV, ...; repeat for several).")
@click.option("--since", metavar="DATE", help="Từ ngày: only documents issued on or after this date (2023, 2023-05, 2023-05-25).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
def export(db_path: str, fmt: str, table: str | None, bom: bool | None, loaded_only: bool, doc_types: tuple[str, ...],
           since: str | None, out_path: str | None) -> None:
    """Xuất dữ liệu · export the database as JSON lines or CSV.

    The filters keep the rows of the documents they select (documents, citations,
    amounts, budget_checks, assignments). Citations carry the number and URI of the
    document they name. With --out, says what it wrote.

    \b
    Example:
      vanban export --format jsonl --out records.jsonl
      vanban export --format csv --table citations --loaded-only --out citations.csv
      vanban export --format csv --table assignments --type KH --since 2023 > assignments.csv
    """
    from vanban.queries import EXPORT_TABLES, export_rows
    from vanban.queries.export import DOCUMENT_TABLES

    if table and table not in EXPORT_TABLES:
        raise click.BadParameter(f"một trong: {', '.join(EXPORT_TABLES)}", param_hint="--table")
    if since and not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", since):
        raise click.BadParameter(f"{since!r} không phải ngày (YYYY, YYYY-MM hoặc YYYY-MM-DD)", param_hint="--since")
    if (loaded_only or doc_types or since) and (table or "documents") not in DOCUMENT_TABLES:
        raise click.UsageError(f"--loaded-only, --type và --since chỉ dùng với các bảng {', '.join(DOCUMENT_TABLES)} "
                               f"(the filters apply to those tables), không dùng với {table}")
    if bom is None:
        bom = fmt == "csv"
    records = fmt == "jsonl" and table is None
    with _database(db_path) as db:
        rows = export_rows(db, table=table or "documents", records=records, loaded_only=loaded_only,
                           doc_types=doc_types, since=since)
        try:
            out = open(out_path, "w", encoding="utf-8", newline="") if out_path else sys.stdout
        except OSError as exc:
            raise click.BadParameter(f"không ghi được {out_path} (cannot write): {exc.strerror}", param_hint="--out") from None
        try:
            if bom:
                out.write("\ufeff")
            n = (_write_csv if fmt == "csv" else _write_jsonl)(rows, out)
        except OSError as exc:  # a full disk, a device that takes no text
            raise click.ClickException(f"không ghi được {out_path or 'đầu ra'} (cannot write): {exc.strerror or exc}") from None
        finally:
            if out_path:
                try:
                    out.close()
                except OSError:
                    pass
    if out_path:
        what = "bản ghi văn bản" if records else f"dòng của bảng {table or 'documents'}"
        click.echo(f"Đã ghi {number(n)} {what} ({fmt}{', có BOM' if bom else ''}) vào {out_path}", err=True)


COMMANDS = [export]
