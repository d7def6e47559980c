"""Helpers every stage may use: folds (``folding``), tolerant matching (``fuzzy``), the keys
of document numbers (``doc_numbers``) and the vocabulary of ``models/`` (``vocabulary``)."""
