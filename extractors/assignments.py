"""(being written)"""
from __future__ import annotations


def extract_assignments(ctx) -> list:
    return []
