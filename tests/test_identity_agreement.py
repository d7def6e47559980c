"""One identity: what `vanban extract` says a document and its agencies are is what the
database holds after `vanban load`, for every file of the bundled corpus."""
from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from pathlib import Path

import pytest

from vanban.extractors.pipeline import extract_file
from vanban.identity import content_hash
from vanban.queries import export_rows
from vanban.store import open_db

from .conftest import CORPUS, ROOT

FOLDERS = [CORPUS / "docs", CORPUS / "heldout" / "docs"]
FILES = sorted(p for folder in FOLDERS for p in folder.iterdir() if p.is_file())


def _extract(path: Path) -> tuple[str, dict]:
    return content_hash(path), extract_file(path).model_dump(mode="json")


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[Path, dict[str, dict]]:
    """The corpus loaded by the `vanban load` command into a SQLite file, and each file as
    `vanban extract` gives it (by content hash), the two done side by side (OCR waits)."""
    db = tmp_path_factory.mktemp("agreement") / "corpus.db"
    exe = Path(sys.executable).parent / "vanban"
    load = subprocess.Popen([str(exe), "load", *map(str, FOLDERS), "--db", str(db)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with ProcessPoolExecutor(max_workers=4) as pool:
            extracted = dict(pool.map(_extract, FILES))
        _, err = load.communicate(timeout=900)
    finally:
        if load.poll() is None:
            load.kill()
    assert load.returncode == 0, err
    return db, extracted


@pytest.fixture(scope="module")
def loaded(both) -> Path:
    return both[0]


@pytest.fixture(scope="module")
def extracted(both) -> dict[str, dict]:
    return both[1]


def test_the_corpus_is_all_loaded(loaded, extracted):
    with closing(open_db(loaded, create=False)) as db:
        hashes = {r[0] for r in db.execute("SELECT sha256 FROM documents WHERE status IN ('loaded', 'copy')")}
        uris = [r[0] for r in db.execute("SELECT uri FROM documents WHERE status = 'loaded'")]
    assert len(FILES) >= 40
    assert hashes == set(extracted)
    assert sorted(uris) == sorted({r["uri"] for r in extracted.values()})  # one row per document


def test_every_uri_and_agency_id_is_the_same_in_the_record_and_the_database(loaded, extracted):
    uri_mismatches, id_mismatches, assignments = [], [], 0
    with closing(open_db(loaded, create=False)) as db:
        for sha, record in extracted.items():
            doc_id, uri, jurisdiction = db.execute(
                "SELECT id, uri, jurisdiction FROM documents WHERE sha256 = ?", [sha]
            ).fetchone()
            if (record.get("uri"), record.get("jurisdiction")) != (uri, jurisdiction):
                uri_mismatches.append((record["source"], record.get("uri"), uri))
            stored = dict(db.execute("SELECT position, agency_id FROM assignments WHERE document_id = ?", [doc_id]))
            if db.execute("SELECT status FROM documents WHERE id = ?", [doc_id]).fetchone()[0] == "copy":
                continue  # another file of a document: its rows are the document's
            assert len(stored) == len(record["assignments"])
            for i, a in enumerate(record["assignments"]):
                assignments += 1
                if a.get("agency_id") != stored[i]:
                    id_mismatches.append((record["source"], a["agency"], a.get("agency_id"), stored[i]))
    assert assignments > 300
    assert not uri_mismatches and not id_mismatches, (
        f"{len(uri_mismatches)} of {len(extracted)} URIs differ: {uri_mismatches[:3]}; "
        f"{len(id_mismatches)} of {assignments} agency ids differ: {id_mismatches[:3]}"
    )


def test_export_gives_the_records_as_extracted(loaded, extracted):
    with closing(open_db(loaded, create=False)) as db:
        exported = {(r["uri"], r["source"]): r for r in export_rows(db, records=True)}
    assert len(exported) == len({r["uri"] for r in extracted.values()})  # one record per document
    for record in extracted.values():
        out = exported.get((record["uri"], record["source"]))
        if out is None:  # another file of a document exported once
            assert any(uri == record["uri"] for uri, _ in exported)
            continue
        assert out["jurisdiction"] == record["jurisdiction"]
        assert [a["agency_id"] for a in out["assignments"]] == [a["agency_id"] for a in record["assignments"]]
