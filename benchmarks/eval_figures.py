"""How far to trust ``mediakit.figures`` and ``mediakit.compare_figures`` on real articles.

Reads the hand labels in ``benchmarks/labels/`` (how they were made: the
README there), the article texts from ``../shared/corpora``, runs the
analyses and prints

* for each labelled sample: development (37 articles, the rules were
  written against it), held-out (20) and test (12), both labelled before the
  extractor was run on them and then used to correct it, final (8), and
  blind, blind2, blind3 (11, 9, 13), labelled the same way later, each
  measured once and then used to correct the rules: the share of extracted figures that
  are fully right (value, range end, unit and currency, what is counted,
  bound), the misses (labelled figures not extracted) and the spurious ones
  (extracted, not a figure);
* the share of spurious disagreements: pairs of claims that
  ``figure_pairs`` flags as incompatible although a reader sees no
  contradiction (different things counted, or compatible wordings), on all
  90 basil-dev articles grouped by their true event (``story``), and how many
  of the hand-labelled real disagreements are found; the same at other
  values of ``max_ratio``, to show the trade-off.

Labels are anchored on the raw text (``raw_start``/``raw_end``) and mapped
to the cleaned text by aligning the two texts word by word, so they survive
changes to cleaning; a label whose words cleaning removed is counted apart.

    python benchmarks/eval_figures.py [--shared ../shared] [--verbose]
"""

from __future__ import annotations

import argparse
import difflib
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import mediakit
from mediakit.analyses.figures.comparison import MAX_RATIO

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels"


def _find_shared() -> Path:
    """``../shared`` beside the checkout, or beside any folder above it (a worktree)."""
    for folder in HERE.parents[1:]:
        if (folder / "shared" / "corpora").is_dir():
            return folder / "shared"
    return HERE.parents[1] / "shared"


DEFAULT_SHARED = _find_shared()
CORPORA = {"allsides": "allsides-2000.jsonl.gz", "basil": "basil-dev.jsonl.gz"}

#: Units the labels name; any other extracted unit is the counted noun of a plain count.
NAMED_UNITS = {
    "percent",
    "percentage points",
    "miles",
    "km",
    "acres",
    "hectares",
    "feet",
    "meters",
    "pounds",
    "kg",
    "tons",
    "gallons",
    "barrels",
    "degrees",
    "mph",
    "inches",
}
POST_MODIFIERS = {"dead", "killed", "wounded", "injured", "missing", "old", "more"}


# -- mapping raw offsets to the cleaned text -----------------------------------------------------
def _words(text: str) -> list[re.Match]:
    return list(re.finditer(r"\S+", text))


def offset_map(raw: str, clean: str):
    """A function from a raw character offset to the cleaned text's offset (None if removed)."""
    rw, cw = _words(raw), _words(clean)
    matcher = difflib.SequenceMatcher(
        None, [m.group() for m in rw], [m.group() for m in cw], autojunk=False
    )
    word_of: dict[int, int] = {}
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n):
            word_of[a + k] = b + k
    starts = [m.start() for m in rw]

    def to_clean(pos: int) -> int | None:
        i = max(0, _bisect(starts, pos) - 1)
        if i not in word_of or not rw[i].start() <= pos <= rw[i].end():
            return None
        return cw[word_of[i]].start() + (pos - rw[i].start())

    return to_clean


def _bisect(values: list[int], x: int) -> int:
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


# -- judging one figure ----------------------------------------------------------------------------
def _head(phrase: str) -> str:
    words = re.findall(r"[\w’'\-]+", phrase.lower())
    if len(words) > 1 and words[-1] in POST_MODIFIERS:
        words = words[:-1]
    if not words:
        return "-"
    w = re.sub(r"[’']s$", "", words[-1])
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _unit_kind(unit: str) -> str:
    return unit if (re.fullmatch(r"[A-Z]{3}", unit) or unit in NAMED_UNITS) else ""


