"""The web view's pages and the legal-status questions on one database, this tree beside another
version (``--web``)."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchlib.common import PYTHON, ROOT, VANBAN
from benchlib.paired import export_tree


# --- web pages and legal status on one database, this tree beside another version ----------------

# Runs in a process of its own for one tree (imported as corpus_diff.TREE_IMPORT imports it) on
# one database (sys.argv[2]); answers one JSON request per line of stdin: a page of the web view
# through Datasette's own client (the whole app: routes, templates, plugin hooks), or a call of
# the library behind `vanban status` / `vanban check-bases`. Each answer: wall and CPU ms.
_WEB_WORKER = r"""
import asyncio, time
from vanban.serve import make_datasette
from vanban.store import open_db
ds = make_datasette(sys.argv[2])
loop = asyncio.new_event_loop()
loop.run_until_complete(ds.invoke_startup())
db = open_db(sys.argv[2], create=False)

def call(req):
    from vanban import status
    from vanban.queries import find_documents
    if req["call"] == "status":
        return len(status.document_status(db, find_documents(db, req["doc"])))
    ids = None if req.get("doc") is None else [d["id"] for d in find_documents(db, req["doc"]) if d["status"] == "loaded"]
    return len(status.basis_warnings(db, ids))

print("ready", flush=True)
for line in sys.stdin:
    req = json.loads(line)
    t, c = time.perf_counter(), time.process_time()
    if "page" in req:
        r = loop.run_until_complete(ds.client.get(req["page"]))
        out = {"status": r.status_code, "bytes": len(r.content)}
    else:
        out = {"rows": call(req)}
    out.update(wall_ms=(time.perf_counter() - t) * 1000, cpu_ms=(time.process_time() - c) * 1000)
    print(json.dumps(out), flush=True)
