"""Hostile archives: one real ``vanban load`` over every class of bad input beside good
files (each bad file its named error, every good file loaded, the memory of the loader and
its workers measured), loads killed with SIGKILL at five moments then run again, and two
loads of one database at once. Real files, real processes, real SQLite files."""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, suppress
from pathlib import Path

import pytest

from vanban.extractors.bounded import BoundedPool

from .conftest import ROOT
from .hostile_files import make_hostile, run_measured
from .store_helpers import snap

VANBAN = [sys.executable, "-m", "vanban.cli"]
GIB = 1 << 30


def _rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql).fetchall()


# --- one load over every class --------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_load(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "docs"
    # the default limits; no runaway here (test_two_runaways_first… and tests/test_load.py
    # have theirs): on a shared 2-core machine a minute of wall clock is not a minute of work
    made = make_hostile(folder, runaways=0)
    db = folder.parent / "v.db"
    code, seconds, peak, out, err = run_measured(
        [*VANBAN, "load", str(folder), "--db", str(db), "--workers", "2", "--no-progress"], timeout=420)
    return folder, made, db, code, seconds, peak, out, err


def test_one_load_of_every_class_finishes_with_each_file_its_named_error(hostile_load):
    folder, made, db, code, seconds, peak, out, err = hostile_load
    assert code == 0, err[-3000:]
    errors = {path: code for path, code in _rows(db, "SELECT path, code FROM load_errors")}
    files = {path for (path,) in _rows(db, "SELECT path FROM files")}
    wrong = []
    for cls, (name, expected) in made.items():
        link_or_path = folder / name
        keys = {str(link_or_path.absolute()), str(link_or_path.resolve()) if expected is None else ""}
        keys = {re.sub(r"[\udc80-\udcff]", lambda m: f"\\x{ord(m.group(0)) - 0xDC00:02x}", k) for k in keys if k}
        if name.endswith(".zip"):  # an archive's refusals are its members' or its own
            got = {c for p, c in errors.items() if p.startswith(str(link_or_path.resolve()))}
            if expected not in got:
                wrong.append((cls, expected, got))
            continue
        got = next((errors[k] for k in keys if k in errors), None)
        if expected is None:
            if got is not None or not keys & files:
                wrong.append((cls, "loaded", got))
        elif got != expected:
            wrong.append((cls, expected, got))
    assert not wrong, wrong


def test_the_good_files_are_documents_and_the_mixed_encoding_is_warned(hostile_load):
    folder, made, db, *_ = hostile_load
    good = [name for name, expected in made.values() if expected is None]
    sources = {s for (s,) in _rows(db, "SELECT source FROM documents WHERE sha256 IS NOT NULL")}
    assert {"good_rtf.doc", "good_html.doc", "000_good_giao_so.txt", "good_brackets.txt", "good_b\\xe1o_c\\xe1o.txt"} <= sources
    assert len(sources) >= len(good) - 2  # the link inside is the file it leads to; one name is a copy
    warnings = _rows(db, "SELECT warnings FROM documents WHERE source = 'good_mixed_tcvn3.txt'")
    assert warnings and "TCVN3" in warnings[0][0]


def test_nothing_outside_the_folder_was_read(hostile_load):
    _, _, db, *_ = hostile_load
    texts = " ".join(t or "" for (t,) in _rows(db, "SELECT text FROM documents"))
    assert "bí mật ngoài thư mục" not in texts


def test_memory_and_time_of_the_hostile_load(hostile_load):
    *_, seconds, peak, out, err = hostile_load
    assert peak < 3 * GIB, f"peak RSS of the loader and its workers: {peak / 2**20:.0f} MB"
    assert seconds < 300


# --- runaways --------------------------------------------------------------------------------------


def _runaway(_):
    import re as stdlib_re  # backtracking inside C code: no signal handler runs until it ends

    return stdlib_re.match(r"(a+)+$", "a" * 40 + "b")


def _quick(x):
    return x * 2


def test_two_runaways_first_do_not_block_the_good_calls_and_are_killed():
    with BoundedPool(2, timeout_s=2, memory_mb=None) as pool:
        pool.submit(_runaway, 0, tag="r1")
        pool.submit(_runaway, 0, tag="r2")
        pids = [w.process.pid for w in pool._idle]  # the two workers the runaways go to
        for i in range(6):
            pool.submit(_quick, i, tag=i)
        started = time.monotonic()
        outcomes = {}
        while pool.pending:
            outcomes.update(pool.results())
        took = time.monotonic() - started
        assert {outcomes[i].value for i in range(6)} == {i * 2 for i in range(6)}
        assert outcomes["r1"].error.code == outcomes["r2"].error.code == "extraction_timeout"
        assert pool.started >= 4  # both killed workers replaced
    assert took < 15
    for pid in pids:  # the timeout killed the process, not just interrupted it
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()


