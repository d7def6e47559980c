"""The CLI's start-up: ``vanban --help`` and the query commands import no extraction code.

Each case runs in a fresh interpreter (this process has imported everything already) and
reports the modules it ended with; the assertion is on what was imported, not on time.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from vanban.store import open_db

from . import store_helpers as h

# What a query needs none of: the extraction stages, the record's schema and its
# validation library, the NLP pipeline and the array library it brings.
EXTRACTION = ("vanban.extractors.pipeline", "vanban.extractors.read", "vanban.extractors.normalize",
              "vanban.extractors.segment", "vanban.extractors.extract", "vanban.extractors.bounded",
              "vanban.schemas", "vanban.load", "pydantic", "spacy", "numpy", "pandas")

_RUN = """
import json, sys
from click.testing import CliRunner
from vanban.cli import cli
result = CliRunner().invoke(cli, sys.argv[1:])
print(json.dumps({"exit": result.exit_code, "output": result.output, "modules": sorted(sys.modules)}))
"""


def imported_by(*args: str) -> tuple[dict, set[str]]:
    proc = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True, check=True)
    report = json.loads(proc.stdout.splitlines()[-1])
    return report, set(report["modules"])


def _matches(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def loaded(modules: set[str], prefixes=EXTRACTION) -> list[str]:
    return sorted(m for m in modules if any(_matches(m, p) for p in prefixes))


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("imports") / "q.db"
    db = open_db(str(path), create=True)
    h.put(db, h.record("a.txt", "12/KH-UBND", refs=[h.ref("27/2022/NĐ-CP")], tasks=[h.task("Sở Y tế")]))
    db.close()
    return path


def test_help_imports_no_query_and_no_extraction_code():
    report, modules = imported_by("--help")
    assert report["exit"] == 0 and "cites" in report["output"]
    assert loaded(modules, (*EXTRACTION, "vanban.queries", "vanban.store", "sqlite_utils")) == []


@pytest.mark.parametrize("args", [["stats"], ["cites", "12/KH-UBND"], ["cited-by", "27/2022/NĐ-CP"], ["search", "y te"]])
def test_query_commands_import_no_extraction_code(db_path, args):
    report, modules = imported_by(*args, "--db", str(db_path))
    assert report["exit"] == 0, report["output"]
    assert "vanban.queries" in modules  # the query did run
    assert loaded(modules) == []


def test_an_agency_query_imports_the_agency_keys_only(db_path):
    """The name asked for is keyed as extraction keys it (the agency lexicon), and nothing more."""
    report, modules = imported_by("assignments", "--agency", "so y te", "--db", str(db_path))
    assert report["exit"] == 0 and "Sở Y tế" in report["output"], report["output"]
    assert "vanban.extractors.extract.agencies.lexicon" in modules
    extract_stages = [m for m in loaded(modules) if m.startswith("vanban.extractors.extract.")
                      and m.split(".")[3] not in ("agencies", "jurisdiction", "names", "uri")]
    assert extract_stages == [] and loaded(modules, tuple(p for p in EXTRACTION if p != "vanban.extractors.extract")) == []
    assert "vanban.extractors.extract.agencies.recognize" not in modules


def test_numpy_still_imports_after_a_query(db_path):
    """sqlite_utils is imported with numpy hidden; numpy is importable afterwards (spaCy needs it)."""
    code = _RUN + "\nimport numpy\nprint(numpy.zeros(2).sum())\n"
    proc = subprocess.run([sys.executable, "-c", code, "stats", "--db", str(db_path)], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.splitlines()[-1] == "0.0"
