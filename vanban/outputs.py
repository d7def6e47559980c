"""Files written into an output folder (``vanban extract --out``): one name per input, never
two inputs on one name, and never through a link already in the folder.

``OutputFolder.write(stem, text)`` writes ``<stem>.json``; a second input of the same stem
in the run gets ``<stem>-2.json`` and so on (told in ``renamed``). Each file is written
to a temporary file in the folder and moved onto its name, so a symbolic link (or any
other entry) already there under that name is replaced, never followed: nothing outside
the folder is written.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputFolder:
    def __init__(self, folder: str | Path, suffix: str = ".json"):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.suffix = suffix
        self.used: set[str] = set()
        self.renamed: list[tuple[str, str]] = []  # (the name it would have had, the name it has)
        umask = os.umask(0)
        os.umask(umask)
        self.mode = 0o666 & ~umask  # what open() would have given

    def name_for(self, stem: str) -> str:
        stem = stem.replace(os.sep, "_") or "record"
        name = stem + self.suffix
        n = 1
        while name.lower() in self.used:
            n += 1
            name = f"{stem}-{n}{self.suffix}"
        if n > 1:
            self.renamed.append((stem + self.suffix, name))
        self.used.add(name.lower())
        return name

    def write(self, stem: str, text: str) -> Path:
        name = self.name_for(stem)
        fd, tmp = tempfile.mkstemp(prefix=".vanban-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.chmod(tmp, self.mode)
            os.replace(tmp, self.folder / name)  # a link under that name is replaced, not followed
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return self.folder / name
