"""``vanban audit``: check every total a document states against the sum of its parts."""
from __future__ import annotations

import json

import click


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--db", "db_path", type=click.Path(dir_okay=False),
              help="Audit a loaded database instead of files: list every budget check that fails.")
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON for machines.")
def audit(paths: tuple[str, ...], db_path: str | None, as_json: bool) -> None:
    """Audit the budget figures of documents: each total against the sum of its parts.

    For every check it prints the total, its parts, the expected and found sums, the
    difference, and the section and source line of each figure. Exit status: 0 when
    every check holds, 1 when any check fails, 2 when a file could not be audited.

    \b
    Example:
      vanban audit corpus/docs/001_0cdea8a3936c5322.txt
      vanban audit corpus/docs --json > audit.json
      vanban audit --db vanban.db
    """
    if db_path:
        from vanban.commands.store import echo_failed_budget_checks

        raise SystemExit(1 if echo_failed_budget_checks(db_path, as_json) else 0)
    if not paths:
        raise click.UsageError("give files or folders to audit, or --db DATABASE")
    from vanban.audit import audit_paths, render_text, to_json
    from vanban.inputs import expand_paths

    audits = audit_paths(expand_paths(paths))
    if as_json:
        click.echo(json.dumps(to_json(audits), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(audits))
    if any(a.failed for a in audits):
        raise SystemExit(1)
    if any(a.error is not None for a in audits):
        raise SystemExit(2)


COMMANDS = [audit]
