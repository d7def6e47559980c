"""The files a command's arguments name: a walk of folders that reads only what it should.

``walk(paths, wanted)`` gives every file named, and every file inside the folders named
whose name ``wanted`` accepts, in a stable order, each with the reason it is refused, if it
is:

- ``not_a_regular_file``: a FIFO, socket or device (or a link to one); decided with
  ``os.stat`` alone, so the walk never opens one and never blocks;
- ``symlink_outside_roots``: a symbolic link inside a folder named that leads out of every
  folder named (a link to a system file in an archive folder is not read);
- ``symlink_loop``: a link that leads to itself, or to a folder that holds it.

Links that stay inside the folders named are followed; a folder reached twice is walked
once. A file named on the command line is read wherever it is (the user named it).
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from vanban.extractors.errors import SymlinkLoopError, SymlinkOutsideRootsError, VanbanError
from vanban.extractors.common.file_names import readable_name


@dataclass(frozen=True)
class Found:
    """A file of the walk: its path as walked, and why it is not read (None: read it)."""

    path: Path
    error: VanbanError | None = None


def _supported(name: str) -> bool:
    from vanban.extractors.read import READERS

    suffixes = Path(name).suffixes
    return bool(suffixes) and (suffixes[-1].lower() in READERS or ".txt" in suffixes)


def _inside(target: str, roots: list[str]) -> bool:
    return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _shown(path) -> str:
    return readable_name(os.fspath(path))


def _loop(path) -> SymlinkLoopError:
    return SymlinkLoopError(f"{_shown(path)}: a symbolic link that leads back to itself or to a folder holding it",
                            path=_shown(path))


def _outside(path, target: str) -> SymlinkOutsideRootsError:
    return SymlinkOutsideRootsError(
        f"{_shown(path)}: a symbolic link to {_shown(target)}, outside the folders being read: not followed",
        path=_shown(path))


def _file(path: Path) -> Found:
    from vanban.extractors.read.files import regular_size

    try:
        regular_size(path)
    except VanbanError as exc:
        return Found(path, exc)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Found(path, _loop(path))
        return Found(path)  # the reader says why it cannot be opened
    return Found(path)


def _walk_folder(top: Path, roots: list[str], wanted: Callable[[str], bool], seen: set) -> Iterator[Found]:
    st = os.stat(top)
    seen.add((st.st_dev, st.st_ino))
    stack: list[tuple[Path, frozenset]] = [(top, frozenset({(st.st_dev, st.st_ino)}))]
    while stack:
        folder, ancestors = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name))
        except OSError:
            continue  # an unreadable folder holds nothing to read
        folders = []
        for entry in entries:
            path = folder / entry.name
            try:
                is_link = entry.is_symlink()
                if is_link:
                    try:
                        target = os.path.realpath(path, strict=True)
                        tst = os.stat(target)
                    except OSError as exc:
                        if exc.errno == errno.ELOOP or "loop" in str(exc).lower():
                            yield Found(path, _loop(path))
                        elif wanted(entry.name):
                            yield Found(path)  # a dangling link: the reader says it cannot open it
                        continue
                    is_dir = stat.S_ISDIR(tst.st_mode)
                    if not _inside(target, roots):
                        if is_dir or wanted(entry.name):
                            yield Found(path, _outside(path, target))
                        continue
                else:
                    is_dir = entry.is_dir(follow_symlinks=False)
                    tst = entry.stat(follow_symlinks=False) if is_dir else None
            except OSError:
                continue
            if is_dir:
                ident = (tst.st_dev, tst.st_ino)
                if ident in ancestors:
                    yield Found(path, _loop(path))
                elif ident not in seen:
                    seen.add(ident)
                    folders.append((path, ancestors | {ident}))
            elif wanted(entry.name):
                yield _file(path)
        stack.extend(reversed(folders))  # depth first, in name order


def walk(paths: Iterable[str | Path], wanted: Callable[[str], bool] = _supported) -> Iterator[Found]:
    """Every file named, and the files inside the folders named that ``wanted`` accepts
    (by name), with why each is refused, if it is (see the module's notes)."""
    paths = [Path(p) for p in paths]
    roots = []
    for p in paths:
        try:
            if p.is_dir():
                roots.append(os.path.realpath(p))
        except OSError:
            pass
    seen: set = set()
    for p in paths:
        try:
            is_dir = p.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk_folder(p, roots, wanted, seen)
        else:
            yield _file(p)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the supported files inside folders named, in a stable order;
    the files ``walk`` refuses are left out."""
    return [f.path for f in walk(paths) if f.error is None]
