"""Numeric claims: the figures each outlet reports, normalised, and where outlets disagree.

:func:`figures` (:mod:`.table`) finds and reads them (:mod:`.numbers`, :mod:`.counted`,
word lists in :mod:`.lexicon`); :func:`compare_figures` (:mod:`.comparison`) groups
the outlets' claims about one thing.

A figure is a number the article states about something: "approximately
12,000 North Korean troops", "more than $56.2 billion in security
assistance", "at least eight dead". Its spans come from the shared parse
(the model's CARDINAL, MONEY, PERCENT and QUANTITY entities) plus a regular
expression for digits the model missed; dates, times, ordinals and years
used as dates are skipped. Each figure is split into

* ``value``: a float ("$56.2 billion" -> 56.2e9, "12,000" -> 12000, "eight" -> 8);
  NaN for vague amounts ("thousands of troops"), whose ``qualifier`` is then
  the vague phrase ("thousands of") and whose ``bound`` is ``vague``;
* ``qualifier`` as written ("up to", "an estimated", "more than"; "" when
  exact) and ``bound``, its meaning: ``min`` (more than, over, at least),
  ``max`` (up to, as many as), ``approx`` (about, nearly, an estimated),
  ``exact`` or ``vague``, so "more than" and "over" count as the same claim;
* ``unit`` (USD, EUR, percent, miles, troops, people, or the counted noun) and
  ``counted``: the noun phrase the number counts ("North Korean troops"); for
  money the thing paid for ("security assistance", "military aid").

:func:`compare_figures` groups the claims of different outlets about the same
thing and flags where they disagree.
"""

from .comparison import COMPARE_COLUMNS, compare_figures
from .numbers import parse_number
from .table import COLUMNS, figures, figures_of

__all__ = ["COLUMNS", "COMPARE_COLUMNS", "compare_figures", "figures", "figures_of", "parse_number"]
