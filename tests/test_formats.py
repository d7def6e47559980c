"""Each seed rendered by the test to PDF and to DOCX gives the header fields of its .txt."""
from __future__ import annotations

import pytest

from vanban.extractors.pipeline import extract_file

from .conftest import SEEDS, make_docx, make_pdf

FIELDS = ("genre", "doc_type", "number", "issued_date", "place", "issuer", "subject", "recipients", "distribution")


def _fields(record) -> dict:
    from vanban.evaluate import fold_for_scoring as fold

    d = record.model_dump()
    out = {k: d[k] for k in FIELDS}
    out["subject"] = " ".join((out["subject"] or "").split())
    out["signer"] = fold(d["signer"]["name"])
    return out


def _lines(path) -> list[str]:
    return path.read_text(encoding="utf-8").replace("\t", " ").split("\n")


@pytest.mark.parametrize("fmt,make", [("pdf", make_pdf), ("docx", make_docx)])
@pytest.mark.parametrize("seed", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_seed_in_other_formats(seed, fmt, make, tmp_path):
    expected = _fields(extract_file(seed))
    path = make(tmp_path / f"{seed.stem}.{fmt}", [ln.replace("**", "") for ln in _lines(seed)])
    record = extract_file(path)
    assert record.error is None
    assert record.format == fmt
    assert _fields(record) == expected
