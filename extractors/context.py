"""What every extractor receives: the normalized text, its parts, and the header facts.

Extractors are pure functions ``f(ctx) -> list[...]``; they never read files or touch
the database.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # an annotation only: the store and the queries use Jurisdiction alone
    from vanban.extractors.segment.parts import Segments


@dataclass
class Jurisdiction:
    """Where the issuing body sits: ``level`` is tỉnh/thành phố/huyện/xã/... or ``national``."""

    level: str | None = None
    name: str | None = None  # "Nghệ An"

    def label(self) -> str | None:
        if not self.name:
            return None
        return f"{self.level} {self.name}" if self.level and self.level != "national" else self.name


@dataclass
class DocContext:
    text: str
    segments: Segments
    source: str = ""
    genre: str = "official"
    doc_type: str | None = None
    number: str | None = None
    issued_date: str | None = None
    issuer: str | None = None
    place: str | None = None
    jurisdiction: Jurisdiction = field(default_factory=Jurisdiction)
