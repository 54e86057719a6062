"""The workbook notebooks: clean in git, one configuration cell, no analysis logic, and they run.

Every notebook in notebooks/ is executed top to bottom in a real ``python3``
kernel (nbclient) on the bundled corpus; an error in any cell fails the test.
The kernel gets the private test cache (``MEDIAKIT_CACHE_DIR``, set by
conftest.py) in its environment, and runs in a temporary folder so that a
notebook that writes files leaves nothing behind in notebooks/.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
IDS = [p.name for p in NOTEBOOKS]
TIMEOUT = 600  # seconds per cell: the first parse of a big corpus on a slow machine

# Notebooks hold explanation, exercises and calls to mediakit; computing
# happens in mediakit, where it is tested once and shared by the charts,
# widgets and report. These calls and constructs mean a notebook started
# computing on its own.
ANALYSIS_METHODS = frozenset({
    "groupby", "pivot", "pivot_table", "crosstab", "agg", "aggregate", "apply", "applymap",
    "map", "transform", "merge", "join", "value_counts", "resample", "rolling", "expanding",
    "melt", "stack", "unstack", "explode", "cumsum", "cumcount", "sum", "mean", "median",
    "std", "var", "min", "max", "quantile", "count", "nunique", "describe", "corr", "cov",
})  # fmt: skip
ANALYSIS_NODES = {
    ast.FunctionDef: "a function definition",
    ast.AsyncFunctionDef: "a function definition",
    ast.ClassDef: "a class definition",
    ast.Lambda: "a lambda",
    ast.For: "a for loop",
    ast.While: "a while loop",
    ast.ListComp: "a list comprehension",
    ast.DictComp: "a dict comprehension",
    ast.SetComp: "a set comprehension",
    ast.GeneratorExp: "a generator expression",
}


def read(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    return nb


def code_cells(nb: nbformat.NotebookNode) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def assigned_names(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {
                t.id for target in targets for t in ast.walk(target) if isinstance(t, ast.Name)
            }
    return names


def analysis_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Where a notebook computes on its own instead of calling mediakit."""
    problems = []
    for cell in code_cells(nb):
        tree = ast.parse(cell.source)  # also: no magics or shell escapes, plain Python only
        for node in ast.walk(tree):
            if type(node) in ANALYSIS_NODES:
                problems.append(f"cell {cell.id}: {ANALYSIS_NODES[type(node)]}")
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ANALYSIS_METHODS
            ):
                problems.append(f"cell {cell.id}: .{node.func.attr}(...)")
    return problems


def test_the_workbook_is_numbered_and_complete():
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", name) for name in IDS), IDS
    assert {
        "00_start_here.ipynb",
        "01_length_and_readability.ipynb",
        "02_who_gets_named.ipynb",
        "03_dashboard.ipynb",
    } <= set(IDS), IDS


