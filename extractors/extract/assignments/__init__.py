"""Assignments: who is told to do what."""
from vanban.extractors.extract.assignments.find import extract_assignments

__all__ = ["extract_assignments"]
