"""Page furniture on real web text: what survives cleaning, in keyness and in entities.

Run by hand (not a test):
    python benchmarks/eval_furniture.py [CORPUS] [--cache-dir DIR] [--show]
CORPUS defaults to ../shared/corpora/allsides-2000.jsonl.gz. Prints:

1. furniture terms among every outlet's top 30 keyness terms (z > 0), with the
   default options and with ``furniture="keep"`` (what cleaning alone achieves);
2. PERSON and ORG entities whose canonical name is furniture;
3. the 40 most frequent canonical entities of each of PERSON, ORG, GPE and NORP,
   and the share judged wrong (see JUDGED_WRONG: the method is below);
4. a seeded sample of 30 pieces cleaning removed as furniture, and the share of
   them judged to be real prose (see PROSE_REMOVED).

Judging method (done by reading, not by a rule): an entity is *wrong* when its
label is not what the name is in these articles (a person labelled a place), when
it merges two different things (a month into a person), or when it is not a name
at all (page furniture, a headline fragment). A removed piece is *prose* when it
is a sentence the article's author wrote about the story (not a widget, caption,
credit, prompt, footer or the site's own standing text).
"""

from __future__ import annotations

import argparse
import random
import re
import warnings
from pathlib import Path

import pandas as pd

import mediakit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-2000.jsonl.gz"

#: Markers of page furniture, broader than the keyness filter so the check is not
#: circular: a term or entity holding one of these words is furniture.
FURNITURE_MARKERS = re.compile(
    r"\b(?:newsletters?|click here|sign up|signing up|reprint|replay|videos?|hide caption|caption|"
    r"watched|must watch|advertisement|subscribe|subscribing|copyright|getty|toggle|enlarge|"
    r"slideshow|inbox|privacy policy|photos?|gallery|share this|app)\b|^\d+ of$|^of \d+$",
    re.IGNORECASE,
)

LABELS = ("PERSON", "ORG", "GPE", "NORP")

#: Entities among the top 40 of a label judged wrong when this script was last run
#: by hand (allsides-2000, cache of the cleaned texts), with the reason.
JUDGED_WRONG: dict[str, dict[str, str]] = {
    "PERSON": {},
    "ORG": {},
    "GPE": {},
    "NORP": {},
}

#: Of the 30 sampled removed pieces, how many were real prose (read by hand).
PROSE_REMOVED = 0


def keyness_furniture(corpus: pd.DataFrame, cache_dir, furniture: str) -> pd.DataFrame:
    k = mediakit.keyness(corpus, top=30, furniture=furniture, cache_dir=cache_dir)
    k = k[k["z"] > 0]
    return k[k["term"].str.contains(FURNITURE_MARKERS)]


def top_entities(mentions: pd.DataFrame, label: str, n: int = 40) -> pd.DataFrame:
    sel = mentions[mentions["label"] == label]
    g = sel.groupby("canonical").agg(mentions=("doc_id", "size"), articles=("doc_id", "nunique"))
    return g.sort_values("mentions", ascending=False).head(n)


def removed_pieces(corpus: pd.DataFrame) -> list[tuple[str, str]]:
    kinds = ("outlet furniture", "video widget", "photo gallery", "photo credit",
             "image caption line", "sign-up or share prompt", "copyright or reprint notice",
             "boilerplate line")  # fmt: skip
    pieces = []
    for outlet, note in zip(corpus["outlet"], corpus["cleaning"], strict=True):
        for part in note.split(" | ") if note else []:
            if part.startswith(kinds):
                pieces.append((outlet, part))
    return pieces


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--cache-dir", default=None)
    ap.add_argument("--show", action="store_true", help="print the entity lists and samples")
    args = ap.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = mediakit.load_corpus(args.corpus)
    print(f"{len(corpus)} articles, {corpus['outlet'].nunique()} outlets")
    for furniture in ("drop", "keep"):
        bad = keyness_furniture(corpus, args.cache_dir, furniture)
        print(f"furniture terms in outlets' top 30 (furniture={furniture!r}): {len(bad)}")
        if args.show and len(bad):
            print(bad[["group", "term", "count_group", "docs_group"]].to_string())
    mentions = mediakit.entities(corpus, cache_dir=args.cache_dir)
    named = mentions[mentions["label"].isin(["PERSON", "ORG"])]
    bad_ents = named[named["canonical"].str.contains(FURNITURE_MARKERS)]
    print(f"PERSON/ORG entities that are furniture: {bad_ents['canonical'].nunique()} "
          f"({len(bad_ents)} mentions)")  # fmt: skip
    if args.show and len(bad_ents):
        print(bad_ents.groupby(["canonical", "label"]).size().to_string())
    wrong_total = 0
    for label in LABELS:
        top = top_entities(mentions, label)
        wrong = [c for c in top.index if c in JUDGED_WRONG[label]]
        wrong_total += len(wrong)
        print(f"{label}: {len(wrong)} of {len(top)} top entities judged wrong "
              f"({len(wrong) / max(len(top), 1):.1%}): {wrong}")  # fmt: skip
        if args.show:
            print(top.to_string())
    print(f"all labels: {wrong_total} of {40 * len(LABELS)} judged wrong "
          f"({wrong_total / (40 * len(LABELS)):.1%})")  # fmt: skip
    pieces = removed_pieces(corpus)
    sample = random.Random(11).sample(pieces, min(30, len(pieces)))
    print(f"removed furniture pieces: {len(pieces)}; sample of {len(sample)}: "
          f"{PROSE_REMOVED} judged real prose")  # fmt: skip
    if args.show:
        for outlet, part in sample:
            print(f"  [{outlet}] {part[:200]}")


if __name__ == "__main__":
    main()
