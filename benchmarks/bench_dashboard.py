"""How long the dashboard takes to answer each control, on a real corpus with many outlets.

Run by hand (not a test):  python benchmarks/bench_dashboard.py [CORPUS] [--cache-dir DIR]
CORPUS defaults to ../shared/corpora/allsides-2000.jsonl.gz. The corpus is parsed
once (instantly with a warm cache); the figures are the time from a control's
change to every chart object being rebuilt and handed to its view (drawing in the
browser comes on top; the browser tests measure that).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-2000.jsonl.gz"


def timed(label: str, action) -> None:
    started = time.perf_counter()
    action()
    print(f"{label:<44} {time.perf_counter() - started:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--cache-dir", default=None)
    args = parser.parse_args()

    from mediakit import widgets
    from mediakit.analyses.entities import entities_of
    from mediakit.analyses.metrics import metrics_of
    from mediakit.parsing.parsed import parse_corpus
    from mediakit.parsing.sentences import sentences_of

    started = time.perf_counter()
    pc = parse_corpus(args.corpus, cache_dir=args.cache_dir)
    tables = (metrics_of(pc), entities_of(pc), sentences_of(pc), pc.corpus)
    print(f"{'parse + tables (cache: ' + str(args.cache_dir) + ')':<44} "
          f"{time.perf_counter() - started:6.2f} s")  # fmt: skip
    ui = None

    def build() -> None:
        nonlocal ui
        ui = widgets.compare(*tables)

    timed(f"build ({len(pc.corpus):,} articles)", build)
    print(f"  outlets {len(ui.all_outlets)}, ticked {len(ui.outlets.value)}, "
          f"checkboxes listed {len(ui.outlets.list.children)}")  # fmt: skip
    timed("search 'Supreme Court'", lambda: setattr(ui.search, "value", "Supreme Court"))
    print("  " + ui.kwic_view.value)
    timed("open another search hit in the reader", lambda: setattr(ui.hits, "value", 5))
    timed("type 'fox' in the outlet filter", lambda: setattr(ui.outlets.filter, "value", "fox"))
    timed("All shown (adds the filtered outlets)", ui.outlets.all_button.click)
    ui.outlets.filter.value = ""
    timed("None", ui.outlets.none_button.click)
    ui.outlets.top_n.value = 3
    timed("Top 3 by articles", ui.outlets.top_button.click)
    timed(f"All shown ({len(ui.all_outlets)} outlets)", ui.outlets.all_button.click)
    timed("metric dropdown", lambda: setattr(ui.metric, "value", "words"))
    timed("entity type", lambda: setattr(ui.label, "value", "ORG"))
    timed("make a PNG of the profile chart", ui.downloads["profile"].png_button.click)


if __name__ == "__main__":
    main()
