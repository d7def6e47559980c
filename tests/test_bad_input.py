"""Bad input: each file gets a named error in its record, never an exception, and the
extraction of one file is bounded in time and memory."""
from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest

from vanban.extractors.bounded import extract_file_bounded
from vanban.extractors.pipeline import extract_file

from .conftest import make_docx, make_pdf

VIETNAMESE = ["Số: 12/KH-UBND", "Kế hoạch thực hiện Chương trình mục tiêu quốc gia năm 2023"]


def _code(path: Path) -> str | None:
    record = extract_file(path)
    assert record.source == path.name
    return record.error.code if record.error else None


def test_empty_file(tmp_path):
    for name in ("empty.txt", "empty.pdf", "empty.docx", "empty.doc", "empty.png"):
        path = tmp_path / name
        path.write_bytes(b"")
        assert _code(path) == "empty_file"
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n\t ")
    assert _code(blank) == "empty_file"


def test_binary_garbage(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(os.urandom(4096).replace(b"%PDF", b"").replace(b"PK", b""))
    assert _code(path) == "binary_garbage"


def test_unknown_extension(tmp_path):
    path = tmp_path / "document.xyz"
    path.write_bytes(os.urandom(512).replace(b"%PDF", b"").replace(b"PK", b""))
    record = extract_file(path)
    assert record.error.code == "unsupported_format"
    assert ".xyz" in record.error.message


def test_truncated_pdf(tmp_path):
    whole = make_pdf(tmp_path / "whole.pdf", VIETNAMESE)
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole.read_bytes()[:400])
    assert _code(path) == "corrupt_file"


