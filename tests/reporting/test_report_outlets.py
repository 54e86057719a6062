"""The report names the same few outlets in every chart, says so, and says how to change it."""

from __future__ import annotations

import json
import re

import pytest

from mediakit.errors import OptionError
from mediakit.reporting import report
from tests.reporting.test_report import DAY, _parse


def _specs(page: str) -> dict[str, dict]:
    found = re.findall(r'<script type="application/json" id="spec-([^"]+)">(.*?)</script>', page)
    return {i: json.loads(s) for i, s in found}


def _outlets(spec: dict) -> set[str]:
    return {
        str(r[k])
        for rows in spec.get("datasets", {}).values()
        for r in rows
        for k in ("outlet", "outlet_a")
        if k in r
    }


def test_outlets_top_folds_the_others_in_every_chart_and_says_how_to_change_it(tmp_path, corpus):
    page = report(
        corpus, tmp_path / "r.html", analysed_on=DAY, section_options={"outlets_top": 2}
    ).read_text(encoding="utf-8")
    # Every bundled outlet has one article: ties go by name.
    top = ["Newslooks", "Outlet B"]
    assert "sum the other 3 as &#34;other outlets&#34;" in page and "--outlets-top 20" in page
    drawn = {i: _outlets(s) for i, s in _specs(page).items()}
    folded = [i for i, o in drawn.items() if "other outlets" in o]
    assert len(folded) >= 6, drawn
    for chart in folded:
        assert drawn[chart] <= {*top, "other outlets"}, chart
    # The tables behind the charts keep every outlet.
    assert page.count(">Outlet E<") >= 3


def test_outlets_top_is_checked_and_reaches_the_report_from_the_command_line(tmp_path):
    with pytest.raises(OptionError, match="outlets_top"):
        report(path=tmp_path / "r.html", section_options={"outlets_top": 0})
    args = _parse(["-o", str(tmp_path / "r.html"), "--outlets-top", "3", "--analysed-on", DAY])
    assert args.outlets_top == 3
