"""The Markdown report of a run (the body of BENCHMARKS.md)."""
from __future__ import annotations

import os

import bench_growth  # scripts/bench_growth.py, beside bench.py
from benchlib.common import MB
from benchlib.phases import NESTED, STAGES


# --- report --------------------------------------------------------------------------------------


def _rate(n: float, seconds: float) -> float:
    return n / seconds if seconds else float("inf")


def _render_extraction(x: dict, f: dict | None, title: str, u: dict | None, ner_paths: list[str] | None) -> list[str]:
    """The extraction table of one set of documents, with its floor (and underthesea) beside it."""
    lines: list[str] = []
    n, mb = x["docs"], x["bytes"] / MB
    lines += [f"### Extraction: {n} {title} ({mb:.2f} MB, {x['chars'] / n:.0f} characters each; one process)", "",
              "| stage | s | docs/s | MB/s | share |", "| --- | ---: | ---: | ---: | ---: |"]
    staged = x["staged_total_s"]
    stages = x["stages_s"]
    for label, _m, _a in STAGES:
        s = stages.get(label)
        if s is None:
            continue
        s -= sum(stages.get(child, 0.0) for child, parent in NESTED.items() if parent == label)
        name = f"{label} (within {NESTED[label]})" if label in NESTED else label
        lines.append(f"| {name} | {s:.2f} | {_rate(n, s):.0f} | {_rate(mb, s):.2f} | {100 * s / staged:.0f}% |")
    other = staged - sum(v for k, v in stages.items() if k not in NESTED)
    lines.append(f"| record and the rest | {other:.2f} | {_rate(n, other):.0f} | {_rate(mb, other):.2f} | {100 * other / staged:.0f}% |")
    lines.append(f"| **end to end** | {x['total_s']:.2f} | **{_rate(n, x['total_s']):.1f}** | **{_rate(mb, x['total_s']):.3f}** | |")
    lines += ["", f"End to end on CPU time: {x['cpu_s']:.2f} s, {_rate(n, x['cpu_s']):.1f} documents per CPU-second. "
              f"Start-up (imports, models, first document): {x['warmup_s']:.1f} s, not counted above. "
              f"Extraction errors: {x['errors']}. Peak RSS: {x['peak_rss_mb']:.0f} MB."]
    if x["missing_stages"]:
        lines.append(f"Stages not found (not timed): {', '.join(x['missing_stages'])}.")
    lines.append("")
    if f:
        prod = x["total_s"]
        lines += ["### Baselines on the same texts", "", "| | docs | s | docs/s | MB/s | peak RSS MB |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |",
                  f"| floor: read + NFC + one regex pass | {f['docs']} | {f['total_s']:.3f} | {_rate(f['docs'], f['total_s']):.0f} "
                  f"| {_rate(x['bytes'] / MB, f['total_s']):.1f} | {f['peak_rss_mb']:.0f} |",
                  f"| vanban extract_file | {x['docs']} | {prod:.2f} | {_rate(x['docs'], prod):.1f} | {_rate(x['bytes'] / MB, prod):.3f} "
                  f"| {x['peak_rss_mb']:.0f} |"]
        if u:
            k = u["docs"]
            ner_mb = sum(os.path.getsize(p) for p in ner_paths) / MB
            lines.append(f"| underthesea ner, sentence by sentence | {k} | {u['total_s']:.1f} | {_rate(k, u['total_s']):.2f} "
                         f"| {_rate(ner_mb, u['total_s']):.4f} | {u['peak_rss_mb']:.0f} |")
        lines += ["", f"- vanban is **{prod / f['total_s']:.0f} times slower than the floor** on wall time, "
                  f"**{x['cpu_s'] / f['cpu_s']:.0f} times** on CPU time (target: within 25 times)."]
        if u:
            prod_same = sum(x["per_doc_s"][: u["docs"]])
            lines.append(f"- vanban is **{u['total_s'] / prod_same:.1f} times faster than underthesea ner** on the same "
                         f"{u['docs']} documents (target: at least 100 times; {u['sentences']} sentences).")
        lines.append("")
    return lines


