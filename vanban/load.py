"""Bulk load: files, folders, globs and ``.zip`` archives into the store.

``load(paths, db_path)`` extracts in worker processes (default: one per core), each file
within a time and a memory limit (``vanban.extractors.bounded``), and writes from this
process only, in batches of one transaction each (WAL, so readers can query during a
load). Each file is planned first by its content hash:

- ``skip``: the store holds this path with the same bytes and extractor version;
- ``link``: the same bytes are loaded already under another path (no extraction);
- ``extract``: new or changed (or ``force``).

A file that cannot be read, extracted or stored gets a row in ``load_errors`` and the
run goes on. A batch is committed whole or not at all, so a load killed at any moment
leaves a consistent database, and running it again finishes the job: what was
committed is skipped, the rest is done, nothing is stored twice.
"""
from __future__ import annotations

import fnmatch
import glob
import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Protocol

from vanban.extractors.bounded import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, BoundedPool
from vanban.extractors.errors import VanbanError
from vanban.extractors.common.file_names import readable_name, storable

from . import document_rows, identity, store
from .inputs import walk

ARCHIVE_SUFFIXES = (".zip",)
DEFAULT_TIMEOUT = DEFAULT_TIMEOUT_S  # seconds one file may take to extract
DEFAULT_MAX_MEMORY_MB = DEFAULT_MEMORY_MB  # address space one extraction process may use
DEFAULT_BATCH = 64  # records per transaction
FLUSH_SECONDS = 2.0  # a batch is written at least this often


def extractor_version() -> str:
    from vanban import __version__

    return __version__


