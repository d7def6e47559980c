"""Stage 3, segment: the document's parts (header lines, Kính gửi, Căn cứ, sections, Nơi nhận)."""
from vanban.extractors.segment.parts import Segments, segment

__all__ = ["Segments", "segment"]
