"""The figures' accuracy goals on real articles, measured by ``benchmarks/eval_figures.py``.

The thresholds sit a little below what the script measured (its output, run
on the shared corpora, is quoted in the README): 100% of extracted figures
fully right on the development, held-out and test samples, 80% on the final
sample, no spurious disagreement, all six labelled disagreements found. The
samples were labelled by hand (``benchmarks/labels/README.md``); the rules
were written against the development sample and corrected after the
held-out and test samples were first measured (86% and 80% fully right
then); the final sample was measured once, after the last rule change.
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
    [("development", 0.95), ("held-out", 0.95), ("test", 0.95), ("final", 0.75)],
)
def test_extracted_figures_are_fully_right(measured, sample, at_least):
    got = measured.figures[sample]
    # Every label still finds its words in the cleaned text, except two in one CNN
    # page's photo gallery captions ("Hide Caption 3 of 10"), which furniture
    # removal now cuts: read in the article's `cleaning` column.
    assert got.unmapped == (2 if sample == "development" else 0)
    assert got.share_right >= at_least, got.field_errors
    assert got.spurious <= 2 and got.missed <= 3


def test_few_spurious_disagreements(measured):
    pairs = measured.pairs
    assert pairs.unjudged == 0
    assert pairs.share_spurious <= 0.10
    assert pairs.real_found >= pairs.real_disagreements - 1
