"""charts.py: titles, units, tooltips, stable outlet colours, small specs, offline SVG export."""

from __future__ import annotations

import importlib
import json
import re

import altair as alt
import numpy as np
import pandas as pd
import pytest

import mediakit
from mediakit import charts
from mediakit.errors import CorpusError

MAX_SPEC_BYTES = 150_000  # a big corpus must not make a chart heavier than this


@pytest.fixture(scope="module")
def sentences(corpus):
    return mediakit.sentences(corpus)


@pytest.fixture(scope="module")
def big(metrics, mentions, sentences):
    """50,000 articles from 400 outlets, resampled from the real rows.

    Mentions and sentences follow their source article for a 5,000-article sample
    (about 450,000 mentions), enough to exercise every aggregation.
    """
    rng = np.random.default_rng(7)
    n = 50_000
    pick = rng.integers(0, len(metrics), n)
    m = metrics.iloc[pick].reset_index(drop=True)
    m["doc_id"] = pd.array([f"d{i:06d}" for i in range(n)], dtype="string")
    m["outlet"] = pd.array([f"Outlet {i:03d}" for i in rng.integers(0, 400, n)], dtype="string")
    sample = m[["doc_id", "outlet"]].assign(src=metrics["doc_id"].to_numpy()[pick]).iloc[:5_000]

    def follow(table: pd.DataFrame) -> pd.DataFrame:
        src = table.drop(columns=["outlet"]).rename(columns={"doc_id": "src"})
        return sample.merge(src, on="src").drop(columns=["src"])

    return m, follow(mentions), follow(sentences)


def all_charts(metrics, mentions, sentences, outlets=None, **kw) -> dict[str, alt.TopLevelMixin]:
    return {
        "metric_by_outlet": charts.metric_by_outlet(
            metrics, "words_per_sentence", outlets=outlets, **kw
        ),
        "metric_profile": charts.metric_profile(metrics, outlets=outlets, **kw),
        "readability_formulas": charts.readability_formulas(metrics, outlets=outlets, **kw),
        "entity_heatmap": charts.entity_heatmap(mentions, metrics, outlets=outlets, **kw),
        "entity_heatmap_per_1k": charts.entity_heatmap(
            mentions, metrics, label="GPE", per_1k=True, top=6, outlets=outlets, **kw
        ),
        "top_entities": charts.top_entities(mentions, metrics, outlets=outlets, **kw),
        "sentence_lengths": charts.sentence_lengths(sentences, outlets=outlets, **kw),
    }


def units(spec: dict, inherited: dict | None = None) -> list[dict]:
    """Every single-view spec inside a layered/faceted spec, with the encodings it inherits."""
    enc = {**(inherited or {}), **spec.get("encoding", {})}
    out = []
    if "mark" in spec:
        out.append({**spec, "encoding": enc})
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []):
            out.extend(units(sub, enc if key == "layer" else None))
    if "spec" in spec:
        out.extend(units(spec["spec"]))
    return out


def data_rows(spec: dict) -> dict[str, list[dict]]:
    return spec.get("datasets", {})


def outlet_colours(spec: dict) -> dict[str, str]:
    """outlet -> colour from every outlet colour scale in the spec."""
    found: dict[str, str] = {}
    for unit in units(spec):
        colour = unit.get("encoding", {}).get("color", {})
        if colour.get("field") == "outlet" and "scale" in colour:
            for o, c in zip(colour["scale"]["domain"], colour["scale"]["range"], strict=True):
                assert found.setdefault(o, c) == c, f"{o} has two colours in one chart"
    return found


# -- palette ------------------------------------------------------------------------------------------------
def test_palette_is_deterministic_and_colour_blind_safe():
    names = ["Outlet C", "Newslooks", "Outlet B", "Outlet C"]
    p = charts.outlet_palette(names)
    assert p == charts.outlet_palette(list(reversed(names)))
    assert list(p) == ["Newslooks", "Outlet B", "Outlet C"]
    assert list(p.values()) == list(charts.PALETTE[:3])  # Okabe-Ito, in order of sorted names


def test_palette_with_many_outlets_is_hashed_and_stable():
    names = [f"Outlet {i}" for i in range(30)]
    p = charts.outlet_palette(names)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in p.values())
    assert p == charts.outlet_palette(names[::-1])
    assert (
        charts.outlet_palette(names + ["Another"])["Outlet 3"] == p["Outlet 3"]
    )  # adding one moves none
    assert len(set(p.values())) > 25


