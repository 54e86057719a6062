"""`mediakit.reporting`: the static HTML report, its exports, its safety and the notebook export."""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import mediakit
from mediakit.cli.report import add_report_parser, cli_report
from mediakit.reporting import (
    Chart,
    Table,
    Text,
    corpus_hash,
    register_section,
    registered_sections,
    report,
    unregister_section,
)
from mediakit.reporting.html import normalize_names, script_json
from mediakit.reporting.notebooks import export_notebooks, external_sources

DAY = "2024-11-18"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
OUTLET = '"><svg onload=alert(1)>'


def hostile_corpus() -> pd.DataFrame:
    """Untrusted text in every field a report shows: title, text, outlet, metadata."""
    body = (
        "President Joe Biden met Volodymyr Zelensky in Kyiv on Monday. {x} The talks ended late. "
        "Officials in Washington said the United States would send more aid.\u2028 "
        "Vladimir Putin warned NATO. </script><!-- {x} Reporters asked about the deal."
    )
    return mediakit.load_corpus(
        pd.DataFrame(
            {
                "doc_id": ["h1", "h2", "h3"],
                "outlet": [OUTLET, "Plain Wire", OUTLET],
                "title": [SCRIPT, "An ordinary title & more", f"Second {SCRIPT}"],
                "text": [
                    body.format(x=IMG),
                    body.format(x="Nothing odd here."),
                    body.format(x=IMG + SCRIPT),
                ],
                "notes": [f"note {IMG}", "", SCRIPT],
            }
        )
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus):
    """The bundled corpus's report, with chart and table exports."""
    root = tmp_path_factory.mktemp("report")
    path = report(
        corpus,
        root / "report.html",
        analysed_on=DAY,
        charts_dir=root / "charts",
        tables_dir=root / "tables",
    )
    return root, path, path.read_text(encoding="utf-8")


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    return p


# -- contents -------------------------------------------------------------------------
def test_report_shows_corpus_metrics_entities_and_provenance(built, corpus, metrics):
    _, path, page = built
    for section in ("The corpus", "Length and readability by outlet", "Who and what is named"):
        assert section in page
    for outlet in corpus["outlet"]:
        assert outlet in page
    for title in corpus["title"][corpus["title"] != ""]:
        assert title.replace("&", "&amp;") in page
    assert "keyword prefix" in page and "Removed by cleaning" in page  # what cleaning removed
    assert "Five articles show differences; they do not prove them" in page
    assert "Flesch Reading Ease: 206.835" in page  # plain-language metric explanations
    assert "Joe Biden" in page and "named by one outlet only" in page
    # Footer: version, model, analysis date, content hash.
    assert f"mediakit {mediakit.__version__}" in page
    pc = mediakit.parse_corpus(corpus)
    assert pc.model_id in page
    assert DAY in page
    assert corpus_hash(corpus, pc.keys) in page
    assert f"{int(metrics.words.sum()):,} words" in page


def test_every_chart_has_a_spec_and_a_table_behind_it(built):
    _, _, page = built
    tags = parse(page)
    charts = [a for t, a in tags.tags if t == "div" and "vega-chart" in a.get("class", "")]
    assert len(charts) >= 8
    specs = {a["id"]: text for a, text in tags.scripts if a.get("type") == "application/json"}
    for chart in charts:
        spec = json.loads(specs[chart["data-spec"]])
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
    assert page.count("Table behind this chart") == len(charts)
    assert page.count('<table class="sortable"') >= len(charts) + 2


