"""Helpers every stage may use: folding and tolerant matching."""
