"""How long ``mediakit report`` takes with a warm parse cache: first and second build, wall and CPU.

Run by hand (not a test):
    python benchmarks/bench_report.py --cache-dir CACHE [CORPUS] [--sizes 500 2000] [--no-tables]

CACHE must hold the parse of CORPUS (default ../shared/corpora/allsides-2000.jsonl.gz):
fill it once with ``mediakit analyze CORPUS --cache-dir CACHE``. Each size gets a
fresh copy of the parse records only, so the first build computes the derived
tables (entities, stories, quotes, figures, keyness) as a first report of a
corpus does; the second build, on the same cache, reads the ones the first kept.

Each build is the command line, ``mediakit report SUBSET -o r.html --tables t``,
in a child process: wall seconds, and CPU seconds (user + system) of the child
and everything it waited for, from ``getrusage``. The machine's other work
slows the wall time more than the CPU time; issue 14's goal is a first build
of 2,000 articles in 20 s or less.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_scale import DEFAULT_CORPUS, _fresh_cache, write_records


def build(subset: Path, cache: Path, out: Path, tables: bool) -> tuple[float, float]:
    """Wall and CPU seconds of one ``mediakit report`` run."""
    cmd = [sys.executable, "-m", "mediakit.cli", "report", str(subset), "--cache-dir", str(cache)]
    cmd += ["-o", str(out / "report.html"), "--analysed-on", "2024-11-18", "--quiet", "--force"]
    if tables:
        cmd += ["--tables", str(out / "tables")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--cache-dir", required=True, help="a parse cache that holds CORPUS")
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--no-tables", action="store_true", help="build without --tables")
    args = ap.parse_args()
    print(f"{'articles':>8} {'build':>7} {'wall s':>8} {'CPU s':>8}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            cache = _fresh_cache(Path(args.cache_dir), Path(tmp))
            subset = Path(tmp) / "corpus.jsonl"
            write_records(args.corpus, n, subset)
            for which in ("first", "second"):
                out = Path(tmp) / which
                wall, cpu = build(subset, cache, out, not args.no_tables)
                print(f"{n:>8,} {which:>7} {wall:>8.2f} {cpu:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
