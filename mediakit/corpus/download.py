"""``download_page``: one polite HTTP GET of a web page, or the reason it failed.

requests does the HTTP work (redirects with their cookies, proxies from the
environment, connection reuse) and urllib3's ``Retry`` retries with exponential
backoff, honouring ``Retry-After``. What is added here: a deadline for the
whole page (a server that drips one byte a second never trips a read timeout),
a size limit, the check that the answer is a web page, and a reason for every
failure that a student can act on.
"""

from __future__ import annotations

import email.message
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from .._version import __version__
from .page_store import SavedPage, now_utc

__all__ = ["USER_AGENT", "FetchFailure", "HostGate", "download_page", "make_session"]

#: Says who is asking, so that a site can tell mediakit from a browser or a crawler.
USER_AGENT = f"mediakit/{__version__} (news coverage comparison for teaching and research)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Worth asking again: rate limits and passing server trouble.
RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_RETRY_AFTER = 30  # seconds; a longer Retry-After is not waited for in full
MAX_REDIRECTS = 10
_CHUNK = 64 * 1024


class FetchFailure(Exception):
    """Why a page could not be fetched: a short ``reason`` and a ``detail`` for people."""

    def __init__(self, reason: str, detail: str, http_status: int | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.http_status = http_status


def make_session(*, retries: int = 2, backoff: float = 0.5):
    """A ``requests.Session`` with mediakit's user agent and retries with backoff.

    A failed connection, a read timeout or a status in :data:`RETRY_STATUSES` is
    tried again up to ``retries`` times: at once, then after ``backoff * 2**n``
    seconds (urllib3's schedule), or as long as ``Retry-After`` asks, up to 30 s.

    >>> make_session().headers["User-Agent"].startswith("mediakit/")
    True
    """
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    class _Retry(Retry):
        def get_retry_after(self, response):
            seconds = super().get_retry_after(response)
            return None if seconds is None else min(seconds, MAX_RETRY_AFTER)

    retry = _Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        backoff_factor=backoff,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        raise_on_status=False,
        respect_retry_after_header=True,
    )
    session = requests.Session()
    session.max_redirects = MAX_REDIRECTS
    session.headers.update(
        {
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            "Accept-Language": "en;q=1.0,*;q=0.5",
        }
    )
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def download_page(session, url: str, *, timeout: float, max_bytes: int) -> SavedPage:
    """Download ``url``; raise :class:`FetchFailure` when it gives no web page.

    ``timeout`` (seconds) bounds connecting, each wait for data and the whole
    download of one attempt; ``max_bytes`` bounds the page's size.

    >>> try:
    ...     download_page(make_session(), "www.example.com/a", timeout=5, max_bytes=10**6)
    ... except FetchFailure as failure:
    ...     print(failure.reason)
    invalid_url
    """
    import requests

    deadline = time.monotonic() + timeout
    try:
        response = session.get(url, timeout=(timeout, timeout), stream=True)
    except requests.exceptions.RequestException as err:
        raise _failure_of(err, timeout) from None
    with response:
        status = response.status_code
        if not 200 <= status < 300:
            raise FetchFailure("http_error", _status_detail(status, response.reason), status)
        content_type, charset = _content_type(response.headers.get("Content-Type", ""))
        if content_type and content_type not in HTML_TYPES:
            raise FetchFailure(
                "not_html",
                f"the link gives {content_type}, not a web page (a PDF, image or feed?). "
                "Link to the article's page instead.",
            )
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise _too_large(int(length), max_bytes)
        body = _read_body(response, deadline, timeout, max_bytes)
        final_url = response.url
    if not content_type and not _looks_like_html(body):
        raise FetchFailure("not_html", "the answer is not a web page (no HTML in it).")
    return SavedPage(
        url=url,
        final_url=final_url,
        status=status,
        content_type=content_type or "text/html",
        charset=charset,
        fetched_at=now_utc(),
        body=body,
    )


