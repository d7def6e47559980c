"""The Dask engine against the local one, and the writer's ingest ceiling (``--cluster``)."""
from __future__ import annotations

import os
import time
from pathlib import Path

from benchlib.common import MB, ROOT, fresh_db, corpus_paths, ensure_corpus, environment, run_phase


# --- the Dask engine and the writer's ceiling (--cluster) -------------------------------------------


def tree_cpu_s() -> float:
    """CPU seconds used so far by this process and every process under it (the local
    pool, the LocalClusters' workers and their bounded processes), the finished ones
    included (counted in their parent once reaped)."""
    import psutil

    me = psutil.Process()
    total = 0.0
    for proc in [me, *me.children(recursive=True)]:
        try:
            t = proc.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
        except psutil.Error:  # ended between the listing and the reading
            pass
    return total


def _timed_load(paths: list[str], out: Path, label: str, **engine) -> dict:
    """``load`` of ``paths`` into a fresh database: wall time and documents/s, and the CPU
    time of the whole process tree, whose share of the wall time says how many cores the
    run had (the machine is shared)."""
    from vanban.load import load

    before, cpu = os.getloadavg()[0], tree_cpu_s()
    t = time.perf_counter()
    report = load(paths, fresh_db(out / f"{label}.db"), progress=False, **engine)
    wall, cpu = time.perf_counter() - t, tree_cpu_s() - cpu
    done = report.extracted + report.errors
    return {"docs": done, "errors": report.errors, "wall_s": wall, "docs_per_s": done / wall, "cpu_s": cpu,
            "cores": cpu / wall, "docs_per_cpu_s": done / cpu if cpu else float("nan"),
            "loadavg": [before, os.getloadavg()[0]]}


def phase_cluster(p: dict) -> dict:
    """Documents/s of the local engine (``workers`` processes) and of the Dask engine on a
    LocalCluster of 1 and of 2 worker processes, on the same documents, in one process:
    ``rounds`` rounds of the three in turn, each engine warmed up first (models loaded,
    workers started) by a load of ``warm``; the best round of each is its figure (the
    machine is shared: the best is the least disturbed), the others are kept beside it."""
    import logging

    from distributed import LocalCluster

    from vanban.cluster import DaskEngine
    from vanban.load import load

    out, paths, warm = Path(p["out"]), p["paths"], p["warm"]
    clusters, engines, starts = [], {"local": {"workers": p["workers"]}}, {}
    try:
        for n in (1, 2):
            t = time.perf_counter()
            clusters.append(LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                                         silence_logs=logging.ERROR))
            starts[f"dask{n}"] = time.perf_counter() - t
            engines[f"dask{n}"] = {"engine": DaskEngine(clusters[-1].scheduler_address)}
        for label, engine in engines.items():
            load(warm, fresh_db(out / f"warm-{label}.db"), progress=False, **engine)
        rounds: dict[str, list] = {label: [] for label in engines}
        for _ in range(p["rounds"]):
            for label, engine in engines.items():
                rounds[label].append(_timed_load(paths, out, label, **engine))
    finally:
        for cluster in clusters:
            cluster.close()
    results = {}
    for label, runs in rounds.items():
        best = max(runs, key=lambda r: r["docs_per_s"])
        results[label] = {**best, "rounds": [round(r["docs_per_s"], 2) for r in runs]}
        if label in starts:
            results[label]["start_s"] = starts[label]
    return results


