"""``vanban extract`` and ``vanban schema``."""
from __future__ import annotations

import json
from pathlib import Path

import click

from vanban.inputs import expand_paths
from vanban.outputs import OutputFolder


def record_json(record, *, with_text: bool = False) -> str:
    exclude = None if with_text else {"text"}
    return record.model_dump_json(indent=2, exclude=exclude)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write one <stem>.json per input into this folder.")
@click.option("--with-text", is_flag=True, help="Include the normalized text in the JSON.")
def extract(paths: tuple[str, ...], out_dir: str | None, with_text: bool) -> None:
    """Extract document records from files (.txt .md .pdf .docx .doc .html, images).

    With one file and no --out the record is printed as JSON. A file that cannot be
    read gives a record with an "error" object and the run goes on.

    \b
    Example:
      vanban extract corpus/docs/001_0cdea8a3936c5322.txt
      vanban extract corpus/docs --out records/
    """
    from vanban.extractors.pipeline import extract_file

    files = expand_paths(paths)
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
            click.echo(record_json(record, with_text=with_text))
    if folder:
        for wanted, given in folder.renamed:
            click.echo(f"{given}: another input was written as {wanted}", err=True)
        click.echo(f"{len(files)} files, {len(files) - failed} extracted, {failed} with errors -> {target}", err=True)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the document record.

    \b
    Example:
      vanban schema > record.schema.json
    """
    from vanban.schemas import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


COMMANDS = [extract, schema]
