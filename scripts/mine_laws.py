"""Mine the table of laws (``models/laws.json``) from an archive of documents.

Finds every place where a Luật / Bộ luật / Pháp lệnh is printed with its name, its number
and its date of adoption together ("Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11
năm 2024", "Bộ luật Lao động số 45/2019/QH14, được Quốc hội thông qua ngày …", "Luật
sửa đổi, bổ sung một số điều của Luật Xây dựng số 62/2020/QH14 ngày …") and keeps those
whose number agrees with the date: the year of the number is the year of adoption, the
legislature (QH13, UBTVQH14, …) sat that year, and the kind matches the issuer (QH for a
law or a code, UBTVQH for an ordinance). A "Hiến pháp" has no such number and is not
mined.

    python scripts/mine_laws.py PATH...            # print what the archive states
    python scripts/mine_laws.py --new PATH...      # only what the table lacks
    python scripts/mine_laws.py --write PATH...    # add those to models/laws.json

Each mined entry's ``note`` says which files state it (its provenance). An entry whose
name and number disagree between files (two numbers for one name and date, or one number
under two names) is reported and never written. Review the diff of ``models/`` before
committing.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import regex as re

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TABLE = ROOT / "models" / "laws.json"
# National Assembly legislature (khóa) by the years it sat: the number after QH / UBTVQH
TERMS = {"10": (1997, 2002), "11": (2002, 2007), "12": (2007, 2011), "13": (2011, 2016),
         "14": (2016, 2021), "15": (2021, 2026)}
ROMAN = {"10": "X", "11": "XI", "12": "XII", "13": "XIII", "14": "XIV", "15": "XV"}

_WS = r"[ \t]*\n?[ \t]*"
_CITE = re.compile(rf"""
    (?<![\p{{L}}])(?P<kind>Bộ{_WS}luật|Luật|Pháp{_WS}lệnh)[ \t\n]+
    (?P<name>(?!số[ \t\n]|này(?![\p{{L}}]))\p{{L}}(?:[^;:()\n/]|\n(?![ \t]*\n)){{1,300}}?)
    [ \t\n]*,?[ \t\n]*số[ \t\n]*:?[ \t\n]*
    (?P<number>\d{{1,3}}/\d{{4}}/(?:QH|(?:PL-)?UBTVQH)\d{{2}})(?![\w/])
    [ \t\n]*,?[ \t\n]*
    (?:(?:được|đã\s+được)?[ \t\n]*(?:Quốc\s+hội|Ủy\s+ban\s+[Tt]hường\s+vụ\s+Quốc\s+hội)
       (?:[^;.\n]|\n(?![ \t]*\n)){{0,80}}?thông\s+qua[ \t\n]*)?
    (?=ngày)
""", re.VERBOSE)
# "Luật số 97/2025/QH15, ngày 27/6/2025 về sửa đổi, bổ sung một số điều của Luật A, Luật B"
_NUMBER_FIRST = re.compile(r"""
    (?<![\p{L}])Luật[ \t\n]+số[ \t\n]*:?[ \t\n]*(?P<number>\d{1,3}/\d{4}/QH\d{2})(?![\w/])[ \t\n]*,?[ \t\n]*(?=ngày)
