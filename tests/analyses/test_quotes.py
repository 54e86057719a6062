"""Quotes: extraction patterns, speakers, offsets, and alignment across outlets.

Golden values for the bundled corpus were read off data/corpus/*.txt by hand:
every quotation mark pair, its attribution, and who "he" refers to.
"""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit
from mediakit import charts as charts_claims
from mediakit.analyses.quotes import ALIGN_COLUMNS, COLUMNS, align_quotes, quotes

IDS = [
    "000_27355086a02f5fbc",
    "001_f7ae5d49ca0ce747",
    "002_5a37fde2b4bfc4b9",
    "003_d4822408353cd1c9",
    "004_36ebadd4edbdb3b2",
]
ZELENSKYY, GUTERRES = "Volodymyr Zelenskyy", "António Guterres"


@pytest.fixture(scope="module")
def bundled(corpus):
    return quotes(corpus)


@pytest.fixture(scope="module")
def aligned(bundled):
    return align_quotes(bundled)


def rows(q: pd.DataFrame, doc: str, start: str) -> pd.DataFrame:
    return q[(q.doc_id == doc) & q.quote.str.startswith(start)]


def one(q: pd.DataFrame, doc: str, start: str) -> pd.Series:
    found = rows(q, doc, start)
    assert len(found) == 1, f"{doc}: {start!r} found {len(found)} times"
    return found.iloc[0]


# -- the bundled corpus ------------------------------------------------------------------
def test_columns_kinds_and_offsets(corpus, bundled):
    assert list(bundled.columns) == COLUMNS
    assert set(bundled.kind) <= {"direct", "partial", "indirect"}
    texts = dict(zip(corpus.doc_id, corpus.text, strict=True))
    for r in bundled.itertuples():
        assert texts[r.doc_id][r.start_char : r.end_char] == r.quote
        assert r.quote.rstrip(".") in r.evidence.replace("\n", " ")


@pytest.mark.parametrize(
    ("doc", "start", "speaker", "cue", "kind"),
    [
        # 000: the "Quick Looks" bullet ("..., saying, “…”"), the split quote, Guterres with his title.
        (IDS[0], "Strikes are not made with words", ZELENSKYY, "said", "direct"),
        (IDS[0], "We want peace, but a just peace", GUTERRES, "said", "direct"),
        (IDS[0], "And this is the answer to everyone", ZELENSKYY, "said", "direct"),
        (IDS[1], "President Biden has committed", "Antony Blinken", "stating", "direct"),
        (IDS[1], "change the nature of the conflict", "Vladimir Putin", "warning", "partial"),
        (IDS[3], "Strikes are not made with words", ZELENSKYY, "remarked", "direct"),
        (IDS[3], "We want peace, we want fair peace", GUTERRES, "said", "direct"),
        (
            IDS[4],
            "Missiles don’t need announcements. They’ll speak for themselves",
            ZELENSKYY,
            "said",
            "direct",
        ),
        # "he said" after a quote that names Biden: the speaker is Turner, named before it.
        (IDS[4], "President Biden should have acted", "Michael R. Turner", "said", "direct"),
    ],
)
def test_bundled_quotes(bundled, doc, start, speaker, cue, kind):
    r = one(bundled, doc, start)
    assert (r.speaker, r.cue, r.kind) == (speaker, cue, kind)
    assert r.speaker_label == "PERSON"


def test_missiles_quote_in_000_twice(bundled):
    # Once in the bullet list ("saying, “…”"), once as the second half of a split quote.
    found = rows(bundled, IDS[0], "The missiles will speak for themselves.")
    assert len(found) == 2
    assert set(found.speaker) == {ZELENSKYY}
    assert sorted(found.cue) == ["said", "saying"]
    assert "same paragraph" in found[found.cue == "said"].note.iloc[0]


def test_titles_and_pronouns_are_resolved(bundled):
    guterres = one(bundled, IDS[0], "We want peace, but a just peace")
    assert guterres.speaker_text == "U.N. Secretary-General Antonio Guterres"
    he = one(bundled, IDS[3], "Strikes are not made with words")
    assert he.speaker_text == "he" and "pronoun 'he' resolved" in he.note


