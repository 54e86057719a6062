"""Speaker attribution rules, one small hand-written article each, and the figures on real news.

Every fixture below is written for this test (no corpus text); each checks one
pattern of news writing: who "he"/"she" is, a title for a person named
earlier, a quote that goes on, a second fragment, an attribution after a
fragment, a wider cue list, and phrases that name no one.
"""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit
from mediakit.analyses.quotes import COLUMNS, quotes
from tests.shared import BASIL, require_shared

ARTICLES = {
    # "Of X, he said": X is what he spoke about, not who spoke.
    "object": (
        "Tom Reyes criticised the city budget at a council meeting on Monday.\n\n"
        "Of Mayor Dan Whitfield, he said, “He has lost the trust of this council.”"
    ),
    # A title ("Ms.") gives the gender; the nearer man is skipped for "she".
    "gender_title": (
        "Peter Lang met Ms. Carla Ruiz in Denver on Friday.\n\n"
        "“We will not give up on this valley,” she said."
    ),
    # An earlier "his"/"her" gives the gender.
    "gender_pronoun": (
        "Dana Whitmore said her group would go to court over the permit. "
        "Greg Mott said his office would not change the plan.\n\n"
        "“It is a mistake that will cost the town dearly,” she said."
    ),
    # A chain of pronouns leads back to the name.
    "chain": (
        "Governor Ellen Marsh visited the plant in Toledo on Monday. "
        "She and Mayor Paul Brandt toured the floor with the plant manager.\n\n"
        "“We will bring these jobs back,” she said."
    ),
    # A long quote does not use up the look-back.
    "long_quote": (
        "Senator Ruth Okafor spoke for twenty minutes at the rally in Dayton.\n\n"
        "“This bill is about families. It is about jobs. It is about our roads. It is about "
        "the next ten years. It is about whether we keep our promises. It is about all of us,” "
        "she said."
    ),
    # Titles and roles refer back to the person named with them.
    "title": (
        "Texas Gov. Rick Dalton signed the water bill on Friday, and House Speaker Joan Pryor "
        "praised it.\n\n"
        "“This is a good day for every farmer in the state,” the governor said.\n\n"
        "“We worked on it for two years,” the House speaker said."
    ),
    "appositive_role": (
        "Mark Ellison, the state attorney general, filed the suit in federal court.\n\n"
        "“We will see them in court,” the attorney general said on Tuesday."
    ),
    # "the statement continued": the person quoted just before.
    "continued": (
        "“We are ready for the storm,” Mayor Lena Ortiz said in a statement.\n\n"
        "“Our shelters are open to everyone,” the statement continued."
    ),
    # A paragraph that is only a quote goes on with the previous speaker.
    "quote_only": (
        "“We will appeal the ruling,” said Nora Bell, a lawyer for the family.\n\n"
        "“This decision ignores the facts of the case.”"
    ),
    # Two fragments in one sentence share its speaker.
    "fragments": "Senator Ann Hollis called the deal “reckless” and “deeply unfair.”",
    # The attribution after the fragment.
    "after": (
        "Calling the plan “a gift to polluters,” Senator Ann Hollis said she would vote against it."
    ),
    "after_said": (
        "Senator Ann Hollis spoke after the vote. "
        "The new budget is “dead on arrival,” Hollis said on Tuesday."
    ),
    # Cue verbs beyond "said".
    "accusing": (
        "Senator Ann Hollis attacked the governor on Monday, accusing him of "
        "“playing games with people’s jobs.”"
    ),
    "pledges": "Rick Dalton pledges to end “the war on small business” in a new television ad.",
    # A long appositive between the name and the cue.
    "appositive": (
        "“They are wrong about the pipeline,” Rep. Jerrod Naylor, D-Ohio, the senior member "
        "of the committee on energy and commerce, told reporters."
    ),
    # The subject of the main clause, not the person in the question put to him.
    "subclause": (
        "Asked whether he thought Senator Ann Hollis had misled voters, Governor Rick Dalton "
        "did not hesitate, saying, “She did, and she knows it.”"
    ),
    # A group named after a person.
    "campaign": (
        "Carla Ruiz is running for governor.\n\n"
        "“The advertisement is false,” the Ruiz campaign said on Monday."
    ),
    # Phrases that name no one: no speaker, with a note.
    "no_one": "“Not again,” everyone in the room said.",
    "text_source": "“The plant will close in May,” the memo says.",
    # "a spokesman", "the spokeswoman": someone else, not the person quoted before.
    "spokesman": (
        "“We expect a meeting soon,” said Paul Gordon, a State Department official.\n\n"
        "A Kremlin spokesman said there were “no such plans right now.”\n\n"
        "“We have nothing to add,” the spokeswoman said."
    ),
    # Scare quotes: "so-called" and "to maintain" are no cues, the person after "on" no speaker.
    "scare": (
        "Mark Ellison spoke in Ohio.\n\n"
        "For years, Ellison used the phrase “many people say” to maintain the so-called "
        "“Birther” attack on Senator Ann Hollis."
    ),
}


