"""The files a command's arguments name."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the supported files inside folders named, in a stable order."""
    from vanban.extractors.read import READERS

    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and (f.suffix.lower() in READERS or ".txt" in f.suffixes)))
        else:
            out.append(p)
    return out
