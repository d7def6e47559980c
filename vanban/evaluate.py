"""Evaluation of extracted records against gold, as ../shared/spec/OUTPUT.md scores them.

A key missing from a gold file is not scored. Single-valued fields count a true positive
when gold has a value and the prediction matches it, a false positive when the prediction
has a value that is wrong (or gold has none), a false negative when gold's value is
missed; ``acc`` also counts documents where both are empty as correct.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from difflib import SequenceMatcher
from pathlib import Path
from typing import Callable, Iterable

import regex as re

from vanban.extractors.common import vocabulary
from vanban.extractors.common.doc_numbers import spelling_key
from vanban.extractors.common.folding import collapse_spaces, fold_for_match

def fold_for_scoring(s: str | None) -> str:
    """Case, diacritics and đ folded, punctuation but '&', ',' and '-' to spaces, spaces collapsed."""
    if not s:
        return ""
    return collapse_spaces(re.sub(r"[^\w&,-]+", " ", fold_for_match(s)))


@lru_cache(maxsize=1)
def _scoring_abbreviations() -> tuple[tuple[str, str], ...]:
    """The abbreviations of models/abbreviations.json that apply to scoring, folded, longest first."""
    pairs = [(fold_for_scoring(a), fold_for_scoring(e)) for a, e in vocabulary.abbreviations("scoring")]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def name_key(s: str | None) -> str:
    """A name compared ignoring case, diacritics, punctuation and common abbreviations."""
    s = fold_for_scoring(s)
    for abbr, full in _scoring_abbreviations():
        s = re.sub(rf"(?<![\w&]){re.escape(abbr)}(?![\w&])", full, s)
    s = re.sub(r"[,\-]+", " ", s)
    return " ".join(s.split())


def _words(s: str | None) -> list[str]:
    return re.findall(r"\w+", fold_for_scoring(s))


def word_f1(a: str | None, b: str | None) -> float:
    wa, wb = Counter(_words(a)), Counter(_words(b))
    if not wa and not wb:
        return 1.0
    common = sum((wa & wb).values())
    if not common:
        return 0.0
    p, r = common / sum(wa.values()), common / sum(wb.values())
    return 2 * p * r / (p + r)


def near_match(a: str | None, b: str | None) -> bool:
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    return ka == kb or SequenceMatcher(None, ka, kb).ratio() >= 0.85 or word_f1(ka, kb) >= 0.85


# --- counting ------------------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    docs: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        n = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / n if n else 1.0

    def as_dict(self) -> dict:
        return {
            "docs": self.docs, "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "accuracy": round(self.accuracy, 4), "misses": self.misses,
        }


def _single(score: Score, gold, pred, same: Callable[[object, object], bool], label: str) -> None:
    score.docs += 1
    g_empty, p_empty = gold in (None, ""), pred in (None, "")
    if g_empty and p_empty:
        score.tn += 1
    elif g_empty:
        score.fp += 1
        score.misses.append(f"{label}: gold none, got {pred!r}")
    elif p_empty:
        score.fn += 1
        score.misses.append(f"{label}: missed {gold!r}")
    elif same(gold, pred):
        score.tp += 1
    else:
        score.fp += 1
        score.fn += 1
        score.misses.append(f"{label}: gold {gold!r}, got {pred!r}")


def _multiset(score: Score, gold: Iterable, pred: Iterable, label: str) -> None:
    score.docs += 1
    g, p = Counter(gold), Counter(pred)
    common = g & p
    score.tp += sum(common.values())
    score.fp += sum((p - g).values())
    score.fn += sum((g - p).values())
    for k in (g - p):
        score.misses.append(f"{label}: missed {k!r}")
    for k in (p - g):
        score.misses.append(f"{label}: extra {k!r}")


def _items(score: Score, gold: list[str], pred: list[str], label: str) -> None:
    """Items matched one to one by name key, near matches allowed."""
    score.docs += 1
    left = [name_key(x) for x in pred]
    for item in gold:
        k = name_key(item)
        hit = next((i for i, x in enumerate(left) if x == k), None)
        if hit is None:
            hit = next((i for i, x in enumerate(left) if near_match(x, k)), None)
        if hit is None:
            score.fn += 1
            score.misses.append(f"{label}: missed {item!r}")
        else:
            score.tp += 1
            left.pop(hit)
    score.fp += len(left)
    for x in left:
        score.misses.append(f"{label}: extra {x!r}")


HEADER_FIELDS: dict[str, Callable[[object, object], bool]] = {
    "genre": lambda a, b: str(a).lower() == str(b).lower(),
    "doc_type": lambda a, b: spelling_key(a) == spelling_key(b),
    "number": lambda a, b: spelling_key(a) == spelling_key(b),
    "issued_date": lambda a, b: a == b,
    "place": lambda a, b: fold_for_scoring(a) == fold_for_scoring(b),
    "issuer": near_match,
    "subject": lambda a, b: word_f1(a, b) >= 0.9,
}


def _refs(record: dict, basis_only: bool = False) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in record.get("references") or []:
        if basis_only and r.get("relation") != "basis":
            continue
        k = spelling_key(r.get("number"))
        if k and k not in out:
            out[k] = r
    return out


TYPED_RELATIONS = ("amends", "replaces", "repeals", "guides")


def _typed(record: dict, *, effects: bool = False) -> list[tuple[str, str]]:
    """(number key, relation) of what a document does to others: its references' typed
    relations, or (``effects``) its ``effects``."""
    items = record.get("effects") if effects else record.get("references")
    return sorted({(spelling_key(r.get("number")), r["relation"]) for r in items or []
                   if r.get("relation") in TYPED_RELATIONS and spelling_key(r.get("number"))})


def compare(gold: dict, pred: dict, scores: dict[str, Score]) -> None:
    """Add one document's comparison to ``scores`` (field -> Score)."""
    src = gold.get("source", "?")
    for name, same in HEADER_FIELDS.items():
        if name in gold:
            _single(scores.setdefault(name, Score()), gold[name], pred.get(name), same, src)
    if "signer" in gold and "name" in (gold["signer"] or {}):
        _single(scores.setdefault("signer.name", Score()), gold["signer"]["name"], (pred.get("signer") or {}).get("name"),
                lambda a, b: fold_for_scoring(a) == fold_for_scoring(b), src)
    for name in ("recipients", "distribution"):
        if name in gold:
            _items(scores.setdefault(name, Score()), gold[name] or [], pred.get(name) or [], src)
    if "references" in gold:
        for label, basis in (("references", False), ("legal_bases", True)):
            g, p = _refs(gold, basis), _refs(pred, basis)
            _multiset(scores.setdefault(label, Score()), list(g), list(p), src)
        g, p = _refs(gold), _refs(pred)
        for k in set(g) & set(p):
            _single(scores.setdefault("references.date", Score()), g[k].get("date"), p[k].get("date"), lambda a, b: a == b, f"{src} {k}")
            _single(scores.setdefault("references.doc_type", Score()), g[k].get("doc_type"), p[k].get("doc_type"),
                    lambda a, b: spelling_key(a) == spelling_key(b), f"{src} {k}")
    if "effective_date" in gold:
        _single(scores.setdefault("effective_date", Score()), gold["effective_date"], pred.get("effective_date"),
                lambda a, b: a == b, src)
    if "references" in gold:
        _multiset(scores.setdefault("typed_relations", Score()), _typed(gold), _typed(pred), src)
        _multiset(scores.setdefault("effects", Score()), _typed(gold), _typed(pred, effects=True), src)
    if "amounts" in gold:
        _multiset(scores.setdefault("amounts", Score()), [a["value_vnd"] for a in gold["amounts"] or []],
                  [a["value_vnd"] for a in pred.get("amounts") or []], src)
    if "assignments" in gold:
        g = {name_key(a["agency"]): a["agency"] for a in gold["assignments"] or [] if a.get("role", "lead") == "lead"}
        p = {name_key(a["agency"]): a["agency"] for a in pred.get("assignments") or [] if a.get("role", "lead") == "lead"}
        _items(scores.setdefault("assignments", Score()), list(g.values()), list(p.values()), src)
        _assignment_details(gold["assignments"] or [], pred.get("assignments") or [], scores, src)


