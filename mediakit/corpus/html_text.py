"""HTML markup inside a text field: recognise it and keep only the text.

A CMS export or a scraper often leaves the article body as HTML
(``<p>...</p>``, ``<br>``, ``&amp;``). Read as prose, every tag becomes a
"word" and readability scores fall below zero. The markup is parsed with the
standard library's HTML parser (entities decoded, ``<script>``/``<style>``
content dropped) and block elements become line breaks, so paragraphs stay
paragraphs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "markup_tags"]

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title"})
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "cite",
        "code",
        "em",
        "font",
        "i",
        "img",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "u",
        "iframe",
    ]
)
# Tags that format text. A text is taken for HTML by these alone: a "<script>" or
# "<img onerror=...>" in an otherwise plain text is someone's text (shown as text,
# escaped, in the report), not a page's markup.
_FORMATTING = (_BLOCK | _INLINE | {"html", "body"}) - {"img", "iframe"}

# A tag of a text-formatting element: "<p>", "</div>", '<a href="...">', "<br/>".
_TAG = re.compile(
    r"</?(?:" + "|".join(sorted(_FORMATTING, key=len, reverse=True)) + r")(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)

_PARAGRAPHS = re.compile(r"<(?:p|div|li|tr|h[1-6]|blockquote|section|article)[\s>/]", re.IGNORECASE)

#: A text with at least this many tags of known HTML elements is taken for markup.
MIN_TAGS = 2


def markup_tags(text: str) -> int:
    """How many tags of text-formatting HTML elements ``text`` holds ("a < b" is not a tag).

    >>> markup_tags("<p>Talks <b>resumed</b>.</p>"), markup_tags("if a < b and c > d")
    (4, 0)
    """
    return sum(1 for _ in _TAG.finditer(text))


class _TextCollector(HTMLParser):
    def __init__(self, *, flow: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.flow = flow  # line breaks in the source are spaces
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(re.sub(r"\s*\n\s*", " ", data) if self.flow else data)


def html_to_text(markup: str) -> str:
    r"""The text of an HTML fragment: paragraphs on their own lines, entities decoded.

    Where the markup has paragraph elements (``<p>``, ``<div>``, ``<li>``...),
    line breaks in its source are spaces, as a browser shows them; in text that
    only has inline tags and ``<br>``, the text's own line breaks are kept.

    >>> html_to_text("<p>Talks&nbsp;resumed\n&amp; ended.</p><p>Next <b>day</b>.</p><script>x()</script>")
    'Talks\xa0resumed & ended.\n\nNext day.'
    >>> html_to_text("First <b>line</b>.\n\nSecond <i>one</i>.")
    'First line.\n\nSecond one.'
    """
    parser = _TextCollector(flow=_PARAGRAPHS.search(markup) is not None)
    parser.feed(markup)
    parser.close()
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    # One blank line between paragraphs, as in plain-text articles.
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