def _close(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= 1e-3 * max(abs(a), abs(b), 1e-9)


def judge(label: pd.Series, row: pd.Series) -> list[str]:
    """The fields of an extracted figure that disagree with its label ([] when fully right)."""
    wrong = []
    value = float(label["value"]) if label["value"] else math.nan
    if not _close(value, float(row["value"])):
        wrong.append("value")
    end = float(label["range_end"]) if label["range_end"] else math.nan
    if not _close(end, float(row.get("range_end", math.nan))):
        wrong.append("range")
    units = label["unit"].split(";")
    if _unit_kind(str(row["unit"])) not in units:
        wrong.append("unit")
    heads = {_head(c) if c != "-" else "-" for c in label["counted"].split(";")}
    if _head(str(row["counted"])) not in heads:
        wrong.append("counted")
    if str(row["bound"]) not in label["bound"].split(";"):
        wrong.append("bound")
    return wrong


# -- the evaluation --------------------------------------------------------------------------------
#: The labelled samples: (labels, articles).
SAMPLES = {
    "development": ("figures.csv", "figures_docs.csv"),
    "held-out": ("figures_heldout.csv", "figures_heldout_docs.csv"),
    "test": ("figures_test.csv", "figures_test_docs.csv"),
    "final": ("figures_final.csv", "figures_final_docs.csv"),
    "blind": ("figures_blind.csv", "figures_blind_docs.csv"),
    "blind2": ("figures_blind2.csv", "figures_blind2_docs.csv"),
    "blind3": ("figures_blind3.csv", "figures_blind3_docs.csv"),
    "blind4": ("figures_blind4.csv", "figures_blind4_docs.csv"),
}


@dataclass
class FigureScore:
    """How the figures of one labelled sample came out."""

    name: str
    articles: int = 0
    labels: int = 0
    unmapped: int = 0
    extracted: int = 0
    matched: int = 0
    fully_right: int = 0
    spurious: int = 0
    missed: int = 0
    field_errors: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def share_right(self) -> float:
        return self.fully_right / self.extracted if self.extracted else math.nan


@dataclass
class PairScore:
    """How the flagged disagreements on basil-dev came out, at one ``max_ratio``."""

    max_ratio: float
    flagged: int = 0
    real_flagged: int = 0
    real_found: int = 0
    real_disagreements: int = 0
    unjudged: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def share_spurious(self) -> float:
        return (self.flagged - self.real_flagged) / self.flagged if self.flagged else 0.0


@dataclass
class Evaluation:
    figures: dict[str, FigureScore]
    pairs: PairScore
    sensitivity: list[PairScore]
    allsides: list[PairScore] = field(default_factory=list)


def load_corpora(shared: Path) -> dict[str, pd.DataFrame]:
    """Both corpora, whole, cleaned as ``load_corpus`` cleans them (cleaning compares articles)."""
    out = {}
    for name, file in CORPORA.items():
        corpus = mediakit.load_corpus(shared / "corpora" / file)
        if "story" not in corpus.columns:
            corpus["story"] = ""
        out[name] = corpus.assign(corpus=name)
    return out


def sample_of(corpora: dict[str, pd.DataFrame], docs_file: str) -> pd.DataFrame:
    docs = pd.read_csv(LABELS / docs_file, dtype=str)
    parts = [
        corpora[name][corpora[name]["doc_id"].isin(set(ids))]
        for name, ids in docs.groupby("corpus")["doc_id"]
    ]
    return pd.concat(parts, ignore_index=True)


def map_labels(labels: pd.DataFrame, sample: pd.DataFrame) -> pd.DataFrame:
    """Labels with ``start``/``end`` in the cleaned text (-1 where cleaning removed the words)."""
    raw = dict(zip(sample["doc_id"], sample["raw_text"], strict=True))
    clean = dict(zip(sample["doc_id"], sample["text"], strict=True))
    maps = {d: offset_map(raw[d], clean[d]) for d in labels["doc_id"].unique()}
    starts, ends = [], []
    for d, s, e, surface in zip(
        labels["doc_id"], labels["raw_start"], labels["raw_end"], labels["surface"], strict=True
    ):
        a, b = maps[d](int(s)), maps[d](int(e))
        ok = a is not None and b is not None and clean[d][a:b] == surface
        starts.append(a if ok else -1)
        ends.append(b if ok else -1)
    return labels.assign(start=starts, end=ends)


def match(labels: pd.DataFrame, found: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs (label row, figure row) whose spans overlap, one to one, largest overlap first."""
    cands = []
    for d, lab in labels[labels["start"] >= 0].groupby("doc_id"):
        fig = found[found["doc_id"] == d]
        for i, ls, le in zip(lab.index, lab["start"], lab["end"], strict=True):
            for j, fs, fe in zip(fig.index, fig["start_char"], fig["end_char"], strict=True):
                overlap = min(le, fe) - max(ls, fs)
                if overlap > 0:
                    cands.append((-overlap, i, j))
    used_l, used_f, pairs = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_l and j not in used_f:
            used_l.add(i)
            used_f.add(j)
            pairs.append((i, j))
    return pairs


def score_figures(
    name: str, corpora: dict[str, pd.DataFrame], *, verbose: bool = False, n_process: int = 1
) -> FigureScore:
    """Extract the figures of one labelled sample and judge them against the labels."""
    labels_file, docs_file = SAMPLES[name]
    sample = sample_of(corpora, docs_file)
    labels = map_labels(pd.read_csv(LABELS / labels_file, dtype=str, keep_default_na=False), sample)
    found = mediakit.figures(sample, n_process=n_process).reset_index(drop=True)
    res = FigureScore(name, articles=len(sample), labels=len(labels), extracted=len(found))
    res.unmapped = int((labels["start"] < 0).sum())
    pairs = match(labels, found)
    res.matched = len(pairs)
    res.spurious = len(found) - len(pairs)
    res.missed = len(labels) - res.unmapped - len(pairs)
    texts = dict(zip(sample["doc_id"], sample["text"], strict=True))
    for i, j in pairs:
        wrong = judge(labels.loc[i], found.loc[j])
        res.fully_right += not wrong
        for w in wrong:
            res.field_errors[w] = res.field_errors.get(w, 0) + 1
        if wrong and verbose:
            lab, row = labels.loc[i], found.loc[j]
            got = (row["value"], row["range_end"], row["unit"], row["counted"], row["bound"])
            want = (lab["value"], lab["range_end"], lab["unit"], lab["counted"], lab["bound"])
            where = _context(texts[lab["doc_id"]], lab["start"], lab["end"])
            res.notes.append(f"WRONG {'/'.join(wrong)} {lab['doc_id'][:10]}@{lab['start']} {where}\n"
                             f"      got {got}\n      want {want}")  # fmt: skip
    if verbose:
        res.notes += _misses_and_spurious(labels, found, pairs, texts)
    return res


def _misses_and_spurious(labels, found, pairs, texts) -> list[str]:
    notes = []
    matched_l, matched_f = {i for i, _ in pairs}, {j for _, j in pairs}
    for i in labels.index.difference(list(matched_l)):
        lab = labels.loc[i]
        if lab["start"] >= 0:
            where = _context(texts[lab["doc_id"]], lab["start"], lab["end"])
            notes.append(f"MISSED {lab['doc_id'][:10]}@{lab['start']} {where}")
    for j in found.index.difference(list(matched_f)):
        row = found.loc[j]
        where = _context(texts[row["doc_id"]], row["start_char"], row["end_char"])
        notes.append(f"SPURIOUS {row['doc_id'][:10]}@{row['start_char']} {where} -> "
                     f"{row['value']} {row['unit']} {row['counted']!r}")  # fmt: skip
    return notes


def _context(text: str, s: int, e: int) -> str:
    return repr(text[max(0, s - 40) : s] + "[" + text[s:e] + "]" + text[e : e + 30])


def score_pairs(
    corpora: dict[str, pd.DataFrame], max_ratio: float, *, verbose: bool = False
) -> PairScore:
    """Flagged pairs on all of basil-dev, by true event, against the hand judgements.

    In the labelled events (both samples) a flagged pair is real when it is
    one of the labelled disagreements (``figure_disagreements.csv``); in the
    other events a flagged pair is judged in ``figure_pair_verdicts.csv``,
    and one not judged there counts as spurious (and is printed, to be judged).
    """
    basil = corpora["basil"]
    labelled = set()
    for _, docs_file in SAMPLES.values():
        docs = pd.read_csv(LABELS / docs_file, dtype=str)
        labelled |= set(docs.loc[docs["corpus"] == "basil", "doc_id"])
    real = _pair_keys(pd.read_csv(LABELS / "figure_disagreements.csv"))
    verdicts = pd.read_csv(LABELS / "figure_pair_verdicts.csv")
    judged = dict(
        zip(_pair_keys(verdicts, as_list=True), verdicts["real"].astype(bool), strict=True)
    )
    figs = mediakit.figures(basil, n_process=1)
    flagged = mediakit.figure_pairs(
        mediakit.compare_figures(figs, within="story", max_ratio=max_ratio)
    )
    flagged = flagged[~flagged["compatible"]]
    to_raw = _raw_offsets(basil)
    res = PairScore(max_ratio, flagged=len(flagged), real_disagreements=len(real))

    def verdict(key: frozenset, r) -> bool | None:
        if r.doc_id_a in labelled and r.doc_id_b in labelled:
            return key in real
        return judged.get(key)

    hit = _tally(res, flagged, to_raw, verdict, verbose)
    res.real_found = len(hit & real)
    if verbose:
        res.notes += [f"MISSED DISAGREEMENT {sorted(k)}" for k in real - hit]
    return res


def score_allsides_pairs(
    corpora: dict[str, pd.DataFrame],
    *,
    verbose: bool = False,
    n_process: int = 1,
    max_ratios: tuple[float, ...] = (MAX_RATIO, 2.0),
) -> list[PairScore]:
    """Flagged pairs on all of allsides-2000, inside the stories mediakit finds, against verdicts.

    This is the use the tool is made for: a corpus with no story labels, grouped
    by :func:`mediakit.stories`. Every flagged pair was judged by reading both
    sentences: at the default ``max_ratio`` in ``figure_pair_verdicts_stories.csv``
    (judged before the rules were changed on them), the further pairs flagged at
    ``max_ratio=2`` in ``figure_pair_verdicts_stories_wide.csv`` (read only after
    the rules that tell facts from goals, forecasts, parts and poll method were
    written: the honest measure of those rules). A pair not judged in either
    counts as spurious and is printed, to be judged.
    """
    # As load_corpus gives it: no story column, so mediakit groups the stories itself.
    corpus = corpora["allsides"].drop(columns=["story", "corpus"])
    verdicts = pd.concat(
        [pd.read_csv(LABELS / f) for f in ("figure_pair_verdicts_stories.csv",
                                           "figure_pair_verdicts_stories_wide.csv")],
        ignore_index=True,
    )  # fmt: skip
    judged = dict(
        zip(_pair_keys(verdicts, as_list=True), verdicts["real"].astype(bool), strict=True)
    )
    figs = mediakit.figures(corpus, n_process=n_process)
    to_raw = _raw_offsets(corpus)
    out = []
    for ratio in max_ratios:
        flagged = mediakit.figure_pairs(mediakit.compare_figures(figs, max_ratio=ratio))
        flagged = flagged[~flagged["compatible"]]
        res = PairScore(ratio, flagged=len(flagged))
        _tally(res, flagged, to_raw, lambda key, r: judged.get(key), verbose)
        res.real_found = res.real_flagged
        out.append(res)
    return out


def _tally(res: PairScore, flagged: pd.DataFrame, to_raw, verdict, verbose: bool) -> set:
    """Count ``flagged`` pairs into ``res`` by ``verdict(key, row)`` (None: not judged); the real keys."""
    hit = set()
    for r in flagged.itertuples():
        key, said = _flagged(r, to_raw)
        ok = verdict(key, r)
        if ok is None:
            res.unjudged += 1
            res.notes.append(f"UNJUDGED PAIR {sorted(key)} {said}")
        elif ok:
            res.real_flagged += 1
            hit.add(key)
        elif verbose:
            res.notes.append(f"SPURIOUS PAIR {said}")
    return hit


def _flagged(r, to_raw) -> tuple[frozenset, str]:
    """A flagged pair's key (both claims by doc_id and raw offset) and how to print it."""
    key = frozenset([(r.doc_id_a, to_raw(r.doc_id_a, r.start_char_a)),
                     (r.doc_id_b, to_raw(r.doc_id_b, r.start_char_b))])  # fmt: skip
    said = f"[{r.group}] {r.outlet_a}: {r.claim_a!r} vs {r.outlet_b}: {r.claim_b!r} ({r.reason})"
    return key, said


def _pair_keys(table: pd.DataFrame, *, as_list: bool = False):
    keys = [
        frozenset([(a, int(sa)), (b, int(sb))])
        for a, sa, b, sb in zip(
            table["doc_id_a"],
            table["raw_start_a"],
            table["doc_id_b"],
            table["raw_start_b"],
            strict=True,
        )
    ]
    return keys if as_list else set(keys)


def _raw_offsets(corpus: pd.DataFrame):
    """A function (doc_id, offset in the cleaned text) -> offset in the raw text."""
    maps: dict = {}
    raw = dict(zip(corpus["doc_id"], corpus["raw_text"], strict=True))
    clean = dict(zip(corpus["doc_id"], corpus["text"], strict=True))

    def to_raw(doc: str, pos: int) -> int:
        if doc not in maps:
            maps[doc] = offset_map(clean[doc], raw[doc])
        got = maps[doc](int(pos))
        return -1 if got is None else got

    return to_raw


def evaluate(
    shared: Path = DEFAULT_SHARED, *, verbose: bool = False, n_process: int = 1
) -> Evaluation:
    """Measure both samples and the disagreements; ``verbose`` keeps every error in ``notes``."""
    corpora = load_corpora(shared)
    scores = {
        name: score_figures(name, corpora, verbose=verbose, n_process=n_process) for name in SAMPLES
    }
    pairs = score_pairs(corpora, MAX_RATIO, verbose=verbose)
    others = [score_pairs(corpora, r) for r in (1.25, 1.5, 2.0, 10.0) if r != MAX_RATIO]
    allsides = score_allsides_pairs(corpora, verbose=verbose, n_process=n_process)
    return Evaluation(scores, pairs, sorted([pairs, *others], key=lambda p: p.max_ratio), allsides)


def report(ev: Evaluation) -> str:
    lines = []
    for res in ev.figures.values():
        errs = ", ".join(f"{k} {v}" for k, v in sorted(res.field_errors.items())) or "none"
        lines += [
            f"{res.name} sample: {res.articles} articles, {res.labels} labelled figures "
            f"({res.unmapped} not in the cleaned text)",
            f"  extracted: {res.extracted}; matched to a label {res.matched}; "
            f"spurious {res.spurious}; missed {res.missed}",
            f"  fully right: {res.fully_right}/{res.extracted} = {res.share_right:.1%} "
            f"of extracted figures (goal >= 90%); wrong fields among matched: {errs}",
        ]
    p = ev.pairs
    lines += [
        f"disagreements (basil-dev, 90 articles, within true events, max_ratio {p.max_ratio:g}): "
        f"{p.flagged} pairs flagged, {p.real_flagged} real, spurious {p.share_spurious:.1%} "
        f"(goal <= 10%); labelled real disagreements found {p.real_found}/{p.real_disagreements}; "
        f"unjudged {p.unjudged}",
        "  by max_ratio (values further apart are not one quantity): "
        + "; ".join(
            f"{s.max_ratio:g}: {s.flagged} flagged, {s.flagged - s.real_flagged} spurious "
            f"({s.share_spurious:.0%}), {s.real_found}/{s.real_disagreements} found"
            for s in ev.sensitivity
        ),
    ]
    for a in ev.allsides:
        lines.append(
            f"disagreements (allsides-2000, 2,000 articles, within the stories mediakit finds, "
            f"max_ratio {a.max_ratio:g}): {a.flagged} pairs flagged, {a.real_flagged} real, "
            f"spurious {a.share_spurious:.1%} (goal <= 10%); unjudged {a.unjudged} (counted as spurious)"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    ev = evaluate(args.shared, verbose=args.verbose)
    if args.verbose:
        for res in ev.figures.values():
            print(f"== {res.name}", *res.notes, sep="\n")
        print("== pairs", *ev.pairs.notes, sep="\n")
        for a in ev.allsides:
            print(f"== allsides pairs, max_ratio {a.max_ratio:g}", *a.notes, sep="\n")
    print(report(ev))
    return 0


if __name__ == "__main__":
    sys.exit(main())
