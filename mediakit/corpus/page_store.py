"""``PageStore``: downloaded pages kept on disk, so that a re-run extracts without downloading.

A store is a folder with two files per page: ``<doc_id>.html``, the bytes exactly
as the server sent them, and ``<doc_id>.json``, what the download said about them
(the link asked for, the address after redirects, the charset the server
declared, when). The folder is also a folder of saved pages that
:func:`mediakit.load_corpus` reads directly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from .._version import __version__
from ..paths import write_atomically
from .outlets import site_domain
from .urls import same_page_url

__all__ = ["PageStore", "SavedPage", "page_key", "saved_page_info"]


@dataclass(frozen=True)
class SavedPage:
    """One downloaded page and what the download said about it."""

    url: str  # the link as asked for
    final_url: str  # the address after redirects
    status: int
    content_type: str
    charset: str | None  # declared by the server (HTTP header), if it did
    fetched_at: str  # ISO 8601, UTC
    body: bytes


def page_key(url: str) -> str:
    """A page's ``doc_id``: its site and a hash of the link, stable across runs.

    >>> page_key("https://www.example.com/news/a?utm_source=x")
    'example.com-a7541659ae'
    >>> page_key("https://www.example.com/news/a") == page_key("https://www.example.com/news/a#top")
    True
    """
    digest = hashlib.sha1(same_page_url(url).encode("utf-8")).hexdigest()[:10]
    return f"{site_domain(url) or 'page'}-{digest}"


def saved_page_info(html_path: Path) -> dict:
    """What the store recorded beside a saved page (``url``, ``final_url``, ``charset``,
    ...), or ``{}`` for a page saved some other way (e.g. from a browser).

    >>> saved_page_info(Path("saved-from-a-browser.html"))
    {}
    """
    sidecar = html_path.with_suffix(".json")
    try:
        info = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


class PageStore:
    """The folder of saved pages.

    >>> import tempfile
    >>> store = PageStore(tempfile.mkdtemp())
    >>> store.get("example.com-0000000000") is None
    True
    """

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)

    def html_path(self, key: str) -> Path:
        """Where the page ``key`` is (or would be) saved.

        >>> PageStore("pages").html_path("example.com-0123456789").as_posix()
        'pages/example.com-0123456789.html'
        """
        return self.folder / f"{key}.html"

    def get(self, key: str) -> SavedPage | None:
        """The saved page, or None if it was never saved (or its files are incomplete)."""
        path = self.html_path(key)
        info = saved_page_info(path)
        if not info or not path.is_file():
            return None
        try:
            return SavedPage(
                url=str(info["url"]),
                final_url=str(info["final_url"]),
                status=int(info["status"]),
                content_type=str(info["content_type"]),
                charset=info.get("charset"),
                fetched_at=str(info["fetched_at"]),
                body=path.read_bytes(),
            )
        except (KeyError, TypeError, ValueError, OSError):
            return None

    def put(self, key: str, page: SavedPage) -> Path:
        """Save ``page`` under ``key`` (the HTML first, then the record that completes it)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.html_path(key)
        write_atomically(path, page.body)
        info = {k: v for k, v in asdict(page).items() if k != "body"}
        info["saved_by"] = f"mediakit {__version__}"
        text = json.dumps(info, ensure_ascii=False, indent=1) + "\n"
        write_atomically(path.with_suffix(".json"), text.encode("utf-8"))
        return path


def now_utc() -> str:
    """The current time as ISO 8601 in UTC, to the second.

    >>> now_utc().endswith("Z")
    True
    """
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