# --- what to load --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One file to load: ``key`` is its identity in ``files.path`` (absolute path, or
    ``archive.zip!member`` for a member of an archive)."""

    key: str
    name: str
    path: Path
    member: str | None = None
    refused: tuple[str, str] | None = None  # (code, message) of a file the walk does not read


def _is_glob(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def is_excluded(key: str, patterns: Iterable[str]) -> bool:
    """Whether the file ``key`` (a path, or ``archive.zip!member``) matches one of the
    ``--exclude`` globs: by its name or a folder's ('README*', '*.md', 'drafts'), or by its
    path ('*/drafts/*', 'old/*.pdf', matched from the right)."""
    path = PurePosixPath(key.replace("!", "/"))
    return any(any(fnmatch.fnmatch(part, pat) for part in path.parts) or fnmatch.fnmatch(str(path), pat)
               or path.match(pat) for pat in patterns)


def _wanted(name: str) -> bool:
    from .inputs import _supported

    return _supported(name) or Path(name).suffix.lower() in ARCHIVE_SUFFIXES


def expand_inputs(paths: Iterable[str], exclude: Iterable[str] = ()) -> list[Source]:
    """Files named, supported files and archives inside folders, glob matches, less those
    ``exclude`` matches (``is_excluded``); archives are opened later (``iter_archive``).
    Stable order, no repeats. A file the walk refuses (``vanban.inputs``: not a regular
    file, a link out of the folders) is a ``Source`` with its ``refused`` error."""
    exclude = tuple(exclude)
    seen: dict[str, Source] = {}
    for raw in paths:
        matches = sorted(glob.glob(raw, recursive=True)) if _is_glob(raw) and not Path(raw).exists() else [raw]
        for found in walk(matches, _wanted):
            f = found.path
            refused = (found.error.code, found.error.message) if found.error is not None else None
            try:  # a link refused is known by its own path, one followed by its target's
                key = readable_name(os.path.abspath(f) if refused else str(f.resolve()))
            except (OSError, RuntimeError):
                key = readable_name(os.path.abspath(f))
            if not is_excluded(key, exclude):
                seen.setdefault(key, Source(key=key, name=readable_name(f.name), path=f, refused=refused))
    return list(seen.values())


MAX_ARCHIVE_DEPTH = 3  # archives inside archives are opened this deep


def iter_archive(source: Source, data: bytes | None = None, depth: int = 1
                 ) -> Iterator[tuple[Source, bytes | None, VanbanError | None]]:
    """(member, its bytes, or the reason it is refused) for every file inside a .zip,
    through ``vanban.archive`` (no member is written out; bombs and escapes refused).
    Archives inside are opened in turn (``outer.zip!inner.zip!doc.txt``)."""
    from .archive import iter_zip

    try:
        for name, content in iter_zip(data if data is not None else source.path, errors="yield", label=source.name):
            member = Source(key=f"{source.key}!{name}", name=Path(name).name, path=source.path,
                            member=f"{source.member}!{name}" if source.member else name)
            if isinstance(content, VanbanError):
                yield member, None, content
            elif Path(name).suffix.lower() in ARCHIVE_SUFFIXES and depth < MAX_ARCHIVE_DEPTH:
                yield from iter_archive(member, content, depth + 1)
            else:
                yield member, content, None
    except VanbanError as exc:  # the archive as a whole: not a zip, too large, too many members
        yield source, None, exc


# --- extraction (runs in the workers) ------------------------------------------------------------


@dataclass
class Job:
    source: Source
    sha256: str
    size: int
    data: bytes | None = None  # bytes of an archive member


@dataclass
class Result:
    source: Source
    sha256: str | None
    size: int | None
    action: str  # extract | link | error
    rows: dict | None = None
    error: tuple[str, str] | None = None  # (code, message)


@contextmanager
def job_file(job: Job) -> Iterator[Path]:
    """The path of a job's file: its own, or a temporary copy of the bytes it carries
    (a member of an archive, a file sent to another machine) under its name."""
    if job.data is None:
        yield job.source.path
        return
    with tempfile.TemporaryDirectory(prefix="vanban-") as tmp:
        path = Path(tmp) / (job.source.name or "member")
        path.write_bytes(job.data)
        yield path


def extract_job(job: Job) -> Result:
    """Extract one file and turn its record into rows; never raises. Runs in a worker of
    ``vanban.extractors.bounded``, which bounds its time and memory."""
    from vanban.extractors.pipeline import extract_file

    src = job.source
    try:
        with job_file(job) as path:
            record = extract_file(path)
        if record.error is not None:
            return Result(src, job.sha256, job.size, "error", error=(record.error.code, record.error.message))
        rows = store.record_rows(record, sha256=job.sha256, extractor_version=extractor_version())
    except VanbanError as exc:
        return Result(src, job.sha256, job.size, "error", error=(exc.code, exc.message))
    except MemoryError:  # reported by the worker's memory limit
        raise
    except Exception as exc:  # a defect must not stop a bulk load: reported against the file
        return Result(src, job.sha256, job.size, "error", error=("extraction_failed", f"{type(exc).__name__}: {exc}"))
    return Result(src, job.sha256, job.size, "extract", rows=rows)


# --- the run -------------------------------------------------------------------------------------


@dataclass
class LoadReport:
    run_id: int
    files: int = 0
    extracted: int = 0
    linked: int = 0
    skipped: int = 0
    errors: int = 0
    seconds: float = 0.0
    failed: list[dict] = field(default_factory=list)  # {path, code, message} of this run
    same: list[dict] = field(default_factory=list)  # {path, same_as: [paths], uri}: files of one document
    status: str = "done"

    def counts(self) -> dict:
        return {k: getattr(self, k) for k in ("files", "extracted", "linked", "skipped", "errors")}

    def as_dict(self) -> dict:
        return {"run_id": self.run_id, **self.counts(), "seconds": round(self.seconds, 3), "status": self.status,
                "failed": self.failed, "same_document": self.same}


class _Planner:
    """Decides per file: skip, link to loaded bytes, or extract (a generator of jobs)."""

    def __init__(self, db, *, force: bool, exclude: tuple[str, ...] = (), include_other: bool = False):
        self.force = force
        self.exclude = exclude
        self.version = extractor_version()
        self.known = {r[0]: (r[1], r[2]) for r in db.execute("SELECT path, sha256, extractor_version FROM files")}
        # files that are no document, stored in or out of the graph otherwise than asked: read again
        self.regraph = {r[0] for r in db.execute(document_rows.OTHER_FILES_TO_REGRAPH, [int(include_other)])}
        self.loaded = {r[0] for r in db.execute("SELECT sha256 FROM documents WHERE status IN ('loaded', 'copy')")}

    def plan(self, sources: list[Source]) -> Iterator[Job | Result]:
        for source in sources:
            if source.refused is not None:
                yield Result(source, None, None, "error", error=source.refused)
                continue
            if source.path.suffix.lower() in ARCHIVE_SUFFIXES and source.member is None:
                for member, data, error in iter_archive(source):
                    if is_excluded(member.key, self.exclude):
                        continue
                    if error is not None:
                        yield Result(member, None, None, "error", error=(error.code, error.message))
                    else:
                        yield self._decide(member, identity.content_hash(data), len(data), data)
                continue
            from vanban.extractors.read.files import regular_size  # not at import: the store's users need no reader

            try:
                size = regular_size(source.path)
                sha = identity.content_hash(source.path)
            except VanbanError as exc:  # swapped for a FIFO or a device since the walk
                yield Result(source, None, None, "error", error=(exc.code, exc.message))
                continue
            except OSError as exc:
                yield Result(source, None, None, "error", error=("read_error", f"{source.name}: cannot open ({exc.strerror})"))
                continue
            yield self._decide(source, sha, size, None)

    def _decide(self, source: Source, sha: str, size: int, data: bytes | None) -> Job | Result:
        if not self.force and self.known.get(source.key) == (sha, self.version) and source.key not in self.regraph:
            return Result(source, sha, size, "skip")
        if not self.force and sha in self.loaded and source.key not in self.regraph:
            return Result(source, sha, size, "link")
        return Job(source, sha, size, data)


def _warm_up() -> None:
    """Load the extractors' models once here, so forked workers share them."""
    from vanban.extractors.pipeline import extract_text

    try:
        extract_text("Số: 1/KH-UBND\nKẾ HOẠCH\nGiao Sở Tài chính chủ trì, kinh phí 1,5 tỷ đồng.")
    except Exception:  # a failure here shows again, per file, in the workers
        pass


