"""Remove non-prose boilerplate (keyword prefixes, CMS lines, headlines) from article text.

Only whole lines or a keyword run at the very start are removed, never words inside
prose, so character offsets into the cleaned ``text`` point at the author's own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .page_furniture import remove_page_furniture

__all__ = ["CleanedArticle", "clean_article", "describe_cleaning"]

KEYWORD_PREFIX = "keyword prefix"
CATEGORY_LINE = "category line"
BOILERPLATE_LINE = "boilerplate line"
HEADLINE = "headline"

# A run of >= 3 short "Segment/ " items at the very start of the text. In prose a slash
# is rarely followed by a space ("and/or", "24/7", "km/h", URLs), and requiring each
# segment to start with a capital or digit rules out most of the rest.
_SEGMENT = r"[A-Z0-9][^/\n]{0,39}?/(?:[ \t]+|(?=\n)|\Z)"
_KEYWORD_PREFIX = re.compile(rf"\A(?:{_SEGMENT}){{3,}}")
_MAX_SEGMENT_WORDS = 5

# "FEATUREDGeneralLatestNews": capitalised words glued together with no spaces.
_GLUED_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z][a-z]+|[A-Z]+")
_GLUED_LINE = re.compile(r"[A-Za-z]+")

# Spelled "\n\n\n+" rather than "\n{3,}": a literal prefix lets re search fast.
_BLANK_LINES = re.compile(r"\n\n\n+")

_BOILERPLATE_LINES = frozenset(
    {
        "advertisement",
        "advertisement:",
        "advertisement continue reading the main story",
        "ad",
        "story continued below",
        "story continues below advertisement",
        "article continues below advertisement",
        "article continues below",
        "continue reading below",
        "continue reading the main story",
        "scroll to continue with content",
    }
)

_CANDIDATE_LINE = re.compile(
    r"^[^\S\n]*(?:[A-Za-z]+:?|"
    + "|".join(re.escape(line) for line in sorted(_BOILERPLATE_LINES))
    + r")$",
    re.MULTILINE | re.IGNORECASE,
)

# A line ending like this is a sentence (or leads into one), so it is not a headline.
_SENTENCE_END = re.compile(r"""[.!?:;,…][\"'”’)\]»]*\Z""")
_MAX_HEADLINE_WORDS = 25
# A sentence ending inside the line ("... in 2017. Zach Gibson/AFP") marks a photo
# caption or a standfirst, not a headline; abbreviations like "Sen." do not count.
_INNER_SENTENCE_END = re.compile(r"""(\w+)[.!?]["'”’)]*\s+(?:["'“‘(]?[A-Z]|\|)""")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "jr", "vs"})


@dataclass(frozen=True)
class CleanedArticle:
    """The result of :func:`clean_article`.

    Attributes
    ----------
    text : str
        The article body with boilerplate removed and whitespace normalised.
    headline : str
        The headline detected on the first line, or ``""`` if there was none.
    removed : tuple of (kind, text) pairs
        What was removed, in order; ``kind`` is one of ``"keyword prefix"``,
        ``"category line"``, ``"boilerplate line"``, ``"headline"`` or a kind of page
        furniture (``"video widget"``, ``"photo gallery"``, ``"photo credit"``, ...).
    """

    text: str
    headline: str
    removed: tuple[tuple[str, str], ...]


def clean_article(raw: str) -> CleanedArticle:
    """Remove non-prose boilerplate from one article, keeping its prose unchanged.

    Rules, applied until nothing more changes (so cleaning is idempotent):

    0. Generic page furniture (video widgets, photo galleries and credits, sign-up
       and share prompts, copyright notices) is removed by
       :func:`mediakit.corpus.page_furniture.remove_page_furniture`.
    1. A run of at least three short ``Keyword/`` segments at the very start of the
       text (a CMS keyword line) is removed; the sentence after it stays.
    2. Lines that are only capitalised words glued together
       (``FEATUREDGeneralLatestNews``) and standalone lines such as
       ``Advertisement`` are removed.
    3. The first line is removed as the headline if it does not end like a sentence
       (``. ! ? : ; ,`` optionally followed by a closing quote), has at most 25 words,
       starts with a capital letter, digit or quote, and the next non-empty line is
       body text (a line that would not pass as a headline itself).

    Whitespace is normalised: trailing spaces on lines are stripped, line endings
    become ``\\n``, runs of blank lines shrink to one and the text is stripped. The
    characters of prose (curly quotes, dashes) are never changed, and the result is
    never longer than ``raw``.

    Parameters
    ----------
    raw : str
        The article text as read from its file or table.

    Returns
    -------
    CleanedArticle
        ``text``, the detected ``headline`` (``""`` if none) and what was ``removed``.

    Examples
    --------
    >>> cleaned = clean_article("Politics/ World/ Wire/ Leaders met on Monday.\\nThey agreed.")
    >>> cleaned.text
    'Leaders met on Monday.\\nThey agreed.'
    >>> cleaned.removed
    (('keyword prefix', 'Politics/ World/ Wire/'),)
    >>> clean_article("Leaders Meet in Paris\\nLeaders met on Monday.").headline
    'Leaders Meet in Paris'
    """
    if not isinstance(raw, str):
        raise TypeError(f"clean_article expects a str, got {type(raw).__name__}")
    text = _normalise(raw)
    removed: list[tuple[str, str]] = []
    headline = ""
    while True:
        before = text
        text, furniture = remove_page_furniture(text)
        if furniture:
            removed.extend(furniture)
            text = _normalise(text)
        text = _remove_keyword_prefix(text, removed)
        text = _remove_boilerplate_lines(text, removed)
        text, found = _remove_headline(text)
        if found:
            removed.append((HEADLINE, found))
            headline = headline or found
        if text == before:
            return CleanedArticle(text=text, headline=headline, removed=tuple(removed))


