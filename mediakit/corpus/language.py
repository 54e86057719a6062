"""Which language each article is written in (py3langid, offline, model in its wheel).

mediakit's parse, word lists and readability formulas are English. An article
in another language is still loaded and counted, but flagged in the corpus's
``language`` column, so that analyses can leave it out of English-only
measures (:func:`mediakit.analyze` gives it no readability scores).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["ENGLISH", "UNDETERMINED", "detect_language"]

ENGLISH = "en"

#: The ``language`` of a text too short or too mixed to tell (ISO 639-2 "und").
UNDETERMINED = "und"

#: Texts with fewer letters than this are too short to tell.
MIN_LETTERS = 40

#: A language is named only when the detector gives it at least this probability.
MIN_CONFIDENCE = 0.9

_NOT_LETTERS = re.compile(r"[\W\d_]+")

# A short sample decides most articles; the longer one settles the rest.
_QUICK, _FULL = 300, 5000


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when it cannot be told.

    >>> detect_language("The minister said on Tuesday that the talks would resume next week.")
    'en'
    >>> detect_language("Der Minister sagte am Dienstag, dass die Gespräche nächste Woche weitergehen.")
    'de'
    >>> detect_language("Talks resumed.")
    'und'
    """
    if len(_NOT_LETTERS.sub("", text[:_FULL])) < MIN_LETTERS:
        return UNDETERMINED
    identifier = _identifier()
    language, confidence = identifier.classify(text[:_QUICK])
    if language == ENGLISH and confidence >= MIN_CONFIDENCE:
        return ENGLISH
    if len(text) > _QUICK:
        language, confidence = identifier.classify(text[:_FULL])
    return language if confidence >= MIN_CONFIDENCE else UNDETERMINED