""", re.VERBOSE)
_NAME_AFTER = re.compile(r"[ \t\n]*,?[ \t\n]*(?:về[ \t\n]+)?(?:việc[ \t\n]+)?(?P<name>sửa[ \t\n]+đổi(?:[^;:()\n/]|\n(?![ \t]*\n)){1,300}?)"
                         r"[ \t\n]*(?=;|\.[ \t]*(?:\n|$)|\n[ \t]*\n|$)")
# "Luật A số …, ngày … và được sửa đổi, bổ sung một số điều tại Luật số N, ngày D": the amending law of A
_AMENDED_BY = re.compile(r"[ \t\n]*,?[ \t\n]*(?:và[ \t\n]+)?(?:đã[ \t\n]+)?được[ \t\n]+sửa[ \t\n]+đổi[ \t\n]*,?[ \t\n]*bổ[ \t\n]+sung"
                         r"(?:[ \t\n]+một[ \t\n]+số[ \t\n]+điều)?[ \t\n]+(?:tại|bởi|theo)[ \t\n]+(?=Luật[ \t\n]+số)")
# a name does not hold another citation or a sentence of its own ("một số điều" is a name's)
_NOT_A_NAME = re.compile(r"(?<![\p{L}])(?:(?<!một\s)số|ngày|năm\s+\d|Nghị\s+định|Thông\s+tư|Quyết\s+định|Nghị\s+quyết|căn\s+cứ)(?![\p{L}])",
                         re.IGNORECASE)


def _tidy(name: str) -> str:
    return " ".join(name.split()).rstrip(" ,")


def _consistent(kind: str, number: str, adopted: str) -> bool:
    m = re.fullmatch(r"\d{1,3}/(\d{4})/(QH|(?:PL-)?UBTVQH)(\d{2})", number)
    if not m or m.group(3) not in TERMS or int(m.group(1)) != int(adopted[:4]):
        return False
    first, last = TERMS[m.group(3)]
    return first <= int(adopted[:4]) <= last and (kind == "Pháp lệnh") == m.group(2).endswith("UBTVQH")


def mine_text(text: str) -> list[dict]:
    """The laws ``text`` prints with name, number and date of adoption, each once, in order:
    ``{"kind", "name", "number", "adopted"}``."""
    from vanban.extractors.extract.dates import date_at

    out: list[dict] = []
    for m in _CITE.finditer(text):
        kind = " ".join(m.group("kind").split())
        name = _tidy(m.group("name"))
        if _NOT_A_NAME.search(name) or len(name) < 2:
            continue
        # "… của Luật A và Luật B số …": the name is the last law named
        name = re.split(r"[ \t\n]+(?:và|,)[ \t\n]+(?=(?:Bộ\s+luật|Luật|Pháp\s+lệnh)\s+\p{Lu})", name)[-1] \
            if not name.startswith("sửa") else name
        if not name.startswith("sửa") and re.search(r"(?<![\p{L}])(?:Luật|Pháp\s+lệnh)(?![\p{L}])", name):
            continue  # "… Luật này và Luật số …": no name
        d = date_at(text, m.end(), min(len(text), m.end() + 40))
        if d is None or len(d.value) != 10:
            continue
        entry = {"kind": kind, "name": name, "number": m.group("number"), "adopted": d.value}
        _keep(entry, out)
        if (by := _AMENDED_BY.match(text, d.span[1])) and (n := _NUMBER_FIRST.match(text, by.end())) \
                and (d2 := date_at(text, n.end(), min(len(text), n.end() + 40))) and len(d2.value) == 10 \
                and not name.startswith("sửa"):
            _keep({"kind": "Luật", "name": f"sửa đổi, bổ sung một số điều của {kind} {name}",
                   "number": n.group("number"), "adopted": d2.value}, out)
    for m in _NUMBER_FIRST.finditer(text):
        d = date_at(text, m.end(), min(len(text), m.end() + 40))
        if d is None or len(d.value) != 10 or not (after := _NAME_AFTER.match(text, d.span[1])):
            continue
        name = _tidy(after.group("name"))
        if not _NOT_A_NAME.search(name):
            _keep({"kind": "Luật", "name": name, "number": m.group("number"), "adopted": d.value}, out)
    return out


def _keep(entry: dict, out: list[dict]) -> None:
    if _consistent(entry["kind"], entry["number"], entry["adopted"]) and entry not in out:
        out.append(entry)


def _text_of(path: Path) -> str:
    from vanban.extractors.normalize.steps import normalize
    from vanban.extractors.read import read

    return normalize(read(path)).text


def mine_files(paths: list[Path]) -> tuple[list[dict], list[str]]:
    """(entries with their provenance in ``sources``, conflicts found) over ``paths``."""
    entries: dict[tuple[str, str, str], dict] = {}
    for path in paths:
        try:
            text = _text_of(path)
        except Exception as exc:  # an unreadable file is reported, the rest is mined
            print(f"không đọc được / unreadable: {path}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        for e in mine_text(text):
            key = (e["kind"], e["name"].casefold(), e["adopted"])
            got = entries.setdefault(key, {**e, "sources": []})
            if got["number"] != e["number"]:
                got.setdefault("conflict", set()).add(e["number"])
            where = f"{path.parent.name}/{path.name}"
            if where not in got["sources"]:
                got["sources"].append(where)
    conflicts = []
    by_number: dict[str, list[dict]] = {}
    for e in entries.values():
        by_number.setdefault(e["number"], []).append(e)
        if e.get("conflict"):
            conflicts.append(f"{e['kind']} {e['name']} {e['adopted']}: {e['number']} / {sorted(e['conflict'])}")
    for number, es in by_number.items():
        if len(es) > 1:
            conflicts.append(f"{number}: " + " / ".join(f"{e['kind']} {e['name']} {e['adopted']}" for e in es))
    bad = {id(e) for e in entries.values() if e.get("conflict") or len(by_number[e["number"]]) > 1}
    return [e for e in entries.values() if id(e) not in bad], conflicts


def note_for(entry: dict) -> str:
    m = re.fullmatch(r"\d+/\d{4}/(QH|(?:PL-)?UBTVQH)(\d{2})", entry["number"])
    body = "Quốc hội" if m.group(1) == "QH" else "Ủy ban Thường vụ Quốc hội"
    return f"{body} khóa {ROMAN[m.group(2)]}; nguồn: {', '.join(sorted(entry['sources']))}"


def new_entries(mined: list[dict], table: list[dict]) -> list[dict]:
    """The mined entries the table has neither by number nor by (kind, name, date)."""
    numbers = {e["number"] for e in table}
    keys = {(e["kind"], e["name"].casefold(), e["adopted"]) for e in table}
    return [e for e in mined if e["number"] not in numbers and (e["kind"], e["name"].casefold(), e["adopted"]) not in keys]


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Mine laws printed with name, number and date from documents.")
    ap.add_argument("paths", nargs="+", help="files or folders of documents")
    ap.add_argument("--new", action="store_true", help="only the entries models/laws.json lacks")
    ap.add_argument("--write", action="store_true", help="add the new entries to models/laws.json")
    ap.add_argument("--table", default=str(TABLE), help="the table to compare with and write to")
    args = ap.parse_args(argv)
    table_path = Path(args.table)
    data = json.loads(table_path.read_text(encoding="utf-8"))
    mined, conflicts = mine_files(_files(args.paths))
    shown = new_entries(mined, data["laws"]) if (args.new or args.write) else mined
    for e in shown:
        print(f"{e['kind']} {e['name']}\t{e['number']}\t{e['adopted']}\t{', '.join(e['sources'])}")
    for c in conflicts:
        print(f"mâu thuẫn / conflict (not written): {c}", file=sys.stderr)
    if args.write and shown:
        for e in shown:
            data["laws"].append({"kind": e["kind"], "name": e["name"], "number": e["number"],
                                 "adopted": e["adopted"], "note": note_for(e)})
        table_path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(shown)} entries added to {table_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
