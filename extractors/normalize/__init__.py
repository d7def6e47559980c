"""Stage 2, normalize: raw text to the canonical text every span indexes.

Small named cleaning steps (``steps``), legacy TCVN3/VNI decoding (``legacy``).
"""
from vanban.extractors.normalize.steps import NormalizedText, normalize

__all__ = ["NormalizedText", "normalize"]
