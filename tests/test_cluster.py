"""The load on a Dask cluster: a real ``LocalCluster`` of two worker processes (one for
the module), real files, real SQLite files; its databases compared row for row with the
local engine's.

The bundled corpus is loaded without its scanned pages (nine PDFs whose pages go to OCR:
minutes of Tesseract on two cores; their page tasks are tested on their own).
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import distributed  # the cluster extra (scripts/setup.sh installs it)
import pytest
from click.testing import CliRunner

from vanban.cluster import DaskEngine
from vanban.load import load
from vanban.store import open_db

from .conftest import CORPUS, SEEDS
from .test_load import PATHOLOGICAL, _alive, _children, snap


FOLDERS = (CORPUS / "docs", CORPUS / "heldout" / "docs")
TEXT_SUFFIXES = (".txt", ".md", ".ws")


def _scanned(path: Path) -> bool:
    from vanban.extractors.read.pdf import _pdfium_pages

    return path.suffix == ".pdf" and any(page.ocr_reason() for page in _pdfium_pages(path))


def corpus_files(*, text_only: bool = False) -> list[str]:
    files = sorted(p for folder in FOLDERS for p in folder.iterdir() if p.is_file())
    if text_only:
        return [str(p) for p in files if p.suffix in TEXT_SUFFIXES]
    return [str(p) for p in files if not _scanned(p)]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        with distributed.Client(c) as client:
            client.wait_for_workers(2, timeout=120)
        yield c


@pytest.fixture(scope="module")
def local_corpus(tmp_path_factory) -> tuple[list[str], Path]:
    """The bundled corpus (no scans) loaded by the local engine: its files and database."""
    files = corpus_files()
    path = tmp_path_factory.mktemp("local") / "local.db"
    report = load(files, path, workers=2, progress=False)
    assert report.errors == 0 and report.extracted == len(files) > 70
    return files, path


@pytest.fixture(scope="module")
def local_text(tmp_path_factory) -> tuple[list[str], Path]:
    files = corpus_files(text_only=True)
    path = tmp_path_factory.mktemp("local") / "text.db"
    report = load(files, path, workers=0, progress=False)
    assert report.errors == 0 and report.extracted == len(files) > 30
    return files, path


def test_the_corpus_on_two_workers_gives_the_local_database(cluster, local_corpus, tmp_path):
    files, local_db = local_corpus
    db_path = tmp_path / "dask.db"
    engine = DaskEngine(cluster.scheduler_address)
    report = load(files, db_path, engine=engine, batch_size=8, progress=False)
    assert (report.extracted, report.errors) == (len(files), 0), report.failed
    assert snap(db_path) == snap(local_db)
    # a second run skips every file, without a task
    again = load(files, db_path, engine=DaskEngine("tcp://127.0.0.1:1"), progress=False)
    assert (again.skipped, again.extracted) == (len(files), 0)


class KillsAWorker(DaskEngine):
    """Kills, from the ``after``-th result on, the first worker process seen extracting
    (its bounded process started) with tasks assigned to it."""

    def __init__(self, scheduler: str, after: int):
        super().__init__(scheduler)
        self.after = after
        self.killed: dict = {}

    def run(self, items, **limits):
        for n, result in enumerate(super().run(items, **limits), 1):
            if n >= self.after and not self.killed:
                pids = self.client.run(os.getpid)
                for address, keys in self.client.processing().items():
                    pool = _children(pids[address])
                    if keys and pool:
                        self.killed = {"pid": pids[address], "tasks": len(keys), "pool": pool}
                        os.kill(pids[address], signal.SIGKILL)
                        break
            yield result


def test_a_worker_killed_during_the_load_loses_nothing(cluster, local_text, tmp_path):
    files, local_db = local_text
    db_path = tmp_path / "dask.db"
    engine = KillsAWorker(cluster.scheduler_address, after=3)
    report = load(files, db_path, engine=engine, batch_size=4, progress=False)
    assert engine.killed["tasks"] >= 1  # it died holding work, which was run again elsewhere
    assert engine.killed["pool"]  # its extraction process ...
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in engine.killed["pool"]):
        time.sleep(0.1)
    assert not any(_alive(p) for p in engine.killed["pool"])  # ... died with it
    assert (report.extracted, report.errors) == (len(files), 0), report.failed
    assert snap(db_path) == snap(local_text[1])


def test_files_over_their_limits_are_the_same_error_rows_as_locally(cluster, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for seed in SEEDS[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / "000_parens.txt").write_text(PATHOLOGICAL, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "fake.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    local = load([str(folder)], tmp_path / "local.db", workers=1, timeout=5.0, progress=False)
    dask = load([str(folder)], tmp_path / "dask.db", engine=DaskEngine(cluster.scheduler_address), timeout=5.0,
                progress=False)
    codes = lambda report: sorted((Path(f["path"]).name, f["code"]) for f in report.failed)  # noqa: E731
    assert codes(dask) == codes(local) == [("000_parens.txt", "extraction_timeout"), ("empty.txt", "empty_file"),
                                           ("fake.pdf", "corrupt_file")]
    assert snap(tmp_path / "dask.db") == snap(tmp_path / "local.db")


def test_the_cli_loads_through_a_scheduler_reading_a_shared_path(cluster, tmp_path):
    from vanban.cli import cli

    db = str(tmp_path / "v.db")
    seeds = [str(p) for p in SEEDS[:3]]
    runner = CliRunner()
    args = ["load", *seeds, "--db", db, "--engine", "dask", "--scheduler", cluster.scheduler_address, "--no-progress"]
    result = runner.invoke(cli, [*args, "--shared"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("3 tệp: 3 trích xuất, 0 đã nạp dưới tên khác, 0 không đổi, 0 lỗi")
    result = runner.invoke(cli, args)
    assert result.output.startswith("3 tệp: 0 trích xuất, 0 đã nạp dưới tên khác, 3 không đổi")
    both = runner.invoke(cli, [*args, "--workers", "2"])
    assert both.exit_code != 0 and "not both" in both.output
    local = runner.invoke(cli, ["load", *seeds, "--db", db, "--scheduler", cluster.scheduler_address])
    assert local.exit_code != 0 and "--engine dask" in local.output


def test_a_scan_is_read_one_page_per_task_and_assembled_to_the_local_rows(cluster, tmp_path):
    # dev-063.pdf: page 1 has a text layer, page 2 is scanned (and quick to read); with a
    # text document beside it
    files = [str(CORPUS / "heldout" / "docs" / "dev-063.pdf"), str(SEEDS[0])]
    local = load(files, tmp_path / "local.db", workers=1, progress=False)
    engine = DaskEngine(cluster.scheduler_address, split_pages=1)
    dask = load(files, tmp_path / "dask.db", engine=engine, progress=False)
    assert engine.page_tasks == 1
    assert (dask.extracted, dask.errors) == (local.extracted, local.errors) == (2, 0)
    assert snap(tmp_path / "dask.db") == snap(tmp_path / "local.db")
    db = open_db(tmp_path / "dask.db")
    try:
        ocr = db.execute("SELECT ocr FROM documents WHERE source = 'dev-063.pdf'").fetchone()[0]
    finally:
        db.close()
    assert '"pages": [2]' in ocr
