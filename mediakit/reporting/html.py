"""Render sections and blocks into one self-contained HTML file.

Safety rules, because article text, titles, outlet names and metadata are
untrusted:

- every string goes through jinja2's autoescaping; blocks never carry HTML;
- chart specs are embedded as JSON in ``<script type="application/json">``
  with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, so data cannot close the
  element; the page parses them with ``JSON.parse``;
- tooltips escape HTML (vega-tooltip ``sanitize``) and vega's loader refuses
  every URL;
- a Content-Security-Policy allows only the page's own inline scripts (by
  hash) and no network access at all (``default-src 'none'``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import math
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import numpy as np
import pandas as pd
from markupsafe import Markup

from ..charts.safe_spec import safe_spec
from ..parsing.store import CacheWarning, asset_path
from .blocks import Block, Bullets, Chart, Definitions, Table, Text
from .embedded import CSV_BUDGET, REPORT_BUDGET, TEXT_BUDGET, csv_payloads, row_targets
from .labels import column_label
from .provenance import Provenance
from .registry import Section

__all__ = ["normalize_names", "render_report", "script_json", "vega_javascript"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")
_AUTO_NAME = re.compile(r"^(param|view)_\d+$")

# Options for vegaEmbed; the loader and tooltip sanitizer are set in report.js.
EMBED_OPTIONS = {
    "renderer": "svg",  # crisp when printed to PDF
    "ast": True,  # vega's expression interpreter: no eval, so the CSP needs no 'unsafe-eval'
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
    "downloadFileName": "chart",
}


def script_json(obj: Any) -> Markup:
    """JSON that is safe inside a ``<script>`` element (and as HTML text).

    >>> str(script_json({"t": "</script><b>&"}))
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(_JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text))