def _same_deadline(gold, pred) -> bool:
    """A gold deadline given to the month ('2025-12') is met by any day of that month."""
    return bool(pred) and (pred == gold or str(pred).startswith(f"{gold}-"))


def _assignment_details(gold: list[dict], pred: list[dict], scores: dict[str, Score], src: str) -> None:
    """assignments.role: for each gold lead whose agency the prediction names, whether one of
    the prediction's rows for it is a lead. assignments.deadline: for each gold assignment with
    a deadline whose agency the prediction names, whether one of its rows has that deadline."""
    by_name: dict[str, list[dict]] = {}
    for a in pred:
        by_name.setdefault(name_key(a.get("agency")), []).append(a)

    def rows_for(agency) -> list[dict]:
        k = name_key(agency)
        if k in by_name:
            return by_name[k]
        return next((rows for pk, rows in by_name.items() if near_match(pk, k)), [])

    for a in gold:
        rows = rows_for(a.get("agency"))
        if not rows:
            continue
        label = f"{src} {a.get('agency')!r}"
        if a.get("role", "lead") == "lead":
            roles = {r.get("role", "lead") for r in rows}
            _single(scores.setdefault("assignments.role", Score()), "lead", "lead" if "lead" in roles else sorted(roles)[0],
                    lambda x, y: x == y, label)
        if a.get("deadline"):
            got = next((r.get("deadline") for r in rows if _same_deadline(a["deadline"], r.get("deadline"))),
                       next((r.get("deadline") for r in rows if r.get("deadline")), None))
            _single(scores.setdefault("assignments.deadline", Score()), a["deadline"], got, _same_deadline, label)


