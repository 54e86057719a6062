"""Speaker attribution of mediakit.quotes against annotated quotes (BASIL).

Run by hand:  python benchmarks/eval_quotes.py [CORPUS] [--misses]
CORPUS defaults to ../shared/corpora/basil-dev.jsonl.gz (or under $MEDIAKIT_SHARED_DIR): real articles whose
``quotes`` field lists annotated quoted spans (``txt``) with their ``speaker``.

Split: events (``story``) whose id sorts in the first two thirds are the
development part (rules were looked at there); the last third is held out.
Figures are printed for all articles, for each part, by outlet and by the
``method`` of the matched quote.

Matching rule. An annotated span is located where its text occurs in the
article (the k-th annotation of the same text at its k-th occurrence). A predicted quote (any kind) matches it when the two character
ranges overlap by at least half of the shorter one; of several matches the one
with the largest overlap wins (a quote in quotation marks before reported
speech on a tie). An annotated quote is *covered* when some predicted quote
matches it.

Speaker rule. Both names are casefolded, accents, "the" and a possessive
"'s" are removed. An annotated speaker is a person when it is two or three
capitalised words, none of them a group word (campaign, party, lawmakers,
Democrats, Republicans, America, Now); a person is right when the last words
(surnames) agree ("Bibi Netanyahu" = "Benjamin Netanyahu"). Any other
annotated speaker is a group; it is right when each of its words, cut to its
first six letters ("Democratic" ~ "Democrats"), is among the predicted
speaker's words cut the same way (*strict*). The annotators often name the
group a spokesperson speaks for ("Obama campaign" for "Lis Smith, a
spokeswoman for the Obama campaign"); a predicted person is also right for a
group (*affiliated*) when the group's words occur within 100 characters of a
mention of the person's surname in the article (the article states the tie).
``right`` counts both; ``strict`` only names.

Figures: coverage = covered / annotated; speaker accuracy = right speaker /
covered (``strict``: without the affiliated ones); precision of named speakers = right speaker / covered with a
non-empty predicted speaker.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDIAKIT_SHARED_DIR") or ROOT.parent / "shared")
DEFAULT_CORPUS = SHARED / "corpora" / "basil-dev.jsonl.gz"

GROUP_WORDS = frozenset(
    ["campaign", "party", "lawmakers", "democrats", "republicans", "america", "now"]
)

KIND_ORDER = {"direct": 0, "partial": 1, "indirect": 2}


def _words(name: str) -> list[str]:
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).replace("’", "'")
    name = name.casefold().replace("'s ", " ")
    name = name[:-2] if name.endswith("'s") else name
    out = ["".join(ch for ch in w if ch.isalnum()) for w in name.split()]
    return [w for w in out if w and w != "the"]


def is_person(gold: str) -> bool:
    """Is an annotated speaker a person (judged by surname) rather than a group?

    >>> is_person("Rick Perry"), is_person("Obama campaign"), is_person("Tea Party")
    (True, False, False)
    """
    raw = gold.split()
    return (
        2 <= len(raw) <= 3
        and all(w[:1].isupper() for w in raw)
        and not (set(_words(gold)) & GROUP_WORDS)
    )


def affiliated(gold: str, predicted: str, text: str) -> bool:
    """A predicted person tied by the article to an annotated group (see the module doc).

    >>> affiliated("Obama campaign", "Lis Smith", "Lis Smith, a spokeswoman for the Obama campaign")
    True
    """
    words, p = _words(gold), _words(predicted)
    if is_person(gold) or not words or not p:
        return False
    low = " ".join(_words(text))
    at = low.find(p[-1])
    while at >= 0:
        window = {w[:6] for w in low[max(0, at - 100) : at + len(p[-1]) + 100].split()}
        if all(w[:6] in window for w in words):
            return True
        at = low.find(p[-1], at + 1)
    return False


def same_speaker(gold: str, predicted: str) -> bool:
    """The rule above.

    >>> same_speaker("Bibi Netanyahu", "Benjamin Netanyahu"), same_speaker("Rick Perry", "")
    (True, False)
    >>> same_speaker("senate Democrats", "Senate Democrats"), same_speaker("Romney campaign", "Obama campaign")
    (True, False)
    """
    g, p = _words(gold), _words(predicted)
    if not g or not p:
        return False
    if is_person(gold):
        return g[-1] == p[-1]
    cut = {w[:6] for w in p}
    return all(w[:6] in cut for w in g)


@dataclass
class Gold:
    doc_id: str
    outlet: str
    story: str
    speaker: str
    spans: list[tuple[int, int]]
    text: str


def read_gold(path: Path) -> tuple[pd.DataFrame, list[Gold]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    gold = []
    for r in rows:
        seen: dict[str, int] = {}
        for q in r.get("quotes") or []:
            txt, spans, at = q["txt"], [], r["text"].find(q["txt"])
            while at >= 0:
                spans.append((at, at + len(txt)))
                at = r["text"].find(txt, at + 1)
            k = seen.get(txt, 0)
            seen[txt] = k + 1
            spans = spans[k : k + 1] or spans  # the k-th annotation of a text: its k-th place
            gold.append(Gold(r["id"], r["outlet"], r["story"], q["speaker"], spans, r["text"]))
    corpus = pd.DataFrame(
        {
            "doc_id": [r["id"] for r in rows],
            "outlet": [r["outlet"] for r in rows],
            "story": [r["story"] for r in rows],
            "text": [r["text"] for r in rows],
        }
    )
    return corpus, gold


def held_out_stories(stories: list[str]) -> set[str]:
    """The last third of the event ids, sorted."""
    ordered = sorted(set(stories))
    return set(ordered[(2 * len(ordered) + 2) // 3 :])


def match(gold: list[Gold], quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per annotated quote: the matched predicted quote (if any) and the verdict."""
    by_doc = {d: g for d, g in quotes.groupby("doc_id", sort=False)}
    out = []
    for g in gold:
        best, best_key = None, None
        cand = by_doc.get(g.doc_id)
        for r in [] if cand is None else cand.itertuples():
            for a, b in g.spans:
                ov = min(b, r.end_char) - max(a, r.start_char)
                if ov <= 0 or ov * 2 < min(b - a, r.end_char - r.start_char):
                    continue
                key = (ov, -KIND_ORDER.get(r.kind, 3))
                if best_key is None or key > best_key:
                    best, best_key = r, key
        rec = {
            "doc_id": g.doc_id,
            "outlet": g.outlet,
            "story": g.story,
            "gold_start": g.spans[0][0] if g.spans else -1,
            "gold_speaker": g.speaker,
            "gold_type": "person" if is_person(g.speaker) else "group",
            "covered": best is not None,
            "speaker": getattr(best, "speaker", ""),
            "method": getattr(best, "method", "") if best is not None else "(not covered)",
            "kind": getattr(best, "kind", ""),
            "confidence": getattr(best, "confidence", float("nan")),
            "note": getattr(best, "note", ""),
            "evidence": getattr(best, "evidence", ""),
        }
        rec["strict"] = bool(best is not None and same_speaker(g.speaker, rec["speaker"]))
        rec["right"] = rec["strict"] or bool(
            best is not None and affiliated(g.speaker, rec["speaker"], g.text)
        )
        out.append(rec)
    return pd.DataFrame(out)


