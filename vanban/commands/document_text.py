"""The plain text ``vanban show`` prints of a document: its header, signer, files, citations,
amounts, budget checks and tasks, each on its own line."""
from __future__ import annotations

import os

import click


def clip(text: str | None, width: int = 100) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def vnd(value: int | None) -> str:
    """1234567 -> '1.234.567 đồng' (dotted thousands)."""
    return f"{value:,}".replace(",", ".") + " đồng" if value is not None else "?"


def echo_document(d: dict, *, with_text: bool, citation_line) -> None:
    """What ``vanban show`` prints of one document (a row of ``vanban.queries.show``)."""
    click.echo(f"{d['uri']}  ({d['status']})")
    for key in ("number", "doc_type", "genre", "issued_date", "issuer", "subject", "source", "jurisdiction"):
        if d.get(key):
            click.echo(f"  {key}: {clip(str(d[key]), 110)}")
    signer = ", ".join(d[k] for k in ("signer_name", "signer_position", "signer_authority") if d.get(k))
    if signer:
        click.echo(f"  signer · người ký: {clip(signer, 110)}")
    if len(d.get("files") or []) > 1:
        click.echo(f"  files · tệp: {', '.join(os.path.basename(f) for f in d['files'])}")
    click.echo(
        f"  cites {len(d['citations'])}, cited by {len(d['cited_by'])}, amounts {len(d['amounts'])}, "
        f"budget checks {len(d['budget_checks'])}, assignments {len(d['assignments'])}"
    )
    for c in d["citations"]:
        click.echo(f"    cites {citation_line(c)}")
    for c in d["cited_by"]:
        click.echo(f"    cited by {c['citing_number'] or c['citing_uri']} [{c['relation']}]")
    if d["amounts"]:
        click.echo("  amounts · số tiền:")
    for a in d["amounts"]:
        where = f"[{a['section']}] " if a.get("section") else ""
        click.echo(f"    {where}{vnd(a.get('value_vnd'))}: {clip(a.get('label') or a.get('text'), 90)}")
    for b in d["budget_checks"]:
        verdict = "khớp · holds" if b.get("holds") else f"lệch · off by {vnd(b.get('difference_vnd'))}"
        click.echo(f"    check · kiểm tra: {clip(b.get('what'), 60)} = {vnd(b.get('total_vnd'))}: {verdict}")
    if d["assignments"]:
        click.echo("  tasks · nhiệm vụ:")
    for a in d["assignments"]:
        deadline = f" (by {a['deadline']})" if a.get("deadline") else ""
        click.echo(f"    [{a.get('role') or '?'}] {a.get('agency') or '?'}{deadline}: {clip(a.get('task'), 100)}")
    if with_text:
        click.echo(d.get("text") or "")
