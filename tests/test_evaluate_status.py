"""The evaluate rows of legal status: effective_date, typed relations, effects."""
from __future__ import annotations

from vanban.evaluate import compare


def test_effective_date_and_typed_relation_rows():
    gold = {"source": "a", "effective_date": "2024-03-15", "references": [
        {"number": "16/2009/QĐ-UBND", "relation": "replaces"}, {"number": "61/2012/QĐ-UBND", "relation": "replaces"},
        {"number": "163/2016/NĐ-CP", "relation": "basis"}]}
    pred = {"effective_date": "2024-03-05",
            "references": [{"number": "16/2009/QĐ-UBND", "relation": "replaces"}, {"number": "61/2012/QĐ-UBND", "relation": "cites"}],
            "effects": [{"number": "16/2009/QĐ-UBND", "relation": "replaces"}, {"number": "61/2012/QĐ-UBND", "relation": "replaces"},
                        {"number": "5/2020/QĐ-UBND", "relation": "guides"}]}
    scores = {}
    compare(gold, pred, scores)
    assert (scores["effective_date"].tp, scores["effective_date"].fp, scores["effective_date"].fn) == (0, 1, 1)
    assert (scores["typed_relations"].tp, scores["typed_relations"].fp, scores["typed_relations"].fn) == (1, 0, 1)
    assert (scores["effects"].tp, scores["effects"].fp, scores["effects"].fn) == (2, 1, 0)


def test_null_effective_date_in_gold_is_scored():
    scores = {}
    compare({"source": "a", "effective_date": None}, {"effective_date": None}, scores)
    compare({"source": "b", "effective_date": None}, {"effective_date": "2024-01-01"}, scores)
    assert (scores["effective_date"].tn, scores["effective_date"].fp) == (1, 1)