def test_one_file_no_network_strict_csp(built):
    _, _, page = built
    tags = parse(page)
    assert not [a for t, a in tags.tags if t == "script" and "src" in a]
    assert not [a for t, a in tags.tags if t == "link"]
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    csp = next(
        a["content"]
        for t, a in tags.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp.startswith("default-src 'none'")
    assert (
        "unsafe-eval" not in csp and "connect-src" not in csp
    )  # default-src 'none' covers fetch/XHR
    # Exactly the inline scripts on the page may run: their hashes are in the policy.
    runnable = [text for a, text in tags.scripts if "type" not in a]
    assert len(runnable) == 2
    for text in runnable:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_report_is_byte_identical_when_built_twice(tmp_path, corpus):
    a = report(corpus, tmp_path / "a.html", analysed_on=DAY)
    b = report(corpus, tmp_path / "b.html", analysed_on=DAY)
    assert a.read_bytes() == b.read_bytes()
    # Without a date option the date comes from the parse cache, still reproducible.
    c = report(corpus, tmp_path / "c.html")
    d = report(corpus, tmp_path / "d.html")
    assert c.read_bytes() == d.read_bytes()


def test_analysis_date_comes_from_the_cache_never_the_clock(tmp_path, corpus):
    cache = tmp_path / "cache"
    page = report(corpus, tmp_path / "r.html", cache_dir=cache).read_text(encoding="utf-8")
    part = next(cache.rglob("part-*.parquet"))
    os.utime(part, (0, 86400 * 365))  # pretend the parse happened on 1971-01-01
    page = report(corpus, tmp_path / "r.html", cache_dir=cache).read_text(encoding="utf-8")
    assert "1971-01-01 (when the parse cache was written)" in page
    no_cache = report(corpus, tmp_path / "n.html", cache_dir=False).read_text(encoding="utf-8")
    assert "<dd>not recorded</dd>" in no_cache
    attrs = corpus.copy()
    attrs.attrs["analysed_on"] = dt.date(2023, 5, 1)
    assert "2023-05-01 (recorded in the corpus)" in report(attrs, tmp_path / "a.html").read_text(
        encoding="utf-8"
    )


# -- exports --------------------------------------------------------------------------
def test_charts_export_as_valid_png_and_svg(built):
    root, _, page = built
    ids = re.findall(r'<div class="vega-chart" id="chart-([a-z0-9_-]+)"', page)
    assert ids
    for chart_id in ids:
        png = (root / "charts" / f"{chart_id}.png").read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000
        svg = ET.parse(root / "charts" / f"{chart_id}.svg").getroot()
        assert svg.tag.endswith("svg") and float(svg.get("width")) > 100
    assert sorted(p.stem for p in (root / "charts").glob("*.png")) == sorted(ids)


def test_tables_export_as_csv_that_loads_back(built, corpus):
    root, _, page = built
    tables = {p.stem: pd.read_csv(p) for p in (root / "tables").glob("*.csv")}
    ids = re.findall(r'<table class="sortable" id="table-([a-z0-9_-]+)"', page)
    assert sorted(tables) == sorted(ids)
    articles = tables["articles"]
    assert articles["doc_id"].tolist() == corpus["doc_id"].tolist()
    # Untitled articles are named by their first words, never left blank (issue 15).
    for shown, title, text in zip(articles["title"], corpus["title"], corpus["text"], strict=True):
        if title:
            assert shown == title
        else:
            assert shown.startswith("(untitled) “") and " ".join(text.split()[:4]) in shown
    assert len(tables["outlets"]) == 5
    assert {"outlet", "canonical", "mentions"} <= set(tables["entity-heatmap-data"].columns)


# -- safety ---------------------------------------------------------------------------
def test_hostile_corpus_is_shown_as_text_and_never_as_markup(tmp_path):
    page = report(hostile_corpus(), tmp_path / "hostile.html", analysed_on=DAY).read_text(
        encoding="utf-8"
    )
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.S)  # the page minus vega's own code
    for raw in (SCRIPT, IMG, OUTLET, "<svg", "<img", "<!--"):
        assert raw not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title, shown as text
    assert "&#34;&gt;&lt;svg onload=alert(1)&gt;" in page  # the outlet name, shown as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the metadata note, shown as text
    tags = parse(page)
    assert {t for t, _ in tags.tags} <= {
        "dialog",  # the article reader
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "nav",
        "ol",
        "ul",
        "li",
        "a",
        "noscript",
        "main",
        "section",
        "figure",
        "figcaption",
        "div",
        "script",
        "details",
        "summary",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "button",
        "dl",
        "dt",
        "dd",
        "footer",
        "code",
        "span",
    }
    assert not [(t, k) for t, a in tags.tags for k in a if k.lower().startswith("on")]
    # JSON in <script type="application/json"> cannot end its element or hide a comment.
    for attrs, text in tags.scripts:
        if attrs.get("type") == "application/json":
            assert "<" not in text and ">" not in text and "\u2028" not in text
            json.loads(text)
    assert len(tags.scripts) == page.count("</script>")


