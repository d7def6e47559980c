"""The reviewed data the extractors load: lexicons, vocabularies and tables.

Every file here is loaded through this module, lazily and once: ``load_json(name)``,
``load_jsonl(name)``, or ``path(name)`` for a file read some other way. Nothing is read at
import time.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DIR = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """Path of a data file shipped in this package; ``FileNotFoundError`` if there is none."""
    p = DIR / name
    if not p.is_file():
        raise FileNotFoundError(f"no data file {name!r} in {DIR}")
    return p


@cache
def load_json(name: str):
    """The parsed contents of ``name`` (cached: treat the result as read-only)."""
    return json.loads(path(name).read_text(encoding="utf-8"))


@cache
def load_jsonl(name: str) -> tuple:
    """The records of a JSON Lines file, one per non-empty line (cached, read-only)."""
    return tuple(json.loads(line) for line in path(name).read_text(encoding="utf-8").splitlines() if line.strip())
