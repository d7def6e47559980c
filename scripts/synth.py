"""A synthetic corpus of Vietnamese official documents, with a gold record for each.

Deterministic: the same ``--seed`` gives the same files, byte for byte, and a corpus of
``n`` documents is the prefix of a larger one (document ``i`` depends only on the seed and
on documents ``0..i``), so 1k, 10k and 100k corpora nest.

Every document follows the form of Nghị định 30/2020/NĐ-CP (issuing body, national motto,
"Số: 352/KH-UBND", "Nghệ An, ngày 25 tháng 5 năm 2023", type name and subject or V/v,
Kính gửi, Căn cứ, numbered parts I./1./a), budget lines, "Giao … chủ trì, phối hợp với …"
with deadlines, Nơi nhận, TM./KT. signature), for every type code of spec/OUTPUT.md and news
articles, from many issuers in every province, in .txt, .docx and .pdf. Documents cite
earlier ones (and national documents, and documents that are not in the corpus), so the
citation graph is real. A share of decisions and decrees replaces an earlier one of the same
kind of issuer ("… có hiệu lực kể từ ngày ký và thay thế Quyết định số …"), and later
documents may still cite the replaced one as a basis, so replacement chains, legal status
and basis warnings are there at scale. Budget sections add up, except for a chosen share
(``--bad-share``) whose total is off; the gold says which.

The gold comes from what the generator wrote, never from running the extractor. The
corpus is for scale and regression; it does not replace real documents.

    python scripts/synth.py --n 1000 --out /tmp/synth [--formats txt,docx,pdf] [--seed 1] [--bad-share 0.05]

writes ``OUT/docs/<id>.<ext>``, ``OUT/gold/<id>.json`` and ``OUT/manifest.json``; score it
with ``vanban evaluate OUT/gold``.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Iterator

# The generator lives in synthlib/ beside this script; the names tests and the benchmark read
# as ``synth.X`` are re-exported here.
from synthlib.bodies import Composer
from synthlib.catalog import Catalog, Entry, Issuer, Province  # noqa: F401
from synthlib.render import SynthDoc, write_docx, write_pdf
from synthlib.vocab import ALL_TYPES, DEPARTMENTS, PROVINCES, Money, in_words  # noqa: F401

# --- the corpus -------------------------------------------------------------------------------------

FORMATS = ("txt", "docx", "pdf")


def generate(n: int, *, seed: int = 1, bad_share: float = 0.05, kb: float = 10.0,
             catalog: Catalog | None = None, start: int = 0) -> Iterator[SynthDoc]:
    """Documents ``start .. n-1`` of the corpus of ``seed``. About ``kb`` KB of text each;
    among documents with a budget, a share ``bad_share`` has a total that does not add up."""
    catalog = catalog or Catalog(seed)
    catalog.ensure(n)
    target = int(kb * 1000 / 1.3)  # Vietnamese text is about 1.3 bytes per character in UTF-8
    for i in range(start, n):
        entry = catalog.entries[i]
        bad = random.Random(f"bad:{seed}:{i}").random() < bad_share
        doc = Composer(catalog, entry, seed=seed, target_chars=target, bad_budget=bad).compose()
        yield doc


def format_of(index: int, formats: tuple[str, ...], seed: int) -> str:
    return formats[0] if len(formats) == 1 else random.Random(f"format:{seed}:{index}").choice(formats)


def write_doc(doc: SynthDoc, docs_dir: Path, gold_dir: Path, fmt: str) -> Path:
    path = docs_dir / f"{doc.stem}.{fmt}"
    if fmt == "txt":
        path.write_text(doc.text(), encoding="utf-8")
    elif fmt == "docx":
        write_docx(doc, path)
    elif fmt == "pdf":
        write_pdf(doc, path)
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    gold = dict(doc.gold, source=path.name)
    gold["synthetic"] = {"index": doc.index, "format": fmt, "bad_budget": doc.bad_budget}
    (gold_dir / f"{doc.stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def generator_version() -> str:
    """A digest of this file and of synthlib/: a corpus written by another version of the
    generator is not reused."""
    import hashlib

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in [here / "synth.py", *sorted((here / "synthlib").glob("*.py"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def write_corpus(out: Path, n: int, *, formats: tuple[str, ...] = ("txt",), seed: int = 1, bad_share: float = 0.05,
                 kb: float = 10.0, progress: bool = False) -> dict:
    """Write ``n`` documents and their gold under ``out``; returns the manifest."""
    out = Path(out)
    docs_dir, gold_dir = out / "docs", out / "gold"
    docs_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    by_type: dict[str, int] = {}
    by_format: dict[str, int] = {}
    budgets = bad = size = 0
    for doc in generate(n, seed=seed, bad_share=bad_share, kb=kb):
        fmt = format_of(doc.index, formats, seed)
        path = write_doc(doc, docs_dir, gold_dir, fmt)
        size += path.stat().st_size
        by_type[doc.entry.doc_type] = by_type.get(doc.entry.doc_type, 0) + 1
        by_format[fmt] = by_format.get(fmt, 0) + 1
        budgets += bool(doc.gold["budget_checks"])
        bad += doc.bad_budget
        if progress and (doc.index + 1) % 1000 == 0:
            print(f"  {doc.index + 1} documents", file=sys.stderr)
    manifest = {"n": n, "seed": seed, "formats": list(formats), "bad_share": bad_share, "kb": kb,
                "generator": generator_version(),
                "bytes": size, "by_type": dict(sorted(by_type.items())), "by_format": by_format,
                "with_budget": budgets, "bad_budget": bad, "seconds": round(time.monotonic() - started, 2)}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of documents")
    ap.add_argument("--out", type=Path, required=True, help="output folder (docs/, gold/, manifest.json)")
    ap.add_argument("--formats", default="txt", help="comma-separated: txt,docx,pdf (default txt)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bad-share", type=float, default=0.05,
                    help="share of documents with a budget whose total does not add up (default 0.05)")
    ap.add_argument("--kb", type=float, default=10.0, help="approximate size of each document's text in KB (default 10)")
    args = ap.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        ap.error(f"unknown format(s) {', '.join(unknown)}; one of {', '.join(FORMATS)}")
    manifest = write_corpus(args.out, args.n, formats=formats, seed=args.seed, bad_share=args.bad_share,
                            kb=args.kb, progress=True)
    print(json.dumps(manifest, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
