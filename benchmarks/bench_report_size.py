"""How big and how long a report of a real corpus is: file size against the budget, and its parts.

    python benchmarks/bench_report_size.py [CORPUS] [--cache-dir DIR] [--articles N]

Prints the file size, the share of it taken by chart specs, embedded CSV and
article texts, how many articles the reader holds, and the build time. The
goal (README): a report stays under 5 MB, also for thousands of articles.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from pathlib import Path

import mediakit
from mediakit.reporting import report
from mediakit.reporting.embedded import REPORT_BUDGET

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "allsides-2000.jsonl.gz"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus", nargs="?", default=str(SHARED))
    p.add_argument("--cache-dir", default=None)
    p.add_argument("--articles", type=int, default=None, help="only the first N articles")
    args = p.parse_args()
    corpus = mediakit.load_corpus(args.corpus)
    if args.articles:
        corpus = corpus.head(args.articles)
    out = Path(tempfile.mkdtemp()) / "report.html"
    t0 = time.perf_counter()
    report(corpus, out, analysed_on="2024-11-18", cache_dir=args.cache_dir, progress=False)
    seconds = time.perf_counter() - t0
    html = out.read_text(encoding="utf-8")
    parts = {
        "chart specs": sum(
            len(m) for m in re.findall(r'id="spec-[^"]+">(.*?)</script>', html, re.S)
        ),
        "table CSV": sum(len(m) for m in re.findall(r'id="csv-[^"]+">(.*?)</script>', html, re.S)),
        "article texts": sum(
            len(m) for m in re.findall(r'id="mediakit-articles">(.*?)</script>', html, re.S)
        ),
    }
    size = len(html.encode("utf-8"))
    print(
        f"articles {len(corpus):,}  outlets {corpus['outlet'].nunique():,}  build {seconds:.1f} s"
    )
    print(
        f"report {size / 1e6:.2f} MB (budget {REPORT_BUDGET / 1e6:.0f} MB: {'ok' if size <= REPORT_BUDGET else 'OVER'})"
    )
    for name, n in parts.items():
        print(f"  {name:14s} {n / 1e6:6.2f} MB ({n / size:.0%})")
    found = re.search(r'id="mediakit-articles">(.*?)</script>', html, re.S)
    held = len(json.loads(found.group(1))) if found else 0
    charts = html.count('class="vega-chart"')
    rows = html.count('<tr class="cites"')
    print(f"  reader holds {held:,} articles; {charts} charts; {rows:,} table rows cite an article")


if __name__ == "__main__":
    main()