def test_scare_quote_is_partial_without_speaker(bundled):
    # 003: His stated intention to “end the war swiftly”: no cue ("stated" is an adjective here).
    r = one(bundled, IDS[3], "end the war swiftly")
    assert (r.kind, r.speaker, r.cue) == ("partial", "", "")


@pytest.mark.parametrize(
    ("doc", "speaker", "cue", "start"),
    [
        (
            IDS[0],
            "U.S. officials",
            "confirmed",
            "President Joe Biden has made the critical decision",
        ),
        (IDS[0], "military analysts", "according to", "Nevertheless, even limited strikes"),
        (IDS[1], "senior U.S. officials", "according to", "this policy adjustment"),
        (
            IDS[2],
            "a U.S. official and three individuals familiar with the matter",
            "according to",
            "The decision reflects",
        ),
        (IDS[3], "Critics within NATO", "argued", "these limitations hindered"),
        (IDS[4], "A U.S. intelligence report", "warned", "Russia could retaliate"),
    ],
)
def test_bundled_reported_speech(bundled, doc, speaker, cue, start):
    # An unnamed source or a text is no speaker: the phrase stays in speaker_text, with a note.
    r = one(bundled[bundled.kind == "indirect"], doc, start)
    assert (r.speaker, r.speaker_text, r.cue, r.speaker_label) == ("", speaker, cue, "")
    assert r.method in ("description", "document") and r.note


def test_no_quote_is_attributed_to_a_person_named_inside_it(bundled):
    # Biden is named inside Blinken's and Turner's quotes, never quoted himself.
    assert "Joe Biden" not in set(bundled.speaker)


# -- alignment -------------------------------------------------------------------------------
def group_of(aligned: pd.DataFrame, doc: str, start: str) -> int:
    hit = aligned[(aligned.doc_id == doc) & aligned.quote.str.startswith(start)]
    assert len(hit) >= 1, f"{start!r} ({doc}) is in no group"
    assert hit.group_id.nunique() == 1
    return int(hit.group_id.iloc[0])


def test_align_columns(aligned):
    assert list(aligned.columns) == ALIGN_COLUMNS
    assert aligned.similarity.between(0, 100).all()


@pytest.mark.parametrize(
    ("speaker", "first", "second"),
    [
        (
            ZELENSKYY,
            (IDS[0], "The missiles will speak"),
            (IDS[4], "Missiles don’t need announcements"),
        ),
        (ZELENSKYY, (IDS[0], "Strikes are not made"), (IDS[3], "Strikes are not made")),
        (
            GUTERRES,
            (IDS[0], "We want peace, but a just peace"),
            (IDS[3], "We want peace, we want fair"),
        ),
    ],
)
def test_same_statement_aligned_across_outlets(aligned, speaker, first, second):
    g = group_of(aligned, *first)
    assert g == group_of(aligned, *second)
    assert set(aligned[aligned.group_id == g].speaker) == {speaker}


def test_different_statements_stay_apart(aligned):
    missiles = group_of(aligned, IDS[0], "The missiles will speak")
    strikes = group_of(aligned, IDS[0], "Strikes are not made")
    assert missiles != strikes
    # Zelenskyy's remark about talks with Putin is said once: in no group.
    assert not aligned.quote.str.startswith("And this is the answer").any()


def test_align_needs_shared_words_not_just_a_subset():
    q = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["X", "Y", "Z"],
            "quote": [
                "witch hunt",
                "It is a witch hunt",
                "The economy is great, the witch hunt will end and we will hunt for more jobs",
            ],
            "speaker": ["Ann Lee"] * 3,
            "kind": ["partial", "direct", "direct"],
        }
    )
    out = align_quotes(q)
    # token_set_ratio is 100 for all three pairs; only the first two are the same statement.
    assert set(out.doc_id) == {"a", "b"}
    assert align_quotes(q.assign(speaker=["Ann Lee", "Bo Chen", "Ann Lee"])).empty


