"""Stage 2, normalize: raw text to the canonical text every span indexes.

Small named cleaning steps (``steps``, whose ``normalize`` gives a ``NormalizedText``),
legacy TCVN3/VNI decoding (``legacy``).
"""