def describe_cleaning(removed: Iterable[tuple[str, str]]) -> str:
    """Summarise what :func:`clean_article` removed, in one short line.

    Long removed texts are shortened with ``…``; ``""`` means nothing was removed.

    Parameters
    ----------
    removed : iterable of (kind, text) pairs
        Usually ``clean_article(raw).removed``.

    Returns
    -------
    str
        For example ``'keyword prefix: "Biden/ ATACMS/ …/ Morning Edition/" | headline: "…"'``.

    Examples
    --------
    >>> describe_cleaning([("boilerplate line", "Advertisement"), ("headline", "Talks End")])
    'boilerplate line: "Advertisement" | headline: "Talks End"'
    >>> describe_cleaning(())
    ''
    """
    counts: dict[tuple[str, str], int] = {}
    for kind, text in removed:
        counts[(kind, text)] = counts.get((kind, text), 0) + 1
    parts = []
    for (kind, text), n in counts.items():
        shown = _shorten_prefix(text) if kind == KEYWORD_PREFIX else _shorten(text)
        parts.append(f'{kind}: "{shown}"' + (f" (×{n})" if n > 1 else ""))
    return " | ".join(parts)


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def _remove_keyword_prefix(text: str, removed: list[tuple[str, str]]) -> str:
    match = _KEYWORD_PREFIX.match(text)
    if not match:
        return text
    segments = match.group().split("/")[:-1]
    if any(len(segment.split()) > _MAX_SEGMENT_WORDS for segment in segments):
        return text
    removed.append((KEYWORD_PREFIX, match.group().rstrip()))
    return _normalise(text[match.end() :])


def _is_glued_category_line(line: str) -> bool:
    return bool(_GLUED_LINE.fullmatch(line)) and len(_GLUED_PART.findall(line)) >= 3


def _remove_boilerplate_lines(text: str, removed: list[tuple[str, str]]) -> str:
    if not _CANDIDATE_LINE.search(text):
        return text  # fast path: no line is a single word or a known phrase
    kept = []
    for line in text.split("\n"):
        stripped = line.strip()
        if _is_glued_category_line(stripped):
            removed.append((CATEGORY_LINE, stripped))
        elif stripped.lower() in _BOILERPLATE_LINES:
            removed.append((BOILERPLATE_LINE, stripped))
        else:
            kept.append(line)
    if len(kept) == text.count("\n") + 1:
        return text
    return _normalise("\n".join(kept))


def _looks_like_headline(line: str) -> bool:
    line = line.strip()
    if not line or _SENTENCE_END.search(line) or len(line.split()) > _MAX_HEADLINE_WORDS:
        return False
    # Headlines start with a capital, digit or quote; "(Reuters)", "**Sign up" or a
    # lowercase fragment do not.
    first = line[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘"):
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    return not any(
        m.group(1).lower() not in _ABBREVIATIONS and not m.group(1).isupper()
        for m in _INNER_SENTENCE_END.finditer(line)
    )


def _remove_headline(text: str) -> tuple[str, str]:
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or not _looks_like_headline(lines[0]):
        return text, ""
    # The next line must be body text; two headline-like lines in a row may be a list
    # or verse, and requiring body keeps a second cleaning from removing more.
    if _looks_like_headline(lines[1]):
        return text, ""
    first, _, rest = text.partition("\n")
    return _normalise(rest), first.strip()


def _shorten(text: str, limit: int = 80) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _shorten_prefix(text: str) -> str:
    segments = [s.strip() for s in text.split("/")[:-1]]
    if len(segments) <= 4:
        return text
    return "/ ".join(segments[:2] + ["…", segments[-1]]) + "/"
