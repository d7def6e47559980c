"""From a file to a document record: read -> normalize -> segment -> extract.

The stage functions, each usable alone:
- ``read(path)``: bytes to ``RawText`` (read/)
- ``normalize(raw)``: canonical text (normalize/)
- ``segment(text)``: the document's parts (segment/)
- ``extract_file(path)`` / ``extract_text(text)``: the whole record (pipeline.py)
"""
from vanban.extractors.normalize.steps import normalize
from vanban.extractors.read import read
from vanban.extractors.segment.parts import segment


def extract_file(path):
    from vanban.extractors.pipeline import extract_file as _extract_file

    return _extract_file(path)


def extract_text(text, source="<text>"):
    from vanban.extractors.pipeline import extract_text as _extract_text

    return _extract_text(text, source)


__all__ = ["read", "normalize", "segment", "extract_file", "extract_text"]
