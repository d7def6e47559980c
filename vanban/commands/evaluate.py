"""``vanban evaluate``: per-field precision, recall and F1 against gold."""
from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--pred", "pred_dir", type=click.Path(exists=True, file_okay=False),
              help="Score these prediction JSON files (<stem>.json) instead of extracting.")
@click.option("--docs", "docs_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder(s) holding the documents the gold files name (default: GOLD_DIR/../docs).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False),
              help="Score the records loaded in this database instead of extracting.")
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
@click.option("--misses", is_flag=True, help="List every mismatch under the table.")
def evaluate(gold_dir: str, pred_dir: str | None, docs_dirs: tuple[str, ...], db_path: str | None, as_json: bool,
             misses: bool) -> None:
    """Chấm điểm trích xuất · score extraction against gold annotations, field by field.

    Each gold file names its document in "source"; the document is extracted (or its
    prediction read with --pred, or its loaded record taken from the database with --db)
    and compared as docs/OUTPUT.md describes. A folder with no gold file, or whose gold
    files name no document found, exits with status 1.

    \b
    Example:
      vanban evaluate corpus/gold
      vanban evaluate corpus/gold --misses
      vanban evaluate corpus/gold --db vanban.db --json
    """
    from vanban.evaluate import evaluate_dir, format_table

    if pred_dir and db_path:
        raise click.UsageError("--pred và --db: chọn một (give one of them)")
    records = None
    if db_path:
        from vanban.commands.store import _database
        from vanban.queries import export_rows

        with _database(db_path) as db:
            records = {r["source"]: r for r in export_rows(db, records=True)}
    result = evaluate_dir(Path(gold_dir), pred_dir=Path(pred_dir) if pred_dir else None,
                          docs_dirs=[Path(d) for d in docs_dirs], records=records)
    if not result["gold_files"]:
        click.echo(f"Không có tệp gold nào (*.json) trong {gold_dir}: nothing to score", err=True)
        raise SystemExit(1)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(result))
        if misses:
            for name, s in result["fields"].items():
                for m in s["misses"]:
                    click.echo(f"  [{name}] {m}")
    if not result["documents"]:
        click.echo(f"Không chấm được văn bản nào: the {result['gold_files']} gold files name no document found", err=True)
        raise SystemExit(1)


COMMANDS = [evaluate]