FIELD_ORDER = (
    "genre", "doc_type", "number", "issued_date", "place", "issuer", "subject", "signer.name",
    "recipients", "distribution", "references", "legal_bases", "references.date", "references.doc_type",
    "amounts", "assignments", "assignments.role", "assignments.deadline", "effective_date", "typed_relations", "effects",
)


def find_source(gold_path: Path, source: str, docs_dirs: list[Path]) -> Path | None:
    for d in docs_dirs + [gold_path.parent.parent / "docs", gold_path.parent, gold_path.parent.parent]:
        p = d / source
        if p.exists():
            return p
    return None


def evaluate_dir(gold_dir: Path, *, pred_dir: Path | None = None, docs_dirs: list[Path] | None = None,
                 extract: Callable[[Path], dict] | None = None, records: dict[str, dict] | None = None) -> dict:
    """Score every gold file in ``gold_dir``; returns {"fields": {field: score dict}, "documents": n,
    "gold_files": n, ...}. The predictions are extracted from the documents, or read from
    ``pred_dir`` (``<stem>.json``), or taken from ``records`` (file name -> record, the
    records of a loaded database); a document that has none is listed in "missing_sources"."""
    if extract is None:
        from vanban.extractors.pipeline import extract_file

        def extract(path: Path) -> dict:
            return extract_file(path).model_dump(exclude={"text"})

    scores: dict[str, Score] = {}
    missing: list[str] = []
    n = 0
    gold_paths = sorted(Path(gold_dir).glob("*.json"))
    for gold_path in gold_paths:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold.get("source") or gold_path.stem
        if records is not None:
            pred = records.get(Path(source).name)
            if pred is None:
                missing.append(source)
                continue
        elif pred_dir:
            stem = Path(source).name
            for suffix in (".json",):
                cand = [Path(pred_dir) / (Path(stem).stem + suffix), Path(pred_dir) / (stem.split(".")[0] + suffix)]
            pred_path = next((c for c in cand if c.exists()), None)
            if pred_path is None:
                missing.append(source)
                pred = {}
            else:
                pred = json.loads(pred_path.read_text(encoding="utf-8"))
        else:
            path = find_source(gold_path, source, docs_dirs or [])
            if path is None:
                missing.append(source)
                continue
            pred = extract(path)
        compare(gold, pred, scores)
        n += 1
    ordered = {k: scores[k].as_dict() for k in FIELD_ORDER if k in scores}
    return {"documents": n, "gold_files": len(gold_paths), "missing_sources": missing, "fields": ordered}


def format_table(result: dict) -> str:
    rows = [f"{'field':<22}{'docs':>5}{'tp':>6}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}"]
    rows.append("-" * len(rows[0]))
    for name, s in result["fields"].items():
        rows.append(
            f"{name:<22}{s['docs']:>5}{s['tp']:>6}{s['fp']:>5}{s['fn']:>5}"
            f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['accuracy']:>8.3f}"
        )
    rows.append(f"{result['documents']} văn bản")
    if result["missing_sources"]:
        rows.append(f"không tìm thấy (not found): {', '.join(result['missing_sources'])}")
    return "\n".join(rows)
