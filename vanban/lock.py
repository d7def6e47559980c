"""One load at a time per database: a lock beside the database file.

``load_lock(db_path)`` holds an exclusive ``flock`` on ``<db>.lock`` for the length of a
load. A second ``vanban load`` of the same database waits for the first to finish, saying
so on stderr (or refuses at once with ``wait=False``), then plans against what the first
committed: the two give the rows of one clean load. The lock is the operating system's,
so it goes with the process that held it, however that process ends (``kill -9``
included); the file itself is left in place and reused.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .schema import StoreError


class DatabaseBusyError(StoreError):
    """Another load is writing to the database and the caller would not wait."""


def lock_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.lock")


def _tell(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def load_lock(db_path: str | Path, *, wait: bool = True, tell: Callable[[str], None] = _tell) -> Iterator[None]:
    """Hold the database's load lock (see the module's notes)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: SQLite's own locking alone
        fcntl = None
    if fcntl is None or str(db_path) == ":memory:":
        yield
        return
    path = lock_path(db_path)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            if not wait:
                raise DatabaseBusyError(
                    f"another vanban load (process {holder}) is writing to {db_path}; run this one when it has finished")
            tell(f"another vanban load (process {holder}) is writing to {db_path}; waiting for it to finish…")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock
