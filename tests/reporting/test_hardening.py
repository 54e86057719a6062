"""The report and its exports under bad options, hostile strings and a damaged chart library."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pandas as pd
import pytest

import mediakit
from mediakit.errors import OptionError
from mediakit.parsing.store import CacheWarning
from mediakit.reporting import html
from mediakit.reporting.blocks import Table
from mediakit.reporting.exports import export_tables
from mediakit.reporting.spreadsheet import spreadsheet_safe

ROOT = Path(__file__).resolve().parents[2]
DAY = "2024-11-18"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"top": "ten"}, r"section_options\['top'\] must be a whole number of at least 1"),
        ({"top": 0}, r"section_options\['top'\]"),
        ({"per_1k": "yes"}, r"section_options\['per_1k'\] must be True or False"),
        ({"overlap_threshold": 3}, r"section_options\['overlap_threshold'\]"),
        ({"keyness_entities": "all"}, r"'keep', 'drop' or 'canonical'"),
        ({"entity_labels": "PERSON"}, r"section_options\['entity_labels'\] must be a list"),
    ],
)
def test_bad_section_options_name_the_option(tmp_path, options, message):
    with pytest.raises(OptionError, match=message):
        mediakit.report(path=tmp_path / "r.html", section_options=options, cache_dir=False)
    assert not (tmp_path / "r.html").exists()


def test_an_option_name_close_to_a_known_one_warns(tmp_path):
    with pytest.warns(UserWarning, match="did you mean 'top'"):
        mediakit.report(
            path=tmp_path / "r.html", section_options={"tpo": 3}, analysed_on=DAY, cache_dir=False
        )


def test_report_path_that_is_a_folder(tmp_path):
    with pytest.raises(OptionError, match="is a folder; name the HTML file"):
        mediakit.report(path=tmp_path, cache_dir=False)
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_export_folder_that_is_a_file(tmp_path):
    blocker = tmp_path / "charts"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OptionError, match="charts_dir=.* is a file"):
        mediakit.report(path=tmp_path / "r.html", charts_dir=blocker, cache_dir=False)


def test_bad_analysis_date_fails_before_the_parse(tmp_path):
    with pytest.raises(OptionError, match="analysed_on='someday' is not a date"):
        mediakit.report(path=tmp_path / "r.html", analysed_on="someday", cache_dir=False)


# --- the chart library ---


def test_a_damaged_kept_chart_library_is_rebuilt(tmp_path):
    html.vega_javascript.cache_clear()
    good = html.vega_javascript(tmp_path)
    (bundle,) = tmp_path.rglob("*-vega-embed.js")
    assert (bundle.parent / (bundle.name + ".sha256")).exists()
    bundle.write_text(good[: len(good) // 2], encoding="utf-8")  # cut short, as by a full disk
    html.vega_javascript.cache_clear()
    with pytest.warns(CacheWarning, match="checksum does not match"):
        again = html.vega_javascript(tmp_path)
    assert again == good
    assert bundle.read_text(encoding="utf-8") == good
    html.vega_javascript.cache_clear()


def test_a_report_without_its_chart_library_says_so_on_every_chart():
    script = (ROOT / "mediakit" / "reporting" / "templates" / "report.js").read_text("utf-8")
    start = script.index("function drawCharts()")
    body = script[start : script.index("var loader", start)]
    assert 'typeof vegaEmbed !== "function"' in body
    assert "could not be drawn" in body and "failed" in body


# --- strings a chart renderer cannot take ---

_EXPORT = textwrap.dedent(
    """
    import sys, warnings
    import pandas as pd
    import mediakit
    warnings.simplefilter("ignore")
    frame = pd.DataFrame({
        "id": ["a\\u2028x", "b\\u2029", "c"],
        "outlet": ["Wire\\uffffOne", "Daily\\u2028News", "Third\\ufdd0Post"],
        "title": ["T\\u2028itle \\x00", "=1+1", "Fine"],
        "text": ["The council met on Tuesday. The budget will pass, Mayor Jane Smith said.",
                 "The mayor spoke about the bridge and its cost of $4 million.",
                 "Another article on the vote in the city council."],
    })
    out = sys.argv[1]
    mediakit.report(frame, out + "/r.html", charts_dir=out + "/charts", tables_dir=out + "/tables",
                    analysed_on="2024-11-18", cache_dir=False)
    print("done")
    """
)


def test_nul_noncharacters_and_line_separators_do_not_crash_the_chart_export(tmp_path):
    # In a child process: before the fix vl-convert aborted the whole interpreter.
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    res = subprocess.run(
        [sys.executable, "-c", _EXPORT, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip() == "done"
    assert len(list((tmp_path / "charts").glob("*.png"))) >= 5
    assert (tmp_path / "tables").is_dir() and list((tmp_path / "tables").glob("*.csv"))


def test_chart_specs_in_the_page_have_no_unsafe_characters(tmp_path):
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "outlet": ["Wire\uffffOne", "Daily"],
            "text": ["The council met on Tuesday.", "The mayor spoke."],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = mediakit.load_corpus(frame)
        page = mediakit.report(corpus, tmp_path / "r.html", analysed_on=DAY, cache_dir=False)
    assert corpus["outlet"].tolist() == ["Wire\uffffOne", "Daily"]  # the table keeps the name
    text = page.read_text(encoding="utf-8")
    specs = re.findall(
        r'<script type="application/json" id="spec-[^"]*">(.*?)</script>', text, re.S
    )
    assert specs
    decoded = "".join(json.dumps(json.loads(s), ensure_ascii=False) for s in specs)
    assert "WireOne" in decoded and "\uffff" not in decoded


# --- spreadsheet formulas ---


def test_exported_tables_cannot_start_a_spreadsheet_formula(tmp_path):
    data = pd.DataFrame(
        {
            "doc_id": ["=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx", "ok"],
            "z": [-1.5, 2.0, -3.0, 0.0, 1.0, 2.0, 3.0],
        }
    )
    (path,) = export_tables([Table("t", "T", data)], tmp_path)
    back = pd.read_csv(path, keep_default_na=False)
    # A carriage return inside a cell is written as a line break (a bare CR ends a row).
    assert back["doc_id"].tolist() == ["'=1+1", "'+A1", "'-2+3", "'@SUM(A1)", "'\tx", "'\nx", "ok"]
    assert back["z"].tolist() == data["z"].tolist()  # numbers stay numbers, sign included
    assert data["doc_id"].iloc[0] == "=1+1"  # the table itself is not changed


def test_spreadsheet_safe_keeps_dtypes():
    frame = pd.DataFrame({"t": pd.array(["=x", "y"], dtype="str"), "n": [1, -2]})
    safe = spreadsheet_safe(frame)
    assert safe.dtypes.tolist() == frame.dtypes.tolist()
    assert safe["t"].tolist() == ["'=x", "y"]
