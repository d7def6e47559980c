"""What every reader returns: text with its page starts and how it was decoded."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawText:
    """Text as read from a file, before normalization.

    ``pages`` holds the offset in ``text`` where each page starts (one entry per page;
    a format without pages has a single ``0``). Line positions are the text's own lines.
    """

    text: str
    format: str
    encoding: str | None = None
    pages: list[int] = field(default_factory=lambda: [0])
    warnings: list[str] = field(default_factory=list)
    ocr: dict | None = None
    sha256: str | None = None  # of the file's bytes

    @classmethod
    def from_pages(cls, pages: list[str], **kw) -> "RawText":
        starts, parts, pos = [], [], 0
        for page in pages:
            starts.append(pos)
            parts.append(page)
            pos += len(page) + 1  # the form feed between pages
        return cls(text="\f".join(parts), pages=starts or [0], **kw)