class Engine(Protocol):
    """Where planned files are extracted: ``run`` yields the ``Result`` of every item (a
    ``Job`` extracted, a ``Result`` passed through), in the order they complete, within the
    per-file limits; closing the iterator stops the extraction."""

    def run(self, items: Iterator[Job | Result], *, timeout: float | None,
            max_memory_mb: int | None) -> Iterator[Result]: ...


def _run_jobs(items: Iterator[Job | Result], workers: int, *, timeout: float | None,
              max_memory_mb: int | None) -> Iterator[Result]:
    """Results of the planned items: jobs extracted by ``workers`` processes of a
    ``BoundedPool``, one file at a time each, within ``timeout`` seconds and
    ``max_memory_mb`` MB (0 workers: in this process, unbounded); the rest passed through.
    Output order follows completion."""
    if workers <= 0:
        for item in items:
            yield extract_job(item) if isinstance(item, Job) else item
        return
    window = workers * 4  # jobs queued ahead, so no worker waits for this process
    pool: BoundedPool | None = None
    jobs: dict[int, Job] = {}
    try:
        for item in items:
            if isinstance(item, Result):
                yield item
                continue
            if pool is None:  # started at the first file to extract: a re-run that skips all starts none
                _warm_up()
                pool = BoundedPool(workers, timeout_s=timeout, memory_mb=max_memory_mb)
            jobs[id(item)] = item
            pool.submit(extract_job, item, tag=id(item), label=item.source.name)
            yield from _finished(pool, jobs, block=pool.pending >= window)
        while pool is not None and pool.pending:
            yield from _finished(pool, jobs, block=True)
    finally:
        if pool is not None:
            pool.close()


def _finished(pool: BoundedPool, jobs: dict[int, Job], *, block: bool) -> Iterator[Result]:
    for tag, outcome in pool.results(block=block):
        yield outcome_result(jobs.pop(tag), outcome)


def outcome_result(job: Job, outcome) -> Result:
    """The ``Result`` of a job's ``Outcome`` in a ``BoundedPool``: what ``extract_job``
    returned, or the file's error when it was stopped at its time or memory limit, or its
    worker died."""
    if outcome.error is None:
        return outcome.value
    return Result(job.source, job.sha256, job.size, "error", error=(outcome.error.code, outcome.error.message))


class _Writer:
    """The one writer: stores results in batches, one transaction each."""

    def __init__(self, db, report: LoadReport, batch_size: int, *, include_other: bool = False):
        self.db = db
        self.include_other = include_other
        self.report = report
        self.batch_size = batch_size
        self.batch: list[Result] = []
        self.flushed_at = time.monotonic()
        self.version = extractor_version()

    def add(self, result: Result) -> None:
        self.report.files += 1
        if result.action == "skip":
            self.report.skipped += 1
            return
        self.batch.append(result)
        if len(self.batch) >= self.batch_size or time.monotonic() - self.flushed_at >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        db, run_id = self.db, self.report.run_id
        touched = store.Touched()
        with db.atomic():
            for result in self.batch:
                try:
                    with db.atomic():
                        touched.update(self._write(result))
                except Exception as exc:  # stored as the file's error, the batch goes on
                    result = Result(result.source, result.sha256, result.size, "error",
                                    error=("store_failed", storable(f"{type(exc).__name__}: {exc}")))
                    try:
                        with db.atomic():
                            touched.update(self._write(result))
                    except Exception as again:  # not even its error row: told in the report, the load goes on
                        result.error = ("store_failed", storable(f"{type(exc).__name__}: {exc}; then {again}"))
                self._count(result)
            store.settle(db, touched)
            db["load_runs"].update(run_id, self.report.counts())
        self.batch = []
        self.flushed_at = time.monotonic()

    def _write(self, result: Result) -> store.Touched:
        db, key, run_id = self.db, result.source.key, self.report.run_id
        if result.action == "extract":
            rows = result.rows if self.include_other else document_rows.outside_graph(result.rows)
            touched = store.store_record(db, rows, path=key, size=result.size, run_id=run_id)
            same = document_rows.same_document(db, key)
            if same is not None:
                self.report.same.append(same)
            return touched
        if result.action == "link":
            touched = store.link_file(db, path=key, sha256=result.sha256, size=result.size, run_id=run_id,
                                      extractor_version=self.version)
            if touched is not None:
                return touched
            result.action, result.error = "error", ("link_failed", f"{result.source.name}: its twin is not stored")
        code, message = result.error
        return store.store_error(db, path=storable(key), sha256=result.sha256, code=code, message=storable(message),
                                 size=result.size, run_id=run_id, extractor_version=self.version)

    def _count(self, result: Result) -> None:
        if result.action == "error":
            self.report.errors += 1
            self.report.failed.append({"path": storable(result.source.key), "code": result.error[0],
                                       "message": storable(result.error[1])})
        elif result.action == "link":
            self.report.linked += 1
        else:
            self.report.extracted += 1


