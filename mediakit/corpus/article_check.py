"""``check_article``: is what came out of a page an article worth comparing?

Three things are not: a page with (almost) no article text (a section front, an
error page, a video page), a paywall stub (the teaser a non-subscriber sees) and
an article in another language than English (the analyses are for English).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .english import looks_english
from .pages import Page

__all__ = ["MIN_ARTICLE_WORDS", "MAX_STUB_WORDS", "check_article"]

#: Fewer words than this (the headline not counted) is not an article: real
#: news briefs have 60 words or more, section fronts leave a heading or two.
MIN_ARTICLE_WORDS = 40
#: A page that says it is paywalled is a stub when it yields fewer words than
#: this: a teaser is one to three paragraphs; the full article is longer.
MAX_STUB_WORDS = 150


def check_article(page: Page) -> tuple[str, str] | None:
    """``(reason, explanation)`` when ``page`` holds no usable article, else None.

    ``reason`` is ``"not_article"``, ``"paywall"`` or ``"not_english"``.

    >>> from mediakit.corpus.pages import read_page
    >>> check_article(read_page("<html><body><h1>Latest news</h1></body></html>"))[0]
    'not_article'
    """
    words = _body_words(page)
    paywalled = not page.free or page.subscribe_prompt
    if paywalled and words < MAX_STUB_WORDS:
        how = "marks itself as not free" if not page.free else "asks readers to subscribe"
        return (
            "paywall",
            f"only {words} words of a subscriber-only article (the page {how}). Save the "
            "page from a browser where you are logged in, and load the .html file instead.",
        )
    if words < MIN_ARTICLE_WORDS:
        return (
            "not_article",
            f"no article found on the page ({words} words of text; a section front, video "
            "or error page?). Check that the link opens the article itself.",
        )
    if not looks_english(page.text):
        declared = f" (the page says lang={page.language!r})" if page.language else ""
        return (
            "not_english",
            f"the article is not in English{declared}; mediakit's analyses are for English.",
        )
    return None


def _body_words(page: Page) -> int:
    """Words of the text, without a first line that repeats the title."""
    lines = page.text.split("\n")
    if lines and page.title and lines[0].strip().casefold() == page.title.strip().casefold():
        lines = lines[1:]
    return sum(len(line.split()) for line in lines)


_WHAT = {
    "not_article": "hold no article (a section front, video or error page?)",
    "paywall": "look like a paywall stub (only the teaser a non-subscriber sees)",
    "not_english": "are not in English",
}


def page_notes(pages: Mapping[Path, Page]) -> list[str]:
    """One warning per kind of problem among saved pages; the pages are still loaded.

    >>> from mediakit.corpus.pages import read_page
    >>> page_notes({Path("front.html"): read_page("<html><body><h1>News</h1></body></html>")})
    ['1 saved page(s) hold no article (a section front, video or error page?): front.html. They are kept; delete the files (or drop their rows) if you do not want them.']
    """
    found: dict[str, list[str]] = {}
    for path, page in pages.items():
        problem = check_article(page)
        if problem is not None:
            found.setdefault(problem[0], []).append(path.name)
    return [
        f"{len(names)} saved page(s) {_WHAT[reason]}: {', '.join(names[:5])}"
        f"{', …' if len(names) > 5 else ''}. They are kept; delete the files (or drop "
        "their rows) if you do not want them."
        for reason, names in found.items()
    ]
