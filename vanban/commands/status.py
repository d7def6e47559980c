"""``vanban status`` and ``vanban check-bases``: legal status from the loaded documents."""
from __future__ import annotations

import click

from vanban.commands.store import _database, _echo_json, db_option, json_option


def _doc_line(d: dict) -> str:
    parts = [d.get("number") or d.get("title") or "?"]
    if d.get("title") and d.get("number"):
        parts.append(d["title"])
    if d.get("doc_type"):
        parts.append(f"[{d['doc_type']}]")
    if d.get("date") or d.get("issued_date"):
        parts.append(f"ngày {d.get('date') or d.get('issued_date')}")
    if d.get("issuer"):
        parts.append(d["issuer"])
    line = " ".join(parts)
    if d.get("pinpoints"):
        line += f" ({'; '.join(d['pinpoints'])})"
    if d.get("effect_date"):
        line += f", từ ngày {d['effect_date']}"
    if d.get("status") == "stub":
        line += " — chưa nạp"
    elif d.get("status") is None and d.get("id") is None:
        line += " — chưa nạp"
    return line


def format_status(entry: dict) -> str:
    doc = entry["document"]
    lines = [f"{doc['number'] or doc['uri']} ({doc['uri']}, {'đã nạp' if doc['status'] == 'loaded' else 'chưa nạp'})"]
    lines.append(f"  Tình trạng hiệu lực ngày {entry['on']}: {entry['label']}")
    lines.append(f"  Ngày có hiệu lực (effective): {entry['effective_date'] or 'không rõ (unknown)'}")
    if entry.get("expiry_date"):
        lines.append(f"  Ngày hết hiệu lực (expiry): {entry['expiry_date']}")
    for e in entry["because"]:
        lines.append(f"    do (by) {_doc_line(e)}: {e['clause'] or ''}"[:300])
    if entry["diagram"]:
        lines.append("  Lược đồ (diagram):")
    for group in entry["diagram"]:
        lines.append(f"    {group['label']}:")
        lines.extend(f"      - {_doc_line(d)}" for d in group["documents"])
    return "\n".join(lines)


@click.command()
@click.argument("doc")
@click.option("--on", "on", metavar="DATE", help="The status on this ISO date (default: today).")
@db_option
@json_option
def status(doc: str, on: str | None, db_path: str, as_json: bool) -> None:
    """Print the legal status of DOC (a number, URI or file): in force, not yet in force,
    replaced, repealed wholly or in part, amended; its date of effect; and its diagram
    (lược đồ: bases, guides, amends, replaces, repeals, both ways), from the loaded documents.

    \b
    Example:
      vanban status 32/2008/NĐ-CP
      vanban status 117/2009/NĐ-CP --on 2013-12-01 --json
    """
    from vanban.queries import find_documents
    from vanban.status import document_status

    with _database(db_path) as db:
        entries = document_status(db, find_documents(db, doc), on)
    if as_json:
        _echo_json(entries)
    else:
        click.echo("\n\n".join(format_status(e) for e in entries))


def format_warning(w: dict) -> str:
    d, b = w["document"], w["basis"]
    head = (f"{d['number'] or d['uri']} ngày {d['issued_date']} căn cứ {b['number'] or b['uri']}"
            f"{' (' + b['title'] + ')' if b.get('title') else ''} ngày {b['issued_date'] or '?'}: {w['label']}")
    lines = [head]
    if w["status"] == "not_yet_in_force":
        lines.append(f"  có hiệu lực từ ngày (effective from) {b['effective_date']}")
    if w["status"] == "expired":
        lines.append(f"  hết hiệu lực ngày (expiry) {b['expiry_date']}")
    for e in w["by"]:
        lines.append(f"  do (by) {e['number'] or e['uri']} ngày {e['date'] or '?'}, từ ngày {e['effect_date'] or '?'}: "
                     f"{' '.join((e['clause'] or '').split())[:240]}")
    return "\n".join(lines)


@click.command("check-bases")
@click.argument("docs", nargs=-1)
@db_option
@json_option
def check_bases(docs: tuple[str, ...], db_path: str, as_json: bool) -> None:
    """List every legal basis that, on the citing document's date of issue, had been
    replaced or repealed, had expired, or was not yet in force, according to the loaded
    documents. DOCS (numbers, URIs or files) limit the check to those documents; none
    checks every loaded document. Exit status 1 when any is found.

    \b
    Example:
      vanban check-bases --db vanban.db
      vanban check-bases 352/KH-UBND --json
    """
    from vanban.queries import find_documents
    from vanban.status import basis_warnings

    with _database(db_path) as db:
        ids = None
        if docs:
            ids = [d["id"] for name in docs for d in find_documents(db, name) if d["status"] == "loaded"]
        warnings = basis_warnings(db, ids)
    if as_json:
        _echo_json(warnings)
    elif not warnings:
        click.echo("mọi căn cứ đều còn hiệu lực khi được viện dẫn (every legal basis was in force when it was cited)")
    else:
        click.echo("\n".join(format_warning(w) for w in warnings))
    if warnings:
        raise SystemExit(1)


COMMANDS = [status, check_bases]
