"""Assignments: who is told to do what (``find.extract_assignments``)."""
