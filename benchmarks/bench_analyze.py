"""Speed and memory of mediakit.analyze against the limits set by spaCy's NER.

Run by hand (not a test):  python benchmarks/bench_analyze.py [CORPUS] [options]
CORPUS defaults to ../shared/corpora/allsides-2000.jsonl.gz. Every scenario runs
in its own child process; the parent samples the resident memory of the child
and all its descendants from /proc (Linux) every 50 ms and reports the peak.

Scenarios, all on the same texts, with the same word count (whitespace words):
  a  bare spaCy: nlp.pipe with only sentencizer + ner, 1 and N processes (the limit)
  b  naive: nlp(text) per article with the full pipeline, then textstat per metric
  c  mediakit.analyze cold (empty cache), 1 and N processes
  d  mediakit.analyze warm (cache filled)
  v  views: chart and widget update on a 10,000-row metrics table
and the ratios c/a (throughput, same process count), c/b (throughput), d/c (time).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-2000.jsonl.gz"


# -- child side ----------------------------------------------------------------------
def _texts(corpus: str, limit: int | None, copies: int) -> list[str]:
    import mediakit

    texts = mediakit.load_corpus(corpus)["text"].tolist()
    if limit:
        texts = texts[:limit]
    # Copies get a distinct last line so their hashes (cache keys) differ.
    return [t + (f"\n\nCopy {k}." if k else "") for k in range(copies) for t in texts]


def _run_scenario(args: argparse.Namespace) -> dict:
    texts = _texts(args.corpus, args.limit, args.copies)
    words = sum(len(t.split()) for t in texts)
    name = args.scenario
    if name == "bare":
        import spacy

        from mediakit.parsing.pipeline import model_name

        nlp = spacy.load(
            model_name(),
            exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"],
        )
        nlp.add_pipe("sentencizer", first=True)
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process):
            pass
    elif name == "naive":
        import spacy

        from mediakit.parsing.pipeline import model_name
        from mediakit.parsing.syllables import offline_textstat

        ts = offline_textstat()
        nlp = spacy.load(model_name())
        funcs = [
            ts.flesch_reading_ease,
            ts.flesch_kincaid_grade,
            ts.gunning_fog,
            ts.smog_index,
            ts.coleman_liau_index,
            ts.automated_readability_index,
            ts.dale_chall_readability_score,
            ts.text_standard,
            ts.lexicon_count,
            ts.sentence_count,
            ts.syllable_count,
        ]
        t0 = time.perf_counter()
        for text in texts:
            doc = nlp(text)
            _ = [(e.text, e.label_) for e in doc.ents]
            for f in funcs:
                f(text)
    elif name in ("cold", "warm"):
        import pandas as pd

        import mediakit

        corpus = pd.DataFrame(
            {"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": "x", "text": texts}
        )
        corpus = mediakit.load_corpus(corpus, clean=False)
        t0 = time.perf_counter()
        mediakit.analyze(
            corpus,
            cache_dir=args.cache_dir,
            n_process=args.n_process,
            batch_size=args.batch_size,
            progress=False,
        )
    elif name == "views":
        return _views(args)
    else:
        raise SystemExit(f"unknown scenario {name}")
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "words": words, "articles": len(texts)}


def _views(args: argparse.Namespace) -> dict:
    import numpy as np
    import pandas as pd

    import mediakit
    from mediakit import charts

    corpus = mediakit.load_corpus(args.corpus)
    metrics = mediakit.analyze(corpus, cache_dir=args.cache_dir, progress=False)
    big = metrics.sample(10_000, replace=True, random_state=0).reset_index(drop=True)
    big["doc_id"] = [f"d{i}" for i in range(len(big))]

    def median_of_5(fn) -> float:
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t0)
        return float(np.median(runs))

    timings = {}
    # The first chart of a process also loads altair's schema: reported apart.
    t0 = time.perf_counter()
    charts.metric_by_outlet(big, "mattr").to_dict()
    timings["first chart in a new process"] = time.perf_counter() - t0
    for metric in ("flesch_reading_ease", "words_per_sentence"):
        timings[f"chart {metric} (median of 5)"] = median_of_5(
            lambda m=metric: charts.metric_by_outlet(big, m).to_dict()
        )
    timings["chart metric_profile (median of 5)"] = median_of_5(
        lambda: charts.metric_profile(big).to_dict()
    )
    try:
        from mediakit import widgets

        w = widgets.compare(big)
        values = iter(["gunning_fog", "words", "smog_index", "mtld", "flesch_reading_ease"])
        timings["widget metric change (median of 5)"] = median_of_5(
            lambda: setattr(w.metric, "value", next(values))
        )
    except Exception as exc:  # report, do not hide
        timings["widget metric change"] = f"failed: {exc!r}"
    return {
        "views": timings,
        "rows": len(big),
        "seconds": float(np.nan),
        "words": 0,
        "articles": len(pd.unique(big.outlet)),
    }


# -- parent side ---------------------------------------------------------------------
def _tree_rss(pid: int) -> tuple[int, int]:
    """Resident memory (bytes) of ``pid`` and all its descendants: the sum of
    RSS (counts pages shared by forked workers once per process) and of PSS
    (shares them out: the physical memory the tree really uses)."""
    total, pss, stack = 0, 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total, pss


def run(
    scenario: str,
    args: argparse.Namespace,
    *,
    n_process: int = 1,
    cache_dir: str | None = None,
    limit: int | None = None,
    copies: int = 1,
) -> dict:
    cmd = [
        sys.executable,
        __file__,
        str(args.corpus),
        "--scenario",
        scenario,
        "--n-process",
        str(n_process),
        "--batch-size",
        str(args.batch_size),
        "--copies",
        str(copies),
    ]
    if limit or args.limit:
        cmd += ["--limit", str(limit or args.limit)]
    if cache_dir:
        cmd += ["--cache-dir", cache_dir]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.is_set():
            rss, pss = _tree_rss(proc.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"scenario {scenario} failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = peak / 2**20
    result["peak_pss_mb"] = peak_pss / 2**20
    return result


def _line(label: str, r: dict) -> str:
    return (
        f"{label:<34} {r['seconds']:9.1f} s {r['words'] / r['seconds']:10,.0f} words/s "
        f"{r['articles'] / r['seconds']:7.1f} articles/s   peak RSS {r['peak_rss_mb']:7,.0f} MB"
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--scenario", help=argparse.SUPPRESS)
    ap.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--cache-dir", help=argparse.SUPPRESS)
    ap.add_argument("--copies", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, help="use only the first N articles")
    ap.add_argument(
        "--processes", type=int, default=os.cpu_count() or 2, help="N for the parallel runs"
    )
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument(
        "--naive-limit",
        type=int,
        default=400,
        help="articles for the naive loop (it is slow; rates are per word, so comparable)",
    )
    ap.add_argument(
        "--rss-articles",
        type=int,
        default=0,
        help="also measure peak RSS of a cold run on this many articles (e.g. 10000)",
    )
    ap.add_argument(
        "--only-rss", action="store_true", help="run only the --rss-articles measurement"
    )
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(_run_scenario(args)))
        return
    if not Path(args.corpus).exists():
        raise SystemExit(f"corpus {args.corpus} not found; pass a path")
    n = args.processes
    if args.only_rss:
        _rss_run(args, n)
        return
    print(
        f"corpus: {args.corpus}{f' (first {args.limit})' if args.limit else ''}; N = {n} processes; "
        f"batch size {args.batch_size}; {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory() as c1, tempfile.TemporaryDirectory() as cn:
        a1 = run("bare", args, n_process=1)
        print(_line("(a) bare spaCy NER, 1 process", a1))
        an = run("bare", args, n_process=n)
        print(_line(f"(a) bare spaCy NER, {n} processes", an))
        b = run("naive", args, limit=min(args.naive_limit, args.limit or args.naive_limit))
        print(_line(f"(b) naive loop ({b['articles']} articles)", b))
        c1r = run("cold", args, n_process=1, cache_dir=c1)
        print(_line("(c) mediakit cold, 1 process", c1r))
        cnr = run("cold", args, n_process=n, cache_dir=cn)
        print(_line(f"(c) mediakit cold, {n} processes", cnr))
        d = run("warm", args, n_process=n, cache_dir=cn)
        print(_line("(d) mediakit warm", d))
        v = run("views", args, cache_dir=cn)
    rate = lambda r: r["words"] / r["seconds"]  # noqa: E731
    print("\nratios (targets in brackets)")
    print(f"  c/a throughput, 1 process      {rate(c1r) / rate(a1):5.2f}   [>= 0.92]")
    print(f"  c/a throughput, {n} processes     {rate(cnr) / rate(an):5.2f}   [>= 0.92]")
    print(f"  c/b throughput (N proc vs naive) {rate(cnr) / rate(b):5.2f}   [>= 3.5]")
    print(f"  c/b throughput (1 proc vs naive) {rate(c1r) / rate(b):5.2f}")
    print(f"  d/c time                       {d['seconds'] / cnr['seconds']:6.3f}  [<= 0.02]")
    print(f"\nviews on a {v['rows']:,}-row metrics table [target <= 100 ms each]")
    for k, t in v["views"].items():
        print(f"  {k:<32} {t * 1000:7.1f} ms" if isinstance(t, float) else f"  {k:<32} {t}")
    if args.rss_articles:
        _rss_run(args, n)


def _rss_run(args: argparse.Namespace, n: int) -> None:
    texts_per_copy = args.limit or 2000
    copies = -(-args.rss_articles // texts_per_copy)
    with tempfile.TemporaryDirectory() as cr:
        r = run("cold", args, n_process=n, cache_dir=cr, copies=copies)
    print(
        f"\n{r['articles']:,} articles cold, {n} processes: {r['seconds']:.0f} s, "
        f"peak RSS of the process tree {r['peak_rss_mb']:,.0f} MB, peak PSS {r['peak_pss_mb']:,.0f} MB "
        "[target <= 1,536 MB]"
    )


if __name__ == "__main__":
    main()
