"""Benchmark: extraction per stage beside two baselines, PDF reading, and ``vanban load``
plus queries as the corpus grows, in one run on one synthetic corpus.

    python scripts/bench.py                           # sizes 1000,10000,100000 (hours on 2 cores)
    python scripts/bench.py --sizes 1000,10000        # the growth curve without the longest load
    python scripts/bench.py --report-only             # print the report of the last run again
    make bench

What it measures (each part in its own process, so each peak RSS is its own):

1. extraction (``extract_file``) end to end, and per stage (read, normalize, segment,
   header, references, amounts, budget, assignments and, within it, agency recognition)
   by timing the stage functions the pipeline calls, in documents/s and MB/s of input: on
   the real text documents of the repository (corpus/docs, corpus/heldout/docs and
   ../shared/corpus-dev in .txt, .md and .txt.ws, each text once) and on the first
   ``--docs`` synthetic documents; end to end is CPU time of the whole pass after a
   warm-up pass (models loaded), the stage shares come from a second pass;
2. the same texts through a floor (read + NFC + one pass of one compiled regex) and
   through what a user would reach for (underthesea ``ner`` sentence by sentence, on the
   first ``--ner-docs`` documents); the ratios of the product to both;
3. PDF reading in pages/s: the product's reader against plain pdfplumber on the same files;
4. ``vanban load`` of the first N documents for each N of ``--sizes`` into a fresh
   database: wall time, documents/s, database size, peak RSS of the loader and of all its
   processes; then p50/p95 latency of the ``cites``, ``cited-by``, ``assignments
   --agency`` and ``search`` library calls the CLI makes, over ``--queries`` queries each.

``--web DB [--against REF --against-db DB0]`` times instead the pages of the web view (home,
the documents table, documents, an agency's tasks, search) and the legal-status questions
(``vanban status``, ``vanban check-bases``: in process and as whole processes) on the
database DB, and with ``--against`` the same requests in REF's tree on DB0, alternating
request by request, ``--rounds`` rounds.

``--cluster`` measures instead the Dask engine: ``vanban load`` of ``--cluster-docs``
synthetic text documents by the local engine (``--workers`` processes, default 2) and by
the Dask engine on a ``LocalCluster`` of 1 and of 2 worker processes, in one run of
``--cluster-rounds`` rounds of the three in turn, each engine warmed up first (models
loaded, workers started; the clusters' start is reported apart), the best round of each
in documents/s; then the writer's ingest ceiling alone: the records of that load
read back and written ``--writer-copies`` times (each copy its own path and hash) through
the loader's writer into a fresh database, in rows/s.

``--paired REF`` measures instead the extraction of the real text documents by this tree
and by the git ref REF (exported with ``git archive``), alternating one pass of each in
two long-lived processes for ``--rounds`` rounds, and prints the median CPU seconds of
each: a difference between two versions of the code is only claimed from such a run.

``--big MB`` extracts one text document of about MB megabytes (the real text documents
repeated) in a process of its own and prints its CPU seconds and peak RSS per MB of text.

Generated data lives under ``--out`` (default /tmp/vanban-bench), never in the repository;
the corpus is reused when it is already there. Prints a Markdown report (the body of
BENCHMARKS.md) and writes OUT/results.json.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import bench_growth  # scripts/bench_growth.py, beside this script
from benchlib import phases
from benchlib.big import big, phase_big
from benchlib.cluster import bench_cluster, phase_cluster, phase_writer, render_cluster
from benchlib.common import corpus_paths, environment, ensure_corpus, ensure_pdfs, real_text_paths, run_phase
from benchlib.load import bench_load, growth
from benchlib.paired import paired
from benchlib.report import render
from benchlib.web import bench_web, render_web

# Each measurement run in a process of its own, by name: `bench.py --phase NAME --payload JSON`.
PHASES = {"extract": phases.phase_extract, "floor": phases.phase_floor, "ner": phases.phase_ner, "pdf": phases.phase_pdf,
          "queries": phases.phase_queries, "cluster": phase_cluster, "writer": phase_writer, "big": phase_big}

# --- the run ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("/tmp/vanban-bench"), help="where generated data goes")
    ap.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes to load (comma-separated; '' for none)")
    ap.add_argument("--docs", type=int, default=300, help="documents for the extraction and floor measurements")
    ap.add_argument("--ner-docs", type=int, default=20, help="documents for the underthesea baseline (slow)")
    ap.add_argument("--pdf-docs", type=int, default=20, help="PDF files for the PDF reading measurement")
    ap.add_argument("--kb", type=float, default=10.0, help="approximate size of a generated document, KB")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--queries", type=int, default=50, help="queries of each kind per size")
    ap.add_argument("--workers", type=int, default=None, help="vanban load --workers (default: all cores)")
    ap.add_argument("--report-only", action="store_true", help="print the report of OUT/results.json and stop")
    ap.add_argument("--resume", action="store_true",
                    help="keep what OUT/results.json holds already and measure only the rest (after an interrupted run)")
    ap.add_argument("--profile", action="store_true",
                    help="profile the extraction of --docs documents with py-spy (pip install py-spy), print where the "
                         "time goes and stop")
    ap.add_argument("--paired", metavar="REF", help="paired, interleaved extraction timing of this tree against the git "
                                                     "ref REF on the real text documents; prints the medians and stops")
    ap.add_argument("--rounds", type=int, default=7, help="rounds of --paired (one pass of each tree per round)")
    ap.add_argument("--web", type=Path, metavar="DB", help="time the web view's pages and the legal-status questions on "
                                                          "the loaded database DB; prints the table and stops")
    ap.add_argument("--against", metavar="REF", help="with --web: the same requests in the git ref REF's tree, alternating")
    ap.add_argument("--against-db", type=Path, metavar="DB",
                    help="with --against: the database REF's tree reads (one its own code loaded or migrated); default DB")
    ap.add_argument("--cluster", action="store_true",
                    help="documents/s of the local engine and of the Dask engine with 1 and 2 workers on --cluster-docs "
                         "text documents, and the writer's ingest ceiling alone; prints its section and stops")
    ap.add_argument("--cluster-docs", type=int, default=300, help="synthetic text documents of --cluster")
    ap.add_argument("--cluster-rounds", type=int, default=3, help="--cluster: rounds of the three engines in turn")
    ap.add_argument("--writer-copies", type=int, default=10,
                    help="--cluster: times each record is written in the writer's measurement")
    ap.add_argument("--big", type=float, metavar="MB",
                    help="extract one text document of about MB megabytes (CPU seconds, peak RSS) and stop")
    ap.add_argument("--growth", action="store_true",
                    help="load 1,000 more documents into a copy of the database of each --sizes (loading them first "
                         "when OUT holds none), the sizes in turn; prints the table and stops")
    ap.add_argument("--growth-rounds", type=int, default=2, help="rounds of the growth measurement")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--payload", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.phase:  # a child process: one measurement, JSON on stdout
        print(json.dumps(PHASES[args.phase](json.loads(args.payload))))
        return 0
    out: Path = args.out
    results_path = out / "results.json"
    if args.report_only:
        print(render(json.loads(results_path.read_text())))
        return 0
    out.mkdir(parents=True, exist_ok=True)
    if args.paired:
        print(paired(args.paired, out, args.rounds))
        return 0
    if args.web:
        w = bench_web(args.web.resolve(), against=args.against, against_db=args.against_db and args.against_db.resolve(),
                      out=out, rounds=args.rounds)
        (out / "web.json").write_text(json.dumps(w, ensure_ascii=False, indent=1))
        print(render_web(w))
        return 0
    if args.cluster:
        result = bench_cluster(out, args.cluster_docs, seed=args.seed, kb=args.kb, workers=args.workers or 2,
                               copies=args.writer_copies, rounds=args.cluster_rounds)
        (out / "cluster.json").write_text(json.dumps(result, indent=1))
        print(render_cluster(result))
        return 0
    if args.big:
        print(big(out, args.big))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.growth:
        result = growth(out, sizes, args)
        (out / "growth.json").write_text(json.dumps(result, indent=1))
        print("\n".join(bench_growth.render_growth(result)))
        return 0
    if args.profile:
        ensure_corpus(out, max(sizes + [args.docs]), seed=args.seed, kb=args.kb)
        folded = phases.profile_extraction(out, corpus_paths(out, args.docs))
        print(f"py-spy samples of extract_file on {args.docs} documents ({folded}): inclusive / self share")
        for name, inclusive, own in phases.summarize_folded(folded):
            print(f"{100 * inclusive:5.1f}% {100 * own:5.1f}%  {name}")
        return 0
    command = "python scripts/bench.py " + " ".join(a for a in (argv if argv is not None else sys.argv[1:]))
    results: dict = {"environment": environment(), "args": {**{k: str(v) for k, v in vars(args).items()}, "command": command.strip()}}
    if args.resume and results_path.exists():
        results = json.loads(results_path.read_text())

    def save() -> None:
        results_path.write_text(json.dumps(results, ensure_ascii=False, indent=1))

    results.setdefault("loadavg", [])

    def step(message: str) -> None:
        results["loadavg"].append([message, round(os.getloadavg()[0], 2)])
        print(f"bench: {message}", file=sys.stderr, flush=True)

    # the documents after the largest size are the growth measurement's batch
    total = max(sizes + [args.docs]) + (bench_growth.EXTRA if sizes else 0)
    step(f"corpus of {total} documents")
    corpus = ensure_corpus(out, total, seed=args.seed, kb=args.kb)
    results.setdefault("corpus", corpus)
    real = real_text_paths()
    if real and "extract_real" not in results:
        step(f"extraction of the {len(real)} real text documents, per stage")
        results["extract_real"] = run_phase("extract", {"paths": real})
        results["floor_real"] = run_phase("floor", {"paths": real})
        save()
    paths = corpus_paths(out, args.docs)
    if "extract" not in results:
        step(f"extraction of {len(paths)} documents, per stage")
        results["extract"] = run_phase("extract", {"paths": paths})
    if "floor" not in results:
        step("floor baseline")
        results["floor"] = run_phase("floor", {"paths": paths})
    if args.ner_docs and "ner" not in results:
        results["ner_paths"] = paths[: args.ner_docs]
        step(f"underthesea baseline on {args.ner_docs} documents")
        results["ner"] = run_phase("ner", {"paths": results["ner_paths"]})
    save()
    if args.pdf_docs and "pdf" not in results:
        step(f"{args.pdf_docs} PDFs")
        pdfs = ensure_pdfs(out, args.pdf_docs, seed=args.seed, kb=args.kb * 2)
        results["pdf"] = run_phase("pdf", {"paths": pdfs})
        save()
    results.setdefault("loads", [])
    done = {r["n"] for r in results["loads"]}
    for n in sizes:
        if n in done:
            continue
        step(f"vanban load of {n} documents")
        results["loads"].append(bench_load(out, n, args.workers, args.queries))
        results["loads"].sort(key=lambda r: r["n"])
        save()
    if sizes and "growth" not in results:
        step(f"{bench_growth.EXTRA} more documents at each size")
        results["growth"] = growth(out, sizes, args)
        save()
    print(render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
