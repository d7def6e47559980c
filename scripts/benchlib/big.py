"""One long text document through extraction: CPU seconds and peak memory (``--big``)."""
from __future__ import annotations

import os
import time
from pathlib import Path

from benchlib.common import MB, peak_rss_mb, real_text_paths, run_phase


# --- one long text document -----------------------------------------------------------------------


def ensure_big(out: Path, mb: float) -> Path:
    """A text document of about ``mb`` MB: the real text documents one after another,
    repeated, a blank line between them."""
    path = out / f"big-{mb:g}MB.txt"
    if not path.exists():
        texts = [Path(p).read_text(encoding="utf-8") for p in real_text_paths()]
        parts, size, k = [], 0, 0
        while size < mb * MB:
            parts.append(texts[k % len(texts)])
            size += len(parts[-1].encode("utf-8")) + 2
            k += 1
        path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def phase_big(p: dict) -> dict:
    """One long document through ``extract_file``: CPU seconds and the process's peak RSS
    (models loaded first, so the base is the RSS of an extraction process at rest)."""
    from vanban.extractors.pipeline import extract_file, extract_text

    extract_text("Số: 1/KH-UBND\nKẾ HOẠCH\nGiao Sở Tài chính chủ trì, kinh phí 1,5 tỷ đồng.")
    base = peak_rss_mb()
    cpu = time.process_time()
    record = extract_file(p["path"])
    return {"bytes": os.path.getsize(p["path"]), "chars": len(record.text), "error": record.error and record.error.code,
            "cpu_s": time.process_time() - cpu, "base_rss_mb": base, "peak_rss_mb": peak_rss_mb(),
            "references": len(record.references), "amounts": len(record.amounts), "assignments": len(record.assignments)}




def big(out: Path, mb: float) -> str:
    path = ensure_big(out, mb)
    r = run_phase("big", {"path": str(path)})
    size = r["bytes"] / MB
    return (f"A {size:.1f} MB text document ({r['chars']} characters after normalization; the real text documents "
            f"repeated): error {r['error']}, {r['cpu_s']:.1f} CPU-s, peak RSS {r['peak_rss_mb']:.0f} MB "
            f"({r['peak_rss_mb'] / size:.0f} MB per MB of text; {r['base_rss_mb']:.0f} MB with the models loaded, before it); "
            f"{r['references']} references, {r['amounts']} amounts, {r['assignments']} assignments.")
