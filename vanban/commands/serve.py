"""``vanban serve``: browse the database in a web browser (Datasette, read-only)."""
from __future__ import annotations

import click

from vanban.extractors.errors import VanbanError

WEB_EXTRA_HINT = ("vanban serve cần gói web (needs the web extra, Datasette): pip install 'vanban[web]' "
                  "(in a checkout: .venv/bin/pip install -e '.[web]')")


@click.command()
@click.argument("db_arg", metavar="[DB]", required=False, type=click.Path(dir_okay=False))
@click.option("--db", "db_path", envvar="VANBAN_DB", default="vanban.db", show_default=True,
              type=click.Path(dir_okay=False), help="The SQLite database (or set $VANBAN_DB; DB given first wins).")
@click.option("--port", "-p", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 to let other machines in).")
def serve(db_arg: str | None, db_path: str, port: int, host: str) -> None:
    """Xem trên trình duyệt · browse the database DB (--db, $VANBAN_DB, else vanban.db) in a web browser.

    Opens nothing for writing. Pages: search with or without diacritics, each
    document with its citations, amounts and assignments highlighted in the text, its
    budget tree and who cites it; the tables with facets; the canned queries (what a
    document cites, who cites it, chain of legal bases, documents not yet loaded,
    assignments of an agency, budget checks that fail). Stop it with Ctrl-C. Needs the
    web extra (pip install 'vanban[web]'); a port already in use is said before starting.

    \b
    Example:
      vanban load corpus/docs --db vanban.db
      vanban serve vanban.db --port 8001      # then open http://127.0.0.1:8001/
    """
    db_path = db_arg or db_path
    try:
        from vanban.serve import check_database, check_port, serve as run, url
    except ImportError as exc:
        if (exc.name or "").split(".")[0] in ("datasette", "uvicorn"):
            raise click.ClickException(WEB_EXTRA_HINT)
        raise
    try:
        check_database(db_path)
        check_port(host, port)
        click.echo(f"Đang phục vụ (serving) {db_path} tại {url(host, port)} (chỉ đọc, read-only; Ctrl-C để dừng)", err=True)
        run(db_path, host=host, port=port)
    except VanbanError as exc:
        raise click.ClickException(exc.message)


COMMANDS = [serve]
