"""Money amounts: number words (``numbers``), patterns, the finder, and budget checks."""
from vanban.extractors.extract.amounts.budget import check_budget
from vanban.extractors.extract.amounts.find import extract_amounts

__all__ = ["check_budget", "extract_amounts"]
