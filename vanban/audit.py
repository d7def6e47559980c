"""Budget audit of files: every total a document states against the sum of its parts.

``audit_file(path)`` extracts one file and returns a ``FileAudit``: its budget checks
(``schemas.BudgetCheck``), the warnings about its amounts (a reading in words that
disagrees with its figure) and, for every figure, the line of the *source file* it is on,
so that a failing check can be found with an editor. ``render_text`` and ``to_json`` turn
audits into the report ``vanban audit`` prints.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex as re

from vanban.formatting import money, number, position
from vanban.schemas import BudgetCheck, ErrorInfo
from vanban.schemas.record import BudgetPart


@dataclass
class FileAudit:
    path: str
    amounts: int = 0
    checks: list[BudgetCheck] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: ErrorInfo | None = None
    line_map: dict[int, int] = field(default_factory=dict)

    @property
    def failed(self) -> list[BudgetCheck]:
        return [c for c in self.checks if not c.holds]

    def source_line(self, part: BudgetPart | None) -> int | None:
        """Line of the source file a figure is on (its line in the normalized text when the
        source cannot be lined up with it)."""
        if part is None or part.line is None:
            return None
        return self.line_map.get(part.line, part.line)


# --- lining up normalized lines with source lines ----------------------------------------------

_NOT_ALNUM = re.compile(r"[^\p{L}\p{N}]+")


def _key(line: str) -> str:
    return _NOT_ALNUM.sub("", line).lower()


def line_map(source_text: str, normalized_text: str, *, window: int = 400) -> dict[int, int]:
    """Normalized line number -> source line number (both 1-based), matched in order.

    A normalized line matches the first source line at or after the previous match whose
    letters and digits equal or contain its own (a table cell is part of its row's line).
    """
    source = [_key(s) for s in source_text.split("\n")]
    out: dict[int, int] = {}
    pointer = 0
    for i, line in enumerate(normalized_text.split("\n"), start=1):
        key = _key(line)
        if not key:
            continue
        # a short key ('1', '50') is only looked for close by: it is in too many lines
        reach = window if len(key) >= 4 else 3
        j, seen = pointer, 0
        while j < len(source) and seen < reach:
            if source[j] == key or key in source[j]:
                out[i] = j + 1
                pointer = j
                break
            seen += bool(source[j])
            j += 1
    return out


# --- auditing ------------------------------------------------------------------------------------


def audit_file(path: str | Path) -> FileAudit:
    """Extract one file and audit its budget figures; an unreadable file gives an ``error``."""
    from vanban.extractors.errors import VanbanError
    from vanban.extractors.normalize.steps import normalize
    from vanban.extractors.pipeline import extract_normalized
    from vanban.extractors.read import read

    path = Path(path)
    try:
        raw = read(path)
        norm = normalize(raw)
        record = extract_normalized(norm, path.name, raw=raw)
    except VanbanError as exc:
        return FileAudit(str(path), error=ErrorInfo(code=exc.code, message=exc.message))
    if record.error is not None:
        return FileAudit(str(path), error=record.error)
    warnings = [a.warning for a in record.amounts if a.warning]
    return FileAudit(
        str(path),
        amounts=len(record.amounts),
        checks=record.budget_checks,
        warnings=warnings,
        line_map=line_map(raw.text, record.text),
    )


def audit_paths(paths) -> list[FileAudit]:
    return [audit_file(p) for p in paths]


# --- reports ----------------------------------------------------------------------------------------


def _figure_line(role: str, part: BudgetPart, audit: FileAudit) -> str:
    printed = part.text or money(part.value_vnd)
    if part.unit and not re.search(r"\p{L}", printed):
        printed += f" ({part.unit})"  # a bare table cell: the unit is in the table's header
    label = f"  {part.label}" if part.label and role != "tổng" else ""
    return f"      {role:<5} {printed}{label}  [{position(part.section, audit.source_line(part))}]"


def render_check(check: BudgetCheck, audit: FileAudit) -> list[str]:
    lines = [f"  {'ĐÚNG' if check.holds else 'SAI '} {check.what}"]
    if check.total is not None:
        lines.append(_figure_line("tổng", check.total, audit))
    for part in check.parts:
        lines.append(_figure_line("phần", part, audit))
    diff = check.difference_vnd or 0
    tail = f" (trong mức làm tròn {money(check.tolerance_vnd)})" if check.tolerance_vnd and diff else ""
    lines.append(
        f"      cần {money(check.total_vnd)}, cộng được {money(check.found_vnd or 0)}, "
        f"chênh lệch {money(diff, signed=True)}{tail}"
    )
    return lines


def render_text(audits: list[FileAudit]) -> str:
    out: list[str] = []
    for a in audits:
        if a.error is not None:
            out.append(f"{a.path}: không kiểm tra được ({a.error.code}: {a.error.message})")
            continue
        held = len(a.checks) - len(a.failed)
        out.append(f"{a.path}: {number(a.amounts)} khoản tiền, {number(len(a.checks))} phép kiểm tra: "
                   f"{number(held)} khớp, {number(len(a.failed))} sai")
        for check in a.checks:
            out.extend(render_check(check, a))
        out.extend(f"  CẢNH BÁO {w}" for w in a.warnings)
    total = sum(len(a.checks) for a in audits)
    failed = sum(len(a.failed) for a in audits)
    if len(audits) > 1:
        out.append(f"{number(len(audits))} tệp, {number(total)} phép kiểm tra, {number(failed)} sai")
    return "\n".join(out)


def _check_json(check: BudgetCheck, audit: FileAudit) -> dict:
    data = check.model_dump(mode="json")
    if check.total is not None:
        data["total"]["source_line"] = audit.source_line(check.total)
    for part, dumped in zip(check.parts, data["parts"]):
        dumped["source_line"] = audit.source_line(part)
    return data


def to_json(audits: list[FileAudit]) -> dict:
    files = []
    for a in audits:
        files.append(
            {
                "path": a.path,
                "error": a.error.model_dump() if a.error else None,
                "amounts": a.amounts,
                "checks": [_check_json(c, a) for c in a.checks],
                "failed": len(a.failed),
                "warnings": a.warnings,
            }
        )
    return {
        "files": files,
        "checks": sum(len(a.checks) for a in audits),
        "failed": sum(len(a.failed) for a in audits),
    }
