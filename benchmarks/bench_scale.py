"""How every analysis and the report grow with the corpus, with a warm parse cache.

Run by hand (not a test):
    python benchmarks/bench_scale.py --cache-dir CACHE [CORPUS] [--sizes 500 2000] [--articles N]

CACHE must hold the parse of CORPUS (default ../shared/corpora/allsides-2000.jsonl.gz):
fill it once with ``mediakit analyze CORPUS --cache-dir CACHE``. Each run gets a
fresh copy of the parse records only, so derived tables (entities, stories)
are computed, not read back. Every scenario runs in its own child process;
the parent samples the proportional set size (PSS, /proc/*/smaps_rollup) of
the child and all its descendants every 50 ms and reports the peak.

The report is built twice on the same cache: first with the derived tables
computed, then again reading the ones the first run kept (entities, stories,
quotes, figures): "report, second run", with its ratio to the first.

Prints, per size: seconds per analysis (in the order a report needs them, so
``entities`` includes the corpus-wide name merging and later analyses reuse
it), the growth exponent between the smallest and largest size (1 = linear,
2 = quadratic), report build time and size, and peak PSS of the analyses,
the report and the ``mediakit analyze`` command line.

``--articles N`` adds a corpus of N articles made of copies of CORPUS, each
copy's texts made distinct (a mark "(Copy k.)" in the longest paragraph): those are not in the
cache, so that size includes a cold parse of every copy (about 1,000 words/s
per core for the whole pipeline on this kind of machine: 20,000 articles is
hours).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-2000.jsonl.gz"
ANALYSES = ["entities", "stories", "quotes", "figures", "keyness", "overlap"]


# -- child side ----------------------------------------------------------------------
def _corpus(path: str, n: int):
    import pandas as pd

    import mediakit

    base = mediakit.load_corpus(path)
    if n <= len(base):
        return base.iloc[:n].reset_index(drop=True)
    parts = []
    for k in range(math.ceil(n / len(base))):
        part = base.copy()
        if k:
            part["doc_id"] = part["doc_id"].astype(str) + f"-copy{k}"
            part["text"] = [_marked(t, k) for t in part["text"].astype(str)]
        parts.append(part)
    return pd.concat(parts, ignore_index=True).iloc[:n].reset_index(drop=True)


def _marked(text: str, k: int) -> str:
    """``text`` made distinct for copy ``k``: a mark inside its longest paragraph.

    A line of its own ("Copy 3.") would be in every copy of every article of an
    outlet, so cleaning would cut it as that outlet's furniture and the copies
    would be one text again (no parse to do).
    """
    lines = text.split("\n")
    i = max(range(len(lines)), key=lambda j: len(lines[j]))
    lines[i] = f"{lines[i]} (Copy {k}.)"
    return "\n".join(lines)


def _child(args: argparse.Namespace) -> dict:
    import mediakit
    from mediakit.parsing.parsed import parse_corpus

    corpus = _corpus(args.corpus, args.n)
    out: dict = {"articles": len(corpus)}
    t0 = time.perf_counter()
    if args.scenario == "report":
        path = Path(args.cache_dir).parent / "report.html"
        mediakit.report(corpus, path, cache_dir=args.cache_dir, progress=False)
        out["report"] = time.perf_counter() - t0
        out["report_mb"] = path.stat().st_size / 1e6
        return out
    pc = parse_corpus(corpus, cache_dir=args.cache_dir, progress=False)
    out["parse"] = time.perf_counter() - t0
    calls = {
        "entities": lambda: mediakit.entities(corpus, cache_dir=args.cache_dir),
        "stories": lambda: mediakit.stories(corpus, cache_dir=args.cache_dir),
        "quotes": lambda: mediakit.quotes(corpus, cache_dir=args.cache_dir),
        "figures": lambda: mediakit.figures(corpus, cache_dir=args.cache_dir),
        "keyness": lambda: mediakit.keyness(corpus, cache_dir=args.cache_dir),
        "overlap": lambda: mediakit.overlap(corpus, cache_dir=args.cache_dir),
    }
    del pc
    for name in ANALYSES:
        t = time.perf_counter()
        calls[name]()
        out[name] = time.perf_counter() - t
    return out


# -- parent side ---------------------------------------------------------------------
def write_records(path: str, n: int, dest: Path) -> None:
    """The first ``n`` records of a JSONL(.gz) corpus as read (copies as in :func:`_corpus`)."""
    import gzip

    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with open(dest, "w", encoding="utf-8") as out:
        for i in range(n):
            rec, k = dict(records[i % len(records)]), i // len(records)
            if k:
                rec["id"] = f"{rec['id']}-copy{k}"
                rec["text"] = _marked(rec["text"], k)
            out.write(json.dumps(rec) + "\n")


def tree_pss(pid: int) -> int:
    """Proportional set size (bytes) of ``pid`` and all its descendants."""
    pss, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                pss += sum(int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return pss


def _measure(cmd: list[str]) -> tuple[str, float]:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_pss(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{cmd} failed with exit code {proc.returncode}")
    return out, peak / 2**20


def _fresh_cache(warm: Path, tmp: Path) -> Path:
    # Parse records only: derived tables (entities, stories...) are recomputed. The
    # chart library bundle (assets/, built once per install) is kept when present.
    dest = tmp / "cache"
    shutil.rmtree(dest, ignore_errors=True)
    for parse_dir in warm.glob("*/*/parse"):
        shutil.copytree(parse_dir, dest / parse_dir.relative_to(warm))
    if (warm / "assets").is_dir():
        shutil.copytree(warm / "assets", dest / "assets")
    return dest


def run(scenario: str, args: argparse.Namespace, n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cache = _fresh_cache(Path(args.cache_dir), Path(tmp))
        if scenario == "cli":
            subset = Path(tmp) / "corpus.jsonl"
            write_records(args.corpus, n, subset)
            cmd = [sys.executable, "-m", "mediakit.cli", "analyze", str(subset), "--cache-dir"]
            cmd += [str(cache), "-o", str(Path(tmp) / "metrics.csv"), "--quiet"]
            t0 = time.perf_counter()
            _, peak = _measure(cmd)
            return {"cli": time.perf_counter() - t0, "cli_pss_mb": peak}
        cmd = [sys.executable, __file__, args.corpus, "--scenario", scenario, "--n", str(n)]
        out, peak = _measure(cmd + ["--cache-dir", str(cache)])
        result = json.loads(out.strip().splitlines()[-1])
        result[f"{scenario}_pss_mb"] = peak
        if scenario == "report":  # again on the same cache: the kept derived tables are read
            again, _ = _measure(cmd + ["--cache-dir", str(cache)])
            result["report_again"] = json.loads(again.strip().splitlines()[-1])["report"]
        return result


def _table(results: dict[int, dict]) -> str:
    sizes = sorted(results)
    lo, hi = sizes[0], sizes[-1]
    rows = [*ANALYSES, "report", "report_again", "cli"]
    names = {"cli": "mediakit analyze", "report_again": "report, second run"}
    head = f"{'step':<30}" + "".join(f"{f'{n:,} art. s':>16}" for n in sizes) + f"{'exponent':>10}"
    lines = [head]
    for name in rows:
        vals = [results[n].get(name) for n in sizes]
        exp = (
            f"{math.log(vals[-1] / vals[0]) / math.log(hi / lo):.2f}"
            if len(sizes) > 1 and vals[0] and vals[-1]
            else "-"
        )
        cells = "".join(f"{v:>16.2f}" if v is not None else f"{'-':>16}" for v in vals)
        lines.append(f"{names.get(name, name):<30}{cells}{exp:>10}")
    ratios = [
        results[n]["report_again"] / results[n]["report"]
        for n in sizes
        if results[n].get("report") and results[n].get("report_again")
    ]
    if ratios:
        cells = "".join(f"{r:>16.2f}" for r in ratios)
        lines.append(f"{'second run / first (same run)':<30}{cells}")
    for key, label in [
        ("report_mb", "report size MB"),
        ("analyses_pss_mb", "peak PSS MB, analyses"),
        ("report_pss_mb", "peak PSS MB, report"),
        ("cli_pss_mb", "peak PSS MB, mediakit analyze"),
    ]:
        cells = "".join(f"{results[n].get(key, float('nan')):>16.1f}" for n in sizes)
        lines.append(f"{label:<30}{cells}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--cache-dir", required=True, help="a parse cache that holds CORPUS")
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--articles", type=int, help="add N articles made of distinct copies")
    ap.add_argument("--skip", nargs="*", default=[], choices=["analyses", "report", "cli"])
    ap.add_argument("--scenario", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(_child(args)))
        return
    sizes = sorted({*args.sizes, *([args.articles] if args.articles else [])})
    results: dict[int, dict] = {}
    for n in sizes:
        results[n] = {}
        for scenario in ("analyses", "report", "cli"):
            if scenario not in args.skip:
                results[n].update(run(scenario, args, n))
        print(f"{n:,} articles: " + json.dumps({k: round(v, 2) for k, v in results[n].items()}))
    print()
    print(_table(results))


if __name__ == "__main__":
    main()
