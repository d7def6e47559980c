"""Corpus diff: what an extractor change gained and lost, field by field, on every document.

Extracts every document under ``corpus/`` and ``../shared/corpus-dev/`` twice, with the
working tree and with a git ref, then reports per field:
- on documents with gold (``corpus/gold``, ``corpus/heldout/gold``): true positives, false
  positives and false negatives gained or lost, and the documents that moved;
- on every document: how many records changed in that field, with examples.

    python scripts/corpus_diff.py --ref main            # working tree against main
    python scripts/corpus_diff.py --ref HEAD~3 --json   # machine-readable
    python scripts/corpus_diff.py --ref main --only 'corpus-dev/04*'

The ref's records are cached under ``~/.cache/vanban/corpus-diff/<commit>/`` (a ref's code
does not change); ``--no-cache`` extracts again.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "vanban" / "corpus-diff"

# Run inside the tree being measured (sys.argv[1]): import its own code whatever its layout
# (scripts/bench.py --paired starts its workers with it too).
TREE_IMPORT = r'''
import json, sys, tomllib
from importlib.machinery import ModuleSpec, SourceFileLoader
from importlib.abc import MetaPathFinder
from pathlib import Path
tree = Path(sys.argv[1])
sys.path.insert(0, str(tree))
conf = tomllib.loads((tree / "pyproject.toml").read_text()).get("tool", {}).get("setuptools", {})
mapping = {k: tree / v for k, v in (conf.get("package-dir") or {}).items() if k}

class TreeFinder(MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        d = mapping.get(fullname)
        if d is None or not (d / "__init__.py").exists():
            return None
        init = d / "__init__.py"
        spec = ModuleSpec(fullname, SourceFileLoader(fullname, str(init)), origin=str(init), is_package=True)
        spec.submodule_search_locations = [str(d)]
        spec.has_location = True
        return spec

sys.meta_path.insert(0, TreeFinder())
try:
    from vanban.extractors.pipeline import extract_file
except ImportError:
    from extractors.pipeline import extract_file
'''
# Then dump the records of the files (sys.argv[3:]) under sys.argv[2].
_DUMP = TREE_IMPORT + r'''
out, files = Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]]
out.mkdir(parents=True, exist_ok=True)
for i, f in enumerate(files, 1):
    rec = extract_file(f).model_dump(mode="json")
    rec.pop("text", None)
    (out / (f.name + ".json")).write_text(json.dumps(rec, ensure_ascii=False, sort_keys=True))
    print(f"\r{i}/{len(files)} {f.name[:40]:<40}", end="", file=sys.stderr, flush=True)
print(file=sys.stderr)
'''


def corpus_files(only: list[str]) -> dict[str, Path]:
    """Every document to compare, by a label that names where it lives."""
    found: dict[str, Path] = {}
    dirs = [ROOT / "corpus" / "docs", ROOT / "corpus" / "heldout" / "docs", SHARED / "corpus-dev"]
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if p.is_file() and p.name not in ("MANIFEST.md", "SOURCES.md"):
                label = str(p.relative_to(ROOT.parent if d == SHARED / "corpus-dev" else ROOT))
                if not only or any(fnmatch.fnmatch(label, pat) or fnmatch.fnmatch(p.name, pat) for pat in only):
                    found[label] = p
    return found


def gold_for(label: str, path: Path) -> dict | None:
    for gold_dir in (ROOT / "corpus" / "gold", ROOT / "corpus" / "heldout" / "gold"):
        for g in (gold_dir / (path.name.split(".")[0] + ".json"),):
            if g.exists():
                gold = json.loads(g.read_text(encoding="utf-8"))
                if gold.get("source", path.name) == path.name and label.startswith("corpus/"):
                    return gold
    return None


def dump(tree: Path, python: str, files: dict[str, Path], out: Path) -> dict[str, dict]:
    """Records of ``files`` extracted with the code of ``tree``, keyed by label."""
    todo = {label: p for label, p in files.items() if not (out / _key(label)).exists()}
    if todo:
        with tempfile.TemporaryDirectory() as tmp:
            links = []
            for label, p in todo.items():  # unique names: the same file name lives in several folders
                link = Path(tmp) / _key(label)[: -len(".json")]
                link.symlink_to(p.resolve())
                links.append(str(link))
            subprocess.run([python, "-c", _DUMP, str(tree), str(out), *links], check=True, cwd=tree)
    return {label: json.loads((out / _key(label)).read_text(encoding="utf-8")) for label in files}


def _key(label: str) -> str:
    return label.replace("/", "__") + ".json"


def ref_tree(ref: str) -> tuple[str, Path]:
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{ref}^{{commit}}"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    wt = CACHE / sha / "tree"
    if not (wt / "pyproject.toml").exists():
        wt.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "worktree", "add", "--detach", "-f", str(wt), sha], cwd=ROOT, check=True,
                       capture_output=True)
    return sha, wt


def _value(rec: dict, field: str):
    if field == "signer.name":
        return (rec.get("signer") or {}).get("name")
    if field == "references":
        return sorted({r.get("number") or "" for r in rec.get("references") or []})
    if field == "amounts":
        return sorted(a["value_vnd"] for a in rec.get("amounts") or [])
    if field == "assignments":
        return sorted({(a["agency"], a.get("role")) for a in rec.get("assignments") or []})
    if field == "typed_relations":
        return sorted({(r.get("number") or "", r.get("relation")) for r in rec.get("references") or []
                       if r.get("relation") in ("amends", "replaces", "repeals", "guides", "suspends")})
    if field == "effects":
        return sorted({(e.get("number") or "", e.get("relation") or "", e.get("date") or "") for e in rec.get("effects") or []})
    return rec.get(field)


FIELDS = ("genre", "doc_type", "number", "issued_date", "place", "issuer", "subject", "signer.name",
          "recipients", "distribution", "references", "amounts", "assignments", "effective_date", "expiry_date",
          "typed_relations", "effects", "error")


def scores_of(gold: dict, rec: dict) -> dict[str, tuple[int, int, int]]:
    from vanban.evaluate import compare  # the scoring of ../shared/spec/OUTPUT.md, one place

    scores: dict = {}
    compare(gold, rec, scores)
    return {k: (s.tp, s.fp, s.fn) for k, s in scores.items()}


def diff(before: dict[str, dict], after: dict[str, dict], files: dict[str, Path]) -> dict:
    scored: dict[str, dict] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "gained": [], "lost": []})
    changed: dict[str, list] = defaultdict(list)
    for label, path in files.items():
        b, a = before[label], after[label]
        for f in FIELDS:
            vb, va = _value(b, f), _value(a, f)
            if vb != va:
                changed[f].append({"doc": label, "before": vb, "after": va})
        gold = gold_for(label, path)
        if gold is None:
            continue
        sb, sa = scores_of(gold, b), scores_of(gold, a)
        for f in sorted(set(sb) | set(sa)):
            (tb, fpb, fnb), (ta, fpa, fna) = sb.get(f, (0, 0, 0)), sa.get(f, (0, 0, 0))
            row = scored[f]
            row["tp"] += ta - tb
            row["fp"] += fpa - fpb
            row["fn"] += fna - fnb
            net = (ta - tb) - (fpa - fpb) - (fna - fnb)
            if net > 0:
                row["gained"].append(label)
            elif net < 0:
                row["lost"].append(label)
    return {"gold": dict(scored), "changed": {f: changed[f] for f in FIELDS if changed.get(f)}}


def _short(v, width: int = 70) -> str:
    s = json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v
    return s if len(s) <= width else s[: width - 1] + "…"


def report(result: dict, *, examples: int) -> str:
    lines = ["On documents with gold (change in tp / fp / fn; documents gained and lost):",
             f"{'field':<22}{'Δtp':>6}{'Δfp':>6}{'Δfn':>6}  gained / lost"]
    for f, row in sorted(result["gold"].items()):
        if row["tp"] or row["fp"] or row["fn"] or row["gained"] or row["lost"]:
            lines.append(f"{f:<22}{row['tp']:>+6}{row['fp']:>+6}{row['fn']:>+6}  "
                         f"+{len(row['gained'])} {' '.join(row['gained'])[:60]} / -{len(row['lost'])} {' '.join(row['lost'])[:60]}")
    if len(lines) == 2:
        lines.append("(no change in any score)")
    lines += ["", "On every document (records whose field changed):"]
    if not result["changed"]:
        lines.append("(no record changed)")
    for f, rows in result["changed"].items():
        lines.append(f"{f}: {len(rows)} documents")
        for r in rows[:examples]:
            lines.append(f"  {r['doc']}: {_short(r['before'])} -> {_short(r['after'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ref", default="HEAD", help="git ref to compare the working tree against (default HEAD)")
    ap.add_argument("--only", action="append", default=[], help="glob of documents to compare (repeatable)")
    ap.add_argument("--examples", type=int, default=5, help="examples shown per changed field")
    ap.add_argument("--json", action="store_true", help="print the whole diff as JSON")
    ap.add_argument("--no-cache", action="store_true", help="extract the ref's records again")
    args = ap.parse_args(argv)
    files = corpus_files(args.only)
    if not files:
        print("corpus_diff: no documents match", file=sys.stderr)
        return 2
    sha, wt = ref_tree(args.ref)
    ref_out = CACHE / sha / "records"
    if args.no_cache and ref_out.exists():
        subprocess.run(["rm", "-rf", str(ref_out)], check=True)
    print(f"{len(files)} documents: {args.ref} ({sha[:10]}) against the working tree", file=sys.stderr)
    before = dump(wt, sys.executable, files, ref_out)
    with tempfile.TemporaryDirectory() as tmp:
        after = dump(ROOT, sys.executable, files, Path(tmp))
    result = diff(before, after, files)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else report(result, examples=args.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