def render(results: dict) -> str:
    env, args = results["environment"], results["args"]
    lines = [
        f"Run of {env['date']} at commit {env['commit']}: {env['cpu']}, {env['cores']} cores, "
        f"Python {env['python']}.",
        f"Command: `{args['command']}`",
    ]
    if results.get("loadavg"):
        busy = ", ".join(f"{v:.1f}" for _m, v in results["loadavg"])
        lines.append(f"Load average (1 min) when each part started: {busy}: other work shared the machine, so wall-clock "
                     "rates are lower bounds; the CPU-time rates are what the code costs.")
    lines.append("")
    c = results.get("corpus")
    if c:
        lines += [f"Corpus: {c['n']} synthetic .txt documents (seed {c['seed']}, ~{c['kb']:g} KB each, "
                  f"{c['bytes'] / MB:.0f} MB; {c['with_budget']} with a budget, {c['bad_budget']} of them off), "
                  + ("reused from an earlier run." if c.get("reused") else f"generated in {c['seconds']:.0f} s."), ""]
    for key, floor_key, title in (("extract_real", "floor_real", "real text documents of the repository"),
                                  ("extract", "floor", "synthetic documents")):
        if results.get(key):
            lines += _render_extraction(results[key], results.get(floor_key), title,
                                        results.get("ner") if key == "extract" else None, results.get("ner_paths"))
    pdf = results.get("pdf")
    if pdf:
        lines += ["### PDF reading", "", "| reader | files | pages | s | pages/s |", "| --- | ---: | ---: | ---: | ---: |",
                  f"| vanban (pypdfium2 + pdfplumber header layout) | {pdf['files']} | {pdf['pages']} | {pdf['product_s']:.2f} "
                  f"| {_rate(pdf['pages'], pdf['product_s']):.1f} |",
                  f"| plain pdfplumber `extract_text` | {pdf['files']} | {pdf['pdfplumber_pages']} | {pdf['pdfplumber_s']:.2f} "
                  f"| {_rate(pdf['pdfplumber_pages'], pdf['pdfplumber_s']):.1f} |", ""]
    loads = results.get("loads") or []
    if loads:
        lines += ["### `vanban load` and queries as the corpus grows", "",
                  "| documents | input MB | wall s | docs/s | CPU s | docs per CPU-s | DB MB | peak RSS loader MB "
                  "| peak RSS all processes MB | errors | load average |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in loads:
            lines.append(f"| {r['n']} | {r['input_mb']:.0f} | {r['wall_s']:.0f} | {r['docs_per_s']:.1f} | {r['cpu_s']:.0f} "
                         f"| {_rate(r['n'], r['cpu_s']):.1f} | {r['db_mb']:.0f} | {r['peak_rss_main_mb']:.0f} "
                         f"| {r['peak_rss_tree_mb']:.0f} | {r['load']['errors']} | {r['loadavg'][0]:.1f} → {r['loadavg'][1]:.1f} |")
        lines += ["", "Query latency, ms (library call as the CLI makes it, database warm; p50 / p95 / max; mean rows):", "",
                  "| documents | " + " | ".join(loads[0]["queries"]) + " | query RSS MB |",
                  "| ---: | " + " | ".join("---" for _ in loads[0]["queries"]) + " | ---: |"]
        for r in loads:
            cells = [f"{q['p50_ms']:.1f} / {q['p95_ms']:.1f} / {q['max_ms']:.0f} ({q['mean_rows']:.0f})" for q in r["queries"].values()]
            lines.append(f"| {r['n']} | " + " | ".join(cells) + f" | {r['peak_rss_mb']:.0f} |")
        last = loads[-1]["stats"]
        lines += ["", f"At {loads[-1]['n']} documents the database holds {last['documents']} documents, {last['citations']} citations "
                  f"({last['citations_resolved']} to loaded documents, {last['cited_not_loaded']} cited documents not loaded), "
                  f"{last['amounts']} amounts, {last['budget_checks']} budget checks ({last['budget_checks_failing']} failing), "
                  f"{last['assignments']} assignments to {last['agencies']} agencies.", ""]
    if results.get("growth"):
        lines += bench_growth.render_growth(results["growth"])
    return "\n".join(lines)