@pytest.fixture(scope="module")
def found():
    df = pd.DataFrame(
        {
            "doc_id": list(ARTICLES),
            "outlet": ["Outlet"] * len(ARTICLES),
            "text": list(ARTICLES.values()),
        }
    )
    return quotes(mediakit.load_corpus(df), cache_dir=False)


def one(q: pd.DataFrame, doc: str, start: str) -> pd.Series:
    hit = q[(q.doc_id == doc) & q.quote.str.startswith(start)]
    assert len(hit) == 1, f"{doc}: {start!r} found {len(hit)} times"
    return hit.iloc[0]


@pytest.mark.parametrize(
    ("doc", "start", "speaker", "method"),
    [
        ("object", "He has lost the trust", "Tom Reyes", "pronoun"),
        ("gender_title", "We will not give up", "Carla Ruiz", "pronoun"),
        ("gender_pronoun", "It is a mistake", "Dana Whitmore", "pronoun"),
        ("chain", "We will bring these jobs back", "Ellen Marsh", "pronoun"),
        ("long_quote", "This bill is about families", "Ruth Okafor", "pronoun"),
        ("title", "This is a good day", "Rick Dalton", "title"),
        ("title", "We worked on it", "Joan Pryor", "title"),
        ("appositive_role", "We will see them in court", "Mark Ellison", "title"),
        ("continued", "Our shelters are open", "Lena Ortiz", "inherited"),
        ("quote_only", "This decision ignores", "Nora Bell", "inherited"),
        ("fragments", "reckless", "Ann Hollis", "named"),
        ("fragments", "deeply unfair", "Ann Hollis", "inherited"),
        ("after", "a gift to polluters", "Ann Hollis", "after"),
        ("after_said", "dead on arrival", "Ann Hollis", "after"),
        ("accusing", "playing games", "Ann Hollis", "named"),
        ("pledges", "the war on small business", "Rick Dalton", "named"),
        ("appositive", "They are wrong", "Jerrod Naylor", "named"),
        ("subclause", "She did, and she knows it", "Rick Dalton", "named"),
    ],
)
def test_speaker_rules(found, doc, start, speaker, method):
    r = one(found, doc, start)
    assert (r.speaker, r.method) == (speaker, method), r.note
    assert r.speaker_label == "PERSON"
    assert 0 < r.confidence <= 1
    assert r.evidence  # the sentence a reader checks


def test_group_named_after_a_person(found):
    r = one(found, "campaign", "The advertisement is false")
    assert (r.speaker, r.speaker_label, r.method) == ("Carla Ruiz campaign", "ORG", "named")


@pytest.mark.parametrize(
    ("doc", "start", "text", "method"),
    [
        ("no_one", "Not again", "everyone in the room", "none"),
        ("text_source", "The plant will close", "the memo", "document"),
    ],
)
def test_phrases_that_name_no_one_leave_the_speaker_empty(found, doc, start, text, method):
    r = one(found, doc, start)
    assert (r.speaker, r.speaker_text, r.method, r.confidence) == ("", text, method, 0.0)
    assert r.note


def test_unnamed_spokespeople_are_not_the_last_speaker(found):
    for start in ("no such plans", "We have nothing to add"):
        r = one(found, "spokesman", start)
        assert (r.speaker, r.method) == ("", "description"), r.note


def test_scare_quotes_get_no_speaker(found):
    for start in ("many people say", "Birther"):
        r = one(found, "scare", start)
        assert (r.kind, r.speaker, r.method) == ("partial", "", "none")


def test_method_and_confidence_columns(found):
    assert list(found.columns) == COLUMNS and COLUMNS[-2:] == ["method", "confidence"]
    assert found["confidence"].dtype == "float64"
    assert set(found.method) <= {
        "named", "pronoun", "title", "inherited", "after", "description", "document", "none",
    }  # fmt: skip
    # Every named speaker has a method other than none, and no speaker means no confidence.
    assert (found[found.speaker != ""].method != "none").all()
    assert (found[found.speaker == ""].confidence == 0).all()


def test_methods_table_counts_every_quote(found):
    from mediakit.compare import quote_methods

    table = quote_methods(found)
    assert int(table["quotes"].sum()) == len(found)
    assert table["method"].is_unique and table["meaning"].str.len().gt(0).all()
    none = table[table["method"] == "none"]
    assert none.empty or int(none["with_speaker"].iloc[0]) == 0


# -- real articles -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def basil():
    from benchmarks.eval_quotes import evaluate, figures

    m = evaluate(require_shared(BASIL))
    return m, figures


@pytest.mark.slow
def test_speakers_on_annotated_news(basil):
    """Thresholds a little below the figures measured (benchmarks/eval_quotes.py, in its doc)."""
    m, figures = basil
    persons = m[m.gold_type == "person"]
    f_all, f_person = figures(m), figures(persons)
    assert f_all["coverage"] >= 0.95  # measured 98.9%
    assert f_person["accuracy"] >= 0.90  # measured 94.7% (54/57)
    assert f_person["named_precision"] >= 0.90  # measured 94.7%
    assert figures(persons[persons.part == "held-out"])["accuracy"] >= 0.83  # measured 91.7%
    # Group speakers ("Obama campaign"), with a person tied to the group by the article.
    assert f_all["accuracy"] >= 0.70  # measured 74.5%
