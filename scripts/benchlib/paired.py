"""Paired, interleaved extraction timing of this tree against another git ref (``--paired``)."""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

from benchlib.common import PYTHON, ROOT, real_text_paths


# --- paired comparison with another version of the code -------------------------------------------

# Runs in a process of its own for one tree (imported as corpus_diff.TREE_IMPORT imports it):
# extracts every file once to warm up, then one timed pass per line read from stdin.
_PAIRED_PASSES = r'''
files = sys.argv[2:]
for f in files:
    extract_file(f)
print("ready", flush=True)
for _ in sys.stdin:
    t = time.process_time()
    chars = sum(len(extract_file(f).text) for f in files)
    print(json.dumps({"cpu_s": time.process_time() - t, "chars": chars}), flush=True)
'''


def export_tree(ref: str, out: Path) -> tuple[str, Path]:
    """A git ref's short commit and its tree, exported once under ``out`` with ``git archive``."""
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    tree = out / f"tree-{commit}"
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return commit, tree


def paired(ref: str, out: Path, rounds: int) -> str:
    """This tree against ``ref`` on the real text documents: one pass each per round, the
    order alternating, CPU seconds per pass; the report gives the medians."""
    commit, ref_tree = export_tree(ref, out)
    sys.path.insert(0, str(ROOT / "scripts"))
    from corpus_diff import TREE_IMPORT

    worker = TREE_IMPORT + "import time\n" + _PAIRED_PASSES
    files = real_text_paths()
    trees = {f"{ref} ({commit})": ref_tree, "this tree": ROOT}
    procs = {name: subprocess.Popen([PYTHON, "-c", worker, str(tree), *files], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, text=True) for name, tree in trees.items()}
    for proc in procs.values():
        if proc.stdout.readline().strip() != "ready":
            raise SystemExit("a paired worker failed to start")
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    names = list(trees)
    for r in range(rounds):
        for name in names if r % 2 == 0 else names[::-1]:
            procs[name].stdin.write("go\n")
            procs[name].stdin.flush()
            runs[name].append(json.loads(procs[name].stdout.readline()))
    for proc in procs.values():
        proc.stdin.close()
        proc.wait()
    n = len(files)
    lines = [f"Paired extraction of {n} real text documents, {rounds} rounds (one pass of each tree per round, "
             "the order alternating; CPU seconds of a pass, models warm):", "",
             "| code | characters | CPU s per pass (median) | passes | docs per CPU-s | k chars per CPU-s |",
             "| --- | ---: | ---: | --- | ---: | ---: |"]
    medians = {}
    for name, xs in runs.items():
        med = medians[name] = statistics.median(x["cpu_s"] for x in xs)
        passes = ", ".join(f"{x['cpu_s']:.2f}" for x in xs)
        lines.append(f"| {name} | {xs[0]['chars']} | {med:.3f} | {passes} "
                     f"| {n / med:.1f} | {xs[0]['chars'] / med / 1000:.0f} |")
    a, b = medians.values()
    lines += ["", f"This tree takes {b / a:.2f} times the CPU of {ref}."]
    return "\n".join(lines)
