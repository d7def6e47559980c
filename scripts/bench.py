"""Benchmark: extraction per stage beside two baselines, PDF reading, and ``vanban load``
plus queries as the corpus grows, in one run on one synthetic corpus.

    python scripts/bench.py                           # sizes 1000,10000,100000 (hours on 2 cores)
    python scripts/bench.py --sizes 1000,10000        # the growth curve without the longest load
    python scripts/bench.py --report-only             # print the report of the last run again
    make bench

What it measures (each part in its own process, so each peak RSS is its own):

1. extraction (``extract_file``) end to end, and per stage (read, normalize, segment,
   header, references, amounts, budget, assignments and, within it, agency recognition)
   by timing the stage functions the pipeline calls, in documents/s and MB/s of input: on
   the real text documents of the repository (corpus/docs, corpus/heldout/docs and
   ../shared/corpus-dev in .txt, .md and .txt.ws, each text once) and on the first
   ``--docs`` synthetic documents; end to end is CPU time of the whole pass after a
   warm-up pass (models loaded), the stage shares come from a second pass;
2. the same texts through a floor (read + NFC + one pass of one compiled regex) and
   through what a user would reach for (underthesea ``ner`` sentence by sentence, on the
   first ``--ner-docs`` documents); the ratios of the product to both;
3. PDF reading in pages/s: the product's reader against plain pdfplumber on the same files;
4. ``vanban load`` of the first N documents for each N of ``--sizes`` into a fresh
   database: wall time, documents/s, database size, peak RSS of the loader and of all its
   processes; then p50/p95 latency of the ``cites``, ``cited-by``, ``assignments
   --agency`` and ``search`` library calls the CLI makes, over ``--queries`` queries each.

``--web DB [--against REF --against-db DB0]`` times instead the pages of the web view (home,
the documents table, documents, an agency's tasks, search) and the legal-status questions
(``vanban status``, ``vanban check-bases``: in process and as whole processes) on the
database DB, and with ``--against`` the same requests in REF's tree on DB0, alternating
request by request, ``--rounds`` rounds.

``--cluster`` measures instead the Dask engine: ``vanban load`` of ``--cluster-docs``
synthetic text documents by the local engine (``--workers`` processes, default 2) and by
the Dask engine on a ``LocalCluster`` of 1 and of 2 worker processes, in one run of
``--cluster-rounds`` rounds of the three in turn, each engine warmed up first (models
loaded, workers started; the clusters' start is reported apart), the best round of each
in documents/s; then the writer's ingest ceiling alone: the records of that load
read back and written ``--writer-copies`` times (each copy its own path and hash) through
the loader's writer into a fresh database, in rows/s.

``--paired REF`` measures instead the extraction of the real text documents by this tree
and by the git ref REF (exported with ``git archive``), alternating one pass of each in
two long-lived processes for ``--rounds`` rounds, and prints the median CPU seconds of
each: a difference between two versions of the code is only claimed from such a run.

``--big MB`` extracts one text document of about MB megabytes (the real text documents
repeated) in a process of its own and prints its CPU seconds and peak RSS per MB of text.

Generated data lives under ``--out`` (default /tmp/vanban-bench), never in the repository;
the corpus is reused when it is already there. Prints a Markdown report (the body of
BENCHMARKS.md) and writes OUT/results.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path

import bench_growth  # scripts/bench_growth.py, beside this script
from bench_growth import link_file

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
VANBAN = str(Path(PYTHON).with_name("vanban"))
MB = 1_000_000

# --- helpers -------------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """Peak resident set of this process, in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def run_phase(name: str, payload: dict) -> dict:
    """Run one phase of this script in a fresh interpreter; returns its JSON result."""
    proc = subprocess.run([PYTHON, __file__, "--phase", name, "--payload", json.dumps(payload)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"bench: phase {name} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


class TreeRss:
    """Samples the resident memory of a process and all its descendants from /proc."""

    def __init__(self, pid: int, every: float = 0.2):
        self.pid, self.every = pid, every
        self.peak_main = 0
        self.peak_tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss_kb(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _descendants(self) -> list[int]:
        parent: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parent[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
        found, frontier = [], [self.pid]
        while frontier:
            p = frontier.pop()
            kids = [c for c, pp in parent.items() if pp == p]
            found += kids
            frontier += kids
        return found

    def _run(self) -> None:
        while not self._stop.is_set():
            main = self._rss_kb(self.pid)
            tree = main + sum(self._rss_kb(p) for p in self._descendants())
            self.peak_main = max(self.peak_main, main)
            self.peak_tree = max(self.peak_tree, tree)
            self._stop.wait(self.every)

    def __enter__(self) -> "TreeRss":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def environment() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    # a tree exported with `git archive` has no .git: its commit comes from $VANBAN_COMMIT
    commit = os.environ.get("VANBAN_COMMIT", "")
    if not commit:
        try:
            commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                    cwd=ROOT).stdout.strip()
            dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                                   text=True, cwd=ROOT).stdout.strip()
            commit += " (with uncommitted changes)" if dirty else ""
        except OSError:
            commit = "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "commit": commit or "?",
            "date": time.strftime("%Y-%m-%d %H:%M")}


# --- the corpus ----------------------------------------------------------------------------------


def ensure_corpus(out: Path, n: int, *, seed: int, kb: float) -> dict:
    """The first n documents of the synthetic corpus (txt) under out/corpus; reused when present."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import synth

    corpus = out / "corpus"
    manifest_path = corpus / "manifest.json"
    if manifest_path.exists():
        m = json.loads(manifest_path.read_text())
        if (m["n"] >= n and m["seed"] == seed and m["kb"] == kb and m["formats"] == ["txt"]
                and m.get("generator") == synth.generator_version()):
            m["reused"] = True
            return m
        shutil.rmtree(corpus)
    m = synth.write_corpus(corpus, n, formats=("txt",), seed=seed, bad_share=0.05, kb=kb, progress=True)
    m["reused"] = False
    return m


def corpus_paths(out: Path, n: int) -> list[str]:
    return [str(out / "corpus" / "docs" / f"synth-{i:06d}.txt") for i in range(n)]


def ensure_pdfs(out: Path, n: int, *, seed: int, kb: float) -> list[str]:
    """n PDFs of the corpus's first documents, longer ones so that each has several pages."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import synth

    folder = out / f"pdf-{n}-{kb:g}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in synth.generate(n, seed=seed, kb=kb):
        path = folder / f"{doc.stem}.pdf"
        if not path.exists():
            synth.write_pdf(doc, path)
        paths.append(str(path))
    return paths


def size_folder(out: Path, n: int) -> Path:
    """out/n<N>: hard links to the first N documents, the input of one load."""
    folder = out / f"n{n}"
    if folder.exists() and len(os.listdir(folder)) == n and not os.path.islink(folder / os.listdir(folder)[0]):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for src in corpus_paths(out, n):
        link_file(src, folder / Path(src).name)
    return folder


def real_text_paths() -> list[str]:
    """The real text documents (.txt, .md, .txt.ws) of corpus/docs, corpus/heldout/docs and
    ../shared/corpus-dev, each content once, in name order."""
    import hashlib

    seen, paths = set(), []
    for folder in (ROOT / "corpus" / "docs", ROOT / "corpus" / "heldout" / "docs", ROOT.parent / "shared" / "corpus-dev"):
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.suffix in (".txt", ".md", ".ws"):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                if digest not in seen:
                    seen.add(digest)
                    paths.append(str(path))
    return paths


# --- phases (each in its own process) --------------------------------------------------------------

# (label, module, attribute): the stage functions extract_file calls, in pipeline order.
# A stage inside another (agency recognition runs within assignments) is in NESTED.
STAGES = (
    ("read", "vanban.extractors.pipeline", "read"),
    ("normalize", "vanban.extractors.pipeline", "normalize"),
    ("segment", "vanban.extractors.pipeline", "segment"),
    ("header", "vanban.extractors.extract.header", "extract_header"),
    ("references", "vanban.extractors.extract.references.find", "extract_references"),
    ("amounts", "vanban.extractors.extract.amounts.find", "extract_amounts"),
    ("budget", "vanban.extractors.extract.amounts.budget", "check_budget"),
    ("assignments", "vanban.extractors.extract.assignments.find", "extract_assignments"),
    ("agency recognition", "vanban.extractors.extract.assignments.find", "find_agencies"),
)
NESTED = {"agency recognition": "assignments"}  # stage -> the stage whose time includes it


def _timed(func, bucket: dict, label: str):
    # CPU time: on a shared machine the wall time of a stage is mostly waiting for a core
    def wrapper(*args, **kwargs):
        t = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            bucket[label] = bucket.get(label, 0.0) + time.process_time() - t

    return wrapper


def phase_extract(p: dict) -> dict:
    """Product extraction: end to end per document, then per stage."""
    import importlib

    paths = p["paths"]
    started = time.perf_counter()
    from vanban.extractors.pipeline import extract_file, extract_text

    extract_text("Số: 1/KH-UBND\nKẾ HOẠCH\nGiao Sở Tài chính chủ trì, kinh phí 1,5 tỷ đồng.")
    warmup = time.perf_counter() - started
    sizes = [os.path.getsize(x) for x in paths]
    per_doc, errors, chars = [], 0, 0
    cpu = time.process_time()
    for path in paths:
        t = time.perf_counter()
        record = extract_file(path)
        per_doc.append(time.perf_counter() - t)
        errors += record.error is not None
        chars += len(record.text)
    cpu = time.process_time() - cpu
    # per stage: the same documents again, with each stage function timed where the pipeline finds it
    bucket: dict[str, float] = {}
    missing = []
    for label, module_name, attr in STAGES:
        module = importlib.import_module(module_name)
        if not hasattr(module, attr):
            missing.append(f"{module_name}.{attr}")
            continue
        setattr(module, attr, _timed(getattr(module, attr), bucket, label))
    t = time.process_time()
    for path in paths:
        extract_file(path)
    staged_total = time.process_time() - t
    return {"docs": len(paths), "bytes": sum(sizes), "chars": chars, "errors": errors, "warmup_s": warmup,
            "per_doc_s": per_doc, "total_s": sum(per_doc), "cpu_s": cpu, "staged_total_s": staged_total, "stages_s": bucket,
            "missing_stages": missing, "peak_rss_mb": peak_rss_mb()}


FLOOR_PATTERN = r"\d+(?:/\d{4})?/[\w\-Đđ]+|\d{1,3}(?:\.\d{3})+(?:,\d+)?\s*(?:triệu|tỷ|nghìn)?\s*đồng"


def phase_floor(p: dict) -> dict:
    """Floor: read the bytes, decode, NFC, one pass of one compiled regex."""
    import regex as re

    pattern = re.compile(FLOOR_PATTERN)
    per_doc, found = [], 0
    cpu = time.process_time()
    for path in p["paths"]:
        t = time.perf_counter()
        with open(path, "rb") as f:
            text = unicodedata.normalize("NFC", f.read().decode("utf-8"))
        found += sum(1 for _ in pattern.finditer(text))
        per_doc.append(time.perf_counter() - t)
    return {"docs": len(per_doc), "per_doc_s": per_doc, "total_s": sum(per_doc), "cpu_s": time.process_time() - cpu,
            "matches": found,
            "peak_rss_mb": peak_rss_mb()}


def phase_ner(p: dict) -> dict:
    """What a user would reach for: underthesea NER, one sentence at a time."""
    import regex as re

    started = time.perf_counter()
    from underthesea import ner

    ner("Ủy ban nhân dân tỉnh Nghệ An ban hành Kế hoạch.")
    warmup = time.perf_counter() - started
    splitter = re.compile(r"(?<=[.;:!?])\s+|\n+")
    per_doc, sentences, entities = [], 0, 0
    cpu = time.process_time()
    for path in p["paths"]:
        t = time.perf_counter()
        with open(path, "rb") as f:
            text = unicodedata.normalize("NFC", f.read().decode("utf-8"))
        for sentence in splitter.split(text):
            sentence = sentence.strip()
            if sentence:
                sentences += 1
                entities += sum(1 for tok in ner(sentence) if tok[-1] != "O")
        per_doc.append(time.perf_counter() - t)
    return {"docs": len(per_doc), "per_doc_s": per_doc, "total_s": sum(per_doc), "cpu_s": time.process_time() - cpu,
            "sentences": sentences,
            "entity_tokens": entities, "warmup_s": warmup, "peak_rss_mb": peak_rss_mb()}


def phase_pdf(p: dict) -> dict:
    """Pages per second: the product's PDF reader against plain pdfplumber, same files."""
    import pdfplumber

    from vanban.extractors.read import read

    paths = p["paths"]
    read(paths[0])  # imports and first use
    with pdfplumber.open(paths[0]) as pdf:
        pdf.pages[0].extract_text()
    pages = 0
    t = time.perf_counter()
    for path in paths:
        raw = read(path)
        pages += len(raw.pages)
    product = time.perf_counter() - t
    plumber_pages = 0
    t = time.perf_counter()
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                plumber_pages += 1
    plumber = time.perf_counter() - t
    return {"files": len(paths), "pages": pages, "product_s": product, "pdfplumber_pages": plumber_pages,
            "pdfplumber_s": plumber, "peak_rss_mb": peak_rss_mb()}


SEARCHES = ("giam ngheo ben vung", "nuoc sinh hoat", "cai cach hanh chinh", "chuyen doi so", "so y te",
            "von dau tu phat trien", "dong bao dan toc thieu so", "thien tai", "du lich cong dong",
            "tiet kiem chong lang phi", "giao duc nghe nghiep", "hop tac xa", "tai san cong", "an toan giao thong")


def phase_queries(p: dict) -> dict:
    """Latency of the query functions the CLI calls, on a loaded database."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import synth

    from vanban import queries
    from vanban.store import open_db

    db = open_db(p["db"], create=False)
    rng = random.Random(f"queries:{p['n']}")
    k = p["queries"]
    loaded = [r[0] for r in db.execute("SELECT number FROM documents WHERE status = 'loaded' AND number_key IS NOT NULL ORDER BY id")]
    cited = [r[0] for r in db.execute(
        "SELECT DISTINCT t.number FROM citations c JOIN documents t ON t.id = c.target_id WHERE t.number IS NOT NULL ORDER BY t.id")]
    agencies = [(name, prov) for name, _a, _c, _u in synth.DEPARTMENTS for prov, _lvl in synth.PROVINCES]
    plans = {
        "cites": [(queries.cites, (rng.choice(loaded),), {}) for _ in range(k)],
        "cited-by": [(queries.cited_by, (rng.choice(cited),), {}) for _ in range(k)],
        "assignments --agency": [(queries.assignments, (a,), {"province": prov})
                                 for a, prov in (rng.choice(agencies) for _ in range(k))],
        "search": [(queries.search, (rng.choice(SEARCHES),), {"limit": 20}) for _ in range(k)],
    }
    out = {}
    for kind, calls in plans.items():
        for func, args, kwargs in calls[:3]:  # warm the page cache and the statement cache
            _safe(func, db, args, kwargs)
        times, rows = [], []
        for func, args, kwargs in calls:
            t = time.perf_counter()
            n_rows = _safe(func, db, args, kwargs)
            times.append(time.perf_counter() - t)
            rows.append(n_rows)
        out[kind] = {"n": len(times), "p50_ms": percentile(times, 0.5) * 1000, "p95_ms": percentile(times, 0.95) * 1000,
                     "max_ms": max(times) * 1000, "mean_rows": statistics.mean(rows)}
    db.close()
    return {"queries": out, "peak_rss_mb": peak_rss_mb()}


def _safe(func, db, args, kwargs) -> int:
    from vanban.extractors.errors import VanbanError

    try:
        return len(func(db, *args, **kwargs))
    except VanbanError:
        return 0


# --- profile -------------------------------------------------------------------------------------


def _frame_name(frame: str) -> str:
    """'extract_file (extractors/pipeline.py:71)' -> 'extract_file (pipeline.py)'."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.split(':')[0].rsplit('/', 1)[-1]})" if where else name


def summarize_folded(path: Path, *, within: str = "extract_file", top: int = 25) -> list[tuple[str, float, float]]:
    """(function, inclusive share, self share) over the py-spy samples whose stack passes ``within``."""
    inclusive: dict[str, int] = {}
    own: dict[str, int] = {}
    total = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [_frame_name(f) for f in stack.split(";")]
        if not any(f.startswith(within + " ") for f in frames):
            continue
        n = int(count)
        total += n
        for f in set(frames):
            inclusive[f] = inclusive.get(f, 0) + n
        own[frames[-1]] = own.get(frames[-1], 0) + n
    rows = sorted(((f, n) for f, n in inclusive.items() if not f.endswith("(bench.py)")), key=lambda kv: -kv[1])[:top]
    return [(f, n / total, own.get(f, 0) / total) for f, n in rows] if total else []


def profile_extraction(out: Path, paths: list[str]) -> Path:
    """py-spy over the extraction phase; returns the folded stacks file."""
    spy = shutil.which("py-spy") or str(Path(PYTHON).with_name("py-spy"))
    folded = out / "profile-extract.folded"
    payload = json.dumps({"paths": paths})
    cmd = [spy, "record", "--format", "raw", "-r", "200", "-o", str(folded), "--",
           PYTHON, __file__, "--phase", "extract", "--payload", payload]
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return folded


# --- the Dask engine and the writer's ceiling (--cluster) -------------------------------------------


def _fresh_db(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


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
    report = load(paths, _fresh_db(out / f"{label}.db"), progress=False, **engine)
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
            load(warm, _fresh_db(out / f"warm-{label}.db"), progress=False, **engine)
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
    db = store.open_db(_fresh_db(Path(p["db"])))
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


PHASES = {"extract": phase_extract, "floor": phase_floor, "ner": phase_ner, "pdf": phase_pdf, "queries": phase_queries,
          "cluster": phase_cluster, "writer": phase_writer}


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
            _fresh_db(db)
            subprocess.run([VANBAN, "load", str(size_folder(out, n)), "--db", str(db), "--no-progress"], check=True,
                           capture_output=True, cwd=ROOT)
        from vanban.store import open_db

        open_db(str(db)).close()  # migrated before it is copied, so no load below pays for it
        bases[n] = db
    new = corpus_paths(out, max(sizes) + bench_growth.EXTRA)[max(sizes):]
    return bench_growth.bench_growth(out, bases, new, vanban=VANBAN, cwd=ROOT, rounds=args.growth_rounds,
                                     workers=args.workers)


# --- report --------------------------------------------------------------------------------------


def _rate(n: float, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def _render_extraction(x: dict, f: dict | None, title: str, u: dict | None, ner_paths: list[str] | None) -> list[str]:
    """The extraction table of one set of documents, with its floor (and underthesea) beside it."""
    lines: list[str] = []
    n, mb = x["docs"], x["bytes"] / MB
    lines += [f"### Extraction: {n} {title} ({mb:.2f} MB, {x['chars'] / n:.0f} characters each; one process)", "",
              "| stage | s | docs/s | MB/s | share |", "| --- | ---: | ---: | ---: | ---: |"]
    staged = x["staged_total_s"]
    stages = x["stages_s"]
    for label, _m, _a in STAGES:
        s = stages.get(label)
        if s is None:
            continue
        s -= sum(stages.get(child, 0.0) for child, parent in NESTED.items() if parent == label)
        name = f"{label} (within {NESTED[label]})" if label in NESTED else label
        lines.append(f"| {name} | {s:.2f} | {_rate(n, s):.0f} | {_rate(mb, s):.2f} | {100 * s / staged:.0f}% |")
    other = staged - sum(v for k, v in stages.items() if k not in NESTED)
    lines.append(f"| record and the rest | {other:.2f} | {_rate(n, other):.0f} | {_rate(mb, other):.2f} | {100 * other / staged:.0f}% |")
    lines.append(f"| **end to end** | {x['total_s']:.2f} | **{_rate(n, x['total_s']):.1f}** | **{_rate(mb, x['total_s']):.3f}** | |")
    lines += ["", f"End to end on CPU time: {x['cpu_s']:.2f} s, {_rate(n, x['cpu_s']):.1f} documents per CPU-second. "
              f"Start-up (imports, models, first document): {x['warmup_s']:.1f} s, not counted above. "
              f"Extraction errors: {x['errors']}. Peak RSS: {x['peak_rss_mb']:.0f} MB."]
    if x["missing_stages"]:
        lines.append(f"Stages not found (not timed): {', '.join(x['missing_stages'])}.")
    lines.append("")
    if f:
        prod = x["total_s"]
        lines += ["### Baselines on the same texts", "", "| | docs | s | docs/s | MB/s | peak RSS MB |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |",
                  f"| floor: read + NFC + one regex pass | {f['docs']} | {f['total_s']:.3f} | {_rate(f['docs'], f['total_s']):.0f} "
                  f"| {_rate(x['bytes'] / MB, f['total_s']):.1f} | {f['peak_rss_mb']:.0f} |",
                  f"| vanban extract_file | {x['docs']} | {prod:.2f} | {_rate(x['docs'], prod):.1f} | {_rate(x['bytes'] / MB, prod):.3f} "
                  f"| {x['peak_rss_mb']:.0f} |"]
        if u:
            k = u["docs"]
            ner_mb = sum(os.path.getsize(p) for p in ner_paths) / MB
            lines.append(f"| underthesea ner, sentence by sentence | {k} | {u['total_s']:.1f} | {_rate(k, u['total_s']):.2f} "
                         f"| {_rate(ner_mb, u['total_s']):.4f} | {u['peak_rss_mb']:.0f} |")
        lines += ["", f"- vanban is **{prod / f['total_s']:.0f} times slower than the floor** on wall time, "
                  f"**{x['cpu_s'] / f['cpu_s']:.0f} times** on CPU time (target: within 25 times)."]
        if u:
            prod_same = sum(x["per_doc_s"][: u["docs"]])
            lines.append(f"- vanban is **{u['total_s'] / prod_same:.1f} times faster than underthesea ner** on the same "
                         f"{u['docs']} documents (target: at least 100 times; {u['sentences']} sentences).")
        lines.append("")
    return lines


def render(results: dict) -> str:
    env, args = results["environment"], results["args"]
    lines = [
        f"Run of {env['date']} at commit {env['commit']}: {env['cpu']}, {env['cores']} cores, "
        f"Python {env['python']}.",
        f"Command: `{args['command']}`",
    ]
    if results.get("loadavg"):
        busy = ", ".join(f"{v:.1f}" for _m, v in results["loadavg"])
        lines.append(f"Load average (1 min) when each part started: {busy}: other work shared the machine, so wall-clock "
                     "rates are lower bounds; the CPU-time rates are what the code costs.")
    lines.append("")
    c = results.get("corpus")
    if c:
        lines += [f"Corpus: {c['n']} synthetic .txt documents (seed {c['seed']}, ~{c['kb']:g} KB each, "
                  f"{c['bytes'] / MB:.0f} MB; {c['with_budget']} with a budget, {c['bad_budget']} of them off), "
                  + ("reused from an earlier run." if c.get("reused") else f"generated in {c['seconds']:.0f} s."), ""]
    for key, floor_key, title in (("extract_real", "floor_real", "real text documents of the repository"),
                                  ("extract", "floor", "synthetic documents")):
        if results.get(key):
            lines += _render_extraction(results[key], results.get(floor_key), title,
                                        results.get("ner") if key == "extract" else None, results.get("ner_paths"))
    pdf = results.get("pdf")
    if pdf:
        lines += ["### PDF reading", "", "| reader | files | pages | s | pages/s |", "| --- | ---: | ---: | ---: | ---: |",
                  f"| vanban (pypdfium2 + pdfplumber header layout) | {pdf['files']} | {pdf['pages']} | {pdf['product_s']:.2f} "
                  f"| {_rate(pdf['pages'], pdf['product_s']):.1f} |",
                  f"| plain pdfplumber `extract_text` | {pdf['files']} | {pdf['pdfplumber_pages']} | {pdf['pdfplumber_s']:.2f} "
                  f"| {_rate(pdf['pdfplumber_pages'], pdf['pdfplumber_s']):.1f} |", ""]
    loads = results.get("loads") or []
    if loads:
        lines += ["### `vanban load` and queries as the corpus grows", "",
                  "| documents | input MB | wall s | docs/s | CPU s | docs per CPU-s | DB MB | peak RSS loader MB "
                  "| peak RSS all processes MB | errors | load average |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in loads:
            lines.append(f"| {r['n']} | {r['input_mb']:.0f} | {r['wall_s']:.0f} | {r['docs_per_s']:.1f} | {r['cpu_s']:.0f} "
                         f"| {_rate(r['n'], r['cpu_s']):.1f} | {r['db_mb']:.0f} | {r['peak_rss_main_mb']:.0f} "
                         f"| {r['peak_rss_tree_mb']:.0f} | {r['load']['errors']} | {r['loadavg'][0]:.1f} → {r['loadavg'][1]:.1f} |")
        lines += ["", "Query latency, ms (library call as the CLI makes it, database warm; p50 / p95 / max; mean rows):", "",
                  "| documents | " + " | ".join(loads[0]["queries"]) + " | query RSS MB |",
                  "| ---: | " + " | ".join("---" for _ in loads[0]["queries"]) + " | ---: |"]
        for r in loads:
            cells = [f"{q['p50_ms']:.1f} / {q['p95_ms']:.1f} / {q['max_ms']:.0f} ({q['mean_rows']:.0f})" for q in r["queries"].values()]
            lines.append(f"| {r['n']} | " + " | ".join(cells) + f" | {r['peak_rss_mb']:.0f} |")
        last = loads[-1]["stats"]
        lines += ["", f"At {loads[-1]['n']} documents the database holds {last['documents']} documents, {last['citations']} citations "
                  f"({last['citations_resolved']} to loaded documents, {last['cited_not_loaded']} cited documents not loaded), "
                  f"{last['amounts']} amounts, {last['budget_checks']} budget checks ({last['budget_checks_failing']} failing), "
                  f"{last['assignments']} assignments to {last['agencies']} agencies.", ""]
    if results.get("growth"):
        lines += bench_growth.render_growth(results["growth"])
    return "\n".join(lines)


# --- paired comparison with another version of the code -------------------------------------------

# Runs in a process of its own for one tree (imported as corpus_diff.TREE_IMPORT imports it):
# extracts every file once to warm up, then one timed pass per line read from stdin.
_PAIRED_PASSES = r'''
files = sys.argv[2:]
for f in files:
    extract_file(f)
print("ready", flush=True)
for _ in sys.stdin:
    t = time.process_time()
    chars = sum(len(extract_file(f).text) for f in files)
    print(json.dumps({"cpu_s": time.process_time() - t, "chars": chars}), flush=True)
'''


def export_tree(ref: str, out: Path) -> tuple[str, Path]:
    """A git ref's short commit and its tree, exported once under ``out`` with ``git archive``."""
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    tree = out / f"tree-{commit}"
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return commit, tree


def paired(ref: str, out: Path, rounds: int) -> str:
    """This tree against ``ref`` on the real text documents: one pass each per round, the
    order alternating, CPU seconds per pass; the report gives the medians."""
    commit, ref_tree = export_tree(ref, out)
    sys.path.insert(0, str(ROOT / "scripts"))
    from corpus_diff import TREE_IMPORT

    worker = TREE_IMPORT + "import time\n" + _PAIRED_PASSES
    files = real_text_paths()
    trees = {f"{ref} ({commit})": ref_tree, "this tree": ROOT}
    procs = {name: subprocess.Popen([PYTHON, "-c", worker, str(tree), *files], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, text=True) for name, tree in trees.items()}
    for proc in procs.values():
        if proc.stdout.readline().strip() != "ready":
            raise SystemExit("a paired worker failed to start")
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    names = list(trees)
    for r in range(rounds):
        for name in names if r % 2 == 0 else names[::-1]:
            procs[name].stdin.write("go\n")
            procs[name].stdin.flush()
            runs[name].append(json.loads(procs[name].stdout.readline()))
    for proc in procs.values():
        proc.stdin.close()
        proc.wait()
    n = len(files)
    lines = [f"Paired extraction of {n} real text documents, {rounds} rounds (one pass of each tree per round, "
             "the order alternating; CPU seconds of a pass, models warm):", "",
             "| code | characters | CPU s per pass (median) | passes | docs per CPU-s | k chars per CPU-s |",
             "| --- | ---: | ---: | --- | ---: | ---: |"]
    medians = {}
    for name, xs in runs.items():
        med = medians[name] = statistics.median(x["cpu_s"] for x in xs)
        passes = ", ".join(f"{x['cpu_s']:.2f}" for x in xs)
        lines.append(f"| {name} | {xs[0]['chars']} | {med:.3f} | {passes} "
                     f"| {n / med:.1f} | {xs[0]['chars'] / med / 1000:.0f} |")
    a, b = medians.values()
    lines += ["", f"This tree takes {b / a:.2f} times the CPU of {ref}."]
    return "\n".join(lines)


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


# --- one long text document -----------------------------------------------------------------------


def ensure_big(out: Path, mb: float) -> Path:
    """A text document of about ``mb`` MB: the real text documents one after another,
    repeated, a blank line between them."""
    path = out / f"big-{mb:g}MB.txt"
    if not path.exists():
        texts = [Path(p).read_text(encoding="utf-8") for p in real_text_paths()]
        parts, size, k = [], 0, 0
        while size < mb * MB:
            parts.append(texts[k % len(texts)])
            size += len(parts[-1].encode("utf-8")) + 2
            k += 1
        path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def phase_big(p: dict) -> dict:
    """One long document through ``extract_file``: CPU seconds and the process's peak RSS
    (models loaded first, so the base is the RSS of an extraction process at rest)."""
    from vanban.extractors.pipeline import extract_file, extract_text

    extract_text("Số: 1/KH-UBND\nKẾ HOẠCH\nGiao Sở Tài chính chủ trì, kinh phí 1,5 tỷ đồng.")
    base = peak_rss_mb()
    cpu = time.process_time()
    record = extract_file(p["path"])
    return {"bytes": os.path.getsize(p["path"]), "chars": len(record.text), "error": record.error and record.error.code,
            "cpu_s": time.process_time() - cpu, "base_rss_mb": base, "peak_rss_mb": peak_rss_mb(),
            "references": len(record.references), "amounts": len(record.amounts), "assignments": len(record.assignments)}


PHASES["big"] = phase_big


def big(out: Path, mb: float) -> str:
    path = ensure_big(out, mb)
    r = run_phase("big", {"path": str(path)})
    size = r["bytes"] / MB
    return (f"A {size:.1f} MB text document ({r['chars']} characters after normalization; the real text documents "
            f"repeated): error {r['error']}, {r['cpu_s']:.1f} CPU-s, peak RSS {r['peak_rss_mb']:.0f} MB "
            f"({r['peak_rss_mb'] / size:.0f} MB per MB of text; {r['base_rss_mb']:.0f} MB with the models loaded, before it); "
            f"{r['references']} references, {r['amounts']} amounts, {r['assignments']} assignments.")


# --- the run ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("/tmp/vanban-bench"), help="where generated data goes")
    ap.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes to load (comma-separated; '' for none)")
    ap.add_argument("--docs", type=int, default=300, help="documents for the extraction and floor measurements")
    ap.add_argument("--ner-docs", type=int, default=20, help="documents for the underthesea baseline (slow)")
    ap.add_argument("--pdf-docs", type=int, default=20, help="PDF files for the PDF reading measurement")
    ap.add_argument("--kb", type=float, default=10.0, help="approximate size of a generated document, KB")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--queries", type=int, default=50, help="queries of each kind per size")
    ap.add_argument("--workers", type=int, default=None, help="vanban load --workers (default: all cores)")
    ap.add_argument("--report-only", action="store_true", help="print the report of OUT/results.json and stop")
    ap.add_argument("--resume", action="store_true",
                    help="keep what OUT/results.json holds already and measure only the rest (after an interrupted run)")
    ap.add_argument("--profile", action="store_true",
                    help="profile the extraction of --docs documents with py-spy (pip install py-spy), print where the "
                         "time goes and stop")
    ap.add_argument("--paired", metavar="REF", help="paired, interleaved extraction timing of this tree against the git "
                                                     "ref REF on the real text documents; prints the medians and stops")
    ap.add_argument("--rounds", type=int, default=7, help="rounds of --paired (one pass of each tree per round)")
    ap.add_argument("--web", type=Path, metavar="DB", help="time the web view's pages and the legal-status questions on "
                                                          "the loaded database DB; prints the table and stops")
    ap.add_argument("--against", metavar="REF", help="with --web: the same requests in the git ref REF's tree, alternating")
    ap.add_argument("--against-db", type=Path, metavar="DB",
                    help="with --against: the database REF's tree reads (one its own code loaded or migrated); default DB")
    ap.add_argument("--cluster", action="store_true",
                    help="documents/s of the local engine and of the Dask engine with 1 and 2 workers on --cluster-docs "
                         "text documents, and the writer's ingest ceiling alone; prints its section and stops")
    ap.add_argument("--cluster-docs", type=int, default=300, help="synthetic text documents of --cluster")
    ap.add_argument("--cluster-rounds", type=int, default=3, help="--cluster: rounds of the three engines in turn")
    ap.add_argument("--writer-copies", type=int, default=10,
                    help="--cluster: times each record is written in the writer's measurement")
    ap.add_argument("--big", type=float, metavar="MB",
                    help="extract one text document of about MB megabytes (CPU seconds, peak RSS) and stop")
    ap.add_argument("--growth", action="store_true",
                    help="load 1,000 more documents into a copy of the database of each --sizes (loading them first "
                         "when OUT holds none), the sizes in turn; prints the table and stops")
    ap.add_argument("--growth-rounds", type=int, default=2, help="rounds of the growth measurement")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--payload", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.phase:  # a child process: one measurement, JSON on stdout
        print(json.dumps(PHASES[args.phase](json.loads(args.payload))))
        return 0
    out: Path = args.out
    results_path = out / "results.json"
    if args.report_only:
        print(render(json.loads(results_path.read_text())))
        return 0
    out.mkdir(parents=True, exist_ok=True)
    if args.paired:
        print(paired(args.paired, out, args.rounds))
        return 0
    if args.web:
        w = bench_web(args.web.resolve(), against=args.against, against_db=args.against_db and args.against_db.resolve(),
                      out=out, rounds=args.rounds)
        (out / "web.json").write_text(json.dumps(w, ensure_ascii=False, indent=1))
        print(render_web(w))
        return 0
    if args.cluster:
        result = bench_cluster(out, args.cluster_docs, seed=args.seed, kb=args.kb, workers=args.workers or 2,
                               copies=args.writer_copies, rounds=args.cluster_rounds)
        (out / "cluster.json").write_text(json.dumps(result, indent=1))
        print(render_cluster(result))
        return 0
    if args.big:
        print(big(out, args.big))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.growth:
        result = growth(out, sizes, args)
        (out / "growth.json").write_text(json.dumps(result, indent=1))
        print("\n".join(bench_growth.render_growth(result)))
        return 0
    if args.profile:
        ensure_corpus(out, max(sizes + [args.docs]), seed=args.seed, kb=args.kb)
        folded = profile_extraction(out, corpus_paths(out, args.docs))
        print(f"py-spy samples of extract_file on {args.docs} documents ({folded}): inclusive / self share")
        for name, inclusive, own in summarize_folded(folded):
            print(f"{100 * inclusive:5.1f}% {100 * own:5.1f}%  {name}")
        return 0
    command = "python scripts/bench.py " + " ".join(a for a in (argv if argv is not None else sys.argv[1:]))
    results: dict = {"environment": environment(), "args": {**{k: str(v) for k, v in vars(args).items()}, "command": command.strip()}}
    if args.resume and results_path.exists():
        results = json.loads(results_path.read_text())

    def save() -> None:
        results_path.write_text(json.dumps(results, ensure_ascii=False, indent=1))

    results.setdefault("loadavg", [])

    def step(message: str) -> None:
        results["loadavg"].append([message, round(os.getloadavg()[0], 2)])
        print(f"bench: {message}", file=sys.stderr, flush=True)

    # the documents after the largest size are the growth measurement's batch
    total = max(sizes + [args.docs]) + (bench_growth.EXTRA if sizes else 0)
    step(f"corpus of {total} documents")
    corpus = ensure_corpus(out, total, seed=args.seed, kb=args.kb)
    results.setdefault("corpus", corpus)
    real = real_text_paths()
    if real and "extract_real" not in results:
        step(f"extraction of the {len(real)} real text documents, per stage")
        results["extract_real"] = run_phase("extract", {"paths": real})
        results["floor_real"] = run_phase("floor", {"paths": real})
        save()
    paths = corpus_paths(out, args.docs)
    if "extract" not in results:
        step(f"extraction of {len(paths)} documents, per stage")
        results["extract"] = run_phase("extract", {"paths": paths})
    if "floor" not in results:
        step("floor baseline")
        results["floor"] = run_phase("floor", {"paths": paths})
    if args.ner_docs and "ner" not in results:
        results["ner_paths"] = paths[: args.ner_docs]
        step(f"underthesea baseline on {args.ner_docs} documents")
        results["ner"] = run_phase("ner", {"paths": results["ner_paths"]})
    save()
    if args.pdf_docs and "pdf" not in results:
        step(f"{args.pdf_docs} PDFs")
        pdfs = ensure_pdfs(out, args.pdf_docs, seed=args.seed, kb=args.kb * 2)
        results["pdf"] = run_phase("pdf", {"paths": pdfs})
        save()
    results.setdefault("loads", [])
    done = {r["n"] for r in results["loads"]}
    for n in sizes:
        if n in done:
            continue
        step(f"vanban load of {n} documents")
        results["loads"].append(bench_load(out, n, args.workers, args.queries))
        results["loads"].sort(key=lambda r: r["n"])
        save()
    if sizes and "growth" not in results:
        step(f"{bench_growth.EXTRA} more documents at each size")
        results["growth"] = growth(out, sizes, args)
        save()
    print(render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
