"""Long texts: agency recognition reads them in pieces, with the mentions of the whole text,
and a text over spaCy's default 1,000,000 characters extracts (no E088)."""
from __future__ import annotations

from vanban.extractors.extract.agencies import recognize
from vanban.extractors.pipeline import extract_text

from .conftest import SEEDS


def _corpus_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS)


def test_pieces_cut_after_paragraph_breaks_and_cover_the_text():
    compact, _ = recognize._compact(_corpus_text())
    pieces = list(recognize._pieces(compact, 2_000))
    assert len(pieces) > 3 and sum(p.endswith("\n") for _, p in pieces) > len(pieces) // 2
    assert "".join(p for _, p in pieces) == compact
    for (base, piece), (nxt, _) in zip(pieces, pieces[1:]):
        assert base + len(piece) == nxt and piece.endswith(("\n", " ")) and len(piece) <= 2_000


def test_a_paragraph_longer_than_a_piece_is_cut_at_a_space():
    pieces = list(recognize._pieces("Sở Y tế " * 50, 100))
    assert all(p.endswith(" ") for _, p in pieces[:-1]) and "".join(p for _, p in pieces) == "Sở Y tế " * 50


def test_mentions_read_in_pieces_are_those_of_the_whole_text(monkeypatch):
    text = _corpus_text()
    whole = recognize.find_agencies(text)
    monkeypatch.setattr(recognize, "CHUNK_CHARS", 1_500)
    assert recognize.find_agencies(text) == whole
    assert len(whole) > 20


def test_a_text_over_a_million_characters_extracts():
    text = _corpus_text()
    long_text = "\n\n".join([text] * (1_050_000 // len(text) + 1))
    assert len(long_text) > 1_000_000
    record = extract_text(long_text)
    assert record.error is None
    assert len(record.text) > 1_000_000 and record.assignments
