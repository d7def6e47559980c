"""Stage 4, extract: one subpackage or module per kind of thing found in a segmented document.

- ``header``: header fields, signature, jurisdiction
- ``references``: citations of other documents
- ``amounts``: money amounts and budget checks
- ``agencies``: the agency lexicon and recognizer
- ``assignments``: who must do what
"""