def normalize_names(spec: dict) -> dict:
    """Rename altair's automatic ``param_N`` / ``view_N`` names to per-chart numbers.

    altair numbers unnamed selections and views with process-wide counters, so
    the same chart built twice would differ; renumbering in order of
    appearance makes the report byte-identical. Inline data is left alone.

    >>> normalize_names({"params": [{"name": "param_7"}], "transform": [{"filter": {"param": "param_7"}}]})
    {'params': [{'name': 'param_1'}], 'transform': [{'filter': {'param': 'param_1'}}]}
    """
    found: dict[str, str] = {}

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "datasets" or (k == "values" and isinstance(v, list)):
                    continue
                if k == "name" and isinstance(v, str) and _AUTO_NAME.match(v) and v not in found:
                    kind = v.split("_")[0]
                    found[v] = f"{kind}_{sum(n.startswith(kind) for n in found.values()) + 1}"
                collect(v)
        elif isinstance(node, list):
            for v in node:
                collect(v)

    collect(spec)
    if not found or all(k == v for k, v in found.items()):
        return spec
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(map(re.escape, sorted(found, key=len, reverse=True))) + r")(?!\w)"
    )

    def rename(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: v if k == "datasets" or (k == "values" and isinstance(v, list)) else rename(v)
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [rename(v) for v in node]
        if isinstance(node, str):
            return pattern.sub(lambda m: found[m.group(1)], node)
        return node

    return rename(spec)


def _bundle_name() -> str:
    import vl_convert as vlc

    return f"vl-convert-{vlc.__version__}-vega-embed.js"


@lru_cache(maxsize=4)
def vega_javascript(cache_dir: str | os.PathLike | bool | None = None) -> str:
    """vega, vega-lite and vega-embed as one script, from vl-convert-python (offline).

    vl-convert bundles the script on each call (1-3 s), so it is kept in
    mediakit's cache folder (``cache_dir`` as for :func:`mediakit.analyze`;
    ``False``: not kept), one file per vl-convert version, with its SHA-256
    beside it. A kept copy that does not match its checksum is rebuilt from
    the installed vl-convert (with a :class:`~mediakit.parsing.store.CacheWarning`);
    a bundle that still looks wrong is an error, never a report without charts.

    >>> "vegaEmbed" in vega_javascript()
    True
    """
    import vl_convert as vlc

    path = asset_path(_bundle_name(), cache_dir)
    js = _kept_bundle(path)
    if js is None:
        js = vlc.javascript_bundle()
        problem = _bundle_problem(js)
        if problem is not None:
            raise RuntimeError(
                f"The chart library from vl-convert-python {vlc.__version__} is unusable "
                f"({problem}). Reinstall it: pip install --force-reinstall vl-convert-python"
            )
        if path is not None:
            _keep(path, js)
    return js


def _bundle_problem(js: str) -> str | None:
    # Inside <script> only "</script" or "<!--" could end or confuse the element.
    if re.search(r"</script|<!--", js, re.IGNORECASE):
        return "it holds '</script' or '<!--'"
    if "vegaEmbed" not in js:
        return "it does not define vegaEmbed"
    return None


def _digest(js: str) -> str:
    return hashlib.sha256(js.encode("utf-8")).hexdigest()


def _kept_bundle(path: Path | None) -> str | None:
    """The kept bundle if it matches its checksum; None if absent or damaged."""
    if path is None:
        return None
    try:
        js = path.read_text(encoding="utf-8")
        expected = path.with_name(path.name + ".sha256").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if _digest(js) == expected and _bundle_problem(js) is None:
        return js
    warnings.warn(
        f"The kept chart library {path} is damaged (its checksum does not match); "
        "rebuilding it from vl-convert.",
        CacheWarning,
        stacklevel=4,
    )
    return None


def _keep(path: Path, js: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for target, text in ((path, js), (path.with_name(path.name + ".sha256"), _digest(js))):
            tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, target)
    except OSError:  # a read-only cache only costs time
        pass


# -- tables ------------------------------------------------------------------------
def _cell(value: Any, digits: int) -> tuple[str, str]:
    """Display text and sort key of one value."""
    if value is None or value is pd.NA or value is pd.NaT:
        return "", ""
    if isinstance(value, bool | np.bool_):
        return ("yes" if value else "no"), str(int(value))
    if isinstance(value, int | np.integer):
        return f"{int(value):,}", str(int(value))
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return "", ""
        if math.isinf(value):
            return ("∞" if value > 0 else "-∞"), repr(float(value))
        return f"{float(value):,.{digits}f}", repr(float(value))
    if isinstance(value, pd.Timestamp | dt.datetime):
        ts = pd.Timestamp(value)
        text = (
            ts.date().isoformat()
            if ts == ts.normalize()
            else ts.isoformat(sep=" ", timespec="minutes")
        )
        return text, ts.isoformat()
    if isinstance(value, list | tuple | np.ndarray):
        text = ", ".join(str(v) for v in value)
        return text, text
    return str(value), str(value)


PROSE = 60  # characters: a column whose typical cell is this long holds sentences


def _prose(cells: Iterable[str]) -> bool:
    """Whether a column holds sentences (a quote, a passage): its cells get room to be read.

    >>> _prose(["A short name", "Said the minister on Tuesday, adding that the talks would go on."] * 2)
    True
    """
    lengths = sorted(len(text) for text in cells)
    return bool(lengths) and lengths[len(lengths) // 2] >= PROSE


def table_view(table: Table, csv: bool = False) -> dict:
    """What the template needs to draw one table (strings only; escaped there).

    Rows that cite an article carry its id and span, for the article reader;
    ``csv``: the table's CSV is embedded for download.
    """
    data = table.data
    numeric = [
        pd.api.types.is_numeric_dtype(data[c]) and not pd.api.types.is_bool_dtype(data[c])
        for c in data.columns
    ]
    shown = data if table.max_rows is None else data.head(table.max_rows)
    rows = [
        {"cells": [_cell(v, table.digits) for v in row], "doc": doc, "start": a, "end": b}
        for row, (doc, a, b) in zip(
            shown.itertuples(index=False, name=None), row_targets(shown), strict=True
        )
    ]
    return {
        "id": table.id,
        "title": table.title,
        "caption": table.caption,
        "headers": [
            {
                "label": table.columns.get(str(c)) or column_label(str(c)),
                "name": str(c),
                "numeric": n,
                "long": not n and _prose(row["cells"][i][0] for row in rows),
            }
            for i, (c, n) in enumerate(zip(data.columns, numeric, strict=True))
        ],
        "rows": rows,
        "total": len(data),
        "shown": len(shown),
        "csv": csv,
        "collapsed": table.collapsed,
    }


# -- the page ----------------------------------------------------------------------
def _block_view(block: Block, csv: Mapping[str, str], memo: dict | None = None) -> dict:
    # ``memo`` keeps the costly parts (chart specs, table rows) between the two
    # renderings of one report; block ids are unique within a report.
    memo = {} if memo is None else memo
    if isinstance(block, Text):
        return {"kind": "text", "text": block.text, "style": block.style}
    if isinstance(block, Bullets):
        return {"kind": "bullets", "entries": block.items}
    if isinstance(block, Definitions):
        return {"kind": "definitions", "entries": block.items, "title": block.title}
    if isinstance(block, Table):
        return {"kind": "table", "table": _table_view(block, csv, memo)}
    if isinstance(block, Chart):
        key = ("spec", block.id, id(block.chart))
        if key not in memo:
            memo[key] = script_json(safe_spec(normalize_names(block.spec())))
        return {
            "kind": "chart",
            "id": block.id,
            "title": block.title,
            "caption": block.caption,
            "spec": memo[key],
            "table": _table_view(block.table(), csv, memo),
        }
    raise TypeError(
        f"A report section returned {type(block).__name__}; use the blocks in mediakit.reporting.blocks."
    )


def _table_view(table: Table, csv: Mapping[str, str], memo: dict) -> dict:
    key = ("table", table.id, id(table.data))
    if key not in memo:
        memo[key] = table_view(table)
    return {**memo[key], "csv": table.id in csv}


def _sha256(text: str) -> str:
    return (
        "'sha256-"
        + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        + "'"
    )


def content_security_policy(scripts: Sequence[str]) -> str:
    """No network, no plugins, no forms; only the given inline scripts may run.

    >>> content_security_policy(["1"]).startswith("default-src 'none'; script-src 'sha256-")
    True
    """
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_sha256(s) for s in scripts),
            # vega-embed and vega-tooltip insert <style> elements; styles cannot run code
            # and every url() they might load is blocked by default-src.
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,  # the template is .html.j2, which select_autoescape would miss
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_report(
    title: str,
    built: Sequence[tuple[Section, Sequence[Block]]],
    provenance: Provenance,
    cache_dir: str | os.PathLike | bool | None = None,
    *,
    articles: Mapping[str, Mapping[str, str]] | None = None,
    note: str = "",
    csv_texts: dict[str, str] | None = None,
) -> str:
    """The report page for sections already built into blocks.

    ``csv_texts``: the tables' CSV by id, shared with the CSV export so each
    table is written out once (see :func:`~mediakit.reporting.embedded.csv_text`).

    >>> from mediakit.reporting.provenance import Provenance
    >>> from mediakit.reporting.registry import Section
    >>> prov = Provenance("0", "m", None, "not recorded", "0" * 32, 1, 1)
    >>> page = render_report("<T>", [(Section("s", "S", 1, list), [Text("<b>")])], prov)
    >>> "&lt;b&gt;" in page and "<b>" not in page
    True
    """
    tables = [
        t
        for _, blocks in built
        for b in blocks
        for t in ([b] if isinstance(b, Table) else [b.table()] if isinstance(b, Chart) else [])
    ]
    scripts = [(_TEMPLATES / "report.js").read_text(encoding="utf-8")]
    if any(isinstance(b, Chart) for _, blocks in built for b in blocks):
        scripts.insert(0, vega_javascript(cache_dir))
    page = {"title": title, "provenance": provenance, "note": note, "scripts": scripts, "memo": {}}
    # The page without downloads and texts first: what is left of the budget is theirs.
    room = int(REPORT_BUDGET * 0.98) - len(_page(built, {}, {}, **page).encode("utf-8"))
    # A third for downloads, the rest for the reader: the texts are what a report cannot rebuild.
    csv = csv_payloads(tables, budget=max(0, min(CSV_BUDGET, room // 3)), texts=csv_texts)
    room -= int(1.05 * sum(len(v) for v in csv.values()))  # 5%: JSON escaping
    return _page(built, csv, _within(articles or {}, min(TEXT_BUDGET, room)), **page)


def _within(articles: Mapping[str, Mapping[str, str]], budget: int) -> dict:
    """The first articles (most cited first) whose texts fit ``budget`` characters."""
    kept: dict = {}
    used = 0
    for doc, a in articles.items():
        need = int(1.05 * (len(a.get("text", "")) + 200))  # escaping and metadata
        if used + need > budget:
            break
        kept[doc] = a
        used += need
    return kept


def _page(
    built: Sequence[tuple[Section, Sequence[Block]]],
    csv: Mapping[str, str],
    articles: Mapping[str, Mapping[str, str]],
    *,
    title: str,
    provenance: Provenance,
    note: str,
    scripts: list[str],
    memo: dict | None = None,
) -> str:
    sections = [
        {
            "id": s.id,
            "title": s.title,
            "intro": s.intro,
            "blocks": [_block_view(b, csv, memo) for b in blocks],
        }
        for s, blocks in built
    ]
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            sections=sections,
            provenance=provenance,
            css=Markup((_TEMPLATES / "report.css").read_text(encoding="utf-8")),
            embed_options=script_json(EMBED_OPTIONS),
            csv=[(k, script_json(v)) for k, v in csv.items()],
            articles=script_json(dict(articles)),
            reader=bool(articles),
            note=note,
            scripts=[Markup(s) for s in scripts],
            csp=content_security_policy(scripts),
        )
    )