def load(paths: Iterable[str], db_path: str | Path | None = None, *, workers: int | None = None, force: bool = False,
         batch_size: int = DEFAULT_BATCH, timeout: float | None = DEFAULT_TIMEOUT,
         max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB, progress: bool | None = None,
         engine: Engine | None = None, exclude: Iterable[str] = (), include_other: bool = False) -> LoadReport:
    """Load every file under ``paths`` into the store at ``db_path``.

    ``workers``: extraction processes (default: all cores; 0 extracts in this process,
    without the limits). ``timeout`` (seconds) and ``max_memory_mb`` bound the extraction
    of each file (None: no limit); a file over either is that file's error.
    ``progress``: a progress bar on stderr (None: only on a terminal).
    ``exclude``: globs of files not to load (``is_excluded``). ``include_other``: the
    files that are no document (genre ``other``) bring their citations, amounts and tasks
    into the graph too (by default they are recorded, searchable, and left out of it).
    ``engine``: where the files are extracted (None: this machine's processes, as
    ``workers`` says; ``vanban.cluster.DaskEngine``: a Dask cluster); planning and
    writing stay here either way. Two loads of one database do not run at once: the
    second waits for the first (``vanban.lock``).
    """
    from .lock import load_lock

    paths = list(paths)
    workers = (os.cpu_count() or 1) if workers is None else workers
    started = time.monotonic()
    from .schema import check_loadable

    check_loadable(db_path or store.default_db_path())  # before the lock file is made beside it
    with load_lock(db_path or store.default_db_path()):  # a second load of this database waits
        return _load(paths, db_path, workers=workers, force=force, batch_size=batch_size, timeout=timeout,
                     max_memory_mb=max_memory_mb, progress=progress, engine=engine, started=started,
                     exclude=tuple(exclude), include_other=include_other)


def _load(paths: list[str], db_path, *, workers: int, force: bool, batch_size: int, timeout, max_memory_mb,
          progress, engine, started: float, exclude: tuple[str, ...], include_other: bool) -> LoadReport:
    from tqdm import tqdm

    db = store.open_db(db_path)
    try:
        sources = expand_inputs(paths, exclude)
        run_id = store.start_run(db, paths=paths, workers=workers, force=force)
        report = LoadReport(run_id=run_id)
        writer = _Writer(db, report, batch_size, include_other=include_other)
        in_archive = lambda source: source.path.suffix.lower() in ARCHIVE_SUFFIXES  # noqa: E731
        bar = tqdm(total=sum(not in_archive(s) for s in sources), unit="doc", desc="load", dynamic_ncols=True,
                   disable=None if progress is None else not progress)
        planner = _Planner(db, force=force, exclude=exclude, include_other=include_other)
        run = engine.run if engine is not None else partial(_run_jobs, workers=workers)
        results = run(planner.plan(sources), timeout=timeout, max_memory_mb=max_memory_mb)
        try:
            for result in results:
                writer.add(result)
                if in_archive(result.source):
                    bar.total += 1  # files in archives are counted as they are found
                bar.update(1)
                bar.set_postfix(errors=report.errors, skipped=report.skipped, refresh=False)
            writer.flush()
        except KeyboardInterrupt:
            results.close()  # stops the workers
            writer.flush()  # keeps what was extracted
            report.status = "interrupted"
            raise
        finally:
            bar.close()
            report.seconds = time.monotonic() - started
            store.finish_run(db, run_id, report.counts(), seconds=report.seconds, status=report.status)
        return report
    finally:
        db.close()
