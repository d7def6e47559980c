"""Stage 3, segment: the document's parts (header lines, Kính gửi, Căn cứ, sections, Nơi nhận),
``parts.segment(text)`` -> ``parts.Segments``."""
