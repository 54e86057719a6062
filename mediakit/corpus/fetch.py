"""``fetch_articles``: links -> downloaded pages -> a corpus, and a table of what failed.

Nothing in mediakit downloads anything unless this function (or ``mediakit
fetch``) is called. Every page is kept in a :class:`~.page_store.PageStore`, so
a second run extracts again from the saved pages without downloading.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import threading
import warnings
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import CorpusError
from .article_check import check_article
from .columns import CORPUS_COLUMNS
from .download import FetchFailure, HostGate, download_page, make_session
from .load import load_corpus
from .outlets import site_domain
from .page_store import PageStore, SavedPage, page_key
from .pages import Page, read_page
from .urls import is_web_url, read_url_list, same_page_url

__all__ = ["ARTICLE_COLUMNS", "FAILURE_COLUMNS", "Fetched", "fetch_articles"]

#: The columns of :attr:`Fetched.articles`, as :meth:`Fetched.save` writes them.
ARTICLE_COLUMNS = ("doc_id", "outlet", "title", "date", "url", "authors", "text")
#: The columns of :attr:`Fetched.failures`.
FAILURE_COLUMNS = ("url", "reason", "http_status", "detail")


@dataclass
class Fetched:
    """What :func:`fetch_articles` got.

    Attributes
    ----------
    corpus : pandas.DataFrame
        The articles as :func:`mediakit.load_corpus` returns them, ready for
        ``mediakit.analyze`` and the rest; ``source`` is the saved page.
    failures : pandas.DataFrame
        One row per link that gave no article: ``url, reason, http_status,
        detail`` (``http_status`` for ``http_error`` only). ``reason`` is one of ``invalid_url``, ``duplicate_url``,
        ``duplicate_text``, ``no_connection``, ``connection_failed``,
        ``timeout``, ``too_many_redirects``, ``http_error`` (with the
        ``http_status``), ``not_html``, ``too_large``, ``not_article``,
        ``paywall``, ``not_english``, ``error``; ``detail`` says what to do.
    articles : pandas.DataFrame
        The extracted fields (``doc_id, outlet, title, date, url, authors,
        text``), what :meth:`save` writes.
    pages_dir : pathlib.Path
        Where the downloaded pages are kept.
    """

    corpus: pd.DataFrame
    failures: pd.DataFrame
    articles: pd.DataFrame
    pages_dir: Path

    def save(self, path: str | os.PathLike, *, overwrite: bool = False) -> Path:
        """Write :attr:`articles` as JSONL (``.jsonl`` or ``.jsonl.gz``) for ``load_corpus``.

        An existing file is replaced only with ``overwrite=True``. See
        :func:`fetch_articles` for an example.
        """
        path = Path(path)
        if not path.name.lower().endswith((".jsonl", ".jsonl.gz")):
            raise CorpusError(f"Cannot write {path}: use a .jsonl or .jsonl.gz file name.")
        if path.exists() and not overwrite:
            raise CorpusError(
                f"{path} already exists and is not replaced. Choose another file name, or "
                "pass overwrite=True (mediakit fetch --overwrite) to replace it."
            )
        records = self.articles.to_dict(orient="records")
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(gzip.compress(data, mtime=0) if path.suffix.lower() == ".gz" else data)
        tmp.replace(path)
        return path


def fetch_articles(
    urls: str | os.PathLike | Iterable[str],
    *,
    pages_dir: str | os.PathLike | None = None,
    refresh: bool = False,
    timeout: float = 20.0,
    retries: int = 2,
    concurrency: int = 4,
    delay: float = 1.0,
    max_bytes: int = 5_000_000,
    progress: bool | None = None,
) -> Fetched:
    """Download news pages and extract their articles into a corpus.

    Parameters
    ----------
    urls : str, path or list of str
        The links: text with links in it (pasted, one a line), a text file of
        links, or a list of links (see :func:`mediakit.corpus.urls.read_url_list`).
    pages_dir : path, optional
        Where downloaded pages are kept (default: ``pages/`` in mediakit's cache
        folder). A page already there is not downloaded again.
    refresh : bool, default False
        Download every page again (the saved copy is replaced).
    timeout : float, default 20
        Seconds one attempt at one page may take, all included.
    retries : int, default 2
        Further attempts after a failed connection, a timeout, or a 429/5xx
        answer, with exponential backoff (at once, then 1 s, 2 s, ...) or
        what the site's ``Retry-After`` asks (up to 30 s).
    concurrency : int, default 4
        Pages downloaded at the same time, from different sites: one site gets
        one request at a time, ``delay`` seconds apart.
    max_bytes : int, default 5 MB
        Larger pages are not downloaded (news pages are 0.1-3 MB; extracting
        a 9 MB page takes trafilatura about 20 s).
    progress : bool, optional
        Show a progress bar (default: for two links or more).

    Returns
    -------
    Fetched
        ``.corpus`` (one row per article: ``doc_id, outlet, title, date, text,
        ..., url, authors``) and ``.failures`` (one row per link that gave no
        article, with the reason). Failures never raise: a machine without
        internet gets one ``no_connection`` row per link.

    Examples
    --------
    A page saved by an earlier run is read again without downloading:

    >>> import tempfile
    >>> from mediakit.corpus.page_store import PageStore, SavedPage, page_key
    >>> link = "https://www.example.com/news/flood"
    >>> body = b'''<html><head><meta property="og:site_name" content="Example News"></head>
    ... <body><article><h1>Flood</h1>
    ... <p>The river rose overnight and crews worked until dawn to clear the roads near the bridge.</p>
    ... <p>Officials said more than two hundred homes were flooded and the school would stay shut.</p>
    ... <p>Forecasters expect more rain on Thursday; residents were told to keep sandbags ready.</p>
    ... </article></body></html>'''
    >>> folder = tempfile.mkdtemp()
    >>> _ = PageStore(folder).put(page_key(link), SavedPage(link, link, 200, "text/html",
    ...     "utf-8", "2024-03-05T08:00:00Z", body))
    >>> fetched = fetch_articles(link, pages_dir=folder)
    >>> fetched.corpus[["outlet", "title", "url"]]
             outlet  title                                 url
    0  Example News  Flood  https://www.example.com/news/flood
    >>> len(fetched.failures)
    0
    >>> fetched.save(Path(folder) / "corpus.jsonl").name    # for load_corpus, mediakit report
    'corpus.jsonl'
    """
    _check_options(
        timeout=timeout, retries=retries, concurrency=concurrency, delay=delay, max_bytes=max_bytes
    )
    links = read_url_list(urls)
    store = PageStore(pages_dir if pages_dir is not None else paths.default_cache_dir() / "pages")
    jobs, failures = _plan(links)
    runner = _Runner(store, refresh, timeout, retries, delay, max_bytes)
    outcomes = runner.run(jobs, concurrency, progress if progress is not None else len(jobs) > 1)
    articles, failures = _collect(jobs, outcomes, failures)
    fetched = _fetched(articles, failures, store)
    if len(fetched.failures):
        warnings.warn(_failure_note(fetched, len(links)), UserWarning, stacklevel=2)
    return fetched


_LEAST = {"timeout": 0.001, "retries": 0, "concurrency": 1, "delay": 0, "max_bytes": 1}


def _check_options(**options: float) -> None:
    for name, value in options.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value < _LEAST[name]:
            raise CorpusError(
                f"{name}={value!r} cannot be used: give a number of at least {_LEAST[name]:g}."
            )


@dataclass(frozen=True)
class _Job:
    order: int  # position among the links given
    url: str
    key: str


def _plan(links: list[str]) -> tuple[list[_Job], list[tuple[int, dict]]]:
    """The links to fetch, once each; invalid and repeated links become failures."""
    jobs: list[_Job] = []
    failures: list[tuple[int, dict]] = []
    first: dict[str, str] = {}
    repeats: dict[str, int] = {}
    for order, url in enumerate(links):
        if not is_web_url(url):
            detail = "not a web address (http:// or https://); check the link."
            failures.append((order, _failure_row(url, "invalid_url", detail)))
            continue
        same = same_page_url(url)
        if same in first:
            repeats[same] = repeats.get(same, 1) + 1
            if repeats[same] == 2:  # reported once, however often it is repeated
                detail = f"the same page as {first[same]}, listed earlier; fetched once."
                failures.append((order, _failure_row(url, "duplicate_url", detail)))
            continue
        first[same] = url
        jobs.append(_Job(order, url, page_key(url)))
    return jobs, failures


@dataclass
class _Runner:
    """Downloads (or reads saved) pages in threads and extracts their articles."""

    store: PageStore
    refresh: bool
    timeout: float
    retries: int
    delay: float
    max_bytes: int
    _local: threading.local = field(default_factory=threading.local, init=False, repr=False)
    _sessions: list = field(default_factory=list, init=False, repr=False)

    def run(self, jobs: list[_Job], concurrency: int, progress: bool) -> dict:
        from tqdm.auto import tqdm

        gate = HostGate(self.delay)
        bar = tqdm(total=len(jobs), unit="page", desc="fetching", disable=not progress)
        outcomes: dict[int, tuple[SavedPage, Page] | FetchFailure] = {}
        pool = ThreadPoolExecutor(max_workers=concurrency)
        try:
            futures = {pool.submit(self._one, job, gate): job for job in _by_turns(jobs)}
            for future in as_completed(futures):
                outcomes[futures[future].order] = future.result()
                bar.update(1)
        finally:
            # On Ctrl-C the pages not started are dropped; saved ones stay for the next run.
            pool.shutdown(wait=True, cancel_futures=True)
            bar.close()
            for session in self._sessions:
                session.close()
        return outcomes

    def _one(self, job: _Job, gate: HostGate) -> tuple[SavedPage, Page] | FetchFailure:
        try:
            saved = None if self.refresh else self.store.get(job.key)
            if saved is None:
                with gate.slot(site_domain(job.url)):
                    saved = download_page(
                        self._session(), job.url, timeout=self.timeout, max_bytes=self.max_bytes
                    )
                self.store.put(job.key, saved)
            page = read_page(saved.body, url=saved.final_url, charset=saved.charset)
        except FetchFailure as failure:
            return failure
        except Exception as err:  # one bad page must not stop the others
            return FetchFailure("error", f"unexpected {type(err).__name__}: {err}")
        problem = check_article(page)
        return FetchFailure(*problem) if problem else (saved, page)

    def _session(self):
        # requests sessions are not shared between threads: one per worker.
        if not hasattr(self._local, "session"):
            self._local.session = make_session(retries=self.retries)
            self._sessions.append(self._local.session)
        return self._local.session


def _by_turns(jobs: list[_Job]) -> list[_Job]:
    """Jobs taking turns between sites (a, b, c, a, b, ...), so that workers do not
    queue behind one site while others wait."""
    turn: dict[str, int] = {}
    keyed = []
    for job in jobs:
        host = site_domain(job.url)
        turn[host] = turn.get(host, -1) + 1
        keyed.append((turn[host], job.order, job))
    return [job for *_, job in sorted(keyed, key=lambda k: k[:2])]


def _collect(jobs: list[_Job], outcomes: dict, failures: list[tuple[int, dict]]):
    """Article rows and failure rows, in the order of the links; same pages dropped."""
    articles = []
    seen_url: dict[str, str] = {}
    seen_text: dict[tuple[str, str], str] = {}
    for job in jobs:
        outcome = outcomes[job.order]
        if isinstance(outcome, FetchFailure):
            row = _failure_row(job.url, outcome.reason, outcome.detail, outcome.http_status)
            failures.append((job.order, row))
            continue
        saved, page = outcome
        same_url = same_page_url(saved.final_url)
        text_key = (site_domain(page.url), _text_hash(page.text))
        if same_url in seen_url or text_key in seen_text:
            earlier = seen_url.get(same_url) or seen_text[text_key]
            reason = "duplicate_url" if same_url in seen_url else "duplicate_text"
            detail = f"the same article as {earlier} (a redirect, AMP or print copy); kept once."
            failures.append((job.order, _failure_row(job.url, reason, detail)))
            continue
        seen_url[same_url] = seen_text[text_key] = job.url
        articles.append(_article_row(job.key, page))
    return articles, [row for _, row in sorted(failures, key=lambda pair: pair[0])]


def _text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()


def _article_row(key: str, page: Page) -> dict:
    return {
        "doc_id": key,
        "outlet": page.outlet,
        "title": page.title,
        "date": page.date,
        "url": page.url,
        "authors": page.authors,
        "text": page.text,
        "_encoding": page.encoding,
    }


def _failure_row(url: str, reason: str, detail: str, status: int | None = None) -> dict:
    return {"url": url, "reason": reason, "http_status": status, "detail": detail}


def _fetched(articles: list[dict], failures: list[dict], store: PageStore) -> Fetched:
    failure_table = pd.DataFrame(failures, columns=list(FAILURE_COLUMNS)).astype(
        {"url": "str", "reason": "str", "http_status": "Int64", "detail": "str"}
    )
    table = pd.DataFrame(articles, columns=[*ARTICLE_COLUMNS, "_encoding"]).astype("str")
    if table.empty:
        return Fetched(_empty_corpus(), failure_table, table[list(ARTICLE_COLUMNS)], store.folder)
    corpus = load_corpus(table[list(ARTICLE_COLUMNS)])
    corpus["source"] = pd.array([str(store.html_path(k)) for k in table["doc_id"]], dtype="str")
    corpus["encoding"] = pd.array(table["_encoding"].tolist(), dtype="str")
    return Fetched(corpus, failure_table, table[list(ARTICLE_COLUMNS)], store.folder)


def _empty_corpus() -> pd.DataFrame:
    columns = [*CORPUS_COLUMNS, "url", "authors"]
    return pd.DataFrame(
        {c: pd.Series(dtype="datetime64[us]" if c == "date" else "str") for c in columns}
    )


def _failure_note(fetched: Fetched, n_links: int) -> str:
    counts = fetched.failures["reason"].value_counts()
    kinds = ", ".join(f"{n} {reason}" for reason, n in counts.items())
    note = (
        f"{len(fetched.corpus)} of {n_links} link(s) gave an article; the others are in "
        f".failures with the reason ({kinds})."
    )
    if counts.get("no_connection", 0) == n_links:
        note += " No site could be reached: is this computer connected to the internet?"
    return note
