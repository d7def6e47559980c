"""From a file to a document record: read -> normalize -> segment -> extract.

The stage functions, each usable alone:
- ``read(path)``: bytes to ``RawText`` (readers/)
- ``normalize(raw)``: canonical text (normalize.py)
- ``segment(text)``: the document's parts (segment.py)
- ``extract_file(path)`` / ``extract_text(text)``: the whole record (pipeline.py)
"""
from .normalize import normalize
from .readers import read
from .segment import segment


def extract_file(path):
    from .pipeline import extract_file as _extract_file

    return _extract_file(path)


def extract_text(text, source="<text>"):
    from .pipeline import extract_text as _extract_text

    return _extract_text(text, source)


__all__ = ["read", "normalize", "segment", "extract_file", "extract_text"]
