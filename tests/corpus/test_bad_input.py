"""Bad input to load_corpus: each case gets a clear error or a documented warning.

Every fixture is written here by hand (never text from the shared corpora).
"""

from __future__ import annotations

import codecs
import json
import random
import warnings

import pandas as pd
import pytest

from mediakit.corpus import load_corpus
from mediakit.errors import CorpusError

ENGLISH = (
    "The city council met on Tuesday to discuss the new budget. Members argued for hours "
    "about the cost of repairing the old bridge, and the mayor promised a vote next week."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag über den neuen Haushalt beraten. Die Mitglieder stritten "
    "stundenlang über die Kosten für die Reparatur der alten Brücke, und der Bürgermeister "
    "versprach eine Abstimmung in der nächsten Woche."
)
RUSSIAN = (
    "Городской совет во вторник обсудил новый бюджет. Депутаты несколько часов спорили о "
    "стоимости ремонта старого моста, а мэр пообещал провести голосование на следующей неделе."
)
CHINESE = "市议会周二开会讨论新的预算。议员们就修复旧桥的费用争论了几个小时，市长承诺下周进行投票。"


def _quiet(*args, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(*args, **kwargs)


def _folder(tmp_path, files: dict[str, bytes]):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


# --- bytes that are not UTF-8 text ---


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), "utf-16"),
        (ENGLISH.encode("utf-32"), "utf-32"),
        (ENGLISH.encode("utf-16-le"), "utf-16-le"),
        (ENGLISH.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_utf16_and_utf32_text_files_are_decoded(tmp_path, encoded, encoding):
    corpus = _quiet(_folder(tmp_path, {"a.txt": encoded}))
    assert corpus.loc[0, "raw_text"] == ENGLISH
    assert corpus.loc[0, "encoding"] == encoding


def test_utf16_csv_is_read_as_a_table(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(f'id,outlet,text\nx1,Wire,"{ENGLISH}"\n'.encode("utf-16"))
    corpus = _quiet(path)
    assert corpus[["doc_id", "outlet", "raw_text"]].values.tolist() == [["x1", "Wire", ENGLISH]]
    assert corpus.loc[0, "encoding"] == "utf-16"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "is a PNG image"),
        (b"%PDF-1.7\n" + bytes(range(256)), "is a PDF document"),
        (b"PK\x03\x04" + bytes(range(256)), "zip archive"),
        (random.Random(7).randbytes(3000), "neither UTF-8 nor cp1252|does not look like text"),
        (b"abc\x00\x01\x02def\x03\x04" * 40, "does not look like text"),
        (b"Plain words \x01\x02\x03\x04\x05\x06 here." * 20, "control characters"),
    ],
    ids=["png", "pdf", "zip", "random", "nul-and-control", "control"],
)
def test_binary_files_are_refused_naming_the_file(tmp_path, data, message):
    folder = _folder(tmp_path, {"good.txt": ENGLISH.encode(), "bad.txt": data})
    with pytest.raises(CorpusError, match=rf"bad\.txt.*({message})"):
        load_corpus(folder)


def test_a_stray_nul_is_removed_and_reported(tmp_path):
    corpus = _quiet(_folder(tmp_path, {"a.txt": ENGLISH.encode() + b"\x00"}))
    assert "\x00" not in corpus.loc[0, "text"]
    assert corpus.loc[0, "raw_text"].endswith("\x00")
    assert "control characters" in corpus.loc[0, "cleaning"]


def test_binary_looking_text_in_a_dataframe_names_the_row():
    frame = pd.DataFrame({"id": ["ok", "bad"], "text": [ENGLISH, "H\x00e\x00l\x00l\x00o\x00" * 5]})
    with pytest.raises(CorpusError, match="DataFrame.*control characters.*utf-16"):
        load_corpus(frame)


