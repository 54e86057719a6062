"""How long `mediakit analyze` takes to stop after Ctrl-C during a two-process parse.

Run by hand (not a test):  python benchmarks/bench_interrupt.py [CORPUS] [--rounds N]
CORPUS defaults to ../shared/corpora/allsides-2000.jsonl.gz (with --no-cache, so
every run parses). Each round starts the command in its own process group,
waits until both parse workers exist and have worked for a moment, sends
SIGINT to the whole group (what a terminal's Ctrl-C does) and measures until
the command and every worker are gone. Prints each round and the median.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout, or one folder further up for a git worktree.
DEFAULT_CORPUS = next(
    (
        p / "shared" / "corpora" / "allsides-2000.jsonl.gz"
        for p in ROOT.parents[:2]
        if (p / "shared" / "corpora" / "allsides-2000.jsonl.gz").exists()
    ),
    ROOT.parent / "shared" / "corpora" / "allsides-2000.jsonl.gz",
)


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(x) for x in out.stdout.split()]


def one_round(corpus: Path, settle: float) -> tuple[float, float]:
    """Seconds from SIGINT until the command exits, and until its last worker is gone."""
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    cmd = [sys.executable, "-m", "mediakit.cli", "analyze", str(corpus)]
    proc = subprocess.Popen(
        [*cmd, "--n-process", "2", "--no-cache", "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    while len(_children(proc.pid)) < 2:
        if proc.poll() is not None:
            raise SystemExit("the command ended before its workers started")
        time.sleep(0.1)
    workers = _children(proc.pid)
    time.sleep(settle)
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    proc.wait()
    parent = time.monotonic() - sent
    while any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.01)
    return parent, time.monotonic() - sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--settle", type=float, default=3.0, help="seconds of parsing first")
    args = parser.parse_args()
    results = []
    for i in range(args.rounds):
        parent, everything = one_round(args.corpus, args.settle)
        results.append(everything)
        print(
            f"round {i + 1}: command exited {parent:.2f} s after Ctrl-C, workers {everything:.2f} s"
        )
    print(f"median: {statistics.median(results):.2f} s until every process is gone")


if __name__ == "__main__":
    main()
