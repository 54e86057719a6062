"""``read_page``: a saved or downloaded web page -> the article in it, with its metadata.

trafilatura finds the article (main text, title, authors, site name) and, through
htmldate, its publication date. What it leaves to its user is done here: the
page's bytes decoded as a browser would (:mod:`.charset`), the outlet named
from the site name or the domain (:mod:`.outlets`), the address of a page
saved from a browser, and the marks a page carries about itself (its
declared language, whether it says it is not free to read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .charset import decode_html
from .columns import is_missing
from .outlets import outlet_name
from .page_store import saved_page_info

__all__ = [
    "HTML_SUFFIXES",
    "PAGE_COLUMNS",
    "Page",
    "add_page_metadata",
    "drop_repeated_lines",
    "page_table",
    "read_page",
    "read_page_file",
]

HTML_SUFFIXES = (".html", ".htm")
#: What a page adds to its article, in this order, as corpus columns.
PAGE_COLUMNS = ("outlet", "title", "date", "url", "authors")

# Browsers mark a saved page with the address it came from ("Mark of the Web").
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_HTML_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I
)
# schema.org's mark for paywalled content, in JSON-LD ("isAccessibleForFree": false)
# or microdata (<meta itemprop="isAccessibleForFree" content="False">).
_NOT_FREE = re.compile(
    r"""isAccessibleForFree["']?\s*(?::\s*|[^>]*?\bcontent\s*=\s*)["']?false\b""", re.I
)
# What a paywall says to a reader without a subscription. Subscription sites print
# some of it on every page, so it marks a stub only when little text came out.
_SUBSCRIBE_PROMPT = re.compile(
    r"subscribe (?:now |today )?to (?:continue|keep) reading|subscribe to read"
    r"|(?:continue|keep) reading with (?:a|your) (?:subscription|membership)"
    r"|this (?:article|story|content) is (?:only )?(?:for|available to|reserved for) "
    r"(?:paying |our )?(?:subscribers|members)|subscribers?[- ]only"
    r"|you(?:'ve| have) reached your (?:limit|maximum) of free|free articles? (?:left|remaining)"
    r"|(?:sign in|log in|register) to (?:continue|keep) reading",
    re.I,
)
# Only what the page states about its date (meta tags, JSON-LD, <time>, the URL):
# htmldate's extensive search would take any date in the text, such as one the
# article mentions, for the date it was published.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class Page:
    """The article on one page. Strings are ``""`` where the page does not say."""

    text: str  # the article, one paragraph a line
    title: str
    authors: str  # "; "-separated
    date: str  # ISO date, e.g. "2024-03-05"
    outlet: str  # see outlet_name()
    url: str
    language: str  # as the page declares it (<html lang>), e.g. "en-GB"
    free: bool  # False when the page marks its content as not free to read
    subscribe_prompt: bool  # the page asks the reader to subscribe to read on
    encoding: str  # that decoded its bytes ("" for text given as str)


def read_page(html: str | bytes, url: str | None = None, *, charset: str | None = None) -> Page:
    """Extract the article from one HTML page.

    Parameters
    ----------
    html : str or bytes
        The page. Bytes are decoded with ``charset`` (from the HTTP header, if
        known), else the page's own ``<meta charset>``, else UTF-8 or cp1252.
    url : str, optional
        Where the page came from. Without it, the ``saved from url=`` comment a
        browser writes into saved pages, else the page's canonical link.

    Returns
    -------
    Page
        ``text`` is ``""`` when trafilatura finds no article (a section front,
        an error page). Comments, navigation, galleries, related links and
        tables are not part of the text.

    Examples
    --------
    >>> page = read_page('''<html lang="en"><head><title>Floods | Valley Gazette</title>
    ... <meta property="og:site_name" content="Valley Gazette"></head>
    ... <body><nav><a href="/">Home</a></nav><article><h1>Floods</h1>
    ... <p>The river burst its banks on Tuesday, flooding two hundred homes.</p>
    ... </article><footer>All rights reserved.</footer></body></html>''',
    ...     url="https://www.valleygazette.example/news/floods")
    >>> page.outlet, page.title, page.language
    ('Valley Gazette', 'Floods', 'en')
    >>> print(page.text)
    Floods
    The river burst its banks on Tuesday, flooding two hundred homes.
    """
    import trafilatura  # here: loading it takes half a second, and only pages need it

    if isinstance(html, bytes):
        html, encoding = decode_html(html, charset)
    else:
        encoding = ""
    saved_from = _SAVED_FROM.search(html[:2000])
    url = url or (saved_from.group(1) if saved_from else None)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Recall mode keeps "Read more:" links, and on a page with no article
        # (a section front) falls back to the whole page, menus included.
        favor_precision=True,
        date_extraction_params=_DATE_PARAMS,
    )
    lang = _HTML_LANG.search(html)
    page_url = url or (doc.url if doc is not None else None) or ""
    return Page(
        text=drop_repeated_lines(doc.text or "") if doc is not None else "",
        title=(doc.title or "") if doc is not None else "",
        authors=(doc.author or "") if doc is not None else "",
        date=(doc.date or "") if doc is not None else "",
        outlet=outlet_name(doc.sitename if doc is not None else None, page_url),
        url=page_url,
        language=lang.group(1) if lang else "",
        free=_NOT_FREE.search(html) is None,
        subscribe_prompt=_SUBSCRIBE_PROMPT.search(html) is not None,
        encoding=encoding,
    )