def _read_body(response, deadline: float, timeout: float, max_bytes: int) -> bytes:
    import requests
    import urllib3

    chunks, size = [], 0
    try:
        while True:
            # read1 returns what has arrived, so the deadline is checked while a
            # slow server is still sending (read(n) would wait for all n bytes).
            chunk = response.raw.read1(_CHUNK, decode_content=True)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(None, max_bytes)
            if time.monotonic() > deadline:
                raise FetchFailure(
                    "timeout",
                    f"the page was still arriving after {timeout:g} s (a very slow server).",
                )
            chunks.append(chunk)
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError) as err:
        raise _failure_of(err, timeout) from None


def _failure_of(err: Exception, timeout: float) -> FetchFailure:
    """The :class:`FetchFailure` that explains a requests or urllib3 exception."""
    import requests
    import urllib3

    causes = _causes(err)
    if any(isinstance(c, requests.exceptions.TooManyRedirects) for c in causes):
        return FetchFailure(
            "too_many_redirects",
            f"the link redirects more than {MAX_REDIRECTS} times (a redirect loop; some "
            "sites do this to programs). Save the page from a browser and load the .html file.",
        )
    if any(isinstance(c, urllib3.exceptions.NameResolutionError | socket.gaierror) for c in causes):
        return FetchFailure(
            "no_connection",
            "the site's name could not be looked up: this computer is offline, or the "
            "address is misspelled.",
        )
    if any(
        isinstance(c, requests.exceptions.Timeout | urllib3.exceptions.TimeoutError) for c in causes
    ):
        return FetchFailure("timeout", f"no answer within {timeout:g} s (tried again, too).")
    if any(
        isinstance(c, requests.exceptions.SSLError | urllib3.exceptions.SSLError) for c in causes
    ):
        return FetchFailure(
            "connection_failed", f"the secure connection failed: {_last_words(err)}"
        )
    if isinstance(err, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return FetchFailure("invalid_url", f"not a valid web address: {_last_words(err)}")
    return FetchFailure(
        "connection_failed", f"the connection to the site failed: {_last_words(err)}"
    )


def _causes(err: BaseException) -> list[BaseException]:
    """``err``, what it wraps (``args``, ``reason``, ``__cause__``) and so on down."""
    seen, todo = [], [err]
    while todo:
        e = todo.pop()
        if any(e is s for s in seen) or len(seen) > 20:
            continue
        seen.append(e)
        todo += [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]
        todo += [
            c
            for c in (getattr(e, "reason", None), e.__cause__, e.__context__)
            if isinstance(c, BaseException)
        ]
    return seen


def _last_words(err: BaseException) -> str:
    text = str(err).split("(Caused by ")[-1].rstrip(")")
    return text[:200]


def _status_detail(status: int, reason: str | None) -> str:
    said = f"{status} {reason}".strip() if reason else str(status)
    if status in (404, 410):
        return f"the server answered {said}: the page does not exist (check the link)."
    if status in (401, 402, 403, 451):
        return (
            f"the server answered {said}: the site refuses this download (some block "
            "programs, or want a login). Save the page from a browser and load the .html file."
        )
    if status == 429:
        return f"the server answered {said}: too many requests; try again later."
    if status >= 500:
        return f"the server answered {said}: the site has a problem; try again later."
    return f"the server answered {said}."


def _too_large(size: int | None, max_bytes: int) -> FetchFailure:
    said = f"{size / 1e6:.1f} MB" if size else f"more than {max_bytes / 1e6:.1f} MB"
    return FetchFailure(
        "too_large",
        f"the page is {said}, over the limit of {max_bytes / 1e6:.1f} MB (max_bytes=).",
    )


def _content_type(header: str) -> tuple[str, str | None]:
    """``("text/html", "utf-8")`` from a Content-Type header; ``("", None)`` without one."""
    if not header.strip():
        return "", None
    message = email.message.Message()
    message["Content-Type"] = header
    return message.get_content_type(), message.get_content_charset()


def _looks_like_html(body: bytes) -> bool:
    start = body[:2048].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in start


class HostGate:
    """One request at a time per site, ``delay`` seconds apart: polite to each server.

    >>> gate = HostGate(delay=0)
    >>> with gate.slot("example.com"):
    ...     pass
    """

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Wait for the host's turn, hold it while the block runs."""
        with self._guard:
            lock = self._locks[host]
        with lock:
            wait = self._last.get(host, float("-inf")) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()
