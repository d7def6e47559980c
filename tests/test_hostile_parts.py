"""The parts the hostile-archive load rests on, each alone: the walk (regular files only,
links inside the roots, loops), names of any bytes, the cheap refusals of
``vanban.extractors.limits``, the RTF reader, the bounded SQL functions, LIKE escaping,
``extract --out`` collisions and links, hostile query arguments, and extraction as a pure
function of the file's bytes."""
from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
import zlib

import pytest
from click.testing import CliRunner

from vanban.cli import cli
from vanban.extractors import limits
from vanban.extractors.common.file_names import name_bytes, readable_name, storable
from vanban.extractors.errors import VanbanError
from vanban.extractors.read import read
from vanban.extractors.read.rtf import rtf_to_text
from vanban.inputs import walk
from vanban.queries import functions
from vanban.store import open_db

from . import store_helpers as h
from .conftest import DOCS, ROOT
from .hostile_files import _pdf, docx_bytes, png_header, raw_pdf

# --- names ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"b\xe1o c\xe1o.txt", b"a\\b\xff.pdf", "Báo cáo.txt".encode(), b"\\x41\xc3.txt"])
def test_a_name_of_any_bytes_is_shown_as_text_and_given_back(raw):
    shown = readable_name(raw)
    shown.encode("utf-8")  # storable
    assert name_bytes(shown) == raw
    assert readable_name(os.fsdecode(raw)) == shown


def test_storable_text_never_fails_to_encode():
    for text in ["ok", os.fsdecode(b"x\xe1.txt"), "\ud800 lone", "Sở Y tế"]:
        storable(text).encode("utf-8")
    assert storable(os.fsdecode(b"x\xe1.txt")) == "x\\xe1.txt"


# --- the walk ---------------------------------------------------------------------------------------


def _walk(*paths):
    return {str(f.path): (f.error.code if f.error else None) for f in walk(paths)}


def test_the_walk_refuses_what_is_not_a_regular_file_and_never_opens_it(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "a.txt").write_text("Số: 1/KH-UBND", encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    os.symlink("pipe.txt", root / "pipe_link.pdf")
    os.symlink("/dev/zero", root / "zero.txt")
    got = _walk(root)
    assert got[str(root / "a.txt")] is None
    assert got[str(root / "pipe.txt")] == got[str(root / "pipe_link.pdf")] == "not_a_regular_file"
    assert got[str(root / "zero.txt")] == "symlink_outside_roots"
    assert _walk("/dev/zero") == {"/dev/zero": "not_a_regular_file"}
    with pytest.raises(VanbanError) as caught:  # the reader refuses it too, without blocking
        read(root / "pipe.txt")
    assert caught.value.code == "not_a_regular_file"


def test_links_are_followed_inside_the_roots_only_and_loops_found(tmp_path):
    root, other, outside = tmp_path / "docs", tmp_path / "more", tmp_path / "outside"
    for d in (root, other, outside):
        d.mkdir()
    (outside / "secret.txt").write_text("bí mật", encoding="utf-8")
    (other / "b.txt").write_text("Số: 2/KH-UBND", encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "secret.txt")
    os.symlink(outside, root / "outside_dir")
    os.symlink(other / "b.txt", root / "to_other.txt")  # inside another root named: followed
    os.symlink("self.txt", root / "self.txt")
    (root / "sub").mkdir()
    os.symlink("..", root / "sub" / "up")
    got = _walk(root, other)
    assert got[str(root / "secret.txt")] == got[str(root / "outside_dir")] == "symlink_outside_roots"
    assert got[str(root / "to_other.txt")] is None
    assert got[str(root / "self.txt")] == got[str(root / "sub" / "up")] == "symlink_loop"
    assert not any("outside/" in p for p in got)
    assert _walk(root)[str(root / "to_other.txt")] == "symlink_outside_roots"  # not a root this time


# --- cheap refusals ---------------------------------------------------------------------------------


def _code(fn, *args) -> str | None:
    try:
        fn(*args)
    except VanbanError as exc:
        return exc.code
    return None


def test_pdf_refusals_from_what_the_bytes_declare():
    assert _code(limits.check_pdf_bytes, _pdf(), "ok.pdf") is None
    assert _code(limits.check_pdf_bytes, _pdf(count=100_000), "x.pdf") == "pdf_too_many_pages"
    assert _code(limits.check_pdf_bytes, _pdf(count=limits.MAX_PDF_PAGES), "x.pdf") is None
    assert _code(limits.check_pdf_bytes, _pdf(box=b"[0 0 20000 842]"), "x.pdf") == "pdf_page_too_large"
    assert _code(limits.check_pdf_bytes, _pdf(box=b"[0 0 2384 3370]"), "a0.pdf") is None  # A0 is read
    bomb = _pdf(content=b"BT (x) Tj ET\n" * 3_000_000, compress=True)
    assert len(bomb) < 200_000 and _code(limits.check_pdf_bytes, bomb, "x.pdf") == "pdf_stream_too_large"
    assert _code(limits.check_pdf_bytes, _pdf(content=b"BT (x) Tj ET\n" * 10_000, compress=True), "ok.pdf") is None
    image = raw_pdf([b"<< /Type /Catalog >>", b"<< /Type /XObject /Subtype /Image /Width 40000 /Height 40000 "
                     b"/Length 3 >>\nstream\nabc\nendstream"])
    assert _code(limits.check_pdf_bytes, image, "x.pdf") == "image_too_large"


def test_a_genuine_pdf_of_the_corpus_passes_the_checks():
    for path in sorted(DOCS.glob("*.pdf"))[:6]:
        limits.check_pdf_bytes(path.read_bytes(), path.name)


def test_docx_refusals_from_the_zip_directory_and_a_streamed_depth():
    w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = lambda body: b"<w:document " + w + b"><w:body>" + body + b"</w:body></w:document>"  # noqa: E731
    assert _code(limits.check_docx, docx_bytes(doc(b"<w:p/>" * 10)), "ok.docx") is None
    deep = docx_bytes(doc(b"<w:sdt>" * (limits.MAX_DEPTH + 5) + b"</w:sdt>" * (limits.MAX_DEPTH + 5)))
    assert _code(limits.check_docx, deep, "deep.docx") == "too_deeply_nested"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * (limits.MAX_XML_PART_BYTES + 1))
    assert _code(limits.check_docx, buf.getvalue(), "big.docx") == "xml_part_too_large"
    for path in sorted(DOCS.glob("*.docx"))[:4]:
        limits.check_docx(path.read_bytes(), path.name)


