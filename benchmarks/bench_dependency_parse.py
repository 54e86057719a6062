"""What a dependency parse would cost: mediakit's NER-only pass against spaCy's full pipeline.

Run by hand:  python benchmarks/bench_dependency_parse.py [CORPUS]
CORPUS defaults to ../shared/corpora/basil-dev.jsonl.gz. Speaker attribution
(:mod:`mediakit.analyses.quotes`) works from tokens, sentences and entities
only; a parser would need a second, full-pipeline pass over every article.
Both passes run on the same texts in this process, one after the other.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED_DIR") or ROOT.parent / "shared")


def main(path: str) -> None:
    import spacy

    from mediakit.parsing.pipeline import load_nlp, model_name

    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    words = sum(len(t.split()) for t in texts)
    timings = {}
    for name, nlp in (
        ("NER only (mediakit)", load_nlp()),
        ("full pipeline", spacy.load(model_name())),
    ):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        timings[name] = time.perf_counter() - t0
        print(f"{name:<22} {timings[name]:6.1f} s  {words / timings[name]:8,.0f} words/s")
    ratio = timings["full pipeline"] / timings["NER only (mediakit)"]
    print(f"{len(texts)} articles, {words:,} words; full / NER-only time: {ratio:.2f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(SHARED / "corpora" / "basil-dev.jsonl.gz"))
