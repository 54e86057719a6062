"""Make a text field fit for cleaning: HTML markup and stray control characters out.

Runs before :func:`~mediakit.corpus.cleaning.clean_article`. A text that is
mostly control characters is binary data (or UTF-16 read one byte at a time)
and is refused; a few stray ones (NUL, noncharacters such as U+FFFF, lone
surrogates) are removed, because the parse and the chart renderer cannot use
them. Both removals are listed in the corpus's ``cleaning`` column.
"""

from __future__ import annotations

import re

from ..errors import CorpusError
from .decode import control_share, looks_binary
from .html_text import MIN_TAGS, html_to_text, markup_tags

__all__ = ["prepare_text"]

# C0 controls except tab and line breaks, noncharacters, lone surrogates.
_STRAY = re.compile("[\x00-\x08\x0e-\x1f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")
_PLANE_NONCHARACTERS = re.compile("[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0010fffe\U0010ffff]")


def prepare_text(raw: str, where: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``(text, removed)``: ``raw`` without HTML markup and stray characters.

    ``removed`` holds ``(kind, what)`` pairs as :func:`describe_cleaning` lists them.

    >>> prepare_text("<p>Talks resumed.</p><p>They met.</p>", "row 1")
    ('Talks resumed.\\n\\nThey met.', (('HTML markup', '4 tags'),))
    >>> prepare_text("Talks\\x00 resumed.", "row 1")[0]
    'Talks resumed.'
    """
    if looks_binary(raw):
        share = control_share(raw)
        raise CorpusError(
            f"{where}: the text does not look like text ({share:.0%} of its characters are "
            "control characters such as NUL); it may be binary data or UTF-16 read as single "
            "bytes. Decode it properly (e.g. bytes.decode('utf-16')) or drop that row."
        )
    removed: list[tuple[str, str]] = []
    text = raw
    tags = markup_tags(text)
    if tags >= MIN_TAGS:
        text = html_to_text(text)
        removed.append(("HTML markup", f"{tags} tags"))
    # Characters beyond U+FFFF are rare: look for their noncharacters only then.
    astral = bool(text) and max(text) > "\uffff"
    stray = len(_STRAY.findall(text)) + (len(_PLANE_NONCHARACTERS.findall(text)) if astral else 0)
    if stray:
        text = _STRAY.sub("", text)
        text = _PLANE_NONCHARACTERS.sub("", text) if astral else text
        removed.append(("control characters", f"{stray}"))
    return text, tuple(removed)
