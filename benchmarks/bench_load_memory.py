"""Peak memory and time of ``load_corpus`` alone on N articles, in a fresh process.

Run by hand (not a test):
    python benchmarks/bench_load_memory.py [CORPUS] [--articles 6000 35548]

Each size is written once as JSONL made of distinct copies of CORPUS (default
../shared/corpora/allsides-2000.jsonl.gz; see ``write_records`` in bench_scale.py)
and loaded by ``mediakit.load_corpus`` in its own child process. The parent samples
the PSS of the child and its descendants every 50 ms (``tree_pss``); the child
reports its own peak RSS (``VmHWM``), the seconds ``load_corpus`` took (wall clock,
and CPU time, which a busy machine inflates less), the RSS
left once it returned and the table's ``memory_usage(deep=True)``.

Run it with ``PYTHONPATH=<checkout>`` to measure that checkout's code (the child
runs with ``-P``, so the current folder does not count).

Measured on the shared 2-core machine (allsides-2000 copies; 35,548 articles are
235 MB of JSONL; load average 2-5, so wall seconds vary more than CPU seconds):

    before (8d0fe29: whole file decoded, every text held as Python strings while read,
    prepared, cleaned and cut, then copied into Arrow)
     articles   seconds   CPU s   peak RSS MB   peak PSS MB  RSS after MB   table MB
        6,000      13.3    12.4         537.5         509.2         354.2       71.2
       35,548     163.4    92.5        2168.2        2135.0         920.4      422.1

    after (lines streamed, each chunk of texts cleaned then kept as Arrow, furniture
    found one outlet at a time and cut a chunk at a time)
     articles   seconds   CPU s   peak RSS MB   peak PSS MB  RSS after MB   table MB
        6,000      23.8    13.2         359.6         297.2         282.5       71.2
       35,548      95.2    72.9         794.5         758.9         696.0      422.1

About 190 MB of the RSS is the libraries ``load_corpus`` imports (pandas, pyarrow,
the language model), measured after loading the five bundled articles.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import DEFAULT_CORPUS, _measure, write_records  # noqa: E402

# -P: mediakit comes from PYTHONPATH or the install, not from the current folder.
_CHILD = """
import json, resource, sys, time
import mediakit
cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
t0, c0 = time.perf_counter(), cpu()
corpus = mediakit.load_corpus(sys.argv[1])
seconds, cpu_seconds = time.perf_counter() - t0, cpu() - c0
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
kb = lambda key: int(status[key].split()[0]) * 1024
print(json.dumps({
    "articles": len(corpus),
    "seconds": seconds,
    "cpu": cpu_seconds,
    "peak_rss": kb("VmHWM"),
    "rss_after": kb("VmRSS"),
    "table": int(corpus.memory_usage(deep=True).sum()),
}))
"""


def measure(path: Path) -> dict:
    """Load ``path`` in a child process; its figures plus the peak PSS of its tree (bytes)."""
    out, peak_mb = _measure([sys.executable, "-P", "-c", _CHILD, str(path)])
    return json.loads(out.strip().splitlines()[-1]) | {"peak_pss": peak_mb * 2**20}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--articles", type=int, nargs="+", default=[6000])
    args = ap.parse_args()
    mb = 2**20
    print(f"{'articles':>9}{'seconds':>10}{'CPU s':>8}{'peak RSS MB':>14}{'peak PSS MB':>14}"
          f"{'RSS after MB':>14}{'table MB':>11}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.articles:
            path = Path(tmp) / f"corpus-{n}.jsonl"
            write_records(args.corpus, n, path)
            r = measure(path)
            path.unlink()
            print(
                f"{r['articles']:>9,}{r['seconds']:>10.1f}{r['cpu']:>8.1f}{r['peak_rss'] / mb:>14.1f}"
                f"{r['peak_pss'] / mb:>14.1f}{r['rss_after'] / mb:>14.1f}{r['table'] / mb:>11.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