# -- patterns on hand-made articles -------------------------------------------------------------
HAND = {
    "before": "French President Emmanuel Macron spoke in Paris on Monday. Macron said, “Europe must defend itself.”",
    "after": "“Europe must defend itself,” French President Emmanuel Macron said on Monday.",
    "inverted": '"We will not retreat," said Ukrainian President Volodymyr Zelenskyy. The talks ended.',
    "according": "“The ceasefire will hold,” according to Secretary of State Antony Blinken. Others were less sure.",
    "split": (
        "“Strikes are not made with words,” Ukrainian President Volodymyr Zelenskyy said in his "
        "nightly address. “The missiles will speak for themselves.”"
    ),
    "pronoun": (
        "Secretary of State Antony Blinken arrived in Kyiv on Wednesday. "
        "“We are with you for the long haul,” he told reporters."
    ),
    "ambiguous": "Joe Biden met Emmanuel Macron at the White House. “We agreed on Ukraine,” he said.",
    "colon": "Joe Biden spoke after the vote. Biden said: “This is not over.”",
    "participle": "Secretary of State Antony Blinken defended the decision, saying, “The aid is on its way.”",
    "unbalanced": (
        "Joe Biden addressed the nation on Sunday. “We will stand with Ukraine, he said, his voice rising.\n"
        "Later, Biden added: “This is not over.”"
    ),
    "multipara": (
        "Secretary of State Antony Blinken spoke for an hour.\n"
        "“The war took homes from thousands of families.\n"
        "“We will help rebuild every one of them,” Blinken said."
    ),
    "scare": "Critics called the plan a “gift” to Moscow, and analysts said the deal was “dead on arrival.”",
    "indirect": (
        "Joe Biden said on Monday that the United States would send more air defence systems. "
        "The shipment left Poland, officials said."
    ),
    "not_speech": "The bridge is said to be unsafe. Biden did not say that the talks had failed.",
    "single": "Joe Biden spoke to reporters. ‘We are not done yet,’ Biden said on Monday.",
    "stray": "Joe Biden spoke on Sunday. The word” appeared twice. “We are ready,” Biden said.",
    "reopened": "Joe Biden spoke on Sunday. “We will win “no matter what,” Biden said.",
}


@pytest.fixture(scope="module")
def hand_corpus():
    df = pd.DataFrame(
        {
            "doc_id": list(HAND),
            "outlet": [f"Outlet {i % 3}" for i in range(len(HAND))],
            "text": list(HAND.values()),
        }
    )
    return mediakit.load_corpus(df)


@pytest.fixture(scope="module")
def hand(hand_corpus):
    return quotes(hand_corpus, cache_dir=False)


def test_hand_offsets(hand_corpus, hand):
    texts = dict(zip(hand_corpus.doc_id, hand_corpus.text, strict=True))
    for r in hand.itertuples():
        assert texts[r.doc_id][r.start_char : r.end_char] == r.quote


@pytest.mark.parametrize(
    ("doc", "start", "speaker", "cue"),
    [
        ("before", "Europe must defend itself", "Emmanuel Macron", "said"),  # X said, “…”
        ("after", "Europe must defend itself", "Emmanuel Macron", "said"),  # “…,” X said
        ("inverted", "We will not retreat", ZELENSKYY, "said"),  # straight quotes, “…,” said X
        ("according", "The ceasefire will hold", "Antony Blinken", "according to"),
        ("split", "Strikes are not made with words", ZELENSKYY, "said"),
        ("split", "The missiles will speak for themselves", ZELENSKYY, "said"),  # second half
        ("pronoun", "We are with you", "Antony Blinken", "told"),
        ("colon", "This is not over", "Joe Biden", "said"),
        ("participle", "The aid is on its way", "Antony Blinken", "saying"),
        ("unbalanced", "This is not over", "Joe Biden", "added"),
        ("multipara", "The war took homes", "Antony Blinken", "said"),  # first paragraph of two
        ("multipara", "We will help rebuild", "Antony Blinken", "said"),
        ("single", "We are not done yet", "Joe Biden", "said"),  # British ‘…’
    ],
)
def test_quote_patterns(hand, doc, start, speaker, cue):
    r = one(hand, doc, start)
    assert (r.kind, r.speaker, r.cue) == ("direct", speaker, cue)


