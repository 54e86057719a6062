"""Numeric claims: the figures each outlet reports, normalised, and where outlets disagree.

:func:`figures` (:mod:`.table`) finds and reads them, one stage per module:
where the numbers are (:mod:`.spans`: the model's amount spans widened to the
currency sign and scale suffix, digits it missed, shares, ranges and tallies),
which numbers count nothing (:mod:`.notfigures`: years, phone and emergency
numbers, names, ages, idioms, gallery counters), their value
(:mod:`.numbers`), hedge (:mod:`.qualifiers`), what they count
(:mod:`.counted`), the time they are about (:mod:`.when`) and whose they are
(:mod:`.places`); the word lists are in :mod:`.lexicon`.
:func:`compare_figures` (:mod:`.comparison`) groups the outlets' claims about
one quantity; :mod:`.agreement` decides whether two claims can both be true and
:func:`figure_pairs` (:mod:`.pairs`) lists every pair with the reason.

A figure is a number the article states about something: "approximately
12,000 North Korean troops", "more than $56.2 billion in security
assistance", "£2.5bn", "just 5 percent", "one in five voters", "between five
and 12 seats", "at least eight dead". Each figure is split into

* ``value``: a float ("$56.2 billion" -> 56.2e9, "$6m" -> 6e6, "12,000" ->
  12000, "eight" -> 8, "half a million" -> 500000); shares are percentages
  ("one in five" -> 20, "two-thirds" -> 66.7); a range gives its first number
  and ``range_end`` its last ("10-12k": 10000 and 12000); NaN for vague
  amounts ("thousands of troops"), whose ``qualifier`` is then the vague phrase
  ("thousands of") and whose ``bound`` is ``vague``;
* ``qualifier`` as written ("up to", "an estimated", "just", "another", "or
  more"; "" when there is none) and ``bound``, its meaning: ``min`` (more
  than, over, at least), ``max`` (up to, as many as), ``approx`` (about,
  nearly, an estimated), ``range``, ``exact`` (also "just", "only", "another":
  they stress a figure without hedging it) or ``vague``;
* ``unit``: the currency (USD, GBP, EUR, ... from "$", "US$", "£", "€", "¥",
  "USD", "dollars", "pounds"), percent, percentage points, a measure (miles,
  km, acres) or, for a count, the kind of thing (troops, people, or the counted
  noun); ``per``: the period of a rate ("$600 a year"); ``counted``: the noun
  phrase the number counts ("North Korean troops"); for money the thing paid for
  ("security assistance", "a $5m deal"); ``when``: the time it is about;
* ``frame``: what the sentence states with the figure (:mod:`.frames`): a
  fact (""), a ``goal`` ("the 1,237 delegates needed"), a ``forecast`` ("could
  see 2 feet of snow"), a ``part`` ("eight of the most competitive states"), a
  ``change`` ("down 92 delegates") or a poll's method (``sample``).

:func:`compare_figures` groups the claims of different outlets about the same
quantity and says where they disagree, and why.
"""

from .comparison import COMPARE_COLUMNS, compare_figures
from .numbers import parse_number
from .pairs import PAIR_COLUMNS, figure_pairs
from .table import COLUMNS, figures, figures_of

__all__ = [
    "COLUMNS",
    "COMPARE_COLUMNS",
    "PAIR_COLUMNS",
    "compare_figures",
    "figure_pairs",
    "figures",
    "figures_of",
    "parse_number",
]
