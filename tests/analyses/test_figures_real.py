"""The figures' accuracy goals on real articles, measured by ``benchmarks/eval_figures.py``.

The thresholds sit a little below what the script measured (its output, run
on the shared corpora, is quoted in the README): 100% of extracted figures
fully right on the development, held-out, test and final samples, 96.7% on
the first blind sample, 100% on the second and third and 97.7% on the fourth,
no spurious disagreement in basil-dev and four of its five labelled
disagreements found. The samples were labelled by hand
(``benchmarks/labels/README.md``) before the extractor was run on them; the
rules were corrected after each was first measured (held-out 86%, test 80%,
final 80%, blind 75.8%, blind2 64.5%, blind3 75.9%, blind4 83.0% fully right
then), so these thresholds guard the rules, and the first measurements are
the estimate for unseen text.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.shared import ALLSIDES, BASIL, SHARED, require_shared

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_figures.py"


@pytest.fixture(scope="module")
def measured():
    require_shared(ALLSIDES)
    require_shared(BASIL)
    spec = importlib.util.spec_from_file_location("eval_figures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.evaluate(SHARED)


@pytest.mark.parametrize(
    ("sample", "at_least"),
    [
        ("development", 0.95),
        ("held-out", 0.95),
        ("test", 0.95),
        ("final", 0.95),
        ("blind", 0.9),
        ("blind2", 0.95),
        ("blind3", 0.95),
        ("blind4", 0.95),
    ],
)
def test_extracted_figures_are_fully_right(measured, sample, at_least):
    got = measured.figures[sample]
    # Every label still finds its words in the cleaned text, except two in one CNN
    # page's photo gallery captions ("Hide Caption 3 of 10"), which furniture
    # removal now cuts: read in the article's `cleaning` column.
    # blind3: one label in a BBC "Image caption" line, which furniture removal cuts.
    assert got.unmapped == {"development": 2, "blind3": 1}.get(sample, 0)
    assert got.share_right >= at_least, got.field_errors
    assert got.spurious <= 2 and got.missed <= 3


def test_few_spurious_disagreements(measured):
    pairs = measured.pairs
    assert pairs.unjudged == 0
    assert pairs.share_spurious <= 0.10
    assert pairs.real_found >= pairs.real_disagreements - 1


def test_disagreements_inside_found_stories_stay_where_they_were_measured(measured):
    # allsides-2000 grouped by mediakit.stories: 67 flagged pairs judged by reading, 5 real
    # (92.5% spurious); the group, fate and remainder rules made it 48 flagged, 4 real
    # (91.7%); the statement frames (goal, forecast, part, change, poll method), poll
    # questions, opposed groups, unnamed owners, unnamed sums, measures of different things
    # and compatible bounds made it 7 flagged, 4 real (42.9%). Still far from the 10% goal: this keeps it from getting
    # worse unnoticed, and every newly flagged pair fails here until it is judged.
    default, wide = measured.allsides
    assert default.unjudged == 0, "\n".join(default.notes)
    assert default.flagged <= 8 and default.real_found >= 4
    # At max_ratio=2, 50 flagged, 6 real; 43 pairs were read only after those rules were
    # written (2 real, 41 spurious), the others had been judged before.
    assert wide.unjudged == 0, "\n".join(wide.notes)
    assert wide.flagged <= 52 and wide.real_found >= 6