def read_page_file(path: Path) -> Page:
    """Read one saved page; a page saved by :func:`mediakit.fetch_articles` keeps
    the address and charset recorded beside it.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "story.html"
    >>> _ = path.write_bytes(b"<html><body><p>Caf\\xe9 owners counted the damage.</p></body></html>")
    >>> page = read_page_file(path)
    >>> page.text, page.encoding
    ('Café owners counted the damage.', 'cp1252')
    """
    info = saved_page_info(path)
    return read_page(
        path.read_bytes(), url=info.get("final_url") or None, charset=info.get("charset")
    )


def page_table(pages: list[Page | None]) -> pd.DataFrame:
    """The :data:`PAGE_COLUMNS` of each page, ``""`` for rows that are not pages.

    >>> page = read_page("<html><body><h1>Floods</h1><p>The river rose.</p></body></html>")
    >>> page_table([page, None]).to_dict("list")["title"]
    ['Floods', '']
    """
    return pd.DataFrame(
        {c: [getattr(p, c) if p is not None else "" for p in pages] for c in PAGE_COLUMNS}
    )


def add_page_metadata(
    table: pd.DataFrame, columns: dict, pages: pd.DataFrame
) -> tuple[pd.DataFrame, dict]:
    """Give rows what their pages say where ``table`` (the metadata) does not.

    ``columns`` maps standard names to the columns of ``table`` that hold them;
    ``pages`` has :data:`PAGE_COLUMNS` aligned with ``table`` (or none of them,
    when no file was a page: then nothing changes). A value in the metadata
    always wins over the page's.

    >>> meta = pd.DataFrame({"doc_id": ["a", "b"], "publisher": ["Gazette", ""]})
    >>> pages = pd.DataFrame({"outlet": ["Valley Gazette", "Northern Daily"], "title": ["A", "B"],
    ...                       "date": ["", ""], "url": ["", ""], "authors": ["", ""]})
    >>> table, columns = add_page_metadata(meta, {"doc_id": "doc_id", "outlet": "publisher"}, pages)
    >>> table[["publisher", "title"]].values.tolist(), columns["title"]
    ([['Gazette', 'A'], ['Northern Daily', 'B']], 'title')
    """
    if not set(PAGE_COLUMNS) <= set(pages.columns):
        return table, columns
    table, columns = table.reset_index(drop=True).copy(), dict(columns)
    for name in PAGE_COLUMNS:
        target = columns.get(name) or name
        from_page = pages[name].reset_index(drop=True)
        if target in table.columns:
            table[target] = [
                p if is_missing(g) or g == "" else g
                for g, p in zip(table[target], from_page, strict=True)
            ]
        else:
            table[target] = from_page.to_numpy()
        if name in ("outlet", "title", "date"):
            columns[name] = target
    return table, columns


# Pull quotes and repeated captions: a line that another line of the page already says.
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_MIN_REPEAT_WORDS = 4
_MAX_LINES_CHECKED = 2000  # the check is quadratic; articles have a few dozen lines


def drop_repeated_lines(text: str) -> str:
    """Remove lines whose words another line already holds (pull quotes, captions
    shown twice); the first full occurrence stays.

    >>> print(drop_repeated_lines(
    ...     '"We have never seen the water rise this fast."\\n'
    ...     '"We have never seen the water rise this fast," said Mara Quint.'))
    "We have never seen the water rise this fast," said Mara Quint.
    """
    lines = text.split("\n")
    if len(lines) > _MAX_LINES_CHECKED:
        return text
    keys = [_line_key(line) for line in lines]
    kept = []
    for i, (line, key) in enumerate(zip(lines, keys, strict=True)):
        repeated = len(key.split()) >= _MIN_REPEAT_WORDS and (
            key in keys[:i] or any(key in other and key != other for other in keys)
        )
        if not repeated:
            kept.append(line)
    return "\n".join(kept)


def _line_key(line: str) -> str:
    return " ".join(line.translate(_QUOTES).casefold().split()).strip(" \"'.,;:!?-")
