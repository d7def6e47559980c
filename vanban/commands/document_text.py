"""The plain text ``vanban show`` prints of a document: its header, signer, files, citations,
amounts, budget checks and tasks, each on its own line (in the words and number style of
``vanban.formatting``)."""
from __future__ import annotations

import os

import click

from vanban.formatting import clip, money, number, place, position
from vanban.formatting import relation as relation_name, role as role_name, status as status_name

SHOW_FIELDS = {"number": "số", "doc_type": "loại", "genre": "thể loại", "issued_date": "ngày ban hành",
               "issuer": "cơ quan ban hành", "subject": "trích yếu", "source": "tệp", "jurisdiction": "địa bàn"}
GENRE_WORDS = {"official": "văn bản", "news": "tin bài", "other": "không phải văn bản"}


def _field(key: str, value) -> str:
    if key == "jurisdiction":
        return place(value)
    if key == "genre":
        return GENRE_WORDS.get(value, str(value))
    return str(value)


def echo_document(d: dict, *, with_text: bool, citation_line) -> None:
    """What ``vanban show`` prints of one document (a row of ``vanban.queries.show``)."""
    click.echo(f"{d['uri']}  ({status_name(d['status'])})")
    for key, label in SHOW_FIELDS.items():
        if d.get(key):
            click.echo(f"  {label}: {clip(_field(key, d[key]), 110)}")
    signer = ", ".join(d[k] for k in ("signer_name", "signer_position", "signer_authority") if d.get(k))
    if signer:
        click.echo(f"  người ký: {clip(signer, 110)}")
    if len(d.get("files") or []) > 1:
        click.echo(f"  các tệp: {', '.join(os.path.basename(f) for f in d['files'])}")
    click.echo(
        f"  trích dẫn {number(len(d['citations']))}, được trích dẫn {number(len(d['cited_by']))}, "
        f"khoản tiền {number(len(d['amounts']))}, kiểm tra ngân sách {number(len(d['budget_checks']))}, "
        f"nhiệm vụ {number(len(d['assignments']))}"
    )
    for c in d["citations"]:
        click.echo(f"    trích dẫn {citation_line(c)}")
    for c in d["cited_by"]:
        click.echo(f"    được trích dẫn bởi {c['citing_number'] or c['citing_uri']} [{relation_name(c['relation'])}]")
    if d["amounts"]:
        click.echo("  khoản tiền:")
    for a in d["amounts"]:
        where = f"[{position(a.get('section'), None)}] " if a.get("section") else ""
        click.echo(f"    {where}{money(a.get('value_vnd'))}: {clip(a.get('label') or a.get('text'), 90)}")
    for b in d["budget_checks"]:
        verdict = "khớp" if b.get("holds") else f"lệch {money(b.get('difference_vnd'), signed=True)}"
        click.echo(f"    kiểm tra: {clip(b.get('what'), 60)} = {money(b.get('total_vnd'))}: {verdict}")
    if d["assignments"]:
        click.echo("  nhiệm vụ:")
    for a in d["assignments"]:
        deadline = f" (hạn {a['deadline']})" if a.get("deadline") else ""
        click.echo(f"    [{role_name(a.get('role')) or '?'}] {a.get('agency') or '?'}{deadline}: {clip(a.get('task'), 100)}")
    if with_text:
        click.echo(d.get("text") or "")
