"""Adversarial texts for property tests: what scraped and exported articles can hold.

Control characters, noncharacters, right-to-left and zero-width marks, line
and paragraph separators, very long tokens and lines, empty and
whitespace-only texts, mixed with ordinary English words so that the parse,
the entity and quote rules have something to work on.
"""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = [
    "The",
    "council",
    "met",
    "on",
    "Tuesday",
    ".",
    "Mayor",
    "Jane",
    "Smith",
    "said",
    "“",
    "we",
    "will",
    "vote",
    "”",
    ",",
    "and",
    "Joe",
    "Biden",
    "spoke",
    "in",
    "Kyiv",
    "about",
    "$",
    "1.2",
    "billion",
    ",",
    "up",
    "to",
    "12,000",
    "troops",
    ";",
    "NATO",
    "agreed",
]

ODD = [
    "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\ufffe", "\uffff", "\ufdd0",
    "\U0010ffff", "\u200b", "\u200d", "\ufeff", "\u200f", "\u202e", "\u2066", "\u2028",
    "\u2029", "\u00a0", "\u3000", "\t", "\r", "\r\n", "\n", "\n\n", "\u0301", "🙂", "&amp;",
    "<p>", "</p>", "<b>", '"', "'", ",", ";", "|", "=", "-", "@", "+",
]  # fmt: skip

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.text(min_size=1, max_size=12),  # anything, surrogates excluded by hypothesis
    st.integers(1, 2_000).map(lambda n: "x" * n),  # a very long token
    st.integers(1, 40).map(lambda n: " ".join(["word"] * n * 10)),  # a long unpunctuated line
)


def _join(parts: list[str]) -> str:
    return " ".join(parts)


#: One article text: empty, whitespace only, or a few dozen pieces.
article_text = st.one_of(
    st.just(""),
    st.sampled_from([" ", "\n\n", "\t \u00a0", "\u2028"]),
    st.lists(piece, min_size=1, max_size=40).map(_join),
)

#: An outlet or title: short, and odd too.
label = st.one_of(st.sampled_from(["Wire", "wire ", " WIRE", "Daily", ""]), st.text(max_size=20))


@st.composite
def corpora(draw, min_size: int = 1, max_size: int = 4):
    """A raw table (DataFrame columns) of a few articles with odd texts, outlets and titles."""
    n = draw(st.integers(min_size, max_size))
    return {
        "id": [f"d{i}" for i in range(n)],
        "outlet": [draw(label) for _ in range(n)],
        "title": [draw(label) for _ in range(n)],
        "text": [draw(article_text) for _ in range(n)],
    }
