"""vanban: Vietnamese official documents to a structured, cross-referenced database."""
from vanban.extractors.pipeline import extract_file, extract_text

__version__ = "0.1.0"
__all__ = ["extract_file", "extract_text", "__version__"]
