"""Bulk load: real files, real SQLite files, real processes (a load killed with SIGKILL)."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from contextlib import closing, suppress
from pathlib import Path

import pytest

from vanban.load import expand_inputs, load
from vanban.store import open_db

from .conftest import DOCS, ROOT, SEEDS
from .store_helpers import snap

# a handful of corpus documents beside the seeds, in several formats
EXTRA = ["dev-003.md", "dev-009.txt", "dev-010.txt.ws", "dev-019.docx", "dev-027.md", "dev-033.md"]


def copy_docs(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(DOCS / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return copy_docs(tmp_path_factory.mktemp("corpus") / "docs", [p.name for p in SEEDS] + EXTRA)


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> Path:
    """A database holding one uninterrupted load of ``corpus``."""
    path = tmp_path_factory.mktemp("clean") / "clean.db"
    report = load([str(corpus)], path, workers=0, progress=False)
    assert report.errors == 0 and report.extracted == len(SEEDS) + len(EXTRA)
    return path


def test_second_load_adds_nothing(corpus, clean, tmp_path):
    db_path = tmp_path / "v.db"
    shutil.copy(clean, db_path)
    before = snap(db_path)
    report = load([str(corpus)], db_path, workers=0, progress=False)
    assert (report.extracted, report.skipped, report.errors) == (0, len(SEEDS) + len(EXTRA), 0)
    assert snap(db_path) == before


def test_force_re_extracts_to_the_same_rows(corpus, clean, tmp_path):
    db_path = tmp_path / "v.db"
    shutil.copy(clean, db_path)
    report = load([str(SEEDS[1].parent / SEEDS[1].name).replace(str(DOCS), str(corpus))], db_path, workers=0,
                  force=True, progress=False)
    assert report.extracted == 1
    assert snap(db_path) == snap(clean)


def test_pool_load_gives_the_rows_of_an_in_process_load(corpus, clean, tmp_path):
    db_path = tmp_path / "v.db"
    report = load([str(corpus)], db_path, workers=2, batch_size=3, progress=False)
    assert report.extracted == len(SEEDS) + len(EXTRA)
    assert snap(db_path) == snap(clean)


def test_changed_file_is_re_extracted(tmp_path):
    folder = copy_docs(tmp_path / "docs", [SEEDS[3].name])
    db_path = tmp_path / "v.db"
    load([str(folder)], db_path, workers=0, progress=False)
    doc = folder / SEEDS[3].name
    doc.write_text(doc.read_text(encoding="utf-8").replace("Số: /UBND-VXNV", "Số: 15/UBND-VXNV"), encoding="utf-8")
    report = load([str(folder)], db_path, workers=0, progress=False)
    assert report.extracted == 1
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM documents WHERE status = 'loaded'").fetchone()[0] == 1
    assert db.execute("SELECT number FROM documents WHERE status = 'loaded'").fetchone()[0] == "15/UBND-VXNV"
    db.close()


def test_same_bytes_under_two_names_are_one_document(tmp_path):
    folder = copy_docs(tmp_path / "docs", [SEEDS[4].name])
    db_path = tmp_path / "v.db"
    load([str(folder)], db_path, workers=0, progress=False)
    shutil.copy(folder / SEEDS[4].name, folder / "copy.txt")
    report = load([str(folder)], db_path, workers=0, progress=False)
    assert (report.linked, report.skipped, report.extracted) == (1, 1, 0)
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM documents WHERE status = 'loaded'").fetchone()[0] == 1
    assert db.execute("SELECT count(DISTINCT document_id) FROM files").fetchone()[0] == 1
    db.close()


def test_broken_files_are_listed_and_the_good_ones_loaded(tmp_path):
    folder = copy_docs(tmp_path / "docs", [SEEDS[0].name, SEEDS[1].name])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "fake.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    (folder / "fake.docx").write_bytes(b"PK\x03\x04 this is no archive")
    (folder / "noise.txt").write_bytes(bytes(range(256)) * 40)
    report = load([str(folder)], tmp_path / "v.db", workers=0, progress=False)
    failed = {Path(f["path"]).name: f["code"] for f in report.failed}
    assert set(failed) == {"empty.txt", "fake.pdf", "fake.docx", "noise.txt"}
    assert failed["empty.txt"] == "empty_file"
    assert all(f["message"] for f in report.failed)
    assert report.extracted == 2
    db = open_db(tmp_path / "v.db")
    assert {Path(p).name for p, in db.execute("SELECT path FROM load_errors")} == set(failed)
    assert db.execute("SELECT count(*) FROM documents WHERE status = 'loaded'").fetchone()[0] == 2
    db.close()


def test_zip_archives_and_globs(tmp_path):
    nested = tmp_path / "nested.zip"
    with zipfile.ZipFile(nested, "w") as zf:
        zf.write(SEEDS[3], SEEDS[3].name)
    archive = tmp_path / "batch.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(SEEDS[0], f"inner/{SEEDS[0].name}")
        zf.write(SEEDS[2], SEEDS[2].name)
        zf.writestr("inner/empty.txt", b"")
        zf.write(nested, "nested.zip")
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 broken")
    copy_docs(tmp_path / "more", [SEEDS[4].name, "dev-009.txt"])
    report = load([str(archive), str(tmp_path / "broken.zip"), str(tmp_path / "more" / "*.txt")],
                  tmp_path / "v.db", workers=0, progress=False)
    assert report.extracted == 5
    failed = {f["path"].split("/")[-1]: f["code"] for f in report.failed}
    assert failed == {"empty.txt": "empty_file", "broken.zip": "corrupt_file"}
    db = open_db(tmp_path / "v.db")
    member = db.execute("SELECT path FROM files WHERE path LIKE '%!inner/%' AND status = 'loaded'").fetchone()[0]
    assert member.endswith(f"batch.zip!inner/{SEEDS[0].name}")
    assert db.execute("SELECT source FROM documents d JOIN files f ON f.document_id = d.id WHERE f.path = ?",
                      [member]).fetchone()[0] == SEEDS[0].name
    db.close()
    assert db_has(tmp_path / "v.db", f"batch.zip!nested.zip!{SEEDS[3].name}")
    again = load([str(archive)], tmp_path / "v.db", workers=0, progress=False)
    assert again.skipped == 4 and again.extracted == 0


def db_has(db_path: Path, path_end: str) -> bool:
    db = open_db(db_path)
    try:
        return any(p.endswith(path_end) for p, in db.execute("SELECT path FROM files WHERE status = 'loaded'"))
    finally:
        db.close()


def test_expand_inputs_dedupes_and_keeps_order(tmp_path):
    folder = copy_docs(tmp_path / "docs", [SEEDS[0].name, SEEDS[1].name])
    sources = expand_inputs([str(folder), str(folder / SEEDS[0].name), str(folder / "*.txt")])
    assert [s.name for s in sources] == [SEEDS[0].name, SEEDS[1].name]


# Nested parentheses: the extractors take quadratic time on them (10 000 pairs: about 4 s),
# so 40 000 pairs run about a minute, far past a 5 s limit (which the seeds, well under a
# second each, stay within even on a busy machine).
# a task cue repeated: linear, but far past a few seconds (brackets nested 40,000 deep no longer are)
PATHOLOGICAL = "Số: 1/KH-UBND\nKẾ HOẠCH\n" + "Giao Sở " * 60_000


def test_a_file_over_its_time_limit_is_its_error_and_the_load_goes_on(tmp_path):
    folder = copy_docs(tmp_path / "docs", [SEEDS[1].name, SEEDS[2].name])
    (folder / "000_parens.txt").write_text(PATHOLOGICAL, encoding="utf-8")
    db_path = tmp_path / "v.db"
    started = time.monotonic()
    report = load([str(folder)], db_path, workers=1, timeout=5.0, progress=False)
    assert time.monotonic() - started < 40
    assert [(Path(f["path"]).name, f["code"]) for f in report.failed] == [("000_parens.txt", "extraction_timeout")]
    assert "longer than 5 s" in report.failed[0]["message"]
    assert (report.extracted, report.errors) == (2, 1)  # the worker killed at the limit was replaced
    db = open_db(db_path)
    try:
        errors = [(Path(p).name, c) for p, c in db.execute("SELECT path, code FROM load_errors")]
        loaded = sorted(Path(p).name for p, in db.execute("SELECT path FROM files WHERE status = 'loaded'"))
    finally:
        db.close()
    assert errors == [("000_parens.txt", "extraction_timeout")]
    assert loaded == sorted([SEEDS[1].name, SEEDS[2].name])


def test_a_worker_that_dies_is_that_files_error(tmp_path, monkeypatch):
    # the workers are forked from this process, so they run the patched pipeline
    from vanban.extractors import pipeline

    real = pipeline.extract_file

    def crash_on_one(path):
        if Path(path).name == SEEDS[2].name:
            os._exit(7)
        return real(path)

    monkeypatch.setattr(pipeline, "extract_file", crash_on_one)
    folder = copy_docs(tmp_path / "docs", [SEEDS[1].name, SEEDS[2].name, SEEDS[3].name])
    report = load([str(folder)], tmp_path / "v.db", workers=2, progress=False)
    assert [(Path(f["path"]).name, f["code"]) for f in report.failed] == [(SEEDS[2].name, "extraction_failed")]
    assert "exit code 7" in report.failed[0]["message"]
    assert report.extracted == 2


def test_a_worker_that_dies_at_its_memory_limit_is_memory_limit(tmp_path, monkeypatch):
    from vanban.extractors import pipeline

    real = pipeline.extract_file
    # the workers are forked: their address space starts as large as this process's
    in_use_mb = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE") // 2**20
    limit_mb = in_use_mb + 512

    def native_crash_at_the_limit(path):
        if Path(path).name != SEEDS[2].name:
            return real(path)
        held = bytearray(400 * 2**20)  # most of what is left
        time.sleep(3)  # seen by the parent's memory sampling (every 0.5 s)
        os.kill(os.getpid(), signal.SIGKILL)  # then dies of it, as a native library whose allocation failed
        return held

    monkeypatch.setattr(pipeline, "extract_file", native_crash_at_the_limit)
    folder = copy_docs(tmp_path / "docs", [SEEDS[1].name, SEEDS[2].name])
    report = load([str(folder)], tmp_path / "v.db", workers=1, max_memory_mb=limit_mb, progress=False)
    assert [(Path(f["path"]).name, f["code"]) for f in report.failed] == [(SEEDS[2].name, "memory_limit")], report.failed
    assert report.extracted == 1


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_with_the_loader(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(2):  # one long file per worker
        (folder / f"{i}_parens.txt").write_text(PATHOLOGICAL, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "vanban.cli", "load", str(folder), "--db", str(tmp_path / "v.db"), "--workers", "2",
         "--no-progress"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
            time.sleep(0.1)
            workers = _children(proc.pid)
        assert len(workers) == 2, "the loader did not start its two workers"
        os.kill(proc.pid, signal.SIGKILL)  # the loader alone, not its process group
        proc.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers)
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_load_killed_part_way_then_rerun_equals_a_clean_load(corpus, clean, tmp_path):
    db_path = tmp_path / "killed.db"
    total = len(SEEDS) + len(EXTRA)
    log = tmp_path / "stderr.txt"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "vanban.cli", "load", str(corpus), "--db", str(db_path), "--workers", "1",
             "--batch-size", "1", "--no-progress"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
        )
    seen = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db_path.exists():
                try:  # a reader queries while the load writes (WAL)
                    with closing(sqlite3.connect(db_path, timeout=5)) as reader:
                        seen = reader.execute("SELECT count(*) FROM files").fetchone()[0]
                except sqlite3.OperationalError:
                    seen = 0  # the schema is being created
            if seen >= 3:
                break
            time.sleep(0.02)
    finally:
        with suppress(ProcessLookupError):  # the whole group: the loader and its worker
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert 3 <= seen < total, f"not stopped part-way ({seen} of {total} files): {log.read_text()[-2000:]}"

    db = open_db(db_path)
    committed = db.execute("SELECT count(*) FROM files").fetchone()[0]
    assert committed >= 3
    assert db.execute("SELECT status FROM load_runs").fetchone()[0] == "running"
    db.close()
    report = load([str(corpus)], db_path, workers=0, progress=False)
    assert report.skipped == committed and report.extracted == total - committed
    assert snap(db_path) == snap(clean)
