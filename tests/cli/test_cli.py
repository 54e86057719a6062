"""The `mediakit` console script, run as a user runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

EXE = shutil.which("mediakit", path=str(Path(sys.executable).parent)) or "mediakit"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [EXE, *args], capture_output=True, text=True, cwd=cwd, env=os.environ.copy(), timeout=300
    )


def test_help_explains_the_commands_and_mapping():
    top = run("--help")
    assert top.returncode == 0 and "analyze" in top.stdout
    sub = run("analyze", "--help")
    assert sub.returncode == 0
    for needle in (
        "--text COLUMN",
        "--outlet COLUMN",
        "--doc-id COLUMN",
        "-o",
        "--n-process",
        "--cache-dir",
        "bundled",
    ):
        assert needle in sub.stdout, needle


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_analyze_writes_the_metrics_table(tmp_path, suffix):
    out = tmp_path / f"metrics{suffix}"
    res = run("analyze", "-o", str(out), "--cache-dir", str(tmp_path / "cache"))
    assert res.returncode == 0, res.stderr
    table = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert len(table) == 5
    assert table["outlet"].tolist()[0] == "Newslooks"
    assert "5 articles from 5 outlets" in res.stdout


def test_analyze_maps_columns_of_a_csv(tmp_path):
    src = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "id": ["a", "b"],
            "publisher": ["Daily One", "Daily Two"],
            "body": ["Joe Biden spoke in Kyiv on Monday. He left.", "Donald Trump said nothing."],
        }
    ).to_csv(src, index=False)
    out = tmp_path / "m.csv"
    res = run(
        "analyze",
        str(src),
        "--doc-id",
        "id",
        "--text",
        "body",
        "--outlet",
        "publisher",
        "-o",
        str(out),
        "--no-cache",
    )
    assert res.returncode == 0, res.stderr
    table = pd.read_csv(out)
    assert table["doc_id"].tolist() == ["a", "b"]
    assert table["sentences"].tolist() == [2, 1]


def test_bad_input_exits_with_a_clear_message(tmp_path):
    # Usage errors (a path or option) exit with 2, unusable data with 1.
    res = run("analyze", str(tmp_path / "nope.csv"))
    assert res.returncode == 2
    assert "does not exist" in res.stderr
    res = run("analyze", "-o", str(tmp_path / "m.xlsx"))
    assert res.returncode == 2 and ".csv or .parquet" in res.stderr
    src = tmp_path / "x.csv"
    pd.DataFrame({"id": ["a"], "story_words": ["text"]}).to_csv(src, index=False)
    res = run("analyze", str(src), "--no-cache")
    assert res.returncode == 1
    assert "story_words" in res.stderr and "text=" in res.stderr  # lists columns and how to map
