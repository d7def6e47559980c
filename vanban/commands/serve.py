"""``vanban serve``: browse the database in a web browser (Datasette, read-only)."""
from __future__ import annotations

import click

from vanban.extractors.errors import VanbanError


@click.command()
@click.argument("db_path", metavar="[DB]", required=False, envvar="VANBAN_DB", default="vanban.db",
                type=click.Path(dir_okay=False))
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 to let other machines in).")
def serve(db_path: str, port: int, host: str) -> None:
    """Browse the database DB (default vanban.db, or $VANBAN_DB) in a web browser.

    Opens nothing for writing. Pages: search with or without diacritics, each
    document with its citations, amounts and assignments highlighted in the text, its
    budget tree and who cites it; the tables with facets; the canned queries (what a
    document cites, who cites it, chain of legal bases, documents not yet loaded,
    assignments of an agency, budget checks that fail). Stop it with Ctrl-C.

    \b
    Example:
      vanban load corpus/docs --db vanban.db
      vanban serve vanban.db --port 8001      # then open http://127.0.0.1:8001/
    """
    from vanban.serve import check_database, serve as run, url

    try:
        check_database(db_path)
        click.echo(f"Serving {db_path} at {url(host, port)} (read-only; Ctrl-C to stop)", err=True)
        run(db_path, host=host, port=port)
    except VanbanError as exc:
        raise click.ClickException(exc.message)


COMMANDS = [serve]