"""


def web_requests(db_path: Path) -> dict[str, dict]:
    """The pages a records office opens and the status questions it asks, chosen from the
    database: label -> request."""
    import sqlite3
    from urllib.parse import quote

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    one = lambda sql: conn.execute(sql).fetchone()  # noqa: E731
    month = one("SELECT substr(max(issued_date), 1, 7) FROM documents WHERE status = 'loaded'")[0]
    plan = one("SELECT d.uri FROM documents d JOIN amounts a ON a.document_id = d.id WHERE d.status = 'loaded' "
               "AND d.doc_type = 'KH' GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1")[0]
    cited = one("SELECT t.uri FROM citations c JOIN documents t ON t.id = c.target_id GROUP BY t.id "
                "ORDER BY count(*) DESC, t.id LIMIT 1")[0]
    replaced = one("SELECT t.uri, t.number FROM legal_effects e JOIN citations c ON c.document_id = e.document_id "
                   "AND c.number_key = e.number_key JOIN documents t ON t.id = c.target_id WHERE e.relation = 'replaces' "
                   "AND t.status = 'loaded' GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1")
    citing = one("SELECT s.number FROM legal_effects e JOIN citations c ON c.document_id = e.document_id "
                 "AND c.number_key = e.number_key JOIN citations b ON b.target_id = c.target_id AND b.relation = 'basis' "
                 "JOIN documents s ON s.id = b.document_id WHERE e.relation = 'replaces' AND s.status = 'loaded' "
                 "AND s.issued_date > e.date AND s.number IS NOT NULL ORDER BY s.id LIMIT 1")[0]
    agency, province = one("SELECT a.agency, d.jurisdiction FROM assignments a JOIN documents d ON d.id = a.document_id "
                           "WHERE a.agency LIKE 'Sở %' GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")
    number = one("SELECT number FROM documents WHERE status = 'loaded' AND doc_type = 'KH' AND number LIKE '%/%' "
                 "ORDER BY id LIMIT 1")[0]
    conn.close()
    q = lambda text: quote(text, safe="")  # noqa: E731
    return {
        "home": {"page": "/"},
        "documents table": {"page": "/vanban/documents?status=loaded"},
        "documents of a chart bar": {"page": f"/vanban/documents?status=loaded&doc_type=KH&issued_date__startswith={month}"},
        "document: the plan with most amounts": {"page": f"/doc/{plan}"},
        "document: the most cited": {"page": f"/doc/{cited}"},
        "document: the most replaced decision": {"page": f"/doc/{replaced[0]}"},
        "document by number": {"page": f"/doc/{number}"},
        "tasks index": {"page": "/tasks"},
        f"tasks of {agency}, one province": {"page": f"/tasks?agency={q(agency)}&province={q(province)}"},
        f"tasks of {agency}, every province": {"page": f"/tasks?agency={q(agency)}"},
        "search 'so y te'": {"page": "/search?q=so+y+te"},
        "search a number": {"page": f"/search?q={q(number)}"},
        f"status {replaced[1]} (in process)": {"call": "status", "doc": replaced[1]},
        f"check-bases {citing} (in process)": {"call": "check_bases", "doc": citing},
        "check-bases --db, every document (in process)": {"call": "check_bases", "doc": None},
        "_cli": {"status": replaced[1], "citing": citing},
    }


def _cli_seconds(args: list[str], db: Path, repeats: int) -> dict:
    """Whole-process wall time of ``vanban ARGS --db DB`` (median of ``repeats``)."""
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([VANBAN, *args, *(["--db", str(db)] if args[0] != "--help" else [])], capture_output=True, cwd=ROOT)
        times.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": statistics.median(times), "min_ms": min(times)}


def bench_web(db: Path, *, against: str | None, against_db: Path | None, out: Path, rounds: int) -> dict:
    """Every request of ``web_requests`` ``rounds`` times in this tree on ``db`` and, with
    ``against``, in that ref's tree on ``against_db`` (its own schema), alternating the two
    processes request by request; then ``vanban status`` and ``check-bases`` as processes."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from corpus_diff import TREE_IMPORT

    requests = web_requests(db)
    cli = requests.pop("_cli")
    trees = {"this tree": (ROOT, db)}
    if against:
        commit, tree = export_tree(against, out)
        trees = {f"{against} ({commit})": (tree, against_db or db), **trees}
    procs = {name: subprocess.Popen([PYTHON, "-c", TREE_IMPORT + _WEB_WORKER, str(tree), str(path)], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, text=True, cwd=ROOT) for name, (tree, path) in trees.items()}
    for name, proc in procs.items():
        if proc.stdout.readline().strip() != "ready":
            raise SystemExit(f"bench: the web worker of {name} failed to start")
    names = list(trees)
    results: dict[str, dict[str, list[dict]]] = {label: {name: [] for name in names} for label in requests}
    for r in range(rounds):
        for label, req in requests.items():
            if req.get("call") == "check_bases" and req.get("doc") is None and r > 0:
                continue  # the whole archive: once (it takes a minute in older trees)
            for name in names if r % 2 == 0 else names[::-1]:
                procs[name].stdin.write(json.dumps(req) + "\n")
                procs[name].stdin.flush()
                results[label][name].append(json.loads(procs[name].stdout.readline()))
    for proc in procs.values():
        proc.stdin.close()
        proc.wait()
    processes = {
        f"vanban status {cli['status']}": _cli_seconds(["status", cli["status"]], db, 5),
        f"vanban check-bases {cli['citing']}": _cli_seconds(["check-bases", cli["citing"]], db, 5),
        "vanban check-bases (every document)": _cli_seconds(["check-bases"], db, 3),
        "vanban --help (start-up alone)": _cli_seconds(["--help"], db, 5),
    }
    with sqlite3_ro(db) as conn:
        size = {"documents": conn.execute("SELECT count(*) FROM documents WHERE status = 'loaded'").fetchone()[0],
                "effects": conn.execute("SELECT count(*) FROM legal_effects").fetchone()[0]}
    return {"trees": names, "rounds": rounds, "requests": requests, "results": results, "processes": processes,
            "db": str(db), "against_db": str(against_db) if against_db else None, "size": size,
            "loadavg": os.getloadavg()[0]}


class sqlite3_ro:
    def __init__(self, path: Path):
        import sqlite3

        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def __enter__(self):
        return self.conn

    def __exit__(self, *exc) -> None:
        self.conn.close()


def render_web(w: dict) -> str:
    names = w["trees"]
    lines = [f"Web view and legal status on {w['size']['documents']} loaded documents ({w['size']['effects']} legal "
             f"effects), {w['rounds']} rounds, each request in turn in " + " and ".join(names) + " (alternating); "
             f"ms per request, p50 / max wall and p50 CPU of the serving process; load average {w['loadavg']:.1f} at "
             "the end:", "",
             "| request | " + " | ".join(f"{n}: wall p50 / max | {n}: CPU p50" for n in names) + " | rows or bytes |",
             "| --- | " + " | ".join("---: | ---:" for _ in names) + " | ---: |"]
    for label, by_tree in w["results"].items():
        cells = []
        for n in names:
            xs = by_tree[n]
            walls, cpus = [x["wall_ms"] for x in xs], [x["cpu_ms"] for x in xs]
            cells.append(f"{statistics.median(walls):.0f} / {max(walls):.0f} | {statistics.median(cpus):.0f}")
        last = by_tree[names[-1]][-1]
        size = f"{last['rows']} rows" if "rows" in last else f"{last['bytes'] // 1000} kB ({last['status']})"
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {size} |")
    lines += ["", "Whole processes (this tree; wall ms, median / min):", "", "| command | p50 | min |", "| --- | ---: | ---: |"]
    for label, x in w["processes"].items():
        lines.append(f"| `{label}` | {x['p50_ms']:.0f} | {x['min_ms']:.0f} |")
    return "\n".join(lines)
