"""Safe reading of ``.zip`` archives: every member as ``(name, bytes)``.

Nothing is written to disk, and nothing is trusted:

- member names that climb out of the archive (``../x``, ``/etc/x``, ``C:\\x``) or that
  are symbolic links are refused (``UnsafeArchiveError``);
- zip bombs are bounded: the sizes the archive declares (total and per member), the
  ratio of uncompressed to compressed size, the number of members, and the bytes
  actually inflated (a lying header stops at the limit);
- encrypted members are refused (``EncryptedArchiveError``);
- a damaged member is reported (``CorruptFileError``) and the next one is read.

``iter_zip(path)`` raises at the first refused member; ``iter_zip(path, errors="yield")``
yields ``(name, error)`` in its place and goes on, for a bulk load that must not stop.
Archives inside the archive are yielded as bytes, not opened.
"""
from __future__ import annotations

import io
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator, Literal, Union

from vanban.extractors.errors import (
    CorruptFileError,
    EncryptedArchiveError,
    FileTooLargeError,
    UnsafeArchiveError,
    VanbanError,
)


@dataclass(frozen=True)
class ArchiveLimits:
    """Bounds on what one archive may inflate to."""

    max_total_bytes: int = 2 * 1024**3  # everything inside, uncompressed
    max_member_bytes: int = 64 * 1024**2  # one member (the readers' own file limit)
    max_ratio: float = 100.0  # uncompressed / compressed, for members over min_ratio_bytes
    min_ratio_bytes: int = 1024**2  # small members may compress well (blank pages)
    max_members: int = 100_000


DEFAULT_LIMITS = ArchiveLimits()
CHUNK = 1 << 20

Member = tuple[str, Union[bytes, VanbanError]]


def safe_member_name(name: str) -> str | None:
    """The member's path inside the archive, or None when it would escape it."""
    cleaned = name.replace("\\", "/")
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":"):
        return None
    parts = [p for p in PurePosixPath(cleaned).parts if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def _check_archive(archive: zipfile.ZipFile, label: str, limits: ArchiveLimits) -> list[zipfile.ZipInfo]:
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > limits.max_members:
        raise UnsafeArchiveError(f"{label}: {len(infos)} members, over the limit of {limits.max_members}")
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_bytes:
        raise UnsafeArchiveError(
            f"{label}: inflates to {total / 2**20:.0f} MB, over the limit of {limits.max_total_bytes / 2**20:.0f} MB"
        )
    return infos


def _member_problem(info: zipfile.ZipInfo, label: str, limits: ArchiveLimits) -> VanbanError | None:
    name = info.filename
    if safe_member_name(name) is None:
        return UnsafeArchiveError(f"{label}: member {name!r} points outside the archive")
    if _is_symlink(info):
        return UnsafeArchiveError(f"{label}: member {name!r} is a symbolic link")
    if info.flag_bits & 0x1:
        return EncryptedArchiveError(f"{label}: member {name!r} is encrypted")
    if info.file_size > limits.max_member_bytes:
        return FileTooLargeError(
            f"{label}: member {name!r} is {info.file_size / 2**20:.0f} MB, over the limit of "
            f"{limits.max_member_bytes / 2**20:.0f} MB"
        )
    if info.file_size > limits.min_ratio_bytes:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            return UnsafeArchiveError(f"{label}: member {name!r} inflates {ratio:.0f} times (a zip bomb?)")
    return None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, budget: int) -> bytes:
    """Inflate one member, never past its declared size nor the archive's budget."""
    limit = min(info.file_size, budget)
    out = io.BytesIO()
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                out.write(chunk)
                if out.tell() > limit:
                    raise UnsafeArchiveError(f"{label}: member {info.filename!r} inflates past its declared size")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, RuntimeError, ValueError) as exc:
        raise CorruptFileError(f"{label}: member {info.filename!r} cannot be read ({exc})")
    except NotImplementedError as exc:  # compression methods zipfile does not know
        raise CorruptFileError(f"{label}: member {info.filename!r} uses an unsupported compression ({exc})")
    return out.getvalue()


def iter_zip(
    source: str | Path | bytes,
    *,
    limits: ArchiveLimits = DEFAULT_LIMITS,
    errors: Literal["raise", "yield"] = "raise",
    label: str | None = None,
) -> Iterator[Member]:
    """Yield ``(member name, bytes)`` for every file of a zip archive, in archive order.

    ``source`` is a path or the archive's bytes. With ``errors="yield"``, a refused member
    gives ``(name, error)`` and the iteration goes on; a problem with the whole archive
    (not a zip, too large in total, too many members) is raised either way.
    """
    if isinstance(source, (bytes, bytearray)):
        label = label or "archive"
        handle: io.BytesIO | str = io.BytesIO(source)
    else:
        label = label or Path(source).name
        handle = str(source)
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptFileError(f"{label}: not a readable zip archive ({exc})")
    with archive:
        infos = _check_archive(archive, label, limits)
        budget = limits.max_total_bytes
        for info in infos:
            name = safe_member_name(info.filename) or info.filename
            problem = _member_problem(info, label, limits)
            data: bytes | VanbanError
            if problem is None:
                try:
                    data = _read_member(archive, info, label, budget)
                    budget -= len(data)
                except VanbanError as exc:
                    problem = exc
            if problem is not None:
                if errors == "raise":
                    raise problem
                data = problem
            yield name, data
