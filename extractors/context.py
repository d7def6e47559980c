"""What every extractor receives: the normalized text, its parts, and the header facts.

Extractors are pure functions ``f(ctx) -> list[...]``; they never read files or touch
the database.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vanban.extractors.extract.jurisdiction import Jurisdiction

if TYPE_CHECKING:  # an annotation only: the store and the queries use Jurisdiction alone
    from vanban.extractors.segment.parts import Segments

__all__ = ["DocContext", "Jurisdiction"]


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
