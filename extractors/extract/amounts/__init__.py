"""Money amounts: number words (``numbers``), patterns, the finder (``find.extract_amounts``),
and budget checks (``budget.check_budget``). Nothing is imported with the package: the
queries use the number words alone."""
