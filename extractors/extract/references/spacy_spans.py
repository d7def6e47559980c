"""Citations on a spaCy ``Doc``: one span per mention in ``doc.spans["references"]``."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from vanban.schemas import Reference

__all__ = ["references_to_spacy"]


def references_to_spacy(doc_or_text, refs: Iterable[Reference], *, key: str = "references", all_mentions: bool = True):
    """A spaCy ``Doc`` with one span per citation in ``doc.spans[key]``, labelled with the
    reference's type code. Takes a ``Doc``, or text made into a ``spacy.blank("vi")`` doc
    (syllable tokens, so that a number such as ``27/2022/NĐ-CP`` stays one token)."""
    doc = _blank_vi()(doc_or_text) if isinstance(doc_or_text, str) else doc_or_text
    spans = []
    for ref in refs:
        places = (getattr(ref, "mention_spans", None) or [ref.span]) if all_mentions else [ref.span]
        for place in places:
            if not place:
                continue
            span = doc.char_span(place[0], place[1], label=ref.doc_type or "", alignment_mode="expand")
            if span is not None:
                spans.append(span)
    spans.sort(key=lambda s: (s.start, s.end))
    doc.spans[key] = spans
    return doc


@lru_cache(maxsize=1)
def _blank_vi():
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
