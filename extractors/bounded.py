"""Extraction within a time and a memory bound, one file at a time per worker process.

``BoundedPool`` keeps long-lived worker processes (forked, so they share the models the
parent loaded). Each sets its address-space limit once, when it starts, then runs one
call at a time. The parent kills a worker whose call runs past the time limit, and
replaces it, as it replaces a worker that died. Unlike an alarm signal, a kill stops
anything: a regular expression backtracking inside C code, a reader stuck in a damaged
file, a runaway allocation. Workers die with the parent (``PR_SET_PDEATHSIG`` on Linux;
elsewhere at its normal exit, as daemon processes). A forked worker starts with the
parent's address space, which counts toward its limit. Measured on a 2-core machine: a
call through a long-lived worker costs about 0.1 ms; forking a worker per call, 35 ms.

Each call ends in an ``Outcome``: its return value, or a named error:

- ``extraction_timeout``: stopped at the time limit;
- ``extraction_out_of_memory``: the call raised ``MemoryError`` under the memory limit;
- ``memory_limit``: the worker died at its memory limit (a native allocation failed);
- ``extraction_failed``: the call raised, or its worker died otherwise (exit code given).

``extract_file_bounded(path)`` is ``extract_file`` through a pool of one.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_ready
from pathlib import Path
from typing import Any, Callable, Hashable

from vanban.extractors.errors import (
    ExtractionError,
    ExtractionMemoryError,
    ExtractionTimeoutError,
    MemoryLimitError,
    VanbanError,
)
from vanban.extractors.limits import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S  # noqa: F401 (re-exported)

MEMORY_EXIT = 86  # a worker's exit status when it ran out of memory where it could not report it
SAMPLE_S = 0.5  # how often the parent samples its busy workers' memory
NEAR_LIMIT = 0.75  # a worker killed by a signal with this share of its limit in use died of it
RECYCLE_SHARE = 0.5  # a worker left holding this share of its room (limit - size at start) is replaced


@dataclass
class Outcome:
    """How one call ended: its return value, or the error that stopped it."""

    value: Any = None
    error: VanbanError | None = None


# --- the worker side -----------------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no prctl: a daemon process still ends
            pass  # at the parent's normal exit
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(0)


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


def _serve(conn, parent: int, memory_mb: int | None) -> None:
    """A worker's life: limits once, then one call at a time until the pool closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    _die_with_parent(parent)
    _limit_memory(memory_mb)
    while True:
        try:
            call = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        if call is None:  # the pool is closing
            os._exit(0)
        fn, arg = call
        try:
            try:
                reply = ("ok", fn(arg))
            except MemoryError:
                reply = ("memory", None)
            except Exception as exc:  # reported as the call's failure; the worker goes on
                reply = ("failed", f"{type(exc).__name__}: {exc}")
            conn.send(reply)
        except MemoryError:  # not even the reply fits: the parent reads the exit status
            os._exit(MEMORY_EXIT)
        except (EOFError, OSError):
            os._exit(0)


# --- the parent side -----------------------------------------------------------------------------


def _context():
    # fork starts fast and inherits what the parent has loaded; spawn elsewhere
    if sys.platform != "win32" and "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _vm_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class _Worker:
    def __init__(self, ctx, memory_mb: int | None):
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_serve, args=(child, os.getpid(), memory_mb), daemon=True)
        self.base = _vm_bytes(os.getpid())  # what the fork inherits
        self.process.start()
        child.close()
        self.tag: Hashable | None = None
        self.label = ""
        self.deadline = float("inf")
        self.peak = 0

    def stop(self, *, kill: bool) -> None:
        if kill and self.process.is_alive():
            self.process.kill()
        elif not kill:
            # a word rather than the pipe's end: later workers hold copies of this end
            try:
                self.conn.send(None)
            except (OSError, EOFError):
                pass
        self.conn.close()
        self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)


