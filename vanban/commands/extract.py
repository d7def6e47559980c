"""``vanban extract`` and ``vanban schema``."""
from __future__ import annotations

import json
from pathlib import Path

import click

from vanban.formatting import number
from vanban.inputs import expand_paths
from vanban.outputs import OutputFolder


def record_json(record, *, with_text: bool = False, indent: int | None = 2) -> str:
    exclude = None if with_text else {"text"}
    return record.model_dump_json(indent=indent, exclude=exclude)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write one <stem>.json per input into this folder.")
@click.option("--with-text", is_flag=True, help="Include the normalized text in the JSON.")
@click.option("--json", "as_json", is_flag=True,
              help="JSON (the default, said for scripts): one file's record indented, several files' as JSON Lines.")
def extract(paths: tuple[str, ...], out_dir: str | None, with_text: bool, as_json: bool) -> None:
    """Trích xuất văn bản · extract document records from files (.txt .md .pdf .docx .doc .html, images).

    With one file and no --out the record is printed as indented JSON; with several,
    one record per line (JSON Lines: `vanban extract a.pdf b.docx | jq .number`). A file
    that cannot be read gives a record with an "error" object and the run goes on.

    \b
    Example:
      vanban extract corpus/docs/001_0cdea8a3936c5322.txt
      vanban extract corpus/docs/00*.txt > records.jsonl
      vanban extract corpus/docs --out records/
    """
    from vanban.extractors.pipeline import extract_file

    files = expand_paths(paths)
    if not files:
        raise click.BadParameter(f"không có tệp nào đọc được (no supported file) in {', '.join(paths)}", param_hint="PATHS")
    if len(files) == 1 and not out_dir:
        click.echo(record_json(extract_file(files[0]), with_text=with_text))
        return
    target = Path(out_dir) if out_dir else None
    folder = OutputFolder(target) if target else None
    failed = 0
    from tqdm import tqdm

    for f in tqdm(files, desc="extract", unit="doc", disable=None):
        record = extract_file(f)
        failed += record.error is not None
        if folder:
            name = f.name
            stem = name[: -len("".join(f.suffixes))] if f.suffixes else name
            folder.write(stem or name, record_json(record, with_text=with_text))
        else:
            click.echo(record_json(record, with_text=with_text, indent=None))
    if folder:
        for wanted, given in folder.renamed:
            click.echo(f"{given}: một tệp khác đã được ghi thành {wanted} (another input has that name)", err=True)
        click.echo(f"{number(len(files))} tệp: {number(len(files) - failed)} trích xuất, {number(failed)} lỗi -> {target}",
                   err=True)


@click.command()
@click.option("--db", "db_path", type=click.Path(exists=True, dir_okay=False),
              help="Print this database's tables and columns instead (the store's SQL schema).")
@click.option("--json", "as_json", is_flag=True, help="With --db: the tables as JSON. (The record's schema is JSON.)")
def schema(db_path: str | None, as_json: bool) -> None:
    """Lược đồ bản ghi · print the JSON Schema of the document record, or a database's tables.

    \b
    Example:
      vanban schema > record.schema.json
      vanban schema --db vanban.db
    """
    if db_path:
        from vanban.commands.store import _database, _echo_json

        with _database(db_path) as db:
            tables = {t.name: [c.name for c in t.columns] for t in db.tables}
        if as_json:
            _echo_json(tables)
        else:
            for name, columns in tables.items():
                click.echo(f"{name}: {', '.join(columns)}")
        return
    from vanban.schemas import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


COMMANDS = [extract, schema]
