"""How well and how fast mediakit.stories groups articles into stories.

Run by hand (not a test):  python benchmarks/eval_stories.py [--sizes 20000 50000]

1. Quality on ../shared/corpora/basil-dev.jsonl.gz (30 real events x Fox News,
   New York Times, HuffPost; ``story`` is the true event): the adjusted Rand
   index (ARI) of mediakit.stories with dates and from content alone, at the
   default threshold and around it, against a naive baseline: TF-IDF over
   every word of the text (scikit-learn's defaults) and single link (every
   pair above a threshold joins), at its best threshold in hindsight.
2. Speed and memory on ../shared/corpora/allsides-2000.jsonl.gz: the whole
   of stories_of (parse cached) on 500 and 2,000 articles, then the
   neighbour and clustering stages on larger synthetic corpora: copies of
   the 2,000 article vectors whose rare terms (those that propose
   candidates) are made distinct per copy, common terms shared, dates kept
   (so every date window holds more articles). The growth exponent is the
   slope of log CPU time against log size. For comparison, in the same run, the
   all-pairs similarity matrix those stages avoid.

Set MEDIAKIT_CACHE_DIR to a cache that holds the parsed corpora to skip parsing, and
MEDIAKIT_SHARED_DIR when shared/ is not beside the checkout.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
import warnings
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

import mediakit
from mediakit.analyses.entities import entities_of
from mediakit.analyses.stories import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS, stories_of
from mediakit.analyses.stories.clusters import cluster_articles
from mediakit.analyses.stories.neighbours import DEFAULT_MAX_DF, similar_articles
from mediakit.analyses.stories.vectors import article_vectors
from mediakit.parsing.parsed import parse_corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED_DIR") or ROOT.parent / "shared") / "corpora"


def _load(path: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mediakit.load_corpus(path)


def naive_single_link(texts: list[str], threshold: float) -> np.ndarray:
    """The baseline: default TF-IDF on the raw text, pairs above ``threshold`` joined."""
    x = TfidfVectorizer().fit_transform(texts)
    sim = (x @ x.T).tocsr()
    sim.data[sim.data < threshold] = 0
    sim.eliminate_zeros()
    return connected_components(sim, directed=False)[1]


def quality(path: Path) -> None:
    corpus = _load(path)
    truth = corpus["story"].astype(str).to_numpy()
    corpus = corpus.drop(columns=["story"])
    pc = parse_corpus(corpus, n_process=1)
    print(f"== Quality: {path.name}, {len(corpus)} articles, {len(set(truth))} true events")
    print("threshold   ARI with dates   ARI content alone   stories (dates / content)")
    for t in (0.1, 0.125, DEFAULT_THRESHOLD, 0.175, 0.2, 0.25, 0.3):
        dated = stories_of(pc, threshold=t)["story"]
        content = stories_of(pc, threshold=t, window_days=None)["story"]
        mark = "  <- default" if t == DEFAULT_THRESHOLD else ""
        print(
            f"{t:9.2f}   {adjusted_rand_score(truth, dated):14.3f}   "
            f"{adjusted_rand_score(truth, content):17.3f}   "
            f"{dated.nunique():3d} / {content.nunique():3d}{mark}"
        )
    texts = corpus["text"].tolist()
    grid = np.round(np.arange(0.05, 0.8, 0.025), 3)
    scores = [(adjusted_rand_score(truth, naive_single_link(texts, t)), t) for t in grid]
    best, at = max(scores)
    print(
        f"naive TF-IDF single link (content alone), best threshold in hindsight {at:.3f}: "
        f"ARI {best:.3f}; at 0.2: {dict((t, s) for s, t in scores)[0.2]:.3f}"
    )


def _rss_mib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _timed(fn, *args, **kwargs):
    """Result, CPU seconds of this process, and the peak resident memory above the start (MiB).

    CPU time, not wall time: on a shared machine other work stretches the clock.
    """
    with contextlib.suppress(OSError):  # "5" resets the peak (VmHWM) to the resident size
        Path("/proc/self/clear_refs").write_text("5")
    before = _rss_mib("VmRSS")
    t0 = time.process_time()
    out = fn(*args, **kwargs)
    seconds = time.process_time() - t0
    return out, seconds, _rss_mib("VmHWM") - before


def _stages(matrix, df, days):
    edges = similar_articles(
        matrix, df, days, threshold=DEFAULT_THRESHOLD, window_days=DEFAULT_WINDOW_DAYS
    )
    return cluster_articles(
        matrix, edges, days, threshold=DEFAULT_THRESHOLD, window_days=DEFAULT_WINDOW_DAYS
    )


def synthetic(matrix: sp.csr_matrix, df: np.ndarray, days: np.ndarray, copies: int):
    """``copies`` copies of the corpus: rare terms distinct per copy, common terms shared."""
    rare = df <= DEFAULT_MAX_DF
    n_rare, n_terms = int(rare.sum()), matrix.shape[1]
    rank = np.cumsum(rare) - 1  # rare column -> its index among rare columns
    common_col = np.flatnonzero(~rare)
    new_common = np.empty(n_terms, dtype=np.int64)
    new_common[common_col] = np.arange(len(common_col))
    coo = matrix.tocoo()
    rows, cols, data = [], [], []
    for k in range(copies):
        is_rare = rare[coo.col]
        col = np.where(is_rare, len(common_col) + k * n_rare + rank[coo.col], new_common[coo.col])
        rows.append(coo.row + k * matrix.shape[0])
        cols.append(col)
        data.append(coo.data)
    shape = (matrix.shape[0] * copies, len(common_col) + copies * n_rare)
    big = sp.csr_matrix(
        (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))), shape=shape
    )
    big_df = np.bincount(big.indices, minlength=shape[1])
    return big, big_df, np.tile(days, copies)


def speed(path: Path, sizes: list[int]) -> None:
    corpus = _load(path)
    print(f"\n== Speed: {path.name} (parse cached; 1 process)")
    print("articles   stage                      CPU seconds   peak MiB (RSS above start)")
    for n in (500, len(corpus)):
        pc = parse_corpus(corpus.iloc[:n].reset_index(drop=True), n_process=1)
        mentions = entities_of(pc)
        vec, t_vec, m_vec = _timed(article_vectors, pc, mentions)
        days = pc.corpus["date"].astype("datetime64[s]").astype(np.int64).to_numpy() / 86400.0
        days = np.where(pc.corpus["date"].isna(), np.nan, days)
        _, t_cl, m_cl = _timed(_stages, vec.matrix, vec.df, days)
        print(f"{n:8,d}   vectors (tokens -> TF-IDF)     {t_vec:7.2f}   {m_vec:8.0f}")
        print(f"{n:8,d}   neighbours + clustering        {t_cl:7.2f}   {m_cl:8.0f}")
    base_n = vec.matrix.shape[0]
    times = {}
    for n in [base_n, *sizes]:
        copies = max(1, round(n / base_n))
        big, big_df, big_days = synthetic(vec.matrix, vec.df, days, copies)
        labels, secs, peak = _timed(_stages, big, big_df, big_days)
        times[big.shape[0]] = secs
        print(
            f"{big.shape[0]:8,d}   synthetic: neighbours + clust. {secs:7.2f}   {peak:8.0f}"
            f"   ({len(set(labels.tolist())):,} stories)"
        )
    sizes_done = np.array(sorted(times))
    slope = np.polyfit(np.log(sizes_done), np.log([times[s] for s in sizes_done]), 1)[0]
    print(
        f"growth exponent (time ~ n^k) over {', '.join(f'{s:,}' for s in sizes_done)}: k = {slope:.2f}"
    )
    _, t_all, _ = _timed(lambda m: (m @ m.T).toarray(), vec.matrix)
    print(
        f"{base_n:8,d}   all-pairs similarity matrix    {t_all:7.2f}   {base_n**2 * 8 / 2**20:8.0f}"
        f"   (x{t_all / times[base_n]:.2f} the time of both stages; time and memory grow as n^2:"
        f" {50_000**2 * 8 / 2**30:.0f} GiB at 50,000)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basil", type=Path, default=SHARED / "basil-dev.jsonl.gz")
    parser.add_argument("--allsides", type=Path, default=SHARED / "allsides-2000.jsonl.gz")
    parser.add_argument("--sizes", type=int, nargs="*", default=[20_000, 50_000])
    args = parser.parse_args()
    quality(args.basil)
    speed(args.allsides, args.sizes)


if __name__ == "__main__":
    main()
