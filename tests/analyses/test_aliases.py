"""Alias tables: any encoding the corpus reader takes, and a clear error for every bad row."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.analyses.entities.aliases import read_alias_table
from mediakit.errors import CorpusError, OptionError


def test_cp1252_and_utf16_alias_files_are_read(tmp_path):
    for name, encoding in (("win.csv", "cp1252"), ("wide.csv", "utf-16")):
        path = tmp_path / name
        path.write_bytes("alias,canonical,label\nJosé Pérez,José Pérez,PERSON\n".encode(encoding))
        assert ("José Pérez", "PERSON") in read_alias_table(path).values()


def test_semicolon_alias_file_is_read(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("alias;canonical;label\nKiev;Kyiv;GPE\n", encoding="utf-8")
    assert ("Kyiv", "GPE") in read_alias_table(path).values()


def test_empty_alias_file(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match="is empty. It needs a header line alias,canonical,label"):
        read_alias_table(path)


def test_malformed_alias_file_names_the_line(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('alias,canonical,label\nKiev,"Kyiv,GPE\nOdessa,Odesa,GPE\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2 has a quote that is not closed"):
        read_alias_table(path)


def test_missing_canonical_name_is_an_error_unless_ignored():
    table = pd.DataFrame({"alias": ["Kiev", "Kremlin"], "canonical": [None, None],
                          "label": ["GPE", "IGNORE"]})  # fmt: skip
    with pytest.raises(CorpusError, match="row 0: alias 'Kiev' has no canonical name"):
        read_alias_table(table)
    assert read_alias_table(table.iloc[1:])["kremlin"] == ("", "IGNORE")


def test_unknown_label_is_an_error_listing_the_known_ones(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("alias,canonical,label\nBiden,Joe Biden,POLITICIAN\n", encoding="utf-8")
    with pytest.raises(
        CorpusError, match=r"a\.csv:2: alias 'Biden' has the label 'POLITICIAN'.*PERSON"
    ):
        read_alias_table(path)


def test_labels_are_case_insensitive_and_may_be_empty():
    table = pd.DataFrame({"alias": ["Biden", "Kiev"], "canonical": ["Joe Biden", "Kyiv"],
                          "label": ["person", ""]})  # fmt: skip
    got = read_alias_table(table)
    assert ("Joe Biden", "PERSON") in got.values() and ("Kyiv", "") in got.values()


def test_missing_alias_file_is_a_usage_error(tmp_path):
    with pytest.raises(OptionError, match="does not exist"):
        read_alias_table(tmp_path / "none.csv")