def test_the_logic_check_catches_a_pipeline():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell('metrics.groupby("outlet")["words"].mean()', id="a"),
            nbformat.v4.new_code_cell("[len(t) for t in corpus.text]", id="b"),
            nbformat.v4.new_code_cell('metrics[["outlet", "words"]].sort_values("words")', id="c"),
        ]
    )
    assert analysis_problems(nb) == [
        "cell a: .mean(...)",
        "cell a: .groupby(...)",
        "cell b: a list comprehension",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_without_outputs(path):
    nb = read(path)
    dirty = [
        c.get("id", i)
        for i, c in enumerate(code_cells(nb))
        if c.outputs or c.execution_count is not None or set(c.metadata) - {"tags"}
    ]
    assert dirty == [], f"{path.name}: cells with outputs or run state (run nbstripout): {dirty}"
    assert "widgets" not in nb.metadata, f"{path.name}: saved widget state in the notebook metadata"
    ids = [c.get("id") for c in nb.cells]
    assert all(ids) and len(set(ids)) == len(ids), (
        f"{path.name}: every cell needs a unique, stable id"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_starts_with_the_one_configuration_cell(path):
    cells = read(path).cells
    first = cells[0]
    assert first.cell_type == "code", (
        f"{path.name}: the first cell must be the corpus configuration"
    )
    assert assigned_names(first.source) == {"SOURCE", "COLUMNS"}, first.source
    # The bundled corpus by default, so that every notebook runs as it is.
    assert "SOURCE = None" in first.source and "COLUMNS = {}" in first.source
    for cell in code_cells(read(path))[1:]:
        again = assigned_names(cell.source) & {"SOURCE", "COLUMNS"}
        assert not again, (
            f"{path.name}: {again} is set again in cell {cell.id}; configure in the first cell only"
        )
    uses = "".join(c.source for c in code_cells(read(path))[1:])
    assert "load_corpus(SOURCE, **COLUMNS)" in uses, f"{path.name}: the configuration is never used"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_analysis_logic_in_notebooks(path):
    problems = analysis_problems(read(path))
    assert problems == [], (
        f"{path.name} computes on its own; move the computation into mediakit and call it: {problems}"
    )


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_top_to_bottom(path, tmp_path, session_cache):
    from nbclient import NotebookClient

    nb = read(path)
    env = {**os.environ, "MEDIAKIT_CACHE_DIR": str(session_cache)}
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=TIMEOUT,
        startup_timeout=120,
        allow_errors=False,  # the first failing cell raises CellExecutionError, with its traceback
        resources={"metadata": {"path": str(tmp_path)}},  # the kernel's working folder
    )
    client.execute(env=env)  # passed on to the kernel process
    ran = [c for c in code_cells(nb) if c.execution_count is not None]
    assert len(ran) == len(code_cells(nb)), f"{path.name}: not every code cell ran"
    errors = [o for c in code_cells(nb) for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert any(session_cache.iterdir()), "the kernel did not use the private test cache"
    assert list(tmp_path.iterdir()) == [], f"{path.name} wrote files: {list(tmp_path.iterdir())}"


# -- what students read ---------------------------------------------------------------------------
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_dollar_sign_outside_code_in_markdown(path):
    # JupyterLab, Voila and nbconvert typeset $...$ as LaTeX, and they do not agree on "\$";
    # amounts of money go in `code` spans, where no renderer looks for maths.
    bad = [
        c.id
        for c in read(path).cells
        if c.cell_type == "markdown" and "$" in CODE.sub("", c.source)
    ]
    assert bad == [], f"{path.name}: a $ outside `code` in cells {bad}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebooks_set_up_mediakit_and_compute_their_caveat(path):
    nb = read(path)
    code = "".join(c.source for c in code_cells(nb))
    assert "mediakit.notebook_setup()" in code, f"{path.name}: call mediakit.notebook_setup()"
    prose = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    # The corpus may be any SOURCE: numbers of articles are computed (mediakit.widgets.caveat).
    assert "Five articles show differences" not in prose, path.name
    assert "Run All Cells" not in prose or path.name != "03_dashboard.ipynb", (
        "the dashboard's text is shown by Voila, where there is nothing to run"
    )


@pytest.mark.notebook
@pytest.mark.slow
def test_a_mediakit_error_shows_its_message_without_mediakit_frames(tmp_path, session_cache):
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import mediakit\nmediakit.notebook_setup()", id="a"),
            nbformat.v4.new_code_cell('corpus = mediakit.load_corpus("no-such-file.csv")', id="b"),
            nbformat.v4.new_code_cell("1 / 0", id="c"),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )
    env = {**os.environ, "MEDIAKIT_CACHE_DIR": str(session_cache)}
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=TIMEOUT,
        allow_errors=True,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute(env=env)
    (error,) = [o for o in nb.cells[1].outputs if o.output_type == "error"]
    assert error.ename in {"CorpusError", "OptionError"}
    shown = "\n".join(error.traceback)
    assert "no-such-file.csv" in shown and len(error.traceback) <= 2, shown
    assert "line 1 of this cell" in shown
    assert "mediakit/" not in shown and "site-packages" not in shown, shown
    # Other errors keep IPython's full traceback.
    (other,) = [o for o in nb.cells[2].outputs if o.output_type == "error"]
    assert other.ename == "ZeroDivisionError" and len(other.traceback) > 2