# --- killed loads ---------------------------------------------------------------------------------

SMALL = """ỦY BAN NHÂN DÂN TỈNH {province}
Số: {n}/KH-UBND
{province_short}, ngày {day} tháng {month} năm 2023
KẾ HOẠCH
Thực hiện nhiệm vụ số {n} năm 2023
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;
Giao Sở {agency} chủ trì, phối hợp với các sở, ngành thực hiện trước ngày {day}/{month}/2023.
Kinh phí thực hiện: {money} triệu đồng.
"""
PROVINCES = [("NGHỆ AN", "Nghệ An"), ("HÀ TĨNH", "Hà Tĩnh"), ("QUẢNG BÌNH", "Quảng Bình")]
AGENCIES = ["Tài chính", "Y tế", "Giáo dục và Đào tạo", "Nội vụ", "Xây dựng"]


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small") / "docs"
    folder.mkdir()
    for i in range(300):
        province, short = PROVINCES[i % 3]
        (folder / f"{i:03d}.txt").write_text(SMALL.format(
            province=province, province_short=short, n=i + 1, day=1 + i % 28, month=1 + i % 12,
            agency=AGENCIES[i % 5], money=10 * (i + 1)), encoding="utf-8")
    clean = folder.parent / "clean.db"
    subprocess.run([*VANBAN, "load", str(folder), "--db", str(clean), "--workers", "2", "--no-progress"],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)
    return folder, clean


def _files(db: Path) -> int:
    try:
        with closing(sqlite3.connect(db, timeout=5)) as reader:
            return reader.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.OperationalError:
        return -1  # not yet created


def _load_killed_at(folder: Path, db: Path, moment, *, force: bool) -> int:
    """Start a load, SIGKILL its process group at ``moment`` (seconds after start, or a
    count of committed files), return the files committed then."""
    proc = subprocess.Popen(
        [*VANBAN, "load", str(folder), "--db", str(db), "--workers", "2", "--batch-size", "8", "--no-progress",
         *(["--force"] if force else [])],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    started = time.monotonic()
    try:
        while proc.poll() is None and time.monotonic() - started < 120:
            if isinstance(moment, float) and time.monotonic() - started >= moment:
                break
            if isinstance(moment, int) and _files(db) >= moment:
                break
            time.sleep(0.01)
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    return _files(db)


# before the database exists, then at four counts of committed files (the first commit,
# and three more part-way): each moment on a database of its own, so a fast machine that
# finishes a load sooner than expected cannot make a later moment trivial
MOMENTS = [0.3, 1, 40, 120, 250]
FORCE_MOMENTS = [0.5, 3.0, 6.0, 9.0, 12.0]  # seconds: a forced reload commits as it goes, the count stays 300


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: f"{m}s" if isinstance(m, float) else f"{m}files")
def test_a_load_killed_at_five_moments_then_rerun_gives_the_rows_of_a_clean_load(small_corpus, tmp_path, moment):
    folder, clean = small_corpus
    db = tmp_path / "killed.db"
    seen = _load_killed_at(folder, db, moment, force=False)
    assert seen < 300, seen  # stopped part-way
    subprocess.run([*VANBAN, "load", str(folder), "--db", str(db), "--workers", "2", "--no-progress"],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)
    assert snap(db) == snap(clean)


def test_a_force_reload_killed_at_five_moments_then_rerun_gives_the_rows_of_a_clean_load(small_corpus, tmp_path):
    folder, clean = small_corpus
    db = tmp_path / "forced.db"
    db.write_bytes(clean.read_bytes())
    for moment in FORCE_MOMENTS:
        _load_killed_at(folder, db, moment, force=True)
    subprocess.run([*VANBAN, "load", str(folder), "--db", str(db), "--workers", "2", "--no-progress"],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)
    assert snap(db) == snap(clean)


def test_two_loads_of_one_database_at_once_give_the_rows_of_one(small_corpus, tmp_path):
    folder, clean = small_corpus
    db = tmp_path / "twice.db"
    cmd = [*VANBAN, "load", str(folder), "--db", str(db), "--workers", "1", "--no-progress"]
    first = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    second = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert first.returncode == second.returncode == 0, outs
    assert sum("waiting for it to finish" in err for _, err in outs) == 1  # the one that came second
    assert "database is locked" not in outs[0][1] + outs[1][1]
    assert snap(db) == snap(clean)
