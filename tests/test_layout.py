"""The package layout stays true: imports run down the flow, no cycles, small functions.

The flow is corpus -> parsing -> analyses -> compare -> charts -> views
(widgets, reporting) -> cli, on a foundation every stage may use (errors,
paths, vocab, unionfind). The rules are read from the source with ``ast``,
function-local imports included, so a hidden cycle fails here too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mediakit"

#: Stage of each top-level module or subpackage; an import may only point to a
#: lower stage, or stay inside its own subpackage.
STAGES = {
    "_version": 0,
    "errors": 0,
    "paths": 0,
    "vocab": 0,
    "unionfind": 0,
    "memory": 0,
    "corpus": 1,
    "parsing": 2,
    "analyses": 3,
    "compare": 4,
    "charts": 5,
    "widgets": 6,
    "reporting": 6,
    "cli": 7,
}
#: Longest function allowed, in lines of code (docstring, comments and blank lines not counted),
#: unless the function says why in a comment starting with "# long:".
MAX_FUNCTION_LINES = 60


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _imports(module: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(imported mediakit module, names taken from it, line) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                (a.name, [], node.lineno) for a in node.names if a.name.startswith("mediakit")
            ]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node)
            if not target.startswith("mediakit"):
                continue
            names = [a.name for a in node.names]
            # "from . import charts" imports a submodule, not a name.
            subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
            if subs:
                found += [(s, [], node.lineno) for s in subs]
                names = [n for n in names if f"{target}.{n}" not in MODULES]
            if names:
                found.append((target, names, node.lineno))
    return found


def _stage(module: str) -> tuple[str, int]:
    top = module.split(".")[1] if module.count(".") else ""
    return top, STAGES[top]


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in MODULES.items():
        for target, _, _ in _imports(module, path):
            if target in MODULES and target != module:
                graph[module].add(target)
    return graph


def test_every_module_has_a_stage():
    tops = {m.split(".")[1] for m in MODULES if m.count(".")}
    assert tops <= set(STAGES), f"add a stage for {sorted(tops - set(STAGES))} in STAGES"


def test_imports_run_down_the_flow():
    wrong = []
    for module, path in MODULES.items():
        if module == "mediakit":
            continue  # the package face exports by name, lazily
        src_top, src = _stage(module)
        for target, _, line in _imports(module, path):
            if target == "mediakit" or target not in MODULES:
                continue
            dst_top, dst = _stage(target)
            if dst > src or (dst == src and dst_top != src_top):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert wrong == []


def test_no_import_cycles():
    graph = _graph()
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in list(MODULES):
        if v not in index:
            visit(v)
    # A package imports its own modules in __init__; those modules importing a
    # sibling through the package would be a cycle too, and is reported.
    assert cycles == []


def test_no_private_names_imported_across_modules():
    wrong = []
    for module, path in MODULES.items():
        for target, names, line in _imports(module, path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {private} from {target}")
    assert wrong == []


def _code_lines(node: ast.FunctionDef, lines: list[str]) -> int:
    body = node.body
    start = body[0].lineno
    first = body[0]
    if isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant):
        start = first.end_lineno + 1
    return sum(
        1
        for text in lines[start - 1 : node.end_lineno]
        if text.strip() and not text.strip().startswith("#")
    )


def test_functions_are_short_or_say_why():
    long = []
    for path in MODULES.values():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = _code_lines(node, lines)
                said = any("# long:" in text for text in lines[node.lineno - 1 : node.end_lineno])
                if n > MAX_FUNCTION_LINES and not said:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({n} lines)")
    assert long == []


@pytest.mark.parametrize("module", ["mediakit.charts", "mediakit.compare", "mediakit.cli"])
def test_views_and_tables_load_without_spacy(module):
    code = f"import sys, {module}; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_public_api_names_are_the_functions_even_after_their_modules_load():
    import importlib

    import mediakit

    for name, module in mediakit._EXPORTS.items():
        importlib.import_module(f"mediakit.{module}")
        value = getattr(mediakit, name)
        assert callable(value), f"mediakit.{name} is {value!r}"
        assert not isinstance(value, type(mediakit)), f"mediakit.{name} is a module"
    assert callable(mediakit.charts.keyness_chart) and callable(mediakit.widgets.dashboard)
    from mediakit.cli import main

    assert callable(main)
