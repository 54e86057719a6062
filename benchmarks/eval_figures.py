"""How far to trust ``mediakit.figures`` and ``mediakit.compare_figures`` on real articles.

Reads the hand labels in ``benchmarks/labels/`` (how they were made: the
README there), the article texts from ``../shared/corpora``, runs the
analyses and prints

* the share of extracted figures that are fully right (value, range end,
  unit and currency, what is counted, bound), with the misses (labelled
  figures not extracted) and the spurious ones (extracted, not a figure);
* the share of spurious disagreements: pairs of claims that
  ``figure_pairs`` flags as incompatible although a reader sees no
  contradiction (different things counted, or compatible wordings), on the
  basil-dev articles grouped by their true event (``story``).

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


@dataclass
class Result:
    """What :func:`evaluate` measured (the figures it prints)."""

    articles: int = 0
    labels: int = 0
    unmapped: int = 0
    extracted: int = 0
    matched: int = 0
    fully_right: int = 0
    spurious: int = 0
    missed: int = 0
    field_errors: dict[str, int] = field(default_factory=dict)
    flagged_pairs: int = 0
    real_flagged: int = 0
    real_found: int = 0
    real_disagreements: int = 0
    sensitivity: list[tuple] = field(default_factory=list)
    shared: Path = DEFAULT_SHARED
    notes: list[str] = field(default_factory=list)

    @property
    def share_right(self) -> float:
        return self.fully_right / self.extracted if self.extracted else math.nan

    @property
    def share_spurious_disagreements(self) -> float:
        if not self.flagged_pairs:
            return 0.0
        return (self.flagged_pairs - self.real_flagged) / self.flagged_pairs


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
def load_sample(shared: Path) -> pd.DataFrame:
    """The sample articles, cleaned as ``load_corpus`` cleans them (whole corpora loaded first)."""
    docs = pd.read_csv(LABELS / "figures_docs.csv", dtype=str)
    parts = []
    for name, ids in docs.groupby("corpus")["doc_id"]:
        corpus = mediakit.load_corpus(shared / "corpora" / CORPORA[name])
        sub = corpus[corpus["doc_id"].isin(set(ids))].copy()
        if "story" not in sub.columns:
            sub["story"] = ""
        sub["corpus"] = name
        parts.append(sub)
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


def evaluate(shared: Path = DEFAULT_SHARED, *, verbose: bool = False, n_process: int = 1) -> Result:
    """Measure the figures of the labelled sample; ``verbose`` prints every error."""
    labels = pd.read_csv(LABELS / "figures.csv", dtype=str, keep_default_na=False)
    sample = load_sample(shared)
    labels = map_labels(labels, sample)
    found = mediakit.figures(sample, n_process=n_process).reset_index(drop=True)
    res = Result(articles=len(sample), labels=len(labels), extracted=len(found), shared=shared)
    res.unmapped = int((labels["start"] < 0).sum())
    pairs = match(labels, found)
    res.matched = len(pairs)
    res.spurious = len(found) - len(pairs)
    res.missed = len(labels) - res.unmapped - len(pairs)
    errors: dict[str, int] = {}
    texts = dict(zip(sample["doc_id"], sample["text"], strict=True))
    for i, j in pairs:
        wrong = judge(labels.loc[i], found.loc[j])
        if not wrong:
            res.fully_right += 1
            continue
        for w in wrong:
            errors[w] = errors.get(w, 0) + 1
        if verbose:
            lab, row = labels.loc[i], found.loc[j]
            got = (row["value"], row.get("range_end"), row["unit"], row["counted"], row["bound"])
            want = (lab["value"], lab["range_end"], lab["unit"], lab["counted"], lab["bound"])
            res.notes.append(
                f"WRONG {'/'.join(wrong)} {lab['doc_id'][:10]}@{lab['start']} "
                f"{_context(texts[lab['doc_id']], lab['start'], lab['end'])}\n"
                f"      got {got}\n      want {want}"
            )
    res.field_errors = errors
    if verbose:
        matched_l = {i for i, _ in pairs}
        matched_f = {j for _, j in pairs}
        for i in labels.index:
            lab = labels.loc[i]
            if lab["start"] >= 0 and i not in matched_l:
                res.notes.append(
                    f"MISSED {lab['doc_id'][:10]}@{lab['start']} "
                    f"{_context(texts[lab['doc_id']], lab['start'], lab['end'])}"
                )
        for j in found.index:
            if j not in matched_f:
                row = found.loc[j]
                res.notes.append(
                    f"SPURIOUS {row['doc_id'][:10]}@{row['start_char']} "
                    f"{_context(texts[row['doc_id']], row['start_char'], row['end_char'])}"
                    f" -> {row['value']} {row['unit']} {row['counted']!r}"
                )
    _disagreements(res, labels, found, pairs, sample, verbose)
    return res


def _context(text: str, s: int, e: int) -> str:
    return repr(text[max(0, s - 40) : s] + "[" + text[s:e] + "]" + text[e : e + 30])


def _disagreements(res, labels, found, pairs, sample, verbose) -> None:
    """Flagged pairs on all of basil-dev, by true event, against the hand judgements.

    In the labelled events a flagged pair is real when it is one of the
    labelled disagreements (``figure_disagreements.csv``); in the other events
    a flagged pair is judged in ``figure_pair_verdicts.csv``, and one not
    judged there counts as spurious (and is printed, to be judged).
    """
    basil = mediakit.load_corpus(res_shared(res) / "corpora" / CORPORA["basil"])
    figs = mediakit.figures(basil, n_process=1)
    labelled = set(sample.loc[sample["corpus"] == "basil", "doc_id"])
    real = pd.read_csv(LABELS / "figure_disagreements.csv")
    real_set = {
        frozenset([(r.doc_id_a, r.raw_start_a), (r.doc_id_b, r.raw_start_b)])
        for r in real.itertuples()
    }
    verdicts = pd.read_csv(LABELS / "figure_pair_verdicts.csv")
    judged = {
        frozenset([(r.doc_id_a, r.raw_start_a), (r.doc_id_b, r.raw_start_b)]): bool(r.real)
        for r in verdicts.itertuples()
    }
    to_raw = _raw_offsets(basil)
    res.real_disagreements = len(real_set)
    for ratio in (1.25, MAX_RATIO, 2.0):
        flagged = mediakit.figure_pairs(
            mediakit.compare_figures(figs, within="story", max_ratio=ratio)
        )
        flagged = flagged[~flagged["compatible"]]
        n_real, hit, notes = 0, set(), []
        for r in flagged.itertuples():
            key = frozenset([(r.doc_id_a, to_raw(r.doc_id_a, r.start_char_a)),
                             (r.doc_id_b, to_raw(r.doc_id_b, r.start_char_b))])  # fmt: skip
            if r.doc_id_a in labelled and r.doc_id_b in labelled:
                ok = key in real_set
            else:
                ok = judged.get(key)
                if ok is None:
                    notes.append(
                        f"UNJUDGED PAIR {sorted(key)} [{r.group}] {r.outlet_a}: {r.claim_a!r} vs "
                        f"{r.outlet_b}: {r.claim_b!r} ({r.reason})"
                    )
            if ok:
                n_real += 1
                hit.add(key)
            else:
                notes.append(
                    f"SPURIOUS PAIR [{r.group}] {r.outlet_a}: {r.claim_a!r} vs "
                    f"{r.outlet_b}: {r.claim_b!r} ({r.reason})"
                )
        share = (len(flagged) - n_real) / len(flagged) if len(flagged) else 0.0
        res.sensitivity.append((ratio, len(flagged), n_real, share, len(hit & real_set)))
        if ratio == MAX_RATIO:
            res.flagged_pairs, res.real_flagged, res.real_found = (
                len(flagged),
                n_real,
                len(hit & real_set),
            )
            if verbose:
                res.notes += notes + [f"MISSED DISAGREEMENT {sorted(k)}" for k in real_set - hit]


def res_shared(res: Result) -> Path:
    return res.shared


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


def report(res: Result) -> str:
    errs = ", ".join(f"{k} {v}" for k, v in sorted(res.field_errors.items())) or "none"
    return "\n".join(
        [
            f"sample: {res.articles} articles, {res.labels} labelled figures "
            f"({res.unmapped} not in the cleaned text)",
            f"extracted: {res.extracted}; matched to a label {res.matched}; "
            f"spurious {res.spurious}; missed {res.missed}",
            f"fully right: {res.fully_right}/{res.extracted} = {res.share_right:.1%} "
            f"of extracted figures (goal >= 90%)",
            f"wrong fields among matched: {errs}",
            f"disagreements (basil-dev, 90 articles, within true events): {res.flagged_pairs} pairs flagged, "
            f"{res.real_flagged} real, spurious {res.share_spurious_disagreements:.1%} (goal <= 10%); "
            f"real disagreements found {res.real_found}/{res.real_disagreements}",
            "  by max_ratio (values further apart than this are not one quantity): "
            + "; ".join(
                f"{ratio:g}: {n} flagged, {n - real} spurious ({share:.0%}), {found}/{res.real_disagreements} found"
                for ratio, n, real, share, found in res.sensitivity
            ),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    res = evaluate(args.shared, verbose=args.verbose)
    if args.verbose:
        print("\n".join(res.notes))
    print(report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
