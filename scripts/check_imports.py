#!/usr/bin/env python3
"""Import structure of the vanban package, from the source alone (``ast``, nothing imported).

Fails (exit 1), listing every finding, when:

- the modules import each other in a cycle, counting module-level imports and imports
  inside functions alike (an import moved into a function still ties the two modules);
- a library module imports the CLI layer (``vanban.cli``, ``vanban.commands``);
- any code (the package, tests/, scripts/) imports ``extractors``, ``schemas`` or
  ``models`` by their folder names instead of ``vanban.extractors`` and so on.

The folders and the names they install under are read from pyproject.toml's
``[tool.setuptools] package-dir``. Imports under ``if TYPE_CHECKING:`` do not run and are
not counted.

    python scripts/check_imports.py            # the check (allowances below apply)
    python scripts/check_imports.py --strict   # the same, with no allowance
"""
from __future__ import annotations

import argparse
import ast
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI_LAYER = ("vanban.cli", "vanban.commands")
OTHER_CODE = ("tests", "scripts")  # checked for folder-name imports only

# Cycles known to exist and being removed. Each entry is the cycle's modules, sorted, and
# why it is tolerated for now; delete the entry when the cycle is gone (the check says when
# an entry no longer matches anything). ``--strict`` ignores this table.
ALLOWED_CYCLES: dict[tuple[str, ...], str] = {}


@dataclass(frozen=True)
class Import:
    target: str  # the module imported (resolved, absolute)
    line: int
    local: bool  # inside a function


def package_dirs(root: Path = ROOT) -> dict[str, Path]:
    """Installed package name -> its folder, from pyproject.toml."""
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    mapping = config["tool"]["setuptools"]["package-dir"]
    return {name: root / folder for name, folder in mapping.items()}


def discover(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the package under its installed name -> its file."""
    dirs = package_dirs(root)
    modules: dict[str, Path] = {}
    # the longest mapped name wins for a folder inside another mapped folder
    for name, folder in sorted(dirs.items(), key=lambda kv: -len(kv[0])):
        for file in sorted(folder.rglob("*.py")):
            rel = file.relative_to(folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            if any(not (folder.joinpath(*rel.parts[:i]) / "__init__.py").exists() for i in range(1, len(rel.parts))):
                continue  # a file in a folder that is not a package (data, templates)
            modules.setdefault(".".join([name, *parts]), file)
    return modules


def _in_cli_layer(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in CLI_LAYER)


def _is_package(file: Path) -> bool:
    return file.name == "__init__.py"


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(module: str, file: Path, known: set[str]) -> list[Import]:
    """The imports a module makes: the module each one loads, resolved to a known module
    where one matches (``from a import b`` loads ``a.b`` when that is a module)."""
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    package = module if _is_package(file) else module.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, local: bool) -> None:
        if isinstance(node, ast.If) and _type_checking(node.test):
            for child in node.orelse:
                visit(child, local)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(alias.name, node.lineno, local))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append(Import(sub if sub in known else base, node.lineno, local))
        inner = local or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(tree, False)
    return found


def graph_of(modules: dict[str, Path]) -> dict[str, dict[str, Import]]:
    """module -> {imported module of the package -> the first import of it}."""
    known = set(modules)
    graph: dict[str, dict[str, Import]] = {}
    for module, file in modules.items():
        edges: dict[str, Import] = {}
        for imp in imports_of(module, file, known):
            if imp.target in known and imp.target != module:
                edges.setdefault(imp.target, imp)
        graph[module] = edges
    return graph


def strongly_connected(graph: dict[str, dict[str, Import]]) -> list[list[str]]:
    """Tarjan's components of more than one module (each sorted), in a stable order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0

    def connect(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))
    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(out)


def cycles_in(component: list[str], graph: dict[str, dict[str, Import]], limit: int = 20) -> list[list[str]]:
    """Elementary cycles inside one component, each starting at its smallest module."""
    members = set(component)
    found: list[list[str]] = []
    for start in component:
        # depth-first over the component's modules not below ``start``: each cycle once
        stack = [(start, iter(sorted(graph[start])))]
        path = [start]
        while stack and len(found) < limit:
            _, successors = stack[-1]
            w = next(successors, None)
            if w is None:
                stack.pop()
                path.pop()
            elif w == start:
                found.append([*path, start])
            elif w in members and w > start and w not in path:
                path.append(w)
                stack.append((w, iter(sorted(graph[w]))))
    return found


def _edge_text(graph, a: str, b: str) -> str:
    imp = graph[a][b]
    return f"{a} -> {b} (line {imp.line}{', in a function' if imp.local else ''})"


def folder_name_imports(files: list[Path], names: set[str], root: Path = ROOT) -> list[str]:
    """``import extractors`` and the like: the folder name used as a top-level package."""
    out = []
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module]
            for target in targets:
                top = target.split(".")[0]
                if top in names:
                    out.append(f"{file.relative_to(root)}:{node.lineno}: imports {target!r}; use 'vanban.{target}'")
    return out


def check(root: Path = ROOT, *, strict: bool = False) -> tuple[list[str], list[str]]:
    """(failures, notes) of the whole check."""
    modules = discover(root)
    graph = graph_of(modules)
    failures: list[str] = []
    notes: list[str] = []

    allowed = {} if strict else ALLOWED_CYCLES
    matched: set[tuple[str, ...]] = set()
    for component in strongly_connected(graph):
        key = tuple(component)
        lines = [" -> ".join(c) + "\n      " + "\n      ".join(_edge_text(graph, a, b) for a, b in zip(c, c[1:]))
                 for c in cycles_in(component, graph)]
        if key in allowed:
            matched.add(key)
            notes.append(f"allowed cycle ({allowed[key]}):\n    " + "\n    ".join(lines))
        else:
            failures.append("import cycle:\n    " + "\n    ".join(lines))
    for key in sorted(set(allowed) - matched):
        notes.append(f"ALLOWED_CYCLES entry {' <-> '.join(key)} matches no cycle any more: delete it")

    for module in sorted(graph):
        if _in_cli_layer(module):
            continue
        for target in sorted(graph[module]):
            if _in_cli_layer(target):
                failures.append(f"library module {module} imports the CLI layer: {_edge_text(graph, module, target)}")

    folder_names = {name.split(".", 1)[1] for name in package_dirs(root) if "." in name}
    files = sorted(modules.values())
    for folder in OTHER_CODE:
        files += sorted((root / folder).rglob("*.py"))
    failures += folder_name_imports(files, folder_names, root)
    return failures, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="ignore ALLOWED_CYCLES")
    args = parser.parse_args(argv)
    failures, notes = check(strict=args.strict)
    for note in notes:
        print(f"note: {note}")
    for failure in failures:
        print(f"error: {failure}")
    modules = len(discover())
    if failures:
        print(f"check_imports: {len(failures)} problem(s) in {modules} modules")
        return 1
    allowed = sum(note.startswith("allowed cycle") for note in notes)
    print(f"check_imports: {modules} modules, no import cycle" + (f" but {allowed} allowed" if allowed else "")
          + ", no library import of the CLI layer, no import by folder name")
    return 0


if __name__ == "__main__":
    sys.exit(main())