def test_html_depth_counts_nesting_not_tags_html_leaves_open():
    assert _code(limits.check_html_depth, "<div>" * 500 + "x" + "</div>" * 500, "d.html") == "too_deeply_nested"
    assert _code(limits.check_html_depth, "<p>x" * 5_000 + "<li>y" * 5_000 + "<br>" * 5_000, "ok.html") is None
    assert _code(limits.check_html_depth, "<div>a</div>" * 10_000, "ok.html") is None


def test_image_and_text_limits():
    assert _code(limits.check_pixels, 20_000, 20_000, "big.png") == "image_too_large"
    assert _code(limits.check_pixels, 7_000, 10_000, "a3.png") is None
    assert _code(limits.check_text_length, "x" * (limits.MAX_TEXT_CHARS + 1), "long.txt") == "text_too_long"


def test_an_image_too_large_is_refused_from_its_header(tmp_path):
    path = tmp_path / "huge.png"
    path.write_bytes(png_header(30_000, 30_000))
    assert _code(read, path) == "image_too_large"


# --- .doc that is RTF or HTML ---------------------------------------------------------------------


def test_rtf_text_with_unicode_code_page_bytes_and_skipped_tables():
    rtf = (rb"{\rtf1\ansi\ansicpg1258{\fonttbl{\f0 Times;}}{\*\generator W;}{\info{\title T}}\pard "
           rb"Giao S\'d0 \u7910?y ban {\b ch\u7911?} tr\u236?\par \{x\} a\tab b\line c}")
    assert rtf_to_text(rtf) == "Giao SĐ Ủy ban chủ trì\n{x} a\tb\nc"
    deep = b"{\\rtf1 " + b"{" * 100_000 + b"x" + b"}" * 100_000 + b"}"
    assert rtf_to_text(deep) == "x"  # no recursion


def test_a_doc_that_is_rtf_or_html_is_read(tmp_path):
    from .hostile_files import html_doc, rtf_doc

    (tmp_path / "a.doc").write_bytes(rtf_doc())
    (tmp_path / "b.doc").write_bytes(html_doc())
    rtf, html = read(tmp_path / "a.doc"), read(tmp_path / "b.doc")
    assert rtf.format == "rtf" and "KẾ HOẠCH" in rtf.text and "Giao Sở Thông tin" in rtf.text
    assert html.format == "html" and "THÔNG BÁO" in html.text


# --- queries ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "q.db"
    db = open_db(str(path), create=True)
    h.put(db, h.record("a.txt", "12/KH-UBND", refs=[h.ref("27/2022/NĐ-CP")], tasks=[h.task("Sở Y tế"),
                                                                                    h.task("Sở Tài chính")]))
    db.close()
    return path


