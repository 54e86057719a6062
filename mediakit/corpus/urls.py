"""``read_url_list``: the links a user gives (pasted text, a file, a list) -> URLs.

Also :func:`same_page_url`, the form of a URL used to tell whether two links
name the same page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from ..errors import CorpusError
from .decode import read_text

__all__ = ["is_web_url", "read_url_list", "same_page_url"]

# A link in running text: a scheme, or a bare "www." host. Trailing punctuation
# belongs to the sentence around it ("see https://x.org/a.").
_LINK = re.compile(r"""(?:\b[A-Za-z][\w+.-]*://|\bwww\.)[^\s<>"'\]]+""")
_TRAILING = ".,;:!?)'\""
# A line that is only a host and path, without a scheme ("bbc.co.uk/news/1").
_BARE_LINK = re.compile(r"^[\w-]+(?:\.[\w-]+)+/\S*$")


def read_url_list(source: str | os.PathLike | Iterable[str]) -> list[str]:
    """The links in ``source``, in order, as written (``https://`` added where missing).

    ``source`` is text with links in it (one a line, or pasted with other words:
    only the links count), the path of a text file with links, or a list whose
    items are links or such files. Lines starting with ``#`` are comments.

    >>> read_url_list('''
    ... https://www.example.com/news/flood-1
    ... # the second one, from a saved email:
    ... See www.example.org/story?id=2.
    ... ''')
    ['https://www.example.com/news/flood-1', 'https://www.example.org/story?id=2']
    >>> read_url_list(["https://a.example/1", "b.example/2"])
    ['https://a.example/1', 'https://b.example/2']
    """
    if isinstance(source, os.PathLike):
        return _links_in_file(Path(source))
    if isinstance(source, str):
        if _is_file(source):
            return _links_in_file(Path(source.strip()))
        links = _links_in_text(source)
        if not links:
            raise CorpusError(
                f"No links found in {_short(source)!r}. Give links such as "
                "https://www.example.com/news/story, one a line, or the path of a text "
                "file that holds them."
            )
        return links
    links: list[str] = []
    for item in source:
        links += _links_in_item(item)
    return links


def _links_in_item(item: object) -> list[str]:
    if isinstance(item, os.PathLike):
        return _links_in_file(Path(item))
    if not isinstance(item, str):
        raise CorpusError(
            f"A link must be a string, got {type(item).__name__} {item!r}. Pass links such "
            "as 'https://www.example.com/news/story'."
        )
    if _is_file(item):
        return _links_in_file(Path(item.strip()))
    links = _links_in_text(item)
    if not links:
        raise CorpusError(
            f"{_short(item)!r} is neither a link (https://...) nor an existing file of links "
            f"(looked from {Path.cwd()}). Check the spelling."
        )
    return links


def _is_file(text: str) -> bool:
    """Whether ``text`` names an existing file (and is not a link)."""
    text = text.strip()
    if "://" in text or "\n" in text or len(text) > 1024:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name too long, a NUL in it
        return False


def _links_in_file(path: Path) -> list[str]:
    if not path.is_file():
        raise CorpusError(f"{path}: no such file of links (looked from {Path.cwd()}).")
    text, _ = read_text(path)
    links = _links_in_text(text)
    if not links:
        raise CorpusError(
            f"{path}: no links found. Put one link (https://...) on each line; lines "
            "starting with # are comments."
        )
    return links


def _links_in_text(text: str) -> list[str]:
    links = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if _BARE_LINK.match(line) and "://" not in line:
            links.append(f"https://{line}")
            continue
        for match in _LINK.finditer(line):
            link = match.group(0).rstrip(_TRAILING)
            links.append(link if "://" in link else f"https://{link}")
    return links


def is_web_url(url: str) -> bool:
    """Whether ``url`` is an ``http``/``https`` address with a host.

    >>> is_web_url("https://example.com/a"), is_web_url("ftp://example.com/a")
    (True, False)
    """
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. a broken IPv6 host
        return False


def same_page_url(url: str) -> str:
    """``url`` with what does not change the page removed: the fragment, tracking
    parameters (``utm_*``, ``fbclid``, ...), default ports and case of the host.

    >>> same_page_url("https://WWW.Example.com:443/a?utm_source=x&id=3#top")
    'https://www.example.com/a?id=3'
    """
    from courlan import normalize_url  # trafilatura's URL library: loaded only to fetch

    url = urldefrag(url.strip())[0]
    try:
        return normalize_url(url)
    except ValueError:
        return url


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
