"""The report sections on how outlets differ: distinctive words, quotes, figures, unique reporting.

Known cases of the bundled corpus, checked by hand once against the article
texts: Guterres is quoted "We want peace, but a just peace" (Newslooks) and
"We want peace, we want fair peace" (Outlet D); the North Korean troops are
"approximately 12,000" (Newslooks), "an estimated 10,000" (Outlet B), "up to
12,000" (Outlet C), "as many as 12,000" (Outlet D) and "over 10,000" (Outlet E);
US aid is "more than $56.2 billion" (Newslooks, Outlet C) or "over $56
billion" (Outlet D); "Strikes are not made with words" is in Newslooks and
Outlet D.
"""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

import mediakit
from mediakit.reporting import registered_sections, report
from tests.reporting.test_report import DAY, IMG, OUTLET, SCRIPT, parse

SECTIONS = {
    "distinctive-words": "Distinctive words",
    "who-is-quoted": "Who is quoted",
    "figures-disagree": "Figures that disagree",
    "only-one-outlet": "What only one outlet reports",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus):
    root = tmp_path_factory.mktemp("report-differ")
    path = report(corpus, root / "report.html", analysed_on=DAY, tables_dir=root / "tables")
    tables = {
        p.stem: _unescaped(pd.read_csv(p, keep_default_na=False))
        for p in (root / "tables").glob("*.csv")
    }
    return path.read_text(encoding="utf-8"), tables


def _unescaped(table: pd.DataFrame) -> pd.DataFrame:
    """Undo the documented spreadsheet escape: "'- bullet" was written for "- bullet"."""
    lead = ("'=", "'+", "'-", "'@", "'\t", "'\r")
    return table.apply(
        lambda col: col.map(lambda v: v[1:] if isinstance(v, str) and v.startswith(lead) else v)
    )


def _section(page: str, section_id: str) -> str:
    """The HTML of one section, with entities decoded (for reading its text)."""
    m = re.search(rf'<section id="{section_id}">(.*?)</section>', page, flags=re.S)
    assert m, f"section {section_id} missing"
    return html.unescape(m.group(1))


def test_the_four_sections_follow_the_builtin_ones():
    ids = [s.id for s in registered_sections()]
    assert ids[:4] == ["corpus", "length-readability", "entities", "stories"]
    assert ids[4:8] == list(SECTIONS)


def test_sections_appear_in_order_with_charts(built):
    page, _ = built
    positions = [page.index(f'<section id="{sid}">') for sid in SECTIONS]
    assert positions == sorted(positions) and positions[0] > page.index('<section id="entities">')
    for sid, title in SECTIONS.items():
        assert f'<a href="#{sid}">{title}</a>' in page  # listed in the contents
    for chart in (
        "keyness",
        "quotes-by-speaker",
        "quote-alignment",
        "figure-disagreements",
        "similarity-heatmap",
        "unique-share",
    ):
        assert f'id="chart-{chart}"' in page
        spec = re.search(rf'<script type="application/json" id="spec-{chart}">(.*?)</script>', page)
        assert json.loads(spec.group(1))["$schema"].startswith("https://vega.github.io/schema/")


def test_distinctive_words_explains_the_method_and_finds_known_terms(built):
    text = _section(built[0], "distinctive-words")
    assert "informative Dirichlet prior" in text and "1.96" in text
    # Hand-checked: Newslooks names Trump 11 times, the four others 7 times in all.
    assert "Newslooks: Donald Trump (z 2.5; 11 uses, 7 elsewhere)" in text
    assert "With one article per outlet" in text  # the small-corpus caveat


def test_who_is_quoted_shows_the_known_renderings(built):
    text = _section(built[0], "who-is-quoted")
    assert (
        "Newslooks: “We want peace, but a just peace” · Outlet D: “We want peace, we want fair peace”"
        in text
    )
    assert "Outlet E: “Missiles don’t need announcements. They’ll speak for themselves”" in text
    assert "Newslooks: “The missiles will speak for themselves.” (2 times)" in text


def test_who_is_quoted_shows_how_each_speaker_was_found(built):
    page, tables = built
    text = _section(page, "who-is-quoted")
    assert "How the speakers were found" in text and "How the speaker was found" in text
    quotes, methods = tables["quotes"], tables["quote-methods"]
    assert int(methods["quotes"].sum()) == len(quotes)
    assert {"method", "confidence", "evidence"} <= set(quotes.columns)
    # Hand-checked: 004 quotes Turner ("he said" after a quote naming Biden); the
    # evidence shown is the sentence holding the quote and "he said".
    turner = quotes[quotes["quote"].str.startswith("President Biden should have acted")].iloc[0]
    assert (turner["speaker"], turner["method"]) == ("Michael R. Turner", "pronoun")
    assert "he said" in turner["evidence"] and turner["evidence"] in text


def test_figures_that_disagree_lists_troops_and_aid(built):
    text = _section(built[0], "figures-disagree")
    assert (
        "Newslooks: approximately 12,000 · Outlet B: an estimated 10,000 · Outlet C: up to 12,000 · "
        "Outlet D: as many as 12,000 · Outlet E: over 10,000" in text
    )
    assert "Outlet C: more than $56.2 billion · Outlet D: over $56 billion" in text
    # Agreeing claims are listed apart from the disagreements.
    agree = text[text.index("Where the figures agree") :]
    assert "Newslooks: at least eight · Outlet D: at least eight" in agree


