"""vanban: Vietnamese official documents to a structured, cross-referenced database.

``extract_file`` and ``extract_text`` are the extraction pipeline's, loaded on first use
so that ``import vanban`` (and the store, the queries, ``vanban --help``) stays light.
"""
__version__ = "0.1.0"
__all__ = ["extract_file", "extract_text", "__version__"]


def __getattr__(name: str):
    if name in ("extract_file", "extract_text"):
        from vanban.extractors import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'vanban' has no attribute {name!r}")