def figures(m: pd.DataFrame) -> dict[str, float]:
    covered = m[m["covered"]]
    named = covered[covered["speaker"] != ""]
    return {
        "annotated": len(m),
        "coverage": len(covered) / len(m) if len(m) else float("nan"),
        "accuracy": covered["right"].mean() if len(covered) else float("nan"),
        "strict": covered["strict"].mean() if len(covered) else float("nan"),
        "named_precision": named["right"].mean() if len(named) else float("nan"),
    }


def evaluate(path: Path = DEFAULT_CORPUS, **parse_options) -> pd.DataFrame:
    """Match mediakit.quotes on the corpus at ``path`` to its annotations (see the module doc)."""
    import mediakit

    corpus, gold = read_gold(path)
    quotes = mediakit.quotes(mediakit.load_corpus(corpus), **parse_options)
    m = match(gold, quotes)
    held = held_out_stories(corpus["story"].tolist())
    m["part"] = ["held-out" if s in held else "dev" for s in m["story"]]
    return m


def _line(name: str, f: dict[str, float]) -> str:
    return (
        f"{name:<22} {f['annotated']:>5}  coverage {f['coverage']:6.1%}  "
        f"speaker accuracy {f['accuracy']:6.1%} (strict {f['strict']:6.1%})  "
        f"named precision {f['named_precision']:6.1%}"
    )


def report(m: pd.DataFrame) -> str:
    lines = ["== all articles, by part"]
    lines.append(_line("all", figures(m)))
    for part in ("dev", "held-out"):
        lines.append(_line(part, figures(m[m["part"] == part])))
    groups = (
        ("outlet", "by outlet"),
        ("gold_type", "by kind of annotated speaker"),
        ("method", "by method of the matched quote"),
    )
    for col, title in groups:
        for part_name, sub in (("all", m), ("held-out", m[m["part"] == "held-out"])):
            lines.append(f"== {title} ({part_name})")
            for key, grp in sub.groupby(col, sort=True):
                f = figures(grp)
                right = int(grp["right"].sum())
                conf = grp.loc[grp["speaker"] != "", "confidence"].mean()
                tail = f"  right {right}/{len(grp)}"
                if col == "method":
                    tail += f"  mean confidence {conf:.2f}"
                lines.append(_line(str(key), f) + tail)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--misses", action="store_true", help="list the wrong and uncovered quotes")
    ap.add_argument("--part", choices=("all", "dev", "held-out"), default="all")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    m = evaluate(Path(args.corpus), n_process=1)
    print(report(m))
    print(f"({time.perf_counter() - t0:.1f} s)")
    if args.misses:
        sel = m if args.part == "all" else m[m["part"] == args.part]
        for r in sel[~sel["right"]].itertuples():
            print(
                f"\n- {r.doc_id[:8]} @{r.gold_start} [{r.outlet}] gold={r.gold_speaker!r} "
                f"got={r.speaker!r} method={r.method} kind={r.kind} note={r.note!r}\n  {r.evidence}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