def test_script_json_escapes_what_could_close_a_script():
    text = str(script_json({"a": "</script><!--&\u2028\u2029"}))
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!--&\u2028\u2029"}


def test_automatic_altair_names_are_renumbered_per_chart():
    spec = {
        "params": [{"name": "param_41", "select": "point"}],
        "layer": [{"name": "view_9", "transform": [{"filter": {"param": "param_41"}}]}],
        "datasets": {"d": [{"x": "param_41"}]},
    }
    out = normalize_names(spec)
    assert out["params"][0]["name"] == "param_1"
    assert out["layer"][0] == {"name": "view_1", "transform": [{"filter": {"param": "param_1"}}]}
    assert out["datasets"] == spec["datasets"]  # data is never rewritten


# -- sections -------------------------------------------------------------------------
def test_a_registered_section_joins_the_report_in_order(tmp_path, corpus):
    @register_section("test-extra", "An extra analysis", order=25, intro="Added by a plugin.")
    def extra(ctx):
        table = pd.DataFrame({"outlet": ctx.outlets, "n": range(len(ctx.outlets))})
        return [Text("Plugin text."), Table("extra-table", "Extra table", table)]

    @register_section("test-empty", "Nothing to say", order=26)
    def empty(ctx):
        return []

    try:
        assert [s.id for s in registered_sections()][:5] == [
            "corpus",
            "length-readability",
            "test-extra",
            "test-empty",
            "entities",
        ]
        page = report(
            corpus, tmp_path / "r.html", analysed_on=DAY, tables_dir=tmp_path / "t"
        ).read_text(encoding="utf-8")
        assert (
            page.index("Length and readability")
            < page.index("An extra analysis")
            < page.index("Who and what")
        )
        assert "Nothing to say" not in page  # an empty section is left out
        assert (tmp_path / "t" / "extra-table.csv").exists()
        with pytest.raises(ValueError, match="already registered"):
            register_section("test-extra", "Again", order=1)(extra)
    finally:
        unregister_section("test-extra")
        unregister_section("test-empty")
    only = report(corpus, tmp_path / "o.html", analysed_on=DAY, sections=["corpus"]).read_text(
        encoding="utf-8"
    )
    assert (
        "The corpus" in only
        and "Who and what is named" not in only
        and 'class="vega-chart"' not in only
    )


def test_block_ids_must_be_unique_slugs(tmp_path, corpus):
    import altair as alt

    df = pd.DataFrame({"outlet": ["A"], "n": [1]})
    chart = alt.Chart(df).mark_bar().encode(x="n", y="outlet")
    from mediakit.reporting import Section

    dup = Section("dup", "Dup", 50, lambda ctx: [Chart("outlets", "Clash", chart, df)])
    with pytest.raises(ValueError, match="block id 'outlets'"):
        report(corpus, tmp_path / "r.html", sections=["corpus", dup])
    bad = Section("bad", "Bad", 50, lambda ctx: [Table("Not A Slug", "t", df)])
    with pytest.raises(ValueError, match="lowercase slug"):
        report(corpus, tmp_path / "r.html", sections=[bad])
    with pytest.raises(ValueError, match="Unknown report section"):
        report(corpus, tmp_path / "r.html", sections=["nope"])


# -- command line ---------------------------------------------------------------------
def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="mediakit")
    add_report_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["report", *argv])


