"""What every part of the benchmark shares: paths, peak memory, percentiles, running a phase
in a fresh process, the machine's description, and the corpora measured."""
from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench_growth import link_file


ROOT = Path(__file__).resolve().parents[2]
BENCH = str(ROOT / "scripts" / "bench.py")  # the entry point: each phase runs as `bench.py --phase NAME`
PYTHON = sys.executable
VANBAN = str(Path(PYTHON).with_name("vanban"))
MB = 1_000_000

# --- helpers -------------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """Peak resident set of this process, in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def run_phase(name: str, payload: dict) -> dict:
    """Run one phase of this script in a fresh interpreter; returns its JSON result."""
    proc = subprocess.run([PYTHON, BENCH, "--phase", name, "--payload", json.dumps(payload)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"bench: phase {name} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


class TreeRss:
    """Samples the resident memory of a process and all its descendants from /proc."""

    def __init__(self, pid: int, every: float = 0.2):
        self.pid, self.every = pid, every
        self.peak_main = 0
        self.peak_tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss_kb(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _descendants(self) -> list[int]:
        parent: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parent[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
        found, frontier = [], [self.pid]
        while frontier:
            p = frontier.pop()
            kids = [c for c, pp in parent.items() if pp == p]
            found += kids
            frontier += kids
        return found

    def _run(self) -> None:
        while not self._stop.is_set():
            main = self._rss_kb(self.pid)
            tree = main + sum(self._rss_kb(p) for p in self._descendants())
            self.peak_main = max(self.peak_main, main)
            self.peak_tree = max(self.peak_tree, tree)
            self._stop.wait(self.every)

    def __enter__(self) -> "TreeRss":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def environment() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    # a tree exported with `git archive` has no .git: its commit comes from $VANBAN_COMMIT
    commit = os.environ.get("VANBAN_COMMIT", "")
    if not commit:
        try:
            commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                    cwd=ROOT).stdout.strip()
            dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                                   text=True, cwd=ROOT).stdout.strip()
            commit += " (with uncommitted changes)" if dirty else ""
        except OSError:
            commit = "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "commit": commit or "?",
            "date": time.strftime("%Y-%m-%d %H:%M")}


def fresh_db(path: Path) -> Path:
    """``path`` with no database (nor its -wal and -shm files) left there."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


# --- the corpus ----------------------------------------------------------------------------------


def ensure_corpus(out: Path, n: int, *, seed: int, kb: float) -> dict:
    """The first n documents of the synthetic corpus (txt) under out/corpus; reused when present."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import synth

    corpus = out / "corpus"
    manifest_path = corpus / "manifest.json"
    if manifest_path.exists():
        m = json.loads(manifest_path.read_text())
        if (m["n"] >= n and m["seed"] == seed and m["kb"] == kb and m["formats"] == ["txt"]
                and m.get("generator") == synth.generator_version()):
            m["reused"] = True
            return m
        shutil.rmtree(corpus)
    m = synth.write_corpus(corpus, n, formats=("txt",), seed=seed, bad_share=0.05, kb=kb, progress=True)
    m["reused"] = False
    return m


def corpus_paths(out: Path, n: int) -> list[str]:
    return [str(out / "corpus" / "docs" / f"synth-{i:06d}.txt") for i in range(n)]


def ensure_pdfs(out: Path, n: int, *, seed: int, kb: float) -> list[str]:
    """n PDFs of the corpus's first documents, longer ones so that each has several pages."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import synth

    folder = out / f"pdf-{n}-{kb:g}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in synth.generate(n, seed=seed, kb=kb):
        path = folder / f"{doc.stem}.pdf"
        if not path.exists():
            synth.write_pdf(doc, path)
        paths.append(str(path))
    return paths


def size_folder(out: Path, n: int) -> Path:
    """out/n<N>: hard links to the first N documents, the input of one load."""
    folder = out / f"n{n}"
    if folder.exists() and len(os.listdir(folder)) == n and not os.path.islink(folder / os.listdir(folder)[0]):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for src in corpus_paths(out, n):
        link_file(src, folder / Path(src).name)
    return folder


def real_text_paths() -> list[str]:
    """The real text documents (.txt, .md, .txt.ws) of corpus/docs, corpus/heldout/docs and
    ../shared/corpus-dev, each content once, in name order."""
    import hashlib

    seen, paths = set(), []
    for folder in (ROOT / "corpus" / "docs", ROOT / "corpus" / "heldout" / "docs", ROOT.parent / "shared" / "corpus-dev"):
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.suffix in (".txt", ".md", ".ws"):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                if digest not in seen:
                    seen.add(digest)
                    paths.append(str(path))
    return paths
