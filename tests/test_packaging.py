"""Packaging and import structure: what a command loads, what the wheel installs, and the
import checker of ``make lint`` (scripts/check_imports.py)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path

import pytest

from vanban.load import load

from .conftest import ROOT, SEEDS, script

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]

# What the library, the store and the command line must not load unless a command extracts.
HEAVY = (
    "vanban.extractors.pipeline", "vanban.extractors.extract", "vanban.extractors.read",
    "vanban.extractors.normalize", "vanban.extractors.segment",
    "spacy", "underthesea", "pyvi", "pdfplumber", "pypdfium2", "pydantic",
)
# Vocabulary the queries share with the extractors, and nothing else of the extractors:
# the number words (the query functions' fund names) and the agency lexicon (the store's
# agency keys, ``identity.agency_key``, and the agency ids with the province table they
# are made from, which a query naming an agency computes).
NUMBER_WORDS = {"vanban.extractors.extract", "vanban.extractors.extract.amounts",
                "vanban.extractors.extract.amounts.numbers"}
AGENCY_LEXICON = {"vanban.extractors.extract", "vanban.extractors.extract.agencies",
                  "vanban.extractors.extract.agencies.lexicon", "vanban.extractors.extract.agencies.ids",
                  "vanban.extractors.extract.jurisdiction", "vanban.extractors.extract.uri",
                  "vanban.extractors.extract.names"}


def _imported(code: str, tmp_path: Path) -> set[str]:
    """Every module in ``sys.modules`` when a fresh interpreter has run ``code``.

    (``-X importtime`` would miss modules loaded through ``importlib.import_module``.)"""
    out = tmp_path / "modules.json"
    prelude = ("import atexit, json, sys\n"
               f"atexit.register(lambda: open({str(out)!r}, 'w').write(json.dumps(sorted(sys.modules))))\n")
    proc = subprocess.run([sys.executable, "-c", prelude + code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return set(json.loads(out.read_text()))


def _cli(*args: str) -> str:
    return f"sys.argv = ['vanban', *{list(args)!r}]\nfrom vanban.cli import main\nmain()"


def _heavy(names: set[str], allowed: set[str] = frozenset()) -> list[str]:
    return sorted(n for n in names - allowed if any(n == h or n.startswith(h + ".") for h in HEAVY))


def test_the_check_sees_what_an_extraction_loads(tmp_path):
    names = _imported("from vanban.extractors.pipeline import extract_text; extract_text('Số: 1/KH-UBND')", tmp_path)
    assert {"vanban.extractors.pipeline", "vanban.extractors.read", "pydantic"} <= set(_heavy(names))


@pytest.mark.parametrize("statement", ["import vanban", "import vanban.store", "import vanban.load",
                                       "import vanban.extractors.errors"])
def test_the_library_imports_no_extraction_stage(statement, tmp_path):
    assert _heavy(_imported(statement, tmp_path)) == []


def test_the_queries_import_no_extraction_code(tmp_path):
    """Not even the number words: the funding-source names are read from them on first use."""
    names = _imported("import vanban.queries", tmp_path)
    assert "vanban.extractors.extract.amounts.numbers" not in names
    assert _heavy(names) == []


def test_help_loads_no_extraction_stage(tmp_path):
    names = _imported(_cli("--help"), tmp_path)
    assert "vanban.commands.store" in names
    assert _heavy(names) == []


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("packaging") / "v.db"
    assert load([str(p) for p in SEEDS], path, workers=0, progress=False).errors == 0
    return path


@pytest.mark.parametrize("command", [
    ["stats"], ["cites", "352/KH-UBND"], ["cited-by", "352/KH-UBND"], ["chain", "352/KH-UBND"], ["unresolved"],
    ["search", "ngân sách"], ["errors"], ["export", "--table", "documents"],
])
def test_query_commands_load_no_extraction_stage(command, db_path, tmp_path):
    names = _imported(_cli(*command, "--db", str(db_path)), tmp_path)
    assert _heavy(names, NUMBER_WORDS) == []


def test_an_agency_query_loads_only_the_agency_lexicon(db_path, tmp_path):
    names = _imported(_cli("assignments", "--agency", "Sở Tài chính", "--db", str(db_path)), tmp_path)
    assert "vanban.extractors.extract.agencies.lexicon" in names
    assert _heavy(names, NUMBER_WORDS | AGENCY_LEXICON) == []


# --- the package list and the wheel --------------------------------------------------------------


def _package_folders() -> dict[str, Path]:
    return {name: ROOT / folder for name, folder in SETUPTOOLS["package-dir"].items()}


def test_the_package_list_names_every_package_folder():
    found = set()
    for name, folder in _package_folders().items():
        for init in folder.rglob("__init__.py"):
            rel = init.parent.relative_to(folder)
            found.add(".".join([name, *rel.parts]))
    assert found - set(SETUPTOOLS["packages"]) == set(), "folders with __init__.py missing from pyproject's packages"
    assert set(SETUPTOOLS["packages"]) - found == set(), "packages listed that have no folder"


@pytest.mark.slow
def test_the_wheel_installs_only_vanban(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for folder in {str(p.relative_to(ROOT)).split("/")[0] for p in _package_folders().values()}:
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path / "wheel"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(out),
         str(src)], capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    [wheel] = out.glob("vanban-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert top == {"vanban"}
    assert {"vanban/extractors/pipeline.py", "vanban/schemas/record.py", "vanban/models/agencies.json",
            "vanban/web/templates/vanban_doc.html"} <= set(names)
    top_level = next(n for n in names if n.endswith(".dist-info/top_level.txt"))
    assert zipfile.ZipFile(wheel).read(top_level).decode().split() == ["vanban"]


# --- the import checker --------------------------------------------------------------------------


def _checker():
    return script("check_imports")


def _tree(root: Path, files: dict[str, str]) -> Path:
    (root / "pyproject.toml").write_text(textwrap.dedent("""
        [tool.setuptools]
        package-dir = { "vanban" = "vanban", "vanban.extractors" = "extractors" }
    """), encoding="utf-8")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def test_the_repository_passes_the_import_check():
    failures, _ = _checker().check(ROOT)
    assert failures == []


def test_the_checker_finds_cycles_cli_imports_and_folder_names(tmp_path):
    checker = _checker()
    root = _tree(tmp_path, {
        "vanban/__init__.py": "",
        "vanban/store.py": "from . import resolve\n",
        "vanban/resolve.py": "def f():\n    from vanban.store import g\n",  # hidden in a function
        "vanban/load.py": "def run():\n    from .commands.extract import expand\n",
        "vanban/cli.py": "import vanban.commands.extract\n",
        "vanban/commands/__init__.py": "",
        "vanban/commands/extract.py": "import vanban.load\n",
        "vanban/typed.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import vanban.cli\n",
        "extractors/__init__.py": "",
        "extractors/a.py": "from vanban.extractors import b\n",
        "extractors/b.py": "import extractors.a\n",
        "tests/test_x.py": "from extractors.a import x\n",
    })
    failures, _ = checker.check(root, strict=True)
    text = "\n".join(failures)
    assert "vanban.resolve -> vanban.store -> vanban.resolve" in text
    assert "vanban.store -> vanban.resolve (line 1)" in text and "(line 2, in a function)" in text
    assert "library module vanban.load imports the CLI layer" in text
    assert "vanban.typed" not in text  # under TYPE_CHECKING: never runs
    assert not any(f.startswith(("library module vanban.cli", "library module vanban.commands")) for f in failures)
    assert "extractors/b.py:1: imports 'extractors.a'" in text
    assert "tests/test_x.py:1: imports 'extractors.a'" in text
    # extractors.b imports the folder name, not vanban.extractors.a: no edge, no cycle
    assert "vanban.extractors.a -> vanban.extractors.b" not in text


def test_an_allowed_cycle_is_a_note_and_a_stale_allowance_is_said(tmp_path, monkeypatch):
    checker = _checker()
    root = _tree(tmp_path, {
        "vanban/__init__.py": "",
        "vanban/serve.py": "def f():\n    from vanban import plugin\n",
        "vanban/plugin.py": "from vanban.serve import f\n",
    })
    monkeypatch.setattr(checker, "ALLOWED_CYCLES", {("vanban.plugin", "vanban.serve"): "being split",
                                                    ("vanban.a", "vanban.b"): "gone"})
    failures, notes = checker.check(root)
    assert failures == []
    assert any(n.startswith("allowed cycle (being split)") for n in notes)
    assert any("vanban.a <-> vanban.b matches no cycle any more" in n for n in notes)
    strict, _ = checker.check(root, strict=True)
    assert len(strict) == 1 and "vanban.plugin -> vanban.serve -> vanban.plugin" in strict[0]
