"""Memory of one ``mediakit analyze`` run from start to finish, by phase.

Run by hand (not a test):
    python benchmarks/bench_cli_memory.py [CORPUS] --articles N [--cache-dir WARM]

Writes N articles (distinct copies of CORPUS, default
../shared/corpora/allsides-2000.jsonl.gz; see ``write_records`` in
bench_scale.py) as JSONL and runs the command line on them in a child process.
With ``--cache-dir WARM`` the run gets a fresh copy of that cache's parse
records (derived tables are computed again); without it the cache starts
empty, so every article is parsed. Every 200 ms the parent samples the
resident set of the main process (``VmRSS``) and the proportional set size of
the whole process tree (``tree_pss``), and counts the worker processes.

Prints the peaks over the whole run and per phase: "parse" while worker
processes exist, "load and corpus-wide steps" otherwise (a run that parses in
one process has no parse phase of its own). Run it with ``PYTHONPATH=<checkout>``
to measure that checkout's code.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import DEFAULT_CORPUS, _fresh_cache, tree_pss, write_records  # noqa: E402


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmRSS:"))
    except (FileNotFoundError, ProcessLookupError, StopIteration):
        return 0


def _children(pid: int) -> int:
    try:
        return sum(
            len(open(f"/proc/{pid}/task/{t}/children").read().split())
            for t in os.listdir(f"/proc/{pid}/task")
        )
    except (FileNotFoundError, ProcessLookupError):
        return 0


def run(path: Path, cache: Path, n_process: int | None) -> dict:
    """Run the command on ``path``; peaks (bytes) overall and per phase, wall seconds."""
    cmd = [sys.executable, "-P", "-m", "mediakit.cli", "analyze", str(path), "--quiet"]
    cmd += ["--cache-dir", str(cache), "-o", str(path.with_suffix(".csv"))]
    if n_process:
        cmd += ["--n-process", str(n_process)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    peaks = {k: 0 for k in ("rss", "pss", "parse_rss", "parse_pss", "other_rss", "other_pss")}
    parse_seconds = 0.0
    while proc.poll() is None:
        rss, pss = _rss(proc.pid), tree_pss(proc.pid)
        phase = "parse" if _children(proc.pid) else "other"
        if phase == "parse":
            parse_seconds += 0.2
        for key, value in (("rss", rss), ("pss", pss)):
            peaks[key] = max(peaks[key], value)
            peaks[f"{phase}_{key}"] = max(peaks[f"{phase}_{key}"], value)
        time.sleep(0.2)
    return peaks | {
        "seconds": time.perf_counter() - t0,
        "parse_seconds": parse_seconds,
        "exit": proc.returncode,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--cache-dir", help="a cache holding the parse of these articles (warm run)")
    ap.add_argument("--n-process", type=int)
    args = ap.parse_args()
    mb = 2**20
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"corpus-{args.articles}.jsonl"
        write_records(args.corpus, args.articles, path)
        cache = _fresh_cache(Path(args.cache_dir), Path(tmp)) if args.cache_dir else Path(tmp) / "c"
        r = run(path, cache, args.n_process)
    kind = "warm" if args.cache_dir else "cold"
    print(f"mediakit analyze, {args.articles:,} articles, {kind} parse cache: exit {r['exit']}, "
          f"{r['seconds']:.1f} s ({r['parse_seconds']:.0f} s with parse workers)")  # fmt: skip
    print(f"{'phase':<32}{'peak main RSS MB':>18}{'peak tree PSS MB':>18}")
    for label, key in (("whole run", ""), ("parse (workers running)", "parse_"),
                       ("load and corpus-wide steps", "other_")):  # fmt: skip
        print(f"{label:<32}{r[key + 'rss'] / mb:>18.1f}{r[key + 'pss'] / mb:>18.1f}")


if __name__ == "__main__":
    main()