def test_bytes_in_a_text_column_are_decoded():
    frame = pd.DataFrame({"id": ["b"], "text": [ENGLISH.encode("utf-16")]})
    assert _quiet(frame).loc[0, "raw_text"] == ENGLISH


# --- CSV that would lose or merge rows ---


def test_unclosed_quote_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('id,text\n1,"First one\n2,Second\n3,"Third" here\n4,Fourth\n', "utf-8")
    with pytest.raises(CorpusError, match=r"export\.csv.*line 2 has a quote that is not closed"):
        load_corpus(path)


def test_quote_never_closed_to_the_end_of_the_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('id,text\n1,Fine\n2,"Open\n3,Lost\n', "utf-8")
    with pytest.raises(CorpusError, match="line 3 has a quote that is not closed"):
        load_corpus(path)


def test_duplicate_header_is_an_error(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,text,text\n1,One,Two\n", "utf-8")
    with pytest.raises(CorpusError, match=r"header \(line 1.*'text' more than once"):
        load_corpus(path)


def test_semicolon_csv_is_read_with_its_delimiter(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id;outlet;text\nx1;Wire;Talks resumed, then stopped.\n", "utf-8")
    corpus = _quiet(path)
    assert corpus[["doc_id", "outlet", "text"]].values.tolist() == [
        ["x1", "Wire", "Talks resumed, then stopped."]
    ]


def test_malformed_semicolon_csv_names_the_delimiter(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id;outlet;text\nx1;Wire;One\nx2;Wire;Two;Three;Four\n", "utf-8")
    with pytest.raises(CorpusError, match="line 3 has 5 fields.*semicolon-separated"):
        load_corpus(path)


def test_every_record_of_a_csv_with_multiline_fields_is_kept(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('id,text\n1,"Two\n\nparagraphs"\n\n2,Next\n   \n3,"Quote ""here"""\n', "utf-8")
    corpus = _quiet(path)
    assert corpus["doc_id"].tolist() == ["1", "2", "3"]
    assert corpus["source"].str.rsplit(":", n=1).str[1].tolist() == ["2", "6", "8"]


# --- JSON values that are not text ---


def test_nested_json_text_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [{"id": "a", "text": "Fine."}, {"id": "b", "text": {"body": "Nested.", "lead": "L"}}]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", "utf-8")
    with pytest.raises(
        CorpusError, match=r"a\.jsonl:2: column 'text' holds a JSON object \(keys 'body', 'lead'\)"
    ):
        load_corpus(path)


def test_numbers_in_text_and_id_columns_keep_their_digits(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": 7, "text": 123}\n{"id": 8}\n{"id": 9, "text": 4.5}\n', "utf-8")
    corpus = _quiet(path)
    assert corpus["doc_id"].tolist() == ["7", "8", "9"]
    assert corpus["raw_text"].tolist() == ["123", "", "4.5"]


def test_float_ids_of_a_dataframe_lose_the_point_zero():
    frame = pd.DataFrame({"id": [1.0, 2.0], "text": ["One.", "Two."]})
    assert _quiet(frame)["doc_id"].tolist() == ["1", "2"]


# --- DataFrames ---


def test_index_that_is_also_a_column_is_dropped():
    frame = pd.DataFrame({"id": ["a1", "b2"], "text": ["One.", "Two."], "outlet": ["W", "D"]})
    indexed = frame.set_index("id", drop=False)
    corpus = _quiet(indexed)
    assert corpus["doc_id"].tolist() == ["a1", "b2"]
    assert indexed.index.name == "id" and list(indexed.columns) == ["id", "text", "outlet"]


def test_index_and_column_of_one_name_with_different_values_is_an_error():
    frame = pd.DataFrame({"id": ["a1", "b2"], "text": ["One.", "Two."]})
    frame.index = pd.Index(["x", "y"], name="id")
    with pytest.raises(CorpusError, match="index level and a column named 'id'"):
        load_corpus(frame)


# --- HTML markup ---

MARKUP = (
    '<div class="story"><p>The council met on <b>Tuesday</b>.</p>\n'
    "<p>Members argued &amp; the mayor promised a vote.</p>"
    "<script>track()</script></div>"
)


def test_html_markup_in_a_text_column_is_stripped_with_a_warning():
    frame = pd.DataFrame({"id": ["h"], "text": [MARKUP], "outlet": ["W"]})
    with pytest.warns(UserWarning, match="1 article.*held HTML markup.*h"):
        corpus = load_corpus(frame)
    assert corpus.loc[0, "text"] == (
        "The council met on Tuesday.\n\nMembers argued & the mayor promised a vote."
    )
    assert corpus.loc[0, "raw_text"] == MARKUP
    # Counted by hand: div, p, b, /b, /p, p, /p, /div (script tags format nothing).
    assert corpus.loc[0, "cleaning"].startswith('HTML markup: "8 tags"')


def test_html_markup_in_text_files_is_stripped(tmp_path):
    corpus = _quiet(_folder(tmp_path, {"a.txt": MARKUP.encode()}))
    assert "<" not in corpus.loc[0, "text"] and "track" not in corpus.loc[0, "text"]


def test_html_is_kept_with_clean_false_and_a_warning():
    frame = pd.DataFrame({"id": ["h"], "text": [MARKUP]})
    with pytest.warns(UserWarning, match="hold HTML markup, kept because clean=False"):
        corpus = load_corpus(frame, clean=False)
    assert corpus.loc[0, "text"] == MARKUP


def test_a_script_tag_in_plain_text_is_text_not_markup():
    # Someone's text that holds a tag (an attack, or a story about one) stays as written;
    # the report shows it escaped.
    text = "The page read <script>alert(1)</script> and <img src=x onerror=alert(1)> then."
    frame = pd.DataFrame({"id": ["s"], "text": [text]})
    assert _quiet(frame).loc[0, "text"] == text


def test_a_comparison_sign_is_not_markup():
    text = "Prices rose if a < b and c > d, the report said. <3 was the reply."
    frame = pd.DataFrame({"id": ["m"], "text": [text]})
    assert _quiet(frame).loc[0, "text"] == text


# --- languages ---


def test_language_column_names_non_english_articles_with_a_warning():
    frame = pd.DataFrame(
        {
            "id": ["en", "de", "ru", "zh", "short"],
            "text": [ENGLISH, GERMAN, RUSSIAN, CHINESE, "Hi."],
        }
    )
    with pytest.warns(
        UserWarning, match=r"3 article\(s\) are not in English \(de: de; ru: ru; zh: zh\)"
    ):
        corpus = load_corpus(frame)
    assert corpus["language"].tolist() == ["en", "de", "ru", "zh", "und"]


# --- outlets ---


def test_outlet_spellings_that_differ_in_case_or_spacing_are_merged():
    frame = pd.DataFrame(
        {
            "id": list("abcde"),
            "text": ["One."] * 5,
            "outlet": ["Wire", "wire ", " WIRE", "Wire", "Daily  News"],
        }
    )
    with pytest.warns(UserWarning, match=r"merged: 'wire', 'WIRE' -> 'Wire'"):
        corpus = load_corpus(frame)
    assert corpus["outlet"].tolist() == ["Wire", "Wire", "Wire", "Wire", "Daily News"]
    assert frame["outlet"].tolist()[1] == "wire "  # the input is not changed


def test_a_carriage_return_outside_quotes_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b'id,title,text\n1,"Two\rlines",One.\n2,\rTalks,Two.\n')
    with pytest.raises(CorpusError, match="line 3 holds a carriage return"):
        load_corpus(path)


def test_a_file_with_carriage_return_line_endings_is_read(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"id,text\r1,One.\r2,Two.\r")
    assert _quiet(path)["doc_id"].tolist() == ["1", "2"]