def _invoke(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


@pytest.mark.parametrize("pattern", ["%", "_", "%%", "\\", "Sở%", "S_"])
def test_like_wildcards_in_an_agency_name_match_nothing_else(db_path, pattern):
    result = _invoke("assignments", "--agency", pattern, "--db", db_path, "--json")
    assert result.exit_code == 0 and json.loads(result.output) == []
    ok = _invoke("assignments", "--agency", "so y te", "--db", db_path, "--json")
    assert len(json.loads(ok.output)) == 1


HOSTILE_ARGS = ["", "%", "'", '"', '"open', "NEAR(", "a AND", "*", "9" * 40, "x" * 100_000, os.fsdecode(b"\xff\xfe"),
                "\ud800", "/dev/zero", "../..", "\\", "(", "-", "%s%n"]


@pytest.mark.parametrize("command", ["cites", "cited-by", "chain", "search", "show", "status"])
def test_hostile_arguments_to_query_commands_never_end_in_a_traceback(db_path, command):
    for arg in HOSTILE_ARGS:
        result = _invoke(command, arg, "--db", db_path)
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, arg[:20], result.output)


def test_hostile_options_never_end_in_a_traceback(db_path, tmp_path):
    for args in (["unresolved", "--limit", "9" * 30], ["assignments", "--agency", "\ud800"],
                 ["assignments", "--agency", "Sở", "--province", os.fsdecode(b"\xff")],
                 ["export", "--out", "/proc/self/mem"], ["export", "--out", tmp_path]):
        result = _invoke(*args, "--db", db_path)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.output)


def test_sql_functions_are_bounded():
    conn = sqlite3.connect(":memory:")
    functions.register(conn)
    big = "Sở " * 1_000_000
    assert conn.execute("SELECT vanban_fold(?)", [big]).fetchone()[0] is None
    assert conn.execute("SELECT vanban_agency_key(?)", ["Sở Y tế " * 500]).fetchone()[0] is None
    assert conn.execute("SELECT vanban_agency_key('Sở Y tế')").fetchone()[0] == "so y te"
    assert conn.execute("SELECT vanban_file_sha256('/dev/zero')").fetchone()[0] is None
    with pytest.raises(sqlite3.DataError):  # no value past the length limit
        conn.execute("SELECT length(zeroblob(?))", [functions.LENGTH_LIMIT + 1]).fetchone()


# --- extract --out ---------------------------------------------------------------------------------


def test_extract_out_never_overwrites_colliding_names_nor_follows_links(tmp_path):
    a, b, out = tmp_path / "a", tmp_path / "b", tmp_path / "out"
    for d in (a, b, out):
        d.mkdir()
    (a / "x.txt").write_text("Số: 1/KH-UBND\nKẾ HOẠCH\n", encoding="utf-8")
    (b / "x.md").write_text("Số: 2/TB-UBND\nTHÔNG BÁO\n", encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    os.symlink(victim, out / "x.json")
    result = _invoke("extract", a, b, "--out", out)
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in out.iterdir()) == ["x-2.json", "x.json"] and not (out / "x.json").is_symlink()
    numbers = {json.loads((out / n).read_text(encoding="utf-8"))["number"] for n in ("x.json", "x-2.json")}
    assert numbers == {"1/KH-UBND", "2/TB-UBND"}


# --- a pure function of the bytes ------------------------------------------------------------------

PURE = (
    "import json, sys\n"
    "from vanban.extractors.pipeline import extract_file\n"
    "a, b = sys.argv[1:]\n"
    "alone = extract_file(b).model_dump(mode='json')\n"  # B first, in a fresh process
    "extract_file(a)\n"
    "after = extract_file(b).model_dump(mode='json')\n"  # B again, after A filled the caches
    "print(json.dumps([alone == after, [x['agency'] for x in alone['assignments']],"
    " [x['agency'] for x in after['assignments']]], ensure_ascii=False))\n"
)


@pytest.mark.parametrize("a,b", [("dev-005.md", "dev-014.md"), ("dev-014.md", "dev-033.md")])
def test_a_file_extracts_the_same_after_another_as_alone(a, b):
    proc = subprocess.run([sys.executable, "-c", PURE, str(DOCS / a), str(DOCS / b)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=True)
    same, alone, after = json.loads(proc.stdout.splitlines()[-1])
    assert same, (alone, after)


def test_flate_pieces_are_inflated_a_piece_at_a_time():
    assert limits._inflated_over(zlib.compress(b"\0" * (8 << 20)), 1 << 20)
    assert not limits._inflated_over(zlib.compress(b"\0" * 1000), 1 << 20)
    assert not limits._inflated_over(b"not zlib", 10)


def test_a_genuine_500_page_pdf_is_read_whole(tmp_path):
    from fpdf import FPDF

    from .conftest import FONT

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=8)
    line = "Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành thực hiện kế hoạch năm 2023. "
    for page in range(500):
        pdf.add_page()
        pdf.multi_cell(0, 3.5, f"Trang {page + 1}. " + line * 28)
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    raw = read(path)
    assert raw.ocr is None  # a good text layer: no page OCRed
    assert raw.text.count("Trang ") == 500 and len(raw.text) > 1_000_000  # over spaCy's default, not refused
