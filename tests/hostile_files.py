"""Hostile files for the tests of ``vanban load`` (tests/test_hostile.py) and the table of
scripts/hostile_table.py: every class of bad input, each made small and fast (bombs are
small compressed or sparse), beside good files.

``make_hostile(folder)`` writes them and returns ``{class: (relative path, expected)}``:
``expected`` is the error code the file must get, or ``None`` for a file that must load.
"""
from __future__ import annotations

import io
import os
import socket
import struct
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "corpus" / "docs"
SEED_TEXT = (ROOT / "corpus" / "docs" / "dev-003.md")

# runs past a minute: 60,000 task cues, each read in linear time (brackets nested 40,000 deep,
# once a runaway, now take a tenth of a second)
RUNAWAY = "Số: 1/KH-UBND\nKẾ HOẠCH\n" + "Giao Sở " * 60_000
NESTED_BRACKETS = "(" * 40_000 + ")" * 40_000

GOOD_DOCS = ["dev-003.md", "dev-009.txt", "dev-019.docx", "dev-046.pdf", "dev-027.md"]


# --- PDF by hand ---------------------------------------------------------------------------------


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (1 0 obj is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"", compress: bool = False) -> bytes:
    if compress:
        content = zlib.compress(content, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def _pdf(count: int = 1, box: bytes = b"[0 0 595 842]", content: bytes = b"BT /F1 12 Tf 72 720 Td (Ke hoach) Tj ET",
         compress: bool = False) -> bytes:
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + box + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content, compress=compress),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


# --- DOCX by hand --------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')


def docx_bytes(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _document(body: bytes) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="' + W_NS.encode() + b'"><w:body>' + body
            + b"</w:body></w:document>")


