"""From a file to a document record: read -> normalize -> segment -> extract.

The stages, each usable alone:
- ``vanban.extractors.read.read(path)``: bytes to ``RawText``
- ``vanban.extractors.normalize.steps.normalize(raw)``: canonical text
- ``vanban.extractors.segment.parts.segment(text)``: the document's parts
- ``extract_file(path)`` / ``extract_text(text)``: the whole record (pipeline.py)

Nothing is imported with the package: ``import vanban.extractors.errors`` loads no stage,
and ``extract_file`` / ``extract_text`` load the pipeline on first use.
"""

__all__ = ["extract_file", "extract_text"]


def __getattr__(name: str):
    if name in __all__:
        from vanban.extractors import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'vanban.extractors' has no attribute {name!r}")
