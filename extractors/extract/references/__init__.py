"""Citations of other documents: the number grammar (``patterns``) and the finder (``find``)."""
from vanban.extractors.extract.references.find import extract_references

__all__ = ["extract_references"]