class BoundedPool:
    """``workers`` processes, each running one call at a time within ``timeout_s`` seconds
    and ``memory_mb`` MB of address space (None or 0: no limit).

    ``submit`` queues a call and returns at once; ``results`` gives the calls that have
    ended. A thread of this process hands the queued calls to free workers, reads what they
    return and enforces the limits, so the workers stay busy while the caller does other
    work (a load writes to the database meanwhile).
    """

    def __init__(self, workers: int = 1, *, timeout_s: float | None = DEFAULT_TIMEOUT_S,
                 memory_mb: int | None = DEFAULT_MEMORY_MB):
        if workers < 1:
            raise ValueError("a bounded pool needs at least one worker")
        self.size = workers
        self.timeout_s = timeout_s if timeout_s and timeout_s > 0 else None
        self.memory_mb = memory_mb or None
        self.pending = 0  # calls submitted whose outcome ``results`` has not given yet
        self.started = 0  # processes started, replacements included
        self._ctx = _context()
        self._todo: queue.SimpleQueue = queue.SimpleQueue()
        self._done: queue.SimpleQueue = queue.SimpleQueue()
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        self._closing = False
        self._idle = [self._start() for _ in range(workers)]  # forked here, from the caller's thread
        self._busy: dict[Any, _Worker] = {}  # connection -> worker (the dispatcher's alone)
        self._thread = threading.Thread(target=self._dispatch, name="bounded-pool", daemon=True)
        self._thread.start()

    def __enter__(self) -> BoundedPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def submit(self, fn: Callable[[Any], Any], arg: Any, tag: Hashable, label: str = "") -> None:
        """Queue ``fn(arg)``; its outcome comes back from ``results`` with ``tag``. ``fn`` must
        be a module-level function; ``label`` names the input in error messages."""
        self.pending += 1
        self._todo.put((fn, arg, tag, label))
        os.write(self._wake_w, b"x")

    def results(self, *, block: bool = True) -> list[tuple[Hashable, Outcome]]:
        """(tag, outcome) of the calls that have ended: at least one when ``block`` and a
        call is pending, else perhaps none."""
        out = []
        if block and self.pending:
            while not out:
                try:
                    out.append(self._done.get(timeout=1.0))
                except queue.Empty:
                    if not self._thread.is_alive():
                        raise RuntimeError("the bounded pool's dispatcher stopped") from None
        while True:
            try:
                out.append(self._done.get_nowait())
            except queue.Empty:
                break
        for tag, outcome in out:
            if tag is _CRASHED:
                raise RuntimeError("the bounded pool's dispatcher failed") from outcome.error
        self.pending -= len(out)
        return out

    def close(self) -> None:
        """Stop every worker (a call still running is killed)."""
        self._closing = True
        try:
            os.write(self._wake_w, b"x")
        except OSError:
            pass
        self._thread.join()
        os.close(self._wake_r)
        os.close(self._wake_w)

    # --- the dispatcher thread ---

    def _dispatch(self) -> None:
        try:
            while not self._closing:
                self._hand_out()
                deadlines = [w.deadline for w in self._busy.values()]
                timeout = min(min(deadlines, default=float("inf")) - time.monotonic(), SAMPLE_S if self._busy else 3600)
                ready = wait_ready([*self._busy, self._wake_r], timeout=max(0.0, timeout))
                if self._wake_r in ready:
                    self._drain_wake()
                for conn in ready:
                    if conn is not self._wake_r:
                        worker = self._busy.pop(conn)
                        self._done.put((worker.tag, self._receive(worker)))
                self._expire()
        except BaseException as exc:  # the caller hears of it from results()
            self._done.put((_CRASHED, Outcome(error=exc)))
        finally:
            for worker in self._busy.values():
                worker.stop(kill=True)
            for worker in self._idle:
                worker.stop(kill=False)
            self._busy.clear()
            self._idle.clear()

    def _hand_out(self) -> None:
        while len(self._busy) < self.size:
            try:
                fn, arg, tag, label = self._todo.get_nowait()
            except queue.Empty:
                return
            worker = self._idle.pop() if self._idle else self._start()
            try:
                worker.conn.send((fn, arg))
            except (OSError, EOFError):  # it died idle: a fresh one takes the call
                worker.stop(kill=True)
                worker = self._start()
                worker.conn.send((fn, arg))
            worker.tag, worker.label, worker.peak = tag, label, 0
            worker.deadline = time.monotonic() + self.timeout_s if self.timeout_s else float("inf")
            self._busy[worker.conn] = worker

    def _drain_wake(self) -> None:
        try:
            while os.read(self._wake_r, 4096):
                pass
        except BlockingIOError:
            pass

    def _expire(self) -> None:
        now = time.monotonic()
        for conn, worker in list(self._busy.items()):
            if now >= worker.deadline:
                del self._busy[conn]
                worker.stop(kill=True)
                self._done.put((worker.tag, Outcome(error=ExtractionTimeoutError(
                    f"{worker.label}: extraction took longer than {self.timeout_s:g} s and was stopped"))))
            elif self.memory_mb:
                worker.peak = max(worker.peak, _vm_bytes(worker.process.pid))

    def _start(self) -> _Worker:
        self.started += 1
        return _Worker(self._ctx, self.memory_mb)

    def _receive(self, worker: _Worker) -> Outcome:
        try:
            status, value = worker.conn.recv()
        except (EOFError, OSError, MemoryError):
            worker.stop(kill=True)
            return Outcome(error=self._death(worker))
        limit = (self.memory_mb or 0) * 1024 * 1024
        if limit and _vm_bytes(worker.process.pid) > worker.base + RECYCLE_SHARE * (limit - worker.base):
            worker.stop(kill=False)  # a large file's leftovers must not shrink the next file's room
        else:
            self._idle.append(worker)
        if status == "ok":
            return Outcome(value=value)
        if status == "memory":
            return Outcome(error=ExtractionMemoryError(
                f"{worker.label}: extraction needed more than {self.memory_mb} MB of memory"))
        return Outcome(error=ExtractionError(value))

    def _death(self, worker: _Worker) -> VanbanError:
        code = worker.process.exitcode
        limit = (self.memory_mb or 0) * 1024 * 1024
        if limit and (code == MEMORY_EXIT or (code is not None and code < 0 and worker.peak >= NEAR_LIMIT * limit)):
            return MemoryLimitError(f"{worker.label}: the extraction process died at its memory limit ({self.memory_mb} MB)")
        how = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit code {code}"
        return ExtractionError(f"{worker.label}: the extraction process died ({how})")


_CRASHED = object()  # the tag of a failure of the dispatcher itself


# --- one file ------------------------------------------------------------------------------------


def _extract_json(path: str) -> dict:
    from vanban.extractors.pipeline import extract_file

    return extract_file(path).model_dump(mode="json")


def extract_file_bounded(
    path: str | Path,
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    memory_mb: int | None = DEFAULT_MEMORY_MB,
):
    """``extract_file`` in a worker process: at most ``timeout_s`` seconds and ``memory_mb`` MB.

    The result is always a record: the extracted one, or one whose ``error`` says why not.
    """
    from vanban.schemas import DocumentRecord, ErrorInfo

    path = Path(path)
    with BoundedPool(1, timeout_s=timeout_s, memory_mb=memory_mb) as pool:
        pool.submit(_extract_json, str(path), tag=0, label=path.name)
        [(_, outcome)] = pool.results()
    if outcome.error is not None:
        return DocumentRecord(source=path.name, error=ErrorInfo(code=outcome.error.code, message=outcome.error.message))
    return DocumentRecord.model_validate(outcome.value)
