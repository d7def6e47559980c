"""Extraction of one file within a time and a memory bound.

``extract_file_bounded`` runs ``extract_file`` in a child process with an address-space
limit and kills it when the time is up. Unlike an alarm signal, this stops anything:
a regular expression backtracking inside C code, a reader stuck in a damaged file, a
runaway allocation. The result is always a record: the extracted one, or one whose
``error`` says ``extraction_timeout`` or ``extraction_out_of_memory``.
"""
from __future__ import annotations

import multiprocessing as mp
import sys
from pathlib import Path

from vanban.schemas import DocumentRecord, ErrorInfo

from vanban.extractors.errors import ExtractionMemoryError, ExtractionTimeoutError

DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MEMORY_MB = 4096


def _limit_memory(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return
    limit = memory_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child(conn, path: str, memory_mb: int | None) -> None:
    try:
        _limit_memory(memory_mb)
        from vanban.extractors.pipeline import extract_file

        try:
            record = extract_file(path)
            payload = ("ok", record.model_dump(mode="json"))
        except MemoryError:
            payload = ("memory", None)
        conn.send(payload)
    except MemoryError:
        try:
            conn.send(("memory", None))
        except Exception:
            pass
    except BaseException as exc:  # reported by the parent as a failed extraction
        try:
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        except Exception:
            pass
    finally:
        conn.close()


def _context():
    # fork starts fast and inherits what the parent has loaded; spawn elsewhere
    if sys.platform != "win32" and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _error_record(name: str, code: str, message: str) -> DocumentRecord:
    return DocumentRecord(source=name, error=ErrorInfo(code=code, message=message))


def extract_file_bounded(
    path: str | Path,
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
) -> DocumentRecord:
    """``extract_file`` in a child process: at most ``timeout_s`` seconds and ``memory_mb`` MB."""
    path = Path(path)
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(send, str(path), memory_mb), daemon=True)
    process.start()
    send.close()
    status, value = "died", None
    try:
        if receive.poll(timeout_s):
            try:
                status, value = receive.recv()
            except (EOFError, OSError):
                status, value = "died", None
        else:
            status, value = "timeout", None
    finally:
        if status == "timeout" or process.is_alive():
            process.kill()
        process.join(5)
        receive.close()
    if status == "ok":
        return DocumentRecord.model_validate(value)
    if status == "timeout":
        err = ExtractionTimeoutError(f"{path.name}: extraction took longer than {timeout_s:g} s and was stopped")
        return _error_record(path.name, err.code, err.message)
    if status == "memory":
        err = ExtractionMemoryError(f"{path.name}: extraction needed more than {memory_mb} MB of memory")
        return _error_record(path.name, err.code, err.message)
    if status == "failed":
        return _error_record(path.name, "extraction_failed", value)
    code = process.exitcode
    return _error_record(path.name, "extraction_failed", f"{path.name}: the extraction process died (exit code {code})")
