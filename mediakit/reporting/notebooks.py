"""Run the notebooks and export them as HTML that opens offline, charts included.

Executed with nbclient, exported with nbconvert's JupyterLab template minus
everything it would fetch from the internet (require.js, MathJax, mermaid,
the widget manager). Altair charts become inline SVG (vl-convert, offline);
an interactive widget is replaced by what its output area showed after the
run (e.g. the chart drawn for the default choice), without its controls.

Run from a shell (``make export``)::

    python -m mediakit.reporting.notebooks notebooks output/notebooks
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..charts.safe_spec import safe_spec

__all__ = ["export_notebooks", "external_sources"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_VEGA = re.compile(r"^application/vnd\.vega(lite)?\.v\d+[.+]json$")  # altair 6 writes ".v6.json"
_EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I
)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.I | re.S)
_QUOTED_URL = re.compile(r"""["'](?:https?:)?//[^"'\s]+["']""")
# Run before the notebook's own cells: charts as static SVG (drawn by vl-convert
# in the kernel) instead of altair's default HTML, which loads vega from a CDN.
_SETUP = "import altair as _alt\n_alt.renderers.enable('svg')\ndel _alt"
_NOTE = (
    "*Interactive widget: in this static copy its controls are left out"
    "{shown}. Open the notebook in JupyterLab to use it.*"
)


def external_sources(html: str) -> list[str]:
    """Tags in ``html`` that would load something from the network.

    Finds ``src``/``href`` attributes pointing at another host and URLs
    quoted inside inline scripts (``import("https://...")``, require paths).

    >>> external_sources('<script src="https://cdn.example/x.js"></script><img src="data:,">')
    ['<script src="https://']
    >>> external_sources('<script>import("https://cdn.example/vega.js")</script>')
    ['"https://cdn.example/vega.js"']
    """
    found = [m.group(0) for m in _EXTERNAL.finditer(html)]
    for body in _SCRIPT.findall(html):
        found.extend(m.group(0) for m in _QUOTED_URL.finditer(body))
    return found


def _static_chart(data: dict) -> dict:
    import vl_convert as vlc

    key = next(k for k in data if _VEGA.match(k))
    spec = safe_spec(data[key])
    svg = (
        vlc.vegalite_to_svg(spec, allowed_base_urls=[])
        if "vegalite" in key
        else vlc.vega_to_svg(spec, allowed_base_urls=[])
    )
    return {"image/svg+xml": svg}


def _widget_outputs(model_id: str, state: dict, seen: set[str]) -> list[dict]:
    # What an Output widget (possibly inside boxes) showed after the run.
    if model_id in seen or model_id not in state:
        return []
    seen.add(model_id)
    model = state[model_id]
    inner = model.get("state", {})
    if model.get("model_name") == "OutputModel":
        return list(inner.get("outputs", []))
    spec = inner.get("spec")
    if isinstance(spec, dict) and "vega-lite" in str(spec.get("$schema", "")):
        # altair's JupyterChart widget keeps its spec in the widget state.
        return [
            {
                "output_type": "display_data",
                "metadata": {},
                "data": {"application/vnd.vegalite.v6+json": spec},
            }
        ]
    found: list[dict] = []
    for child in inner.get("children", []):
        if isinstance(child, str) and child.startswith("IPY_MODEL_"):
            found.extend(_widget_outputs(child[len("IPY_MODEL_") :], state, seen))
    return found


def _make_static(outputs: Iterable[Any], state: dict) -> list[Any]:
    import nbformat

    result: list[Any] = []
    for out in outputs:
        out = nbformat.from_dict(out)
        data = (
            out.get("data")
            if out.get("output_type") in ("display_data", "execute_result")
            else None
        )
        if data and any(_VEGA.match(k) for k in data):
            out["data"] = _static_chart(data)
        elif data and _WIDGET_VIEW in data:
            shown = _widget_outputs(data[_WIDGET_VIEW].get("model_id", ""), state, set())
            what = " and it shows what it drew for the default choices" if shown else ""
            note = nbformat.v4.new_output(
                "display_data", data={"text/markdown": _NOTE.format(shown=what)}
            )
            result.extend([note, *_make_static(shown, state)])
            continue
        result.append(out)
    return result


def _exporter(hide_code: bool):
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = {"remove-cell"}
    c.TagRemovePreprocessor.remove_input_tags = {"remove-input", "hide-input"}
    c.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output"}
    return HTMLExporter(
        config=c,
        template_name="notebook",
        extra_template_basedirs=[str(_TEMPLATES)],
        exclude_input=hide_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def export_notebooks(
    notebooks_dir: str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    hide_code: bool = True,
    timeout: int = 600,
    kernel_name: str = "python3",
) -> list[Path]:
    """Execute every ``*.ipynb`` in ``notebooks_dir`` and write ``<name>.html`` into ``out_dir``.

    Notebooks run top to bottom in their own folder (relative paths work);
    the files are not modified. ``hide_code`` leaves code out (a report);
    cells tagged ``remove-cell``, ``remove-input``/``hide-input`` or
    ``remove-output`` lose those parts either way. Raises ``RuntimeError``
    naming the notebook when a cell fails, or when the HTML would still load
    something from the network.

    Example (runs every notebook, so it takes a while)::

        export_notebooks("notebooks", "output/notebooks")
        # [PosixPath('output/notebooks/00_start_here.html'), ...]
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    src, dest = Path(notebooks_dir), Path(out_dir)
    if not src.is_dir():
        raise FileNotFoundError(
            f"No notebook folder {src}; pass the folder holding the .ipynb files."
        )
    dest.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for path in sorted(src.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        nb.cells.insert(0, nbformat.v4.new_code_cell(_SETUP))
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name=kernel_name,
            resources={"metadata": {"path": str(path.parent.resolve())}},
        )
        try:
            client.execute()
        except CellExecutionError as exc:
            raise RuntimeError(f"{path.name}: a cell failed while exporting:\n{exc}") from exc
        nb.cells.pop(0)
        state = nb.metadata.pop("widgets", {}).get(_WIDGET_STATE, {}).get("state", {})
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = _make_static(cell.outputs, state)
        html, _ = _exporter(hide_code).from_notebook_node(
            nb, resources={"metadata": {"name": path.stem}}
        )
        leaks = external_sources(html)
        if leaks:
            raise RuntimeError(
                f"{path.name}: the exported HTML would load from the network: {leaks[:3]}"
            )
        out = dest / f"{path.stem}.html"
        out.write_bytes(html.encode("utf-8"))
        written.append(out)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m mediakit.reporting.notebooks NOTEBOOKS OUT [--show-code]``."""
    p = argparse.ArgumentParser(
        prog="python -m mediakit.reporting.notebooks",
        description="Run the notebooks and export them as offline HTML.",
    )
    p.add_argument("notebooks", help="folder with .ipynb files")
    p.add_argument("out", help="folder for the .html files")
    p.add_argument("--show-code", action="store_true", help="keep the code cells (default: hidden)")
    args = p.parse_args(argv)
    for path in export_notebooks(args.notebooks, args.out, hide_code=not args.show_code):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
