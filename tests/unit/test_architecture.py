"""The rules of the house, checked on the source (docs/ARCHITECTURE.md):

- no import cycle inside workshop/, imports inside functions included;
- nothing outside workshop/ui/ imports Qt;
- SQL only in the store;
- no code outside flows/ and the stage pages branches on a stage's key.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "workshop"
QT = ("PySide6", "shiboken6")


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = modules()


def _owner(name: str) -> str:
    """The module a dotted name belongs to ("workshop.flows.stages.STAGES" -> its module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def imports_of(name: str, path: Path) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {_owner(a.name) for a in node.names if a.name.startswith("workshop")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package
                for _ in range(node.level - 1):
                    anchor = anchor.rpartition(".")[0]
                base = f"{anchor}.{base}" if base else anchor
            if base.startswith("workshop"):
                found |= {_owner(f"{base}.{a.name}") if f"{base}.{a.name}" in MODULES
                          else _owner(base) for a in node.names}
    # Importing a submodule runs its package's __init__, which is not a dependency loop.
    return {m for m in found if m and m != name and not name.startswith(m + ".")}


def test_the_import_graph_has_no_cycle():
    graph = {name: imports_of(name, path) for name, path in MODULES.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == [], "\n".join(" -> ".join(c) for c in cycles)


def test_only_the_ui_imports_qt():
    offenders = []
    for name, path in MODULES.items():
        if name.startswith("workshop.ui"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{name}: {n}" for n in names if n.split(".")[0] in QT]
    assert offenders == []


SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|"
                 r"CREATE\s+TABLE|PRAGMA\s+\w+)\b", re.IGNORECASE | re.DOTALL)


def test_sql_lives_in_the_store_only():
    offenders = []
    for name, path in MODULES.items():
        if name == "workshop.store":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and SQL.search(node.value) and node.value.strip().split()[0].isupper():
                offenders.append(f"{name}:{node.lineno}")
    assert offenders == []


def test_no_code_outside_the_stages_and_their_pages_branches_on_a_stage_key():
    from workshop.flows.stages import ALL_STAGES

    keys = {s.key for s in ALL_STAGES}
    offenders = []
    for name, path in MODULES.items():
        if name.startswith(("workshop.flows", "workshop.ui.pages")):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            literals: list[ast.AST] = []
            if isinstance(node, ast.Compare) and not (
                    isinstance(node.left, ast.Name) and node.left.id == "kind"):
                for side in [node.left, *node.comparators]:
                    literals += side.elts if isinstance(side, ast.Tuple | ast.List | ast.Set) \
                        else [side]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                    node.func, "id", "")) in ("go_to_stage", "stage_by_key", "show_page",
                                              "slide_rows"):
                literals += node.args
            elif isinstance(node, ast.keyword) and node.arg == "current_stage":
                literals.append(node.value)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(getattr(t, "attr", getattr(t, "id", "")) == "current_stage"
                       for t in targets):
                    literals.append(node.value)
            offenders += [f"{name}:{lit.lineno} {lit.value!r}" for lit in literals
                          if isinstance(lit, ast.Constant) and lit.value in keys]
    assert offenders == []