def test_what_only_one_outlet_reports(built):
    page, tables = built
    text = _section(page, "only-one-outlet")
    assert "Strikes are not made with words" in text  # shared by Newslooks and Outlet D
    share = tables["unique-share-data"]
    assert share["outlet"].tolist() == ["Newslooks", "Outlet B", "Outlet C", "Outlet D", "Outlet E"]
    assert (share["unique_sentences"] <= share["sentences"]).all()
    assert len(tables["unique-sentences"]) == int(share["unique_sentences"].sum())


def test_every_evidence_row_points_at_its_text(built, corpus):
    """doc_id + character offsets lead back to the quote, the number, the sentence."""
    _, tables = built
    texts = dict(zip(corpus["doc_id"], corpus["text"], strict=True))

    def at(row):
        return texts[row.doc_id][row.start_char : row.end_char]

    quotes = tables["quotes"]
    assert len(quotes) == len(mediakit.quotes(corpus))  # every row in the CSV
    assert all(at(r) == r.quote for r in quotes.itertuples())
    assert all(at(r) == r.text for r in tables["figures"].itertuples())
    assert all(at(r) == r.text for r in tables["unique-sentences"].itertuples())
    assert all(r.claim.endswith(at(r)) for r in tables["figures-compared"].itertuples())
    assert all(at(r) == r.quote for r in tables["quote-alignment-data"].itertuples())
    # The full keyness table goes to the CSV, the page shows its first rows.
    keyness = mediakit.keyness(corpus, entities="canonical")
    assert len(tables["keyness-terms"]) == len(keyness)
    assert "First 25 of " + f"{len(keyness):,}" + " rows shown" in built[0]


def test_sections_reuse_the_reports_single_parse(tmp_path, corpus, monkeypatch):
    from mediakit.analyses import overlap
    from mediakit.analyses.figures import table as figure_table
    from mediakit.analyses.keyness import table as keyness_table
    from mediakit.analyses.quotes import table as quote_table
    from mediakit.parsing import parsed

    def refuse(*args, **kwargs):
        raise AssertionError("a section parsed the corpus again")

    for module in (keyness_table, figure_table, quote_table, overlap):
        monkeypatch.setattr(module, "parse_corpus", refuse)
    parsed_texts = []
    real = parsed.parse_into

    def counting(store, todo, **kwargs):
        parsed_texts.extend(todo)
        return real(store, todo, **kwargs)

    monkeypatch.setattr(parsed, "parse_into", counting)
    report(corpus, tmp_path / "r.html", analysed_on=DAY, cache_dir=False, sections=list(SECTIONS))
    assert len(parsed_texts) == len(corpus)  # each article parsed once, for the whole report


def test_report_with_the_new_sections_is_byte_identical(tmp_path, corpus):
    a = report(corpus, tmp_path / "a.html", analysed_on=DAY)
    b = report(corpus, tmp_path / "b.html", analysed_on=DAY)
    assert a.read_bytes() == b.read_bytes()
    assert all(f'<section id="{sid}">' in a.read_text(encoding="utf-8") for sid in SECTIONS)


def hostile_quotes_corpus() -> pd.DataFrame:
    """Untrusted text inside quotes, speakers' outlets and figures that disagree."""
    body = (
        "President Joe Biden met Volodymyr Zelensky in Kyiv on Monday. “{x} We will not stop,” "
        "Zelensky said. Officials in Washington said the United States would send more than "
        "${n} billion in aid to Ukraine. Vladimir Putin warned NATO. “Strikes are not made with "
        "words {x},” Putin said. Reporters asked about the deal </script><!-- {x}."
    )
    return mediakit.load_corpus(
        pd.DataFrame(
            {
                "doc_id": ["h1", "h2", "h3"],
                "outlet": [OUTLET, "Plain Wire", OUTLET],
                "title": [SCRIPT, "An ordinary title & more", f"Second {SCRIPT}"],
                "text": [
                    body.format(x=SCRIPT, n=5),
                    body.format(x="Really", n=5),
                    body.format(x=IMG, n=6),
                ],
            }
        )
    )


def test_hostile_quotes_are_shown_as_text(tmp_path):
    page = report(hostile_quotes_corpus(), tmp_path / "h.html", analysed_on=DAY).read_text(
        encoding="utf-8"
    )
    for sid in ("who-is-quoted", "figures-disagree", "only-one-outlet"):
        assert f'<section id="{sid}">' in page  # the sections did run on this corpus
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.S)  # minus vega's own code
    for raw in (SCRIPT, IMG, OUTLET, "<svg", "<img", "<!--"):
        assert raw not in markup
    # The quote with a <script> in it, as text: in the table of quotes and the aligned statements.
    assert "&lt;script&gt;alert(1)&lt;/script&gt; We will not stop" in page
    assert "Strikes are not made with words &lt;img src=x onerror=alert(1)&gt;" in page
    assert "&#34;&gt;&lt;svg onload=alert(1)&gt;: more than $5 billion" in page  # figures
    tags = parse(page)
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p"}
    allowed |= {"nav", "ol", "ul", "li", "a", "noscript", "main", "section", "figure", "figcaption"}
    allowed |= {"div", "script", "details", "summary", "table", "caption", "thead", "tbody", "tr"}
    allowed |= {"th", "td", "button", "dl", "dt", "dd", "footer", "code", "span"}
    allowed |= {"dialog"}  # the article reader
    assert {t for t, _ in tags.tags} <= allowed
    assert not [(t, k) for t, a in tags.tags for k in a if k.lower().startswith("on")]
    for attrs, text in tags.scripts:
        if attrs.get("type") == "application/json":
            assert "<" not in text and ">" not in text
            json.loads(text)
    assert len(tags.scripts) == page.count("</script>")