def _para(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


# --- other formats ---------------------------------------------------------------------------------


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` × ``height`` (its pixels are not there)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def rtf_doc() -> bytes:
    def u(text: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in text)
    lines = ["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Số: 77/KH-UBND", "Nghệ An, ngày 3 tháng 4 năm 2023", "KẾ HOẠCH",
             "Triển khai công tác chuyển đổi số năm 2023",
             "Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành thực hiện trước ngày 30/6/2023."]
    body = "\\par\n".join(u(line) for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0 Times New Roman;}}{\\*\\generator Word;}\n\\pard "
            + body + "\\par\n}").encode("ascii")


def html_doc() -> bytes:
    return ("<html><head><meta charset='utf-8'></head><body><p>UBND TỈNH HÀ TĨNH</p><p>Số: 15/TB-UBND</p>"
            "<p>Hà Tĩnh, ngày 9 tháng 5 năm 2023</p><p>THÔNG BÁO</p><p>Kết luận của Chủ tịch UBND tỉnh</p>"
            "<p>Giao Sở Y tế chủ trì triển khai.</p></body></html>").encode("utf-8")


MIXED_TCVN3 = ("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n"
               "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 91/KH-UBND\nKẾ HOẠCH\n"
               "Giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư thực hiện.\n")

ENTITY_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
               + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
               + b']><w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def make_hostile(folder: Path, *, runaways: int = 1) -> dict[str, tuple[str, str | None]]:
    """Write every class into ``folder`` (and an ``outside`` folder beside it, for links that
    lead out); ``{class: (path relative to folder, expected code or None)}``."""
    folder.mkdir(parents=True, exist_ok=True)
    outside = folder.parent / (folder.name + "-outside")
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("Số: 1/KH-UBND\nKẾ HOẠCH\nbí mật ngoài thư mục\n", encoding="utf-8")
    made: dict[str, tuple[str, str | None]] = {}

    def put(cls: str, name: str, data: bytes | str | None, expected: str | None) -> Path:
        path = folder / name
        if data is not None:
            path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        made[cls] = (name, expected)
        return path

    # runaways first in name order: the first files the workers take
    for i in range(runaways):
        put(f"runaway {i + 1} (time limit)", f"000_runaway_{i}.txt", RUNAWAY, "extraction_timeout")
    # good files, of every format
    for name in GOOD_DOCS:
        put(f"good {Path(name).suffix[1:]} ({name})", f"good_{name}", (DOCS / name).read_bytes(), None)
    put("good: .doc that is RTF", "good_rtf.doc", rtf_doc(), None)
    put("good: .doc that is HTML", "good_html.doc", html_doc(), None)
    put("good: TCVN3 mixed with Unicode (warned)", "good_mixed_tcvn3.txt", MIXED_TCVN3, None)
    put("good: 40,000 nested brackets", "good_brackets.txt", "Số: 3/KH-UBND\nKẾ HOẠCH\n" + NESTED_BRACKETS, None)
    put("good: 64 KB of 'Giao Sở '", "000_good_giao_so.txt", "Số: 5/KH-UBND\nKẾ HOẠCH\n" + "Giao Sở " * 8_200, None)
    name = os.fsdecode(b"good_b\xe1o_c\xe1o.txt")  # a name whose bytes are not UTF-8 (Latin-1)
    (folder / name).write_bytes((DOCS / "dev-033.md").read_bytes())
    made["good: name not UTF-8"] = (name, None)
    os.symlink("good_dev-003.md", folder / "good_link_inside.md")  # a link inside: followed, one document
    made["good: link inside the folder"] = ("good_link_inside.md", None)

    # files that are not regular, links that lead out or round
    os.mkfifo(folder / "fifo.txt")
    made["FIFO"] = ("fifo.txt", "not_a_regular_file")
    os.symlink("fifo.txt", folder / "link_to_fifo.pdf")
    made["link to a FIFO"] = ("link_to_fifo.pdf", "not_a_regular_file")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "socket.txt"))
        made["socket"] = ("socket.txt", "not_a_regular_file")
    except OSError:  # a path too long for a socket address
        pass
    finally:
        sock.close()
    os.symlink("/dev/zero", folder / "zero.txt")
    made["link to /dev/zero"] = ("zero.txt", "symlink_outside_roots")
    os.symlink(outside / "secret.txt", folder / "secret.txt")
    made["link out of the folder"] = ("secret.txt", "symlink_outside_roots")
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    made["symlink loop"] = ("loop_a.txt", "symlink_loop")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    made["link to a folder holding it"] = ("sub/up", "symlink_loop")

    # sizes
    put("zero-byte PDF", "empty.pdf", b"", "empty_file")
    with open(folder / "sparse_1gb.txt", "wb") as f:
        f.truncate(1 << 30)
    made["1 GB sparse file"] = ("sparse_1gb.txt", "file_too_large")
    with open(folder / "text_200mb.txt", "wb") as f:
        f.write(b"a" * 1024)
        f.truncate(200 << 20)
    made["200 MB text"] = ("text_200mb.txt", "file_too_large")
    put("one 50 MB line", "line_50mb.txt", b"x" * (50 << 20), "file_too_large")
    put("text over the length limit", "long_13m.txt", b"Giao viec cho cac don vi. " * 500_000,
        "text_too_long")

    # PDF
    good_pdf = (DOCS / "dev-046.pdf").read_bytes()
    put("truncated PDF", "truncated.pdf", good_pdf[: len(good_pdf) // 3], "corrupt_file")
    put("header-garbage PDF", "garbage.pdf", b"%PDF-1.4\n" + os.urandom(4000), "corrupt_file")
    put("PDF declaring 100,000 pages", "pages_100k.pdf", _pdf(count=100_000), "pdf_too_many_pages")
    put("PDF with a giant page box", "giant_box.pdf", _pdf(box=b"[0 0 2000000 2000000]"), "pdf_page_too_large")
    put("PDF with one huge text stream", "huge_stream.pdf",
        _pdf(content=b"BT /F1 12 Tf 72 720 Td (Ke hoach) Tj ET\n" * 1_200_000, compress=True), "pdf_stream_too_large")
    try:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(0, 10, "Ke hoach so 12/KH-UBND")
        pdf.set_encryption(owner_password="owner", user_password="secret")
        pdf.output(str(folder / "encrypted.pdf"))
        made["encrypted PDF"] = ("encrypted.pdf", "pdf_encrypted")
    except ImportError:  # pragma: no cover - fpdf2 is a test dependency
        pass

    # DOCX and HTML
    put("DOCX, deep element tree", "deep.docx", docx_bytes(_document(b"<w:sdt>" * 100_000 + b"</w:sdt>" * 100_000)),
        "too_deeply_nested")
    put("DOCX, huge XML part", "huge_part.docx", docx_bytes(_document(_para("Giao Sở Y tế thực hiện.") * 1_200_000)),
        "xml_part_too_large")
    put("DOCX, XML entity bomb", "entity_bomb.docx", docx_bytes(ENTITY_BOMB), "corrupt_file")
    put("DOCX that is junk", "junk.docx", b"PK\x03\x04" + os.urandom(3000), "corrupt_file")
    put("deep HTML", "deep.html", "<html><body>" + "<div>" * 200_000 + "x" + "</div>" * 200_000 + "</body></html>",
        "too_deeply_nested")
    put("image of 30,000 × 30,000 pixels", "huge.png", png_header(30_000, 30_000), "image_too_large")

    # text
    put("NUL bytes", "nul.txt", b"\0" * 5000 + b"So 1/KH-UBND" + b"\0" * 5000, "binary_garbage")
    put("random bytes", "random.txt", os.urandom(20_000), "binary_garbage")

    # archives
    put("junk zip", "junk.zip", b"PK\x05\x06" + os.urandom(100), "corrupt_file")
    put("zip bomb", "bomb.zip", _zip([("bomb.txt", b"\0" * (64 << 20))]), "unsafe_archive")
    put("zip member ../", "escape.zip", _zip([("../../evil.txt", b"So 1/KH-UBND\nKE HOACH\n")]), "unsafe_archive")
    return made


# --- measuring a process tree ----------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants now."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss(p)
        todo.extend(_children(p))
    return total


def run_measured(cmd: list[str], *, timeout: float, cwd=ROOT, every: float = 0.05, env=None):
    """Run ``cmd``; (exit code, seconds, peak resident bytes of its process tree, stdout, stderr)."""
    import subprocess
    import tempfile
    import time

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, start_new_session=True, env=env)
        peak = 0
        try:
            while proc.poll() is None:
                peak = max(peak, tree_rss(proc.pid))
                if time.monotonic() - started > timeout:
                    raise TimeoutError(f"{cmd} ran past {timeout} s")
                time.sleep(every)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, 9)
                proc.wait()
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        return proc.returncode, seconds, peak, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
