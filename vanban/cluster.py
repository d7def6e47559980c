"""Extraction on a Dask cluster: the load of ``vanban.load``, its files extracted by the
workers of a ``dask.distributed`` cluster instead of this machine's processes.

Only the middle step moves. This process still plans (paths and archives expanded,
unchanged files skipped by their hash) and is still the one writer; ``DaskEngine.run``
takes the planned jobs, submits them as tasks, at most ``window`` in flight, and yields
each ``Result`` as its task completes (``as_completed``), so the writer stores results
while the cluster works on the next ones.

- **Files by the handful**: files other than PDFs go ``FILES_PER_TASK`` to a task, so the
  cost of a task (scheduling, transfers, the result's trip back) is shared; a task that
  kills its workers is split, each file alone, so only the one at fault fails.
- **No shared filesystem**: a file's bytes travel with its task (read here when it is
  submitted); with ``shared=True`` the workers read each file at its path instead (a
  filesystem mounted at the same place on every machine).
- **Once per worker**: a worker loads the models and lexicons at its first task, then
  starts a ``BoundedPool`` of one process (forked, so the process shares them) for each
  task it runs at a time. Every file is extracted in such a process, within the same time
  and memory limits as locally and with the same error codes
  (``vanban.extractors.bounded``): a file over its limits is that file's error row.
- **Scans, one page per task**: a PDF's first task reads its text layer; when at least
  ``split_pages`` of its pages must be read by OCR, it returns their numbers instead, each
  page is read by a task of its own (rasterize and OCR one page), and when the pages are
  back one more task extracts the document with them (``vanban.extractors.read.ocr.
  pages_given``): a 300-page scan spreads over the cluster instead of running into its
  time limit on one worker, and its record is the one a local load makes.
- **Faults**: when a worker dies, the scheduler runs its tasks again on the others, and
  the load goes on. A file whose task killed ``distributed.scheduler.allowed-failures``
  workers in a row ends as that file's ``extraction_failed`` error row; a result lost
  with its worker before it was fetched is asked for again (``CLUSTER_ATTEMPTS``).

Workers need the installed package (``pip install 'vanban[cluster]'``) and nothing else.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import queue
from dataclasses import replace
from typing import Iterator

from vanban.extractors.bounded import BoundedPool
from vanban.extractors.errors import VanbanError

from .load import Job, Result, _warm_up, extract_job, job_file, outcome_result

TASKS_PER_THREAD = 4  # tasks in flight per worker thread, so no worker waits for this process
CLUSTER_ATTEMPTS = 3  # times a task is submitted when the cluster, not the file, fails it
SPLIT_PAGES = 2  # a scan with this many pages to read by OCR is read one page per task
FILES_PER_TASK = 8  # files other than PDFs sent in one task: the cluster's cost of a task shared by them


class EngineUnavailableError(VanbanError):
    code = "engine_unavailable"


def _distributed():
    try:
        import distributed
    except ImportError:
        raise EngineUnavailableError("the dask engine needs dask.distributed: pip install 'vanban[cluster]'")
    return distributed


# --- the worker side -----------------------------------------------------------------------------

_warmed = False
_pools: queue.SimpleQueue = queue.SimpleQueue()  # free pools of this worker, one per task running


def _allow_children() -> None:
    """Dask starts its workers as daemon processes, which ``multiprocessing`` forbids to
    start processes; a pool's processes die with their worker all the same
    (``PR_SET_PDEATHSIG``, see ``vanban.extractors.bounded``)."""
    process = mp.current_process()
    if process.daemon:
        process._config["daemon"] = False


def warm_worker() -> None:
    """Load the models and lexicons in this worker, once (before its first task, so its
    bounded processes share them)."""
    global _warmed
    if not _warmed:
        _warm_up()
        _allow_children()
        _warmed = True


def _pool(timeout: float | None, memory_mb: int | None) -> BoundedPool:
    warm_worker()  # a worker that joined the cluster after the run started warms here
    wanted = (timeout if timeout and timeout > 0 else None, memory_mb or None)
    while True:
        try:
            pool = _pools.get_nowait()
        except queue.Empty:
            return BoundedPool(1, timeout_s=timeout, memory_mb=memory_mb)
        if (pool.timeout_s, pool.memory_mb) == wanted:
            return pool
        pool.close()  # left by a load with other limits


def _bounded(fn, arg, label: str, timeout: float | None, memory_mb: int | None):
    """``fn(arg)`` in a bounded process of this worker: its ``Outcome``."""
    pool = _pool(timeout, memory_mb)
    try:
        pool.submit(fn, arg, tag=0, label=label)
        [(_, outcome)] = pool.results()
    except BaseException:
        pool.close()
        raise
    _pools.put(pool)
    return outcome


def _is_pdf(job: Job) -> bool:
    return job.source.name.lower().endswith(".pdf")


def _extract_or_split(arg: tuple[Job, int]) -> Result | list[int]:
    """The file's result; or, for a PDF with at least ``split`` pages to read by OCR
    (0: never), those pages, to be read in tasks of their own."""
    job, split = arg
    if split and _is_pdf(job):
        from vanban.extractors.read.ocr import ocr_available
        from vanban.extractors.read.pdf import pages_to_ocr

        try:
            with job_file(job) as path:
                pages = pages_to_ocr(path)
        except Exception:  # not a readable PDF: extract_job says why, as locally
            pages = []
        if len(pages) >= split and ocr_available():
            return pages
    return extract_job(job)


def _read_page(arg: tuple[Job, int]) -> tuple[str, list[float]] | None:
    """One page of a scan by OCR: its text and word confidences (None: it failed, and
    the whole file is extracted again in one task, to fail as it does locally)."""
    from vanban.extractors.read.ocr import ocr_pdf_page

    job, index = arg
    try:
        with job_file(job) as path:
            return ocr_pdf_page(path, index)
    except Exception:
        return None


def _assemble(arg: tuple[Job, dict]) -> Result:
    from vanban.extractors.read.ocr import pages_given

    job, pages = arg
    with pages_given(pages):
        return extract_job(job)


def extract_task(job: Job, split: int, timeout: float | None, memory_mb: int | None) -> Result | list[int]:
    """One file's task on a worker (``_extract_or_split``)."""
    return outcome_result(job, _bounded(_extract_or_split, (job, split), job.source.name, timeout, memory_mb))