def phase_writer(p: dict) -> dict:
    """The one writer alone: records extracted beforehand (read back from a loaded
    database, each stored ``copies`` times under its own path and hash) through the
    loader's writer into a fresh database, in its batches of ``--batch-size``."""
    from vanban import store
    from vanban.load import DEFAULT_BATCH, LoadReport, Result, Source, _Writer
    from vanban.schemas import DocumentRecord

    source = store.open_db(p["from"])
    records = [DocumentRecord.model_validate_json(r) for r, in source.execute(
        "SELECT record FROM documents WHERE status = 'loaded' AND record IS NOT NULL ORDER BY id")]
    source.close()
    version = "bench"
    results = []
    for copy in range(p["copies"]):
        for i, record in enumerate(records):
            sha = f"{copy:08x}{i:08x}".ljust(64, "0")
            rows = store.record_rows(record, sha256=sha, extractor_version=version)
            rows["document"]["uri"] += f"~{copy}"
            key = f"/bench/{copy}/{i}-{record.source}"
            results.append(Result(Source(key=key, name=record.source, path=Path(key)), sha, 1000, "extract", rows=rows))
    db = store.open_db(fresh_db(Path(p["db"])))
    report = LoadReport(run_id=store.start_run(db, paths=["bench"], workers=0, force=False))
    writer = _Writer(db, report, DEFAULT_BATCH)
    t, cpu = time.perf_counter(), time.process_time()
    for result in results:
        writer.add(result)
    writer.flush()
    wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    tables = [t for t in db.table_names() if "_fts" not in t and t not in ("load_runs",) and not t.startswith("_")]
    rows = sum(db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables)
    db.close()
    size = sum(Path(f"{p['db']}{s}").stat().st_size for s in ("", "-wal", "-shm") if Path(f"{p['db']}{s}").exists())
    return {"docs": len(results), "rows": rows, "wall_s": wall, "cpu_s": cpu, "docs_per_s": len(results) / wall,
            "rows_per_s": rows / wall, "rows_per_cpu_s": rows / cpu, "docs_per_cpu_s": len(results) / cpu,
            "db_mb": size / MB, "kb_per_doc": size / len(results) / 1000, "batch": DEFAULT_BATCH}


def bench_cluster(out: Path, n: int, *, seed: int, kb: float, workers: int, copies: int, rounds: int) -> dict:
    ensure_corpus(out, n, seed=seed, kb=kb)
    paths = corpus_paths(out, n)
    warm = [str(ROOT / "corpus" / "docs" / p.name) for p in sorted((ROOT / "corpus" / "docs").glob("00[0-4]_*.txt"))]
    result = {"n": n, "workers": workers, "environment": environment(),
              **run_phase("cluster", {"out": str(out), "paths": paths, "warm": warm, "workers": workers,
                                      "rounds": rounds})}
    result["ratio_2_1"] = result["dask2"]["docs_per_s"] / result["dask1"]["docs_per_s"]
    result["writer"] = run_phase("writer", {"from": str(out / "local.db"), "db": str(out / "writer.db"), "copies": copies})
    return result


def render_cluster(r: dict) -> str:
    env = r["environment"]
    lines = [f"### The Dask engine beside the local one ({r['n']} synthetic text documents)", "",
             f"{env['cpu']}, {env['cores']} cores, Python {env['python']}, commit {env['commit']}, {env['date']}.", "",
             f"Best of {len(r['local']['rounds'])} rounds of the three engines in turn (documents/s of every round "
             "in the last column).", "",
             "| engine | documents | wall s | documents/s | cores it had (CPU s / wall s) | documents per CPU-second "
             "| load average before → after | rounds |",
             "|---|---:|---:|---:|---:|---:|---|---|"]
    for key, label in (("local", f"local, {r['workers']} processes"), ("dask1", "Dask, 1 worker"), ("dask2", "Dask, 2 workers")):
        x = r[key]
        start = f" (cluster started in {x['start_s']:.1f} s)" if "start_s" in x else ""
        lines.append(f"| {label}{start} | {x['docs']} | {x['wall_s']:.1f} | {x['docs_per_s']:.2f} | {x['cores']:.2f} | "
                     f"{x['docs_per_cpu_s']:.1f} | "
                     f"{x['loadavg'][0]:.1f} → {x['loadavg'][1]:.1f} | {', '.join(map(str, x['rounds']))} |")
    w = r["writer"]
    per_core = (r["dask2"]["docs_per_s"] / r["dask2"]["cores"]) / (r["dask1"]["docs_per_s"] / r["dask1"]["cores"])
    lines += ["", f"Ratio 2 workers / 1 worker: **{r['ratio_2_1']:.2f}** (the 2-worker run had {r['dask2']['cores']:.2f} "
              f"cores, the 1-worker run {r['dask1']['cores']:.2f}; per core it had, 2 workers did {per_core:.2f} times "
              "the work of 1).", "",
              f"The writer alone: {w['docs']} pre-extracted records ({w['rows']} rows) into a fresh SQLite database in "
              f"{w['wall_s']:.1f} s: **{w['rows_per_s']:,.0f} rows/s**, {w['docs_per_s']:,.0f} documents/s, "
              f"batches of {w['batch']}; on CPU time ({w['cpu_s']:.1f} s), {w['rows_per_cpu_s']:,.0f} rows and "
              f"{w['docs_per_cpu_s']:,.0f} documents per CPU-second; {w['kb_per_doc']:.1f} KB of database per document."]
    return "\n".join(lines)