def test_colours_stay_when_charting_a_subset(metrics, mentions, sentences):
    everyone = sorted(metrics["outlet"])
    full = {
        n: outlet_colours(c.to_dict()) for n, c in all_charts(metrics, mentions, sentences).items()
    }
    keep = everyone[2:4]
    sub = all_charts(
        metrics[metrics.outlet.isin(keep)],
        mentions[mentions.outlet.isin(keep)],
        sentences[sentences.outlet.isin(keep)],
        outlets=everyone,
    )
    palette = charts.outlet_palette(everyone)
    for name, chart in sub.items():
        colours = outlet_colours(chart.to_dict())
        if name == "entity_heatmap" or name == "entity_heatmap_per_1k":
            assert colours == {}  # colour encodes counts there
            continue
        assert set(colours) == set(keep), name
        assert colours == {o: palette[o] for o in keep} == {o: full[name][o] for o in keep}, name


# -- labels ----------------------------------------------------------------------------------------------------
def test_every_chart_has_title_axis_titles_and_tooltips(metrics, mentions, sentences):
    for name, chart in all_charts(metrics, mentions, sentences).items():
        spec = chart.to_dict()
        assert spec["title"]["text"], name
        assert spec["title"].get("subtitle"), name
        marks = units(spec)
        assert marks, name
        for unit in marks:
            enc = unit.get("encoding", {})
            if enc.get("x", {}).get("field") == "z" and "tooltip" not in enc:
                continue  # the zero line of the profile
            assert enc.get("tooltip"), f"{name}: a layer without tooltip"
        x_titles = [u["encoding"]["x"].get("title") for u in marks if "x" in u.get("encoding", {})]
        assert any(x_titles), name


def test_axis_titles_carry_units(metrics):
    spec = charts.metric_by_outlet(metrics, "flesch_reading_ease").to_dict()
    titles = {u["encoding"]["x"].get("title") for u in units(spec)}
    assert "Flesch reading ease (0-100, higher = easier)" in titles
    assert "Higher = easier to read." in spec["title"]["subtitle"]
    spec = charts.entity_heatmap(
        mentions=pd.DataFrame(
            {"doc_id": ["a"], "outlet": ["X"], "label": ["PERSON"], "canonical": ["Ann"]}
        ),
        metrics=pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "words": [500]}),
        per_1k=True,
    ).to_dict()
    assert units(spec)[0]["encoding"]["color"]["title"] == "Mentions per 1,000 words"


def test_metric_by_outlet_mean_is_the_article_when_alone(metrics):
    spec = charts.metric_by_outlet(metrics, "words").to_dict()
    datasets = list(data_rows(spec).values())
    means = next(d for d in datasets if d and "mean" in d[0])
    dots = next(d for d in datasets if d and "words" in d[0])
    assert {r["outlet"]: r["mean"] for r in means} == {r["outlet"]: r["words"] for r in dots}
    assert {r["outlet"]: r["words"] for r in dots} == dict(
        zip(metrics.outlet, metrics.words.astype(float), strict=True)
    )
    field = [u["encoding"]["x"]["field"] for u in units(spec)]
    assert field == ["mean", "words"]  # dots drawn last, on top: hover and click reach the article


def test_unknown_metric_is_a_corpus_error(metrics):
    with pytest.raises(CorpusError, match="Valid metrics"):
        charts.metric_by_outlet(metrics, "readability")


# -- size and content of the specs -----------------------------------------------------------------------------
def test_big_tables_stay_small_in_the_spec(big):
    m, ments, sents = big
    made = all_charts(m, ments, sents)
    assert len(m) == 50_000 and m["outlet"].nunique() == 400
    for name, chart in made.items():
        spec = chart.to_dict()  # MaxRowsError would be raised here
        size = len(json.dumps(spec))
        rows = sum(len(v) for v in data_rows(spec).values())
        assert size < MAX_SPEC_BYTES, f"{name}: {size:,} bytes"
        assert rows <= 2_000, f"{name}: {rows} rows"
    note = made["metric_by_outlet"].to_dict()["title"]["subtitle"]
    assert any("too many to draw one by one" in s for s in note)
    # said, not silent; nothing to pick in a static chart
    assert any(
        'The 10 outlets with most articles of 400; the other 390 are summed as "other outlets"' in s
        for s in note
    )


def outlets_drawn(spec: dict) -> set[str]:
    return {str(r["outlet"]) for rows in data_rows(spec).values() for r in rows if "outlet" in r}


def test_every_chart_shows_the_same_largest_outlets_and_sums_the_rest(big):
    m, ments, sents = big
    top = mediakit.compare.outlets_by_articles(m)[:10]
    counts = m["outlet"].value_counts()
    assert counts[top[-1]] >= counts.drop(top).max()  # the rule: most articles
    made = all_charts(m, ments, sents, max_outlets=top, outlets=top)
    for name, chart in made.items():
        spec = chart.to_dict()
        assert outlets_drawn(spec) == {*top, "other outlets"}, name
        assert "pick" not in json.dumps(spec["title"]), name
    # The default is the same rule, for every chart.
    for name, chart in all_charts(m, ments, sents).items():
        assert len(outlets_drawn(chart.to_dict()) - {"other outlets"}) == 10, name