def batch_task(jobs: list[Job], _split: int, timeout: float | None, memory_mb: int | None) -> list[Result]:
    """Several files other than PDFs, one after another, each in its bounded process."""
    return [extract_task(job, 0, timeout, memory_mb) for job in jobs]


def page_task(job: Job, index: int, timeout: float | None, memory_mb: int | None):
    """One page of a scan (``_read_page``); over the limits, the file's error ``Result``."""
    outcome = _bounded(_read_page, (job, index), job.source.name, timeout, memory_mb)
    return outcome.value if outcome.error is None else outcome_result(job, outcome)


def assemble_task(job: Job, pages: dict, timeout: float | None, memory_mb: int | None) -> Result:
    """A scan's extraction with its pages read (``_assemble``)."""
    return outcome_result(job, _bounded(_assemble, (job, pages), job.source.name, timeout, memory_mb))


# --- the client side -----------------------------------------------------------------------------


class DaskEngine:
    """Extract on the cluster whose scheduler is at ``scheduler`` (``tcp://host:8786``), or
    on a ``LocalCluster`` of ``workers`` processes (default: one per core) started for the
    run and closed after it. ``shared``: the workers read the files at their paths.
    ``split_pages``: a scanned PDF with at least this many pages to read by OCR is read
    one page per task (0: never), and assembled when its pages are back. ``files_per_task``:
    files other than PDFs go ``files_per_task`` to a task, so the cost of a task (the
    scheduler's, the transfers') is shared by them."""

    def __init__(self, scheduler: str | None = None, *, workers: int | None = None, shared: bool = False,
                 window: int | None = None, split_pages: int = SPLIT_PAGES, files_per_task: int = FILES_PER_TASK):
        if scheduler and workers:
            raise ValueError("a scheduler address or a number of local workers, not both")
        self.scheduler = scheduler
        self.workers = workers
        self.shared = shared
        self.window = window
        self.split_pages = split_pages
        self.files_per_task = max(1, files_per_task)
        self.client = None  # the cluster's client while a run extracts
        self.page_tasks = 0  # pages of scans read in tasks of their own, this run

    def _connect(self):
        distributed = _distributed()
        if self.scheduler:
            return distributed.Client(self.scheduler), None
        cluster = distributed.LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                                           processes=True, dashboard_address=None, silence_logs=logging.ERROR)
        return distributed.Client(cluster), cluster

    def run(self, items: Iterator[Job | Result], *, timeout: float | None,
            max_memory_mb: int | None) -> Iterator[Result]:
        cluster = None
        self._limits = (timeout, max_memory_mb)
        self._running: dict[str, tuple] = {}  # task key -> (kind, job, attempts so far, its argument)
        self._scans: dict[str, dict] = {}  # a scan's key -> its pages wanted and read so far
        self.page_tasks = 0
        batch: list[Job] = []  # files waiting to fill a task
        try:
            for item in items:
                if isinstance(item, Result):
                    yield item
                    continue
                if self.client is None:  # connected at the first file to extract: a re-run that skips all needs no cluster
                    self.client, cluster = self._connect()
                    self.client.run(warm_worker)  # every worker at once, before the first task
                    self._done = _distributed().as_completed()
                    window = self.window or TASKS_PER_THREAD * max(1, sum(self.client.nthreads().values()))
                job = item if self.shared else self._with_bytes(item)
                if isinstance(job, Result):
                    yield job
                    continue
                if _is_pdf(job) or self.files_per_task == 1:
                    self._submit("file", job, self.split_pages)
                else:
                    batch.append(job)
                    if len(batch) >= self.files_per_task:
                        self._submit("batch", batch, 0)
                        batch = []
                while len(self._running) >= window:
                    yield from self._next()
            if batch:
                self._submit("batch", batch, 0)
            while self._running:
                yield from self._next()
        finally:
            if self.client is not None:
                self.client.close()
                self.client = None
            if cluster is not None:
                cluster.close()

    def _submit(self, kind: str, job: Job, arg, attempt: int = 1) -> None:
        """A task of ``kind`` for ``job``: ``file`` (``arg``: split_pages), ``page`` (the
        page's index) or ``assemble`` (the pages read)."""
        fn = {"file": extract_task, "batch": batch_task, "page": page_task, "assemble": assemble_task}[kind]
        future = self.client.submit(fn, job, arg, *self._limits, pure=False, key=f"vanban-{kind}-{os.urandom(8).hex()}")
        self._running[future.key] = (kind, job, attempt, arg)
        self._done.add(future)

    def _next(self) -> Iterator[Result]:
        """The results of the next task to complete: none when its file has more tasks to go."""
        future = next(self._done)
        kind, job, attempt, arg = self._running.pop(future.key)
        try:
            value = future.result()
        except Exception as exc:  # the tasks themselves never raise: the cluster failed it
            killed = type(exc).__name__ == "KilledWorker"  # it killed worker after worker
            if not killed and attempt < CLUSTER_ATTEMPTS:  # its result was lost with a worker, or not fetched
                self._submit(kind, job, arg, attempt + 1)
                return
            if kind == "batch":  # each file alone, so the one that kills workers fails alone
                for one in job:
                    self._submit("file", one, 0)
                return
            message = f"{job.source.name}: the extraction failed on the cluster ({type(exc).__name__}: {exc})"
            value = Result(job.source, job.sha256, job.size, "error", error=("extraction_failed", message))
        finally:
            future.release()
        if kind == "batch":
            yield from value
            return
        key = job.source.key
        if kind == "file" and isinstance(value, list):  # a scan: one task per page
            self._scans[key] = {"want": len(value), "pages": {}}
            for index in value:
                self._submit("page", job, index)
            self.page_tasks += len(value)
            return
        if kind == "page":
            scan = self._scans.get(key)
            if scan is None:  # the scan ended already (another page failed)
                return
            if isinstance(value, tuple):
                scan["pages"][arg] = value
                if len(scan["pages"]) == scan["want"]:
                    del self._scans[key]
                    self._submit("assemble", job, scan["pages"])
                return
            del self._scans[key]
            if value is None:  # the page's OCR failed: the whole file in one task, to fail as locally
                self._submit("file", job, 0)
                return
        yield value  # a file's result, or a page over the limits: the file's error

    @staticmethod
    def _with_bytes(job: Job) -> Job | Result:
        if job.data is not None:  # a member of an archive: its bytes are already here
            return job
        try:
            return replace(job, data=job.source.path.read_bytes())
        except OSError as exc:
            return Result(job.source, job.sha256, job.size, "error",
                          error=("read_error", f"{job.source.name}: cannot open ({exc.strerror})"))
