"""Entities on real web text: one rule each, on small articles written for the test."""

from __future__ import annotations

import pandas as pd
import pytest

import mediakit


def _mentions(texts: list[str], outlets: list[str] | None = None, **columns) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(texts))],
            "outlet": outlets or [f"Outlet {i}" for i in range(len(texts))],
            "text": texts,
            **columns,
        }
    )
    return mediakit.entities(mediakit.load_corpus(table), cache_dir=False)


def _of(mentions: pd.DataFrame, doc: str, surface: str) -> pd.DataFrame:
    return mentions[(mentions["doc_id"] == doc) & (mentions["text"] == surface)]


def test_one_word_name_joins_the_full_name_in_its_article_whatever_its_label():
    m = _mentions(
        [
            "Virginia Lt. Gov. Justin Fairfax denied the claim on Monday. "
            '"Mr. Fairfax forced me," the woman said in a statement. Fairfax called it false.',
            "Hillary Clinton spoke in Ohio on Tuesday. Supporters cheered as Hillary took the stage.",
        ]
    )
    fairfax = _of(m, "d0", "Fairfax")
    assert len(fairfax) >= 2
    assert set(fairfax["canonical"]) == {"Justin Fairfax"} and set(fairfax["label"]) == {"PERSON"}
    hillary = _of(m, "d1", "Hillary")
    assert set(hillary["canonical"]) == {"Hillary Clinton"}


@pytest.mark.parametrize(
    "date", ["until the end of May", "in May", "since May", "by May 5", "on 5 May", "in May, 2019"]
)
def test_a_month_used_as_a_date_is_never_a_person(date):
    text = (
        "British Prime Minister Theresa May met European leaders in Brussels on Tuesday. "
        f"Talks will go on {date}, officials said. Mrs. May told reporters she was confident."
    )
    m = _mentions([text])
    may = m[m["canonical"] == "Theresa May"]
    # "Theresa May" and "Mrs. May" are her; the "May" of the date never is.
    assert sorted(may["start_char"]) == [text.index("Theresa"), text.index("May told")]


def test_a_shared_surname_is_not_merged_across_articles():
    m = _mentions(
        [
            "Martin Luther King Jr. led the march in 1965. Martin Luther King spoke of a dream.",
            "Martin Luther King gave the speech in Washington. King was 34.",
            "Rep. Peter King of New York said on Sunday that the bill would fail.",
            "Republicans met on Monday. Rep. King, a New York Republican, told reporters the "
            "plan had the votes.",
        ]
    )
    # d3 names only "King": two people share the surname, neither dominates,
    # and there is no story to agree on, so it is not merged into either.
    assert (
        set(m.loc[m["doc_id"] == "d3", "canonical"]) & {"Martin Luther King", "Peter King"} == set()
    )
    assert "Peter King" in set(m.loc[m["doc_id"] == "d2", "canonical"])


def test_a_shared_surname_follows_the_story():
    texts = [
        "Rep. Peter King of New York said on Sunday that the bill would fail.",
        "Republicans met on Monday to count votes on the bill. Rep. King, a New York "
        "Republican, told reporters it had none.",
        "Martin Luther King gave the speech in Washington in 1963.",
    ]
    m = _mentions(texts, story=["bill", "bill", "speech"])
    king = _of(m, "d1", "King")
    assert set(king["canonical"]) == {"Peter King"}


def test_a_plural_family_name_is_its_own_entity():
    m = _mentions(
        [
            "Hillary Clinton spoke on Monday. The Clintons have long ties to Arkansas, and "
            "Clinton said she would return there."
        ]
    )
    assert set(_of(m, "d0", "Clintons")["canonical"]) == {"Clintons"}
    assert set(_of(m, "d0", "Clinton")["canonical"]) == {"Hillary Clinton"}


def test_news_agencies_are_one_organisation_and_credits_are_not_mentions():
    m = _mentions(
        [
            "The Associated Press reported the vote on Monday. AP said turnout was high.",
            "Voters line up in Ohio on Tuesday. Jane Roe/AP\n"
            "Turnout was high, Reuters reported, citing officials.",
            "Officials confirmed the count to AFP, and Agence France-Presse said the results "
            "were final.",
        ]
    )
    agencies = m[m["label"] == "ORG"].groupby("canonical").size().to_dict()
    assert agencies.get("Associated Press") == 2  # not the "Jane Roe/AP" credit
    assert agencies.get("Reuters") == 1
    assert agencies.get("Agence France-Presse") == 2
    assert not (m["text"] == "Jane Roe").any()


def test_covid_is_one_name_and_not_a_place():
    m = _mentions(
        [
            "Covid cases rose in Texas on Monday. Officials said COVID-19 testing would expand.",
            "The COVID-19 pandemic closed schools in Ohio.",
        ]
    )
    covid = m[m["text"].str.contains("(?i)covid")]
    assert len(covid) >= 2
    assert set(covid["canonical"]) == {"COVID-19"} and "GPE" not in set(covid["label"])
