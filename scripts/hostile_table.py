#!/usr/bin/env python3
"""The hostile-archive table: each class of bad input (tests/hostile_files.py) loaded alone
by a real ``vanban load``, with the error code it got, the seconds the load took and the
peak resident memory of the loader and its workers; then all of them in one load.

    python scripts/hostile_table.py [--timeout 75] [--workers 2] [--only CLASS-WORDS]

Prints a Markdown table. Each row is one process start (about 3-5 s of it is the loader
starting and loading its models), so the whole table takes a few minutes.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_files import make_hostile, run_measured  # noqa: E402

VANBAN = [sys.executable, "-m", "vanban.cli"]


def _codes(db: Path) -> list[str]:
    try:
        with closing(sqlite3.connect(db)) as c:
            return [r[0] for r in c.execute("SELECT code FROM load_errors ORDER BY path")]
    except sqlite3.Error:
        return []


def _one(path_args: list[str], db: Path, args) -> tuple[int, float, int]:
    code, seconds, peak, _, _ = run_measured(
        [*VANBAN, "load", *path_args, "--db", str(db), "--workers", str(args.workers), "--timeout", str(args.timeout),
         "--no-progress"], timeout=args.timeout * 4 + 120)
    return code, seconds, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--timeout", type=float, default=75)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", default="", help="only the classes whose name holds this text")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="vanban-hostile-") as tmp:
        folder = Path(tmp) / "docs"
        made = make_hostile(folder)
        print("| class | expected | error code | seconds | peak RSS (MB) |")
        print("|---|---|---|---:|---:|")
        for cls, (name, expected) in made.items():
            if args.only and args.only not in cls:
                continue
            alone = Path(tmp) / "alone"
            shutil.rmtree(alone, ignore_errors=True)
            alone.mkdir()
            src = folder / name
            target = alone / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if src.is_symlink():  # the link in a folder of its own, with what it leads to if that is beside it
                link = os.readlink(src)
                os.symlink(link, target)
                beside = src.parent / link
                if not os.path.isabs(link) and beside.is_symlink():
                    os.symlink(os.readlink(beside), target.parent / link)
                elif not os.path.isabs(link) and os.path.lexists(beside) and not beside.is_dir():
                    os.link(beside, target.parent / link)
            else:
                os.link(src, target)  # a FIFO or a socket keeps what it is
            paths = [str(alone)]
            db = Path(tmp) / "alone.db"
            for f in Path(tmp).glob("alone.db*"):
                f.unlink()
            code, seconds, peak = _one(paths, db, args)
            codes = _codes(db)
            got = ", ".join(sorted(set(codes))) or ("loaded" if code == 0 else f"exit {code}")
            print(f"| {cls} | {expected or 'loaded'} | {got} | {seconds:.1f} | {peak / 2**20:.0f} |", flush=True)
        db = Path(tmp) / "all.db"
        code, seconds, peak = _one([str(folder)], db, args)
        print(f"| **all {len(made)} in one load** | | {len(_codes(db))} errors, exit {code} | {seconds:.1f} | "
              f"{peak / 2**20:.0f} |")


if __name__ == "__main__":
    main()
