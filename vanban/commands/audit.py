"""``vanban audit``: check every total a document states against the sum of its parts."""
from __future__ import annotations

import json
import os

import click

from vanban.commands.store import _database, _emit
from vanban.formatting import clip, money, position


def echo_failed_budget_checks(db_path: str, as_json: bool) -> int:
    """Print the failing budget checks of a database; returns how many (for ``vanban audit --db``)."""
    from vanban.queries import failed_budget_checks

    def line(r: dict) -> str:
        diff = money(r["difference_vnd"], signed=True) if r["difference_vnd"] is not None else "?"
        return (f"{r['number'] or r['uri']} {r['source']} [{position(r['section'], r['line'])}] {r['what']}: "
                f"tổng {money(r['total_vnd'])}, chênh lệch {diff}: {clip(r['excerpt'], 80)}")

    with _database(db_path) as db:
        rows = failed_budget_checks(db)
    _emit(rows, as_json, line, empty="mọi phép kiểm tra ngân sách đều khớp")
    return len(rows)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--db", "db_path", type=click.Path(dir_okay=False), envvar="VANBAN_DB",
              help="Audit a loaded database instead of files (or set $VANBAN_DB; without PATHS, vanban.db): "
                   "list every budget check that fails, at its total's section and line of the stored text.")
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON for machines.")
def audit(paths: tuple[str, ...], db_path: str | None, as_json: bool) -> None:
    """Kiểm tra ngân sách · audit the budget figures of documents: each total against the sum of its parts.

    For every check it prints the total, its parts, the expected and found sums, the
    difference, and the section and source line of each figure. Given PATHS it audits
    those files; without, the database (--db, $VANBAN_DB, else vanban.db). Exit status:
    0 when every check holds, 1 when any check fails, 2 when a file could not be audited.

    \b
    Example:
      vanban audit corpus/docs/001_0cdea8a3936c5322.txt
      vanban audit corpus/docs --json > audit.json
      vanban audit --db vanban.db
    """
    if not paths:
        db_path = db_path or "vanban.db"
        if not os.path.exists(db_path):
            raise click.UsageError(f"không có cơ sở dữ liệu {db_path}: give files or folders to audit, or --db DATABASE")
        raise SystemExit(1 if echo_failed_budget_checks(db_path, as_json) else 0)
    from vanban.audit import audit_paths, render_text, to_json
    from vanban.inputs import expand_paths

    files = expand_paths(paths)
    if not files:
        raise click.UsageError(f"không có tệp nào để kiểm tra (no supported file) in {', '.join(paths)}")
    audits = audit_paths(files)
    if as_json:
        click.echo(json.dumps(to_json(audits), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(audits))
    if any(a.failed for a in audits):
        raise SystemExit(1)
    if any(a.error is not None for a in audits):
        raise SystemExit(2)


COMMANDS = [audit]
