"""Quotations: who is quoted saying what, and how each outlet renders the same statement.

:func:`quotes` (:mod:`.table`) finds quotation marks (:mod:`.marks`), attributes
them (:mod:`.attribution`, speakers in :mod:`.speakers`, cue words in
:mod:`.cues`) and adds reported speech (:mod:`.reported`);
:func:`align_quotes` (:mod:`.align`) groups one statement across outlets.

Everything comes from the shared parse (token, sentence and entity offsets)
and the canonical entity table; no second NLP pass, no dependency parser.

* **direct**: text between quotation marks (curly, straight, guillemets) with
  an attribution next to it: ``“…,” X said``, ``“…,” said X``, ``X said: “…”``,
  ``…, saying, “…”``, ``according to X``. The second half of a quote split
  around its attribution, and later quotes in the same paragraph without an
  attribution of their own, belong to the paragraph's speaker (news
  convention), as does a quote continued in the next paragraph.
* **partial**: a quoted fragment woven into the writer's own sentence
  (``warning that it could “change the nature of the conflict”``, scare
  quotes); the speaker is the sentence's speaker when there is one.
* **indirect**: reported speech without quotation marks (``X said that …``,
  ``…, officials said.``, ``according to X, …``); ``quote`` is the reported clause.

Speakers (:mod:`.speakers`) are canonical names from the entity table, or
empty with a ``note``: a name in the attribution phrase (titles such as "U.N.
Secretary-General" come off with it); "he"/"she" resolved to the most recent
person of that gender named as a subject (:mod:`.pronouns`, people and their
titles in :mod:`.people`); "the governor" resolved to the person named with
that title (:mod:`.roles`); the speaker of another quote for split quotes,
later fragments of a sentence, quote-only paragraphs and "the statement
continued" (:mod:`.inherit`); an attribution after a fragment
(:mod:`.fragments`). ``method`` says which, ``confidence`` how sure, and
``evidence`` holds the sentence(s) to check it against. Unnamed sources
("a senior U.S. official") and texts ("the letter") leave the speaker empty,
with the phrase in ``speaker_text``. Measured on hand-annotated news by
``benchmarks/eval_quotes.py``.
"""

from .align import ALIGN_COLUMNS, align_quotes
from .table import COLUMNS, quotes, quotes_of

__all__ = ["ALIGN_COLUMNS", "COLUMNS", "align_quotes", "quotes", "quotes_of"]