def test_cli_report_writes_the_report_and_exports(tmp_path, capsys):
    args = _parse(
        [
            "-o",
            str(tmp_path / "r.html"),
            "--charts",
            str(tmp_path / "c"),
            "--tables",
            str(tmp_path / "t"),
            "--analysed-on",
            DAY,
        ]
    )
    assert cli_report(args) == 0
    assert "5 articles from 5 outlets" in capsys.readouterr().out
    assert DAY in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert list((tmp_path / "c").glob("*.svg")) and list((tmp_path / "t").glob("*.csv"))


def test_cli_report_maps_columns_like_analyze(tmp_path):
    src = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "id": ["a", "b"],
            "publisher": ["Daily One", "Daily Two"],
            "headline": ["First", "Second"],
            "body": [
                "Joe Biden spoke in Kyiv on Monday. He left.",
                "Donald Trump said nothing in Paris.",
            ],
        }
    ).to_csv(src, index=False)
    out = tmp_path / "r.html"
    args = _parse(
        [
            str(src),
            "--doc-id",
            "id",
            "--text",
            "body",
            "--outlet",
            "publisher",
            "--title",
            "headline",
            "--report-title",
            "My report",
            "-o",
            str(out),
            "--no-cache",
            "-q",
        ]
    )
    assert cli_report(args) == 0
    page = out.read_text(encoding="utf-8")
    assert "Daily One" in page and "Daily Two" in page and "<title>My report</title>" in page
    assert "Second" in page  # the mapped title column
    assert "<dd>not recorded</dd>" in page  # --no-cache: no cache date to report


def test_console_script_report_once_wired(tmp_path):
    from mediakit.cli import build_parser

    if "report" not in build_parser()._subparsers._group_actions[0].choices:
        pytest.skip("`mediakit report` is not wired into mediakit.cli yet")
    exe = shutil.which("mediakit", path=str(Path(sys.executable).parent)) or "mediakit"
    res = subprocess.run(
        [
            exe,
            "report",
            "-o",
            str(tmp_path / "r.html"),
            "--tables",
            str(tmp_path / "t"),
            "--analysed-on",
            DAY,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ.copy(),
    )
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "r.html").stat().st_size > 100_000 and (
        tmp_path / "t" / "articles.csv"
    ).exists()
    bad = subprocess.run(
        [exe, "report", str(tmp_path / "missing.csv")], capture_output=True, text=True, timeout=300
    )
    assert bad.returncode == 2 and "mediakit: error:" in bad.stderr


# -- notebooks ------------------------------------------------------------------------
@pytest.mark.notebook
@pytest.mark.slow
def test_notebook_export_renders_charts_offline_and_hides_code(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Outlets\nA chart follows."),
        nbformat.v4.new_code_cell(
            "import altair as alt, pandas as pd\n"
            "df = pd.DataFrame({'outlet': ['A', 'B'], 'words': [500, 700]})\n"
            "alt.Chart(df).mark_bar().encode(x='words', y='outlet')"
        ),
        nbformat.v4.new_code_cell(
            "import ipywidgets as w\nout = w.Output()\n"
            "with out:\n    display(alt.Chart(df).mark_point().encode(x='words', y='outlet'))\n"
            "w.VBox([w.Dropdown(options=['A', 'B']), out])"
        ),
    ]
    (tmp_path / "nb").mkdir()
    nbformat.write(nb, tmp_path / "nb" / "demo.ipynb")
    before = (tmp_path / "nb" / "demo.ipynb").read_bytes()
    (out,) = export_notebooks(tmp_path / "nb", tmp_path / "html")
    html = out.read_text(encoding="utf-8")
    assert external_sources(html) == []
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert html.count('data-mime-type="image/svg+xml"') == 2  # the chart and the widget's chart
    assert "mark_bar" not in html  # code hidden
    assert "Interactive widget: in this static copy" in html
    assert "Outlets" in html
    assert (tmp_path / "nb" / "demo.ipynb").read_bytes() == before  # the notebook is not modified
