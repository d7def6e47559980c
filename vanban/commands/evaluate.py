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
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
@click.option("--misses", is_flag=True, help="List every mismatch under the table.")
def evaluate(gold_dir: str, pred_dir: str | None, docs_dirs: tuple[str, ...], as_json: bool, misses: bool) -> None:
    """Score extraction against gold annotations, field by field.

    Each gold file names its document in "source"; the document is extracted (or its
    prediction read with --pred) and compared as ../shared/spec/OUTPUT.md describes.

    \b
    Example:
      vanban evaluate corpus/gold
      vanban evaluate corpus/gold --misses
    """
    from vanban.evaluate import evaluate_dir, format_table

    result = evaluate_dir(Path(gold_dir), pred_dir=Path(pred_dir) if pred_dir else None,
                          docs_dirs=[Path(d) for d in docs_dirs])
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    click.echo(format_table(result))
    if misses:
        for name, s in result["fields"].items():
            for m in s["misses"]:
                click.echo(f"  [{name}] {m}")


COMMANDS = [evaluate]
