"""The command line never overwrites its input, and every error is one line."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit import cli
from tests.cli.test_cli import run

ARTICLES = pd.DataFrame(
    {
        "id": ["a", "b"],
        "outlet": ["Daily One", "Daily Two"],
        "title": ['=HYPERLINK("http://x.example")', "+1 for the council"],
        "text": ["The council met on Tuesday. It voted.", "The mayor spoke on Monday."],
    }
)


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "export.csv"
    ARTICLES.to_csv(path, index=False)
    return path


def test_analyze_refuses_to_write_onto_its_input(export):
    before = export.read_bytes()
    res = run("analyze", str(export), "-o", str(export), "--no-cache", "--force")
    assert res.returncode == 2
    assert "is an input of this command" in res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
    assert export.read_bytes() == before


def test_report_refuses_to_write_onto_its_input(tmp_path):
    source = tmp_path / "mine.jsonl"
    ARTICLES.to_json(source, orient="records", lines=True)
    before = source.read_bytes()
    res = run("report", str(source), "-o", str(source), "--no-cache")
    assert res.returncode == 2 and "is an input of this command" in res.stderr
    assert source.read_bytes() == before


def test_an_existing_file_of_another_kind_needs_force(export, tmp_path):
    notes = tmp_path / "notes.csv"
    notes.write_text("my,own\nnotes,here\n", encoding="utf-8")
    res = run("analyze", str(export), "-o", str(notes), "--no-cache")
    assert res.returncode == 2 and "pass --force" in res.stderr
    assert notes.read_text(encoding="utf-8") == "my,own\nnotes,here\n"
    res = run("analyze", str(export), "-o", str(notes), "--no-cache", "--force")
    assert res.returncode == 0, res.stderr
    assert pd.read_csv(notes)["doc_id"].tolist() == ["a", "b"]


def test_an_earlier_output_is_replaced_without_force(export, tmp_path):
    out = tmp_path / "m.csv"
    for _ in range(2):
        res = run("analyze", str(export), "-o", str(out), "--no-cache", "-q")
        assert res.returncode == 0, res.stderr
    page = tmp_path / "r.html"
    for _ in range(2):
        res = run("report", str(export), "-o", str(page), "--no-cache", "-q")
        assert res.returncode == 0, res.stderr


def test_output_that_is_a_folder(export, tmp_path):
    res = run("analyze", str(export), "-o", str(tmp_path), "--no-cache")
    assert res.returncode == 2  # a folder has no .csv/.parquet suffix
    folder = tmp_path / "out.csv"
    folder.mkdir()
    res = run("analyze", str(export), "-o", str(folder), "--no-cache")
    assert res.returncode == 2 and "it is a folder" in res.stderr
    res = run("report", str(export), "-o", str(tmp_path), "--no-cache")
    assert res.returncode == 2 and "it is a folder" in res.stderr


def test_tables_folder_that_holds_the_input(export):
    res = run("report", str(export), "--tables", str(export.parent), "-o", "x.html", "--no-cache")
    assert res.returncode == 2 and "holds an input" in res.stderr


def test_csv_outputs_cannot_start_a_spreadsheet_formula(export, tmp_path):
    out = tmp_path / "m.csv"
    res = run("analyze", str(export), "-o", str(out), "--no-cache", "-q")
    assert res.returncode == 0, res.stderr
    assert pd.read_csv(out)["title"].tolist() == [
        '\'=HYPERLINK("http://x.example")',
        "'+1 for the council",
    ]
    tables = tmp_path / "tables"
    res = run("report", str(export), "-o", str(tmp_path / "r.html"), "--tables", str(tables),
              "--no-cache", "-q")  # fmt: skip
    assert res.returncode == 0, res.stderr
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in tables.glob("*.csv")]
    cells = [c for f in frames for c in f.stack()]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "@")]


def test_bad_option_values_are_usage_errors(export):
    for args in (["--batch-size", "-5"], ["--batch-size", "0"], ["--n-process", "x"]):
        res = run("analyze", str(export), "--no-cache", *args)
        assert res.returncode == 2, args
        assert "error: argument" in res.stderr


def test_data_errors_are_one_line_and_debug_shows_the_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text('id,text\n1,"never closed\n2,x\n', encoding="utf-8")
    res = run("analyze", str(bad), "--no-cache")
    assert res.returncode == 1
    assert res.stderr.startswith("mediakit: error: ") and res.stderr.count("\n") == 1
    assert "line 2" in res.stderr
    res = run("analyze", str(bad), "--no-cache", "--debug")
    assert "Traceback" in res.stderr and "CorpusError" in res.stderr
    res = run("--debug", "analyze", str(bad), "--no-cache")
    assert "Traceback" in res.stderr


def test_unexpected_errors_are_one_line_too(monkeypatch, capsys):
    def broken(args):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "cli_analyze", broken)
    assert cli.main(["analyze", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "mediakit: error: internal error (ZeroDivisionError: division by zero); run again with "
        "--debug to see where, and report it\n"
    )
    with pytest.raises(ZeroDivisionError):
        cli.main(["analyze", "--no-cache", "--debug"])


def test_file_system_errors_are_one_line(monkeypatch, capsys):
    def denied(args):
        raise PermissionError(13, "Permission denied", "/out/m.csv")

    monkeypatch.setattr(cli, "cli_analyze", denied)
    assert cli.main(["analyze"]) == 1
    assert capsys.readouterr().err == "mediakit: error: /out/m.csv: Permission denied\n"