def test_role_before_name_is_kept_as_written(hand):
    r = one(hand, "after", "Europe must defend itself")
    assert r.speaker_text == "French President Emmanuel Macron"
    r = one(hand, "according", "The ceasefire will hold")
    assert r.speaker_text == "Secretary of State Antony Blinken"


def test_ambiguous_pronoun_goes_to_the_first_subject_with_low_confidence(hand):
    # Two people named as subjects: the first (the sentence's actor), flagged as a guess.
    r = one(hand, "ambiguous", "We agreed on Ukraine")
    assert (r.speaker, r.speaker_text, r.method) == ("Joe Biden", "he", "pronoun")
    assert r.confidence < one(hand, "pronoun", "We are with you").confidence
    assert "Emmanuel Macron" in r.note


def test_unbalanced_mark_closes_at_paragraph_end(hand):
    r = one(hand, "unbalanced", "We will stand with Ukraine")
    assert r.quote.endswith("his voice rising.")  # not running into the next paragraph
    assert "closed at the end of the paragraph" in r.note


def test_broken_marks_do_not_break_the_article(hand):
    # A closing mark without an opening one is skipped.
    assert one(hand, "stray", "We are ready").speaker == "Joe Biden"
    assert len(hand[hand.doc_id == "stray"]) == 1
    # An opening mark inside an open quote ends the first quote there, with a note.
    first = one(hand, "reopened", "We will win")
    assert "unclosed quotation mark" in first.note
    assert one(hand, "reopened", "no matter what").speaker == "Joe Biden"


def test_multiparagraph_quote_is_noted(hand):
    assert "continues in the next paragraph" in one(hand, "multipara", "The war took homes").note


def test_partial_quotes(hand):
    # Unnamed sources: no speaker, the phrase as written in speaker_text.
    gift = one(hand, "scare", "gift")
    assert (gift.kind, gift.speaker, gift.speaker_text, gift.cue) == (
        "partial",
        "",
        "Critics",
        "called",
    )
    doa = one(hand, "scare", "dead on arrival")
    assert (doa.kind, doa.speaker_text, doa.cue, doa.method) == (
        "partial",
        "analysts",
        "said",
        "description",
    )


def test_indirect_speech(hand):
    ind = hand[hand.kind == "indirect"]
    said_that = one(ind, "indirect", "the United States would send")
    assert (said_that.speaker, said_that.cue) == ("Joe Biden", "said")
    assert said_that.quote == "the United States would send more air defence systems"
    tail = one(ind, "indirect", "The shipment left Poland")
    assert (tail.speaker, tail.speaker_text, tail.cue) == ("", "officials", "said")
    # "is said to be" and "did not say that" report no speech.
    assert ind[ind.doc_id == "not_speech"].empty


def test_no_quotes_in_plain_text():
    c = mediakit.load_corpus(
        pd.DataFrame({"doc_id": ["x"], "outlet": ["X"], "text": ["The sun rose. Nothing else."]})
    )
    q = quotes(c, cache_dir=False)
    assert q.empty and list(q.columns) == COLUMNS


# -- charts ----------------------------------------------------------------------------------
def test_quote_charts_use_outlet_colours(corpus, bundled, aligned):
    from mediakit.charts import outlet_palette

    # The alignment shows 3 of the 5 outlets; outlets= keeps the corpus's colours.
    palette = outlet_palette(corpus.outlet)
    charts = (
        charts_claims.quotes_by_speaker(bundled, outlets=corpus.outlet),
        charts_claims.quote_alignment(aligned, outlets=corpus.outlet),
    )
    for chart in charts:
        spec = chart.to_dict()
        assert spec["title"]["text"]
        scale = spec["encoding"]["color"]["scale"]
        assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
            o: palette[o] for o in scale["domain"]
        }
        assert spec["encoding"]["tooltip"]
    bars = charts_claims.quotes_by_speaker(bundled).to_dict()
    speakers = bars["encoding"]["y"]["sort"]
    assert speakers[0] == ZELENSKYY  # quoted most
