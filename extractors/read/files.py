"""What a path is before it is read, and how its name is shown and stored.

- ``regular_size(path)``: the size of a regular file, or ``NotRegularFileError`` for a FIFO,
  socket, device or directory (or a link to one). Only ``os.stat`` is called, so nothing
  blocks: a FIFO with no writer, ``/dev/zero`` or a terminal is never opened.
- ``read_regular(path)``: the bytes of a regular file, opened without blocking and checked
  again on the open descriptor (the path may have been swapped for a FIFO in between).
- ``readable_name(name)`` (``vanban.extractors.common.file_names``): a file name of any
  bytes as text that can be printed and stored.
"""
from __future__ import annotations

import os
import stat

from vanban.extractors.common.file_names import name_bytes, readable_name, storable  # noqa: F401 (re-exported)
from vanban.extractors.errors import NotRegularFileError

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def kind_of(mode: int) -> str:
    """'a FIFO (named pipe)', 'a socket', …: what a file that is not regular is."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _refuse(path, mode: int) -> NotRegularFileError:
    shown = readable_name(os.fspath(path))
    return NotRegularFileError(f"{shown} is {kind_of(mode)}, not a regular file: not read", path=shown)


def regular_size(path) -> int:
    """The size of the regular file at ``path`` (a link followed); ``NotRegularFileError``
    for anything else. ``OSError`` when it cannot be looked at."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(path, st.st_mode)
    return st.st_size


def read_regular(path) -> bytes:
    """The bytes of the regular file at ``path``; never blocks on a FIFO or a device."""
    regular_size(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _refuse(path, st.st_mode)
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


def open_regular(path):
    """A binary file object on the regular file at ``path`` (for hashing in blocks)."""
    regular_size(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise _refuse(path, st.st_mode)
    return os.fdopen(fd, "rb")
