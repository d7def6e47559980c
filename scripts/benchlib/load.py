"""``vanban load`` of the first N documents for each size, with query latency, and the growth
measurement's run."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import bench_growth  # scripts/bench_growth.py, beside bench.py
from benchlib.common import fresh_db, MB, ROOT, TreeRss, VANBAN, corpus_paths, ensure_corpus, run_phase, size_folder


# --- load ----------------------------------------------------------------------------------------


def bench_load(out: Path, n: int, workers: int | None, queries: int) -> dict:
    folder = size_folder(out, n)
    db = out / f"n{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [VANBAN, "load", str(folder), "--db", str(db), "--json", "--no-progress"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    with TreeRss(proc.pid) as rss:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        sys.stderr.write(stderr)
        raise SystemExit(f"bench: vanban load of {n} documents failed (exit {proc.returncode})")
    report = json.loads(stdout)
    size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal", "-shm") if Path(f"{db}{s}").exists())
    result = {"n": n, "wall_s": wall, "docs_per_s": n / wall, "cpu_s": cpu, "db_mb": size / MB,
              "loadavg": [load_before, os.getloadavg()[0]],
              "input_mb": sum(os.path.getsize(p) for p in corpus_paths(out, n)) / MB,
              "peak_rss_main_mb": rss.peak_main * 1024 / MB, "peak_rss_tree_mb": rss.peak_tree * 1024 / MB,
              "load": {k: report["load"][k] for k in ("files", "extracted", "linked", "skipped", "errors", "seconds")},
              "stats": {k: report["stats"][k] for k in ("documents", "citations", "citations_resolved", "cited_not_loaded",
                                                        "amounts", "budget_checks", "budget_checks_failing",
                                                        "assignments", "agencies")}}
    result.update(run_phase("queries", {"db": str(db), "n": n, "queries": queries}))
    return result


def growth(out: Path, sizes: list[int], args) -> dict:
    """``bench_growth`` on the databases the loads left (out/n<N>.db), loading any missing."""
    ensure_corpus(out, max(sizes) + bench_growth.EXTRA, seed=args.seed, kb=args.kb)
    bases = {}
    for n in sizes:
        db = out / f"n{n}.db"
        if not db.exists():
            fresh_db(db)
            subprocess.run([VANBAN, "load", str(size_folder(out, n)), "--db", str(db), "--no-progress"], check=True,
                           capture_output=True, cwd=ROOT)
        from vanban.store import open_db

        open_db(str(db)).close()  # migrated before it is copied, so no load below pays for it
        bases[n] = db
    new = corpus_paths(out, max(sizes) + bench_growth.EXTRA)[max(sizes):]
    return bench_growth.bench_growth(out, bases, new, vanban=VANBAN, cwd=ROOT, rounds=args.growth_rounds,
                                     workers=args.workers)