def test_encrypted_pdf(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Ke hoach so 12/KH-UBND")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    assert _code(path) == "pdf_encrypted"


def test_password_protected_docx(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = make_docx(tmp_path / "plain.docx", VIETNAMESE)
    path = tmp_path / "locked.docx"
    with plain.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt("secret", out)
    assert _code(path) == "docx_protected"


def test_corrupt_docx(tmp_path):
    path = tmp_path / "broken.docx"
    data = make_docx(tmp_path / "ok.docx", VIETNAMESE).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert _code(path) == "corrupt_file"


def test_fifty_megabyte_file(tmp_path):
    path = tmp_path / "huge.txt"
    line = ("Căn cứ Nghị quyết số 12/NQ-HĐND ngày 5/3/2023 của Hội đồng nhân dân tỉnh; " * 20 + "\n").encode()
    with path.open("wb") as out:
        for _ in range(50 * 2**20 // len(line) + 1):
            out.write(line)
    assert path.stat().st_size >= 50 * 2**20
    started = time.monotonic()
    assert _code(path) == "file_too_large"
    assert time.monotonic() - started < 10


def test_over_the_limit_of_any_file(tmp_path):
    path = tmp_path / "scan.pdf"
    with path.open("wb") as out:
        out.truncate(65 * 2**20)  # sparse: no disk used
    assert _code(path) == "file_too_large"


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("\n".join(VIETNAMESE), encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage")
    records = [extract_file(p) for p in (bad, good)]
    assert records[0].error.code == "corrupt_file"
    assert records[1].error is None and records[1].number == "12/KH-UBND"


# --- text built to make regular expressions backtrack ------------------------------------------------

# Each is a few tens of kilobytes: enough to make a quadratic pattern take minutes, while
# linear extraction takes about a second.
BACKTRACKING = {
    "dotted_digits": "1." * 20_000,
    "repeated_basis": "Căn cứ " * 4_000,
    "slashes": "Số: " + "1/" * 15_000,
    "dashes": "- " * 15_000,
    "open_parens": "(" * 10_000 + ")" * 10_000,
    "amount_digits": "1.000." * 5_000 + " triệu đồng",
    "one_long_word": "a" * 100_000,
    "spaces_in_a_line": ("a" + " " * 60) * 1_000,
    "assignment_chain": "Giao Sở " * 500 + "chủ trì",
}
LIMIT_S = 10


@pytest.mark.parametrize("name", sorted(BACKTRACKING))
def test_backtracking_text_is_bounded(name, tmp_path):
    path = tmp_path / f"{name}.txt"
    path.write_text(BACKTRACKING[name], encoding="utf-8")
    started = time.monotonic()
    record = extract_file_bounded(path, timeout_s=LIMIT_S)
    elapsed = time.monotonic() - started
    assert elapsed < LIMIT_S + 10
    assert record.error is None or record.error.code == "extraction_timeout"


# --- the bounds themselves -----------------------------------------------------------------------------


def test_timeout_gives_a_record(tmp_path):
    # real input: 60,000 task cues, each read in linear time, take minutes
    path = tmp_path / "slow.txt"
    path.write_text("Số: 1/KH-UBND\nKẾ HOẠCH\n" + "Giao Sở " * 60_000, encoding="utf-8")
    started = time.monotonic()
    record = extract_file_bounded(path, timeout_s=2)
    assert time.monotonic() - started < 10
    assert record.source == "slow.txt"
    assert record.error.code == "extraction_timeout"


def test_memory_bound_gives_a_record(tmp_path, monkeypatch):
    path = tmp_path / "greedy.txt"
    path.write_text("\n".join(VIETNAMESE), encoding="utf-8")

    def greedy(p):
        blocks = []
        for _ in range(64):
            blocks.append(bytearray(256 * 2**20))
        return blocks

    monkeypatch.setattr("vanban.extractors.pipeline.extract_file", greedy)
    record = extract_file_bounded(path, timeout_s=60, memory_mb=768)
    assert record.error.code == "extraction_out_of_memory"


def test_bounded_extraction_returns_the_record(tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("\n".join(VIETNAMESE), encoding="utf-8")
    record = extract_file_bounded(path, timeout_s=60)
    assert record.error is None and record.number == "12/KH-UBND"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert extract_file_bounded(bad, timeout_s=60).error.code == "empty_file"


def test_crash_in_extraction_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "crash.txt"
    path.write_text("x", encoding="utf-8")

    def crash(p):
        os._exit(3)

    monkeypatch.setattr("vanban.extractors.pipeline.extract_file", crash)
    record = extract_file_bounded(path, timeout_s=30)
    assert record.error.code == "extraction_failed" and "exit code 3" in record.error.message


def test_stream_of_bad_files_all_get_records(tmp_path):
    """Every kind above in one run: a record per file, in order."""
    files = {
        "a.txt": b"",
        "b.bin": io.BytesIO(os.urandom(64).replace(b"%PDF", b"")).getvalue(),
        "c.pdf": b"%PDF-1.7\n",
        "d.txt": "\n".join(VIETNAMESE).encode("utf-8"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    codes = [(_code(tmp_path / name)) for name in files]
    assert codes == ["empty_file", "unsupported_format", "corrupt_file", None]


_HELD: list[bytearray] = []


def _hold(mb: int) -> int:
    """Keeps ``mb`` MB in the worker after the call returns (as a fragmented heap would)."""
    _HELD.append(bytearray(mb * 2**20))
    return os.getpid()


def test_a_worker_left_large_is_replaced():
    from vanban.extractors.bounded import BoundedPool

    in_use_mb = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE") // 2**20
    with BoundedPool(1, timeout_s=60, memory_mb=in_use_mb + 400) as pool:
        pool.submit(_hold, 1, tag="small")
        [(_, first)] = pool.results()
        pool.submit(_hold, 1, tag="small again")
        [(_, second)] = pool.results()
        assert first.value == second.value and pool.started == 1  # one worker, reused
        pool.submit(_hold, 300, tag="large")
        [(_, third)] = pool.results()
        pool.submit(_hold, 1, tag="after")
        [(_, fourth)] = pool.results()
    assert third.error is None and third.value == first.value
    assert fourth.value != third.value and pool.started == 2  # the large one was replaced
