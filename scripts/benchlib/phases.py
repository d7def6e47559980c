"""The measurements that run in a process of their own (``bench.py --phase NAME``): extraction
per stage, the floor, underthesea's ``ner``, PDF reading and query latency; and a py-spy profile
of extraction."""
from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

from benchlib.common import BENCH, PYTHON, ROOT, peak_rss_mb, percentile


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
           PYTHON, BENCH, "--phase", "extract", "--payload", payload]
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return folded
