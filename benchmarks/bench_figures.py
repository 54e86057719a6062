"""How ``mediakit.figures`` grows on one long unpunctuated line (a page scraped without full stops).

Builds lines of 25,000 to 200,000 characters of words and numbers with no
full stop or line break (one sentence for the parser), parses each once, then
times ``figures_of`` (entities and figures, parse excluded) and prints the
seconds, figures per second and the growth exponent (the slope of log time
against log length: 1 is linear). The figures stage used to grow about
cubically here (20,000 characters took 15-19 s).

    python benchmarks/bench_figures.py [--sizes 25000 50000 100000 200000]
"""

from __future__ import annotations

import argparse
import math
import time

import pandas as pd

import mediakit
from mediakit.analyses.figures import figures_of
from mediakit.parsing.parsed import parse_corpus

WORDS = [
    "the",
    "troops",
    "said",
    "officials",
    "about",
    "more",
    "than",
    "people",
    "aid",
    "million",
    "Russia",
    "Ukraine",
    "sent",
    "dollars",
    "percent",
    "up",
    "to",
    "over",
    "nearly",
    "an",
    "estimated",
]


def long_line(n: int) -> str:
    """``n`` characters of words and numbers, no full stop, no line break."""
    out, i, size = [], 0, 0
    while size < n:
        out.append(WORDS[i % len(WORDS)] if i % 7 else f"{(i * 37) % 99991:,}")
        size += len(out[-1]) + 1
        i += 1
    return " ".join(out)[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000, 200_000])
    args = parser.parse_args(argv)
    points = []
    for n in args.sizes:
        frame = pd.DataFrame({"doc_id": ["line"], "outlet": ["X"], "text": [long_line(n)]})
        pc = parse_corpus(mediakit.load_corpus(frame, clean=False), cache_dir=False, n_process=1)
        start = time.perf_counter()
        found = figures_of(pc)
        seconds = time.perf_counter() - start
        points.append((n, seconds))
        print(
            f"{n:>8,} characters: {seconds:6.2f} s, {len(found):,} figures, {len(found) / seconds:,.0f} figures/s"
        )
    if len(points) > 1:
        (n0, t0), (n1, t1) = points[0], points[-1]
        print(f"growth exponent {math.log(t1 / t0) / math.log(n1 / n0):.2f} (1 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
