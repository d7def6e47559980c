"""Zip archives: members as (name, bytes); paths escaping the archive, links, bombs and
encrypted members refused with named errors; the rest of the archive still read."""
from __future__ import annotations

import io
import stat
import zipfile

import pytest

from vanban.extractors.errors import (
    CorruptFileError,
    EncryptedArchiveError,
    FileTooLargeError,
    UnsafeArchiveError,
)
from vanban.archive import ArchiveLimits, iter_zip, safe_member_name

DOC = "Kế hoạch số 352/KH-UBND\n".encode("utf-8")


def make_zip(members: list[tuple[str | zipfile.ZipInfo, bytes]], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def test_members_are_yielded(tmp_path):
    path = tmp_path / "a.zip"
    path.write_bytes(make_zip([("docs/a.txt", DOC), ("b.txt", b"hello"), ("docs/", b"")]))
    assert list(iter_zip(path)) == [("docs/a.txt", DOC), ("b.txt", b"hello")]


def test_archive_bytes_are_accepted():
    assert list(iter_zip(make_zip([("a.txt", DOC)]))) == [("a.txt", DOC)]


@pytest.mark.parametrize("name", ["../evil.txt", "docs/../../evil.txt", "/etc/passwd", "\\\\server\\x.txt",
                                  "C:\\Windows\\x.txt", "..\\evil.txt"])
def test_paths_escaping_the_archive_are_refused(name):
    data = make_zip([("ok.txt", DOC), (name, b"x")])
    with pytest.raises(UnsafeArchiveError, match="outside the archive"):
        list(iter_zip(data))
    got = list(iter_zip(data, errors="yield"))
    assert got[0] == ("ok.txt", DOC)
    assert isinstance(got[1][1], UnsafeArchiveError) and got[1][1].code == "unsafe_archive"


@pytest.mark.parametrize("name,safe", [
    ("a.txt", "a.txt"), ("./docs//a.txt", "docs/a.txt"), ("docs\\a.txt", "docs/a.txt"),
    ("../a", None), ("/a", None), ("C:/a", None), ("", None), ("a/../../b", None),
])
def test_safe_member_name(name, safe):
    assert safe_member_name(name) == safe


def test_symbolic_links_are_refused():
    info = zipfile.ZipInfo("link.txt")
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    data = make_zip([(info, b"/etc/passwd"), ("a.txt", DOC)])
    got = list(iter_zip(data, errors="yield"))
    assert isinstance(got[0][1], UnsafeArchiveError)
    assert got[1] == ("a.txt", DOC)


def test_zip_bomb_ratio_is_refused():
    bomb = make_zip([("bomb.txt", b"\0" * (8 * 1024 * 1024)), ("a.txt", DOC)])
    assert len(bomb) < 100_000  # 8 MB of zeros deflate about a thousand times
    got = dict(iter_zip(bomb, errors="yield"))
    assert isinstance(got["bomb.txt"], UnsafeArchiveError) and "inflates" in got["bomb.txt"].message
    assert got["a.txt"] == DOC


def test_total_size_is_bounded():
    data = make_zip([(f"{i}.txt", b"x" * 1000) for i in range(20)], compression=zipfile.ZIP_STORED)
    with pytest.raises(UnsafeArchiveError, match="inflates to"):
        list(iter_zip(data, limits=ArchiveLimits(max_total_bytes=10_000)))
    with pytest.raises(UnsafeArchiveError, match="members"):
        list(iter_zip(data, limits=ArchiveLimits(max_members=10)))


def test_large_member_is_refused():
    data = make_zip([("big.txt", b"x" * 5000)], compression=zipfile.ZIP_STORED)
    with pytest.raises(FileTooLargeError):
        list(iter_zip(data, limits=ArchiveLimits(max_member_bytes=1000)))


def test_lying_header_stops_at_declared_size():
    """A member that inflates past the size its header declares is not read to the end."""
    data = bytearray(make_zip([("a.txt", b"y" * 5000)], compression=zipfile.ZIP_STORED))
    # declare 100 bytes in the central directory and the local header
    for sig in (b"PK\x01\x02", b"PK\x03\x04"):
        pos = data.find(sig)
        offset = 24 if sig == b"PK\x01\x02" else 22
        data[pos + offset:pos + offset + 4] = (100).to_bytes(4, "little")
    got = list(iter_zip(bytes(data), errors="yield"))
    assert isinstance(got[0][1], CorruptFileError)  # CRC of the first 100 bytes fails


def test_encrypted_member_is_refused():
    data = bytearray(make_zip([("secret.txt", b"x"), ("a.txt", DOC)], compression=zipfile.ZIP_STORED))
    # set the "encrypted" bit of the first member's flags, in both of its headers
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = data.find(sig)
        data[pos + offset] |= 0x1
    data = bytes(data)
    got = list(iter_zip(data, errors="yield"))
    assert isinstance(got[0][1], EncryptedArchiveError) and got[0][1].code == "archive_encrypted"
    assert got[1] == ("a.txt", DOC)


def test_not_a_zip(tmp_path):
    path = tmp_path / "fake.zip"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(CorruptFileError, match="not a readable zip"):
        list(iter_zip(path))
