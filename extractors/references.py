"""(being written)"""
from __future__ import annotations


def extract_references(ctx) -> list:
    return []
