"""What 1,000 more documents cost to load as the database grows (a part of ``scripts/bench.py``).

The same ``extra`` synthetic files (the documents just after the largest size, so they cite
earlier ones as a real archive's next batch does) are loaded with ``vanban load`` into a copy of
a database already holding the first N documents, for each N of ``sizes``; the sizes take turns
round by round. The CPU time is that of the loading process and its workers (extraction costs
the same at every size, so any growth is the writer's: relinking, agencies, indexes). A load
whose cost does not grow with the database gives the same figures at every size.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXTRA = 1000


def link_file(src: str, dst: Path) -> None:
    """A hard link (a copy across file systems): a load does not follow a symbolic link out of
    the folder it reads (``symlink_outside_roots``)."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _folder(out: Path, paths: list[str]) -> Path:
    """out/growth-new: links to the files of the batch loaded at every size."""
    folder = out / "growth-new"
    if folder.exists() and sorted(os.listdir(folder)) == sorted(Path(p).name for p in paths):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for src in paths:
        link_file(src, folder / Path(src).name)
    return folder


def _copy_db(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)


def _load(vanban: str, folder: Path, db: Path, workers: int | None, cwd: Path) -> dict:
    cmd = [vanban, "load", str(folder), "--db", str(db), "--json", "--no-progress"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"bench: vanban load of the growth batch into {db} failed (exit {proc.returncode})")
    report = json.loads(proc.stdout)["load"]
    return {"wall_s": wall, "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "extracted": report["extracted"], "errors": report["errors"], "loadavg": os.getloadavg()[0]}


def bench_growth(out: Path, bases: dict[int, Path], new_paths: list[str], *, vanban: str, cwd: Path,
                 rounds: int = 2, workers: int | None = None) -> dict:
    """Load ``new_paths`` into a copy of each database of ``bases`` (documents already loaded ->
    database file), ``rounds`` times, the sizes in turn (reversed every other round)."""
    folder = _folder(out, new_paths)
    sizes = sorted(bases)
    runs: dict[int, list[dict]] = {n: [] for n in sizes}
    for r in range(rounds):
        for n in sizes if r % 2 == 0 else sizes[::-1]:
            db = out / f"growth-{n}.db"
            _copy_db(bases[n], db)
            runs[n].append(_load(vanban, folder, db, workers, cwd))
            for suffix in ("", "-wal", "-shm", ".lock"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    return {"extra": len(new_paths), "rounds": rounds, "runs": {str(n): v for n, v in runs.items()}}


def render_growth(g: dict) -> list[str]:
    runs = {int(n): v for n, v in g["runs"].items()}
    sizes = sorted(runs)
    cpu = {n: statistics.median(r["cpu_s"] for r in runs[n]) for n in sizes}
    lines = [f"### Loading {g['extra']} more documents as the database grows", "",
             f"The same {g['extra']} files loaded into a copy of each database, {g['rounds']} rounds, the sizes in turn; "
             "CPU seconds of the loading process and its workers (median of the rounds), each round's figures beside it.", "",
             "| documents already loaded | CPU s (median) | CPU s of each round | wall s of each round | documents/s (best) "
             "| against the smallest |",
             "| ---: | ---: | --- | --- | ---: | ---: |"]
    for n in sizes:
        rs = runs[n]
        best = max(g["extra"] / r["wall_s"] for r in rs)
        each_cpu = ", ".join(f"{r['cpu_s']:.1f}" for r in rs)
        each_wall = ", ".join(f"{r['wall_s']:.0f}" for r in rs)
        lines.append(f"| {n} | {cpu[n]:.1f} | {each_cpu} | {each_wall} | {best:.1f} | {cpu[n] / cpu[sizes[0]]:.2f} |")
    spread = max(cpu.values()) / min(cpu.values())
    lines += ["", f"Largest against smallest CPU: {spread:.2f} (target: within 1.20).", ""]
    return lines