def test_other_outlets_keeps_every_article(big):
    m, _, _ = big
    folded, note = mediakit.compare.keep_largest_outlets(m, 10, "articles")
    assert len(folded) == len(m) and folded["outlet"].nunique() == 11
    assert note and "pick" not in note
    # The corpus average stays the corpus average: z-scores of all outlets' articles.
    z = mediakit.compare.standardized(folded, ["words"])
    assert z["corpus_mean"].iloc[0] == pytest.approx(m["words"].mean())


def test_palette_tells_twelve_outlets_apart_with_colour_and_shape():
    names = [f"Outlet {i:02d}" for i in range(12)] + ["other outlets"]
    colours = charts.outlet_palette(names)
    shapes = charts.style.outlet_shapes(names)
    assert len(set(colours.values())) == 13  # 12 colours and the grey of "other outlets"
    assert colours["other outlets"] == charts.style.OTHER_COLOUR
    assert len(set(shapes.values())) == 6
    assert len({(colours[n], shapes[n]) for n in names}) == 13
    # Up to 8 outlets: Okabe-Ito and circles, as before.
    assert set(charts.style.outlet_shapes(names[:8]).values()) == {"circle"}


def test_a_few_outlets_of_many_get_distinct_colours():
    everyone = [f"Outlet {i:03d}" for i in range(137)]
    spec = charts.metric_profile(
        pd.DataFrame(
            {"doc_id": list("abcd"), "outlet": everyone[:2] * 2, "words": [1.0, 2.0, 3.0, 5.0]}
        ),
        ["words"],
        outlets=everyone,
    ).to_dict()
    assert sorted(outlet_colours(spec).values()) == sorted(charts.PALETTE[:2])


def test_specs_hold_no_article_text(corpus, metrics, mentions, sentences):
    titles = " ".join(corpus["title"])
    texts = [
        s for s in sentences["text"] if len(s) > 60 and s not in titles
    ]  # headlines may be shown
    for name, chart in all_charts(metrics, mentions, sentences).items():
        dumped = json.dumps(chart.to_dict(), ensure_ascii=False)
        assert not any(t in dumped for t in texts[:50]), name
        assert not any(t[:200] in dumped for t in corpus["text"]), name


def test_every_chart_exports_to_svg_offline(metrics, mentions, sentences):
    vlc = pytest.importorskip("vl_convert")
    for name, chart in all_charts(metrics, mentions, sentences).items():
        svg = vlc.vegalite_to_svg(chart.to_dict())
        assert svg.lstrip().startswith("<svg") and "</svg>" in svg, name
        assert chart.to_dict()["title"]["text"].split(":")[0] in svg.replace("&#39;", "'"), name


def test_import_leaves_altair_settings_alone():
    before = (
        alt.data_transformers.active,
        alt.renderers.active,
        alt.theme.active,
        dict(alt.data_transformers.options),
    )
    importlib.reload(charts)
    charts.metric_profile(
        pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "words": [1, 2]}), ["words"]
    )
    after = (
        alt.data_transformers.active,
        alt.renderers.active,
        alt.theme.active,
        dict(alt.data_transformers.options),
    )
    assert before == after


def test_every_metric_has_a_title_with_unit_and_a_description(metrics):
    from mediakit.analyses.metric_info import GRADE_FORMULAS, describe_metric
    from mediakit.analyses.readability import FORMULAS
    from mediakit.compare import metric_columns

    for column in metric_columns(metrics):
        info = describe_metric(column)
        assert info.description, f"{column} is unknown to metric_info (only a made-up title)"
        if column in FORMULAS:
            assert info.description == FORMULAS[column]
    assert {describe_metric(f).higher for f in GRADE_FORMULAS} == {"harder"}
    assert describe_metric("flesch_reading_ease").higher == "easier"
    assert (
        describe_metric("org_mentions_per_1k_words").title
        == "Organisation mentions per 1,000 words"
    )


def test_untitled_articles_are_named_by_their_first_words_not_their_id(corpus, metrics):
    labels = mediakit.compare.article_labels(corpus)
    spec = charts.readability_formulas(metrics, labels=labels).to_dict()
    rows = {r["row"] for rows in data_rows(spec).values() for r in rows if "row" in r}
    untitled = corpus.loc[corpus["title"] == "", "doc_id"].tolist()
    assert untitled  # the bundled corpus has untitled articles
    assert not any(doc in row for doc in untitled for row in rows)
    assert any("“" in row for row in rows)  # "Outlet D · “President Biden …”"
