"""Section "Length and readability by outlet": charts from :mod:`mediakit.charts`, explained."""

from __future__ import annotations

from collections.abc import Sequence

from ... import charts, compare
from ...analyses.metric_info import GRADE_FORMULAS, PROFILE_COLUMNS, describe_metric
from ..blocks import Block, Chart, Definitions, Text
from ..context import ReportContext
from ..registry import register_section
from .common import per_outlet_phrase

#: Metrics shown one chart each (``section_options={"metrics": [...]}`` changes them).
DEFAULT_METRICS = ("words", "words_per_sentence", "flesch_reading_ease", "consensus_grade")
#: Articles the report draws as dots, one chart per metric: each dot costs the page about 170
#: bytes, so 5,000 of them in four charts alone were 3.3 MB of the 5 MB budget. More become boxes.
REPORT_POINTS = 2_000
_NUMBERS = [
    "No",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
]
_STATS = ["outlet", "articles", "mean", "median", "min", "max"]
_STAT_NAMES = {"mean": "Mean", "median": "Median", "min": "Lowest", "max": "Highest"}


def small_corpus_caveat(
    articles: int, per_outlet_min: int, *, per_outlet: Sequence[int] | None = None
) -> str:
    """The caveat printed above the charts, sharper for smaller corpora.

    ``per_outlet``: every outlet's article count, for a phrase true of all of
    them ("only one article for 37 of the 137 outlets").

    >>> small_corpus_caveat(5, 1).startswith("Five articles")
    True
    >>> small_corpus_caveat(300, 1, per_outlet=[1, 1, 298])[:80]
    '300 articles show differences; they do not prove them. With only one article for'
    """
    if articles <= 12 or per_outlet_min < 3:
        count = _NUMBERS[articles] if articles < len(_NUMBERS) else f"{articles:,}"
        per = (
            per_outlet_phrase(per_outlet)
            if per_outlet
            else f"{'one article' if per_outlet_min == 1 else f'as few as {per_outlet_min} articles'} per outlet"
        )
        return (
            f"{count} articles show differences; they do not prove them. With "
            f"{per}, "
            "a difference may come from the topic, the author, the format or the length of one article "
            "rather than from the outlet's style. Read these charts as descriptions of these articles."
        )
    return (
        "Differences between outlets are averages over their articles. Before calling one an outlet's "
        "style, check how much its own articles vary (the dots) and whether the difference holds on "
        "another sample of stories."
    )


def _explained(columns: list[str]) -> Definitions:
    return Definitions(
        [(describe_metric(c).short, describe_metric(c).description) for c in columns],
        title="Other measures explained",
    )


def _metric_chart(ctx: ReportContext, metric: str) -> Chart:
    """One metric by outlet: dots up to ``max_points`` articles, boxes past them."""
    info = describe_metric(metric)
    return Chart(
        f"metric-{metric.replace('_', '-')}",
        f"{info.short} by outlet",
        charts.metric_by_outlet(
            ctx.metrics,
            metric,
            max_points=int(ctx.option("max_points", REPORT_POINTS)),
            **ctx.chart_options,
        ),
        data=compare.metric_by_outlet(ctx.metrics, metric).summary[_STATS],
        columns={k: f"{v} ({info.short.lower()})" for k, v in _STAT_NAMES.items()},
        caption=info.description,
    )


@register_section(
    "length-readability",
    "Length and readability by outlet",
    order=20,
    intro="How long the articles are, how long their sentences and words are, and what readability formulas make of them.",
)
def length_readability_section(ctx: ReportContext) -> list[Block]:
    """The metric profile, one chart per metric, the five grade formulas and sentence lengths.

    >>> from mediakit.parsing.parsed import parse_corpus
    >>> blocks = length_readability_section(ReportContext(parse_corpus(cache_dir=False)))
    >>> [b.id for b in blocks if isinstance(b, Chart)][:2]
    ['profile', 'metric-words']
    """
    metrics = ctx.metrics
    per_outlet = metrics.groupby("outlet").size().tolist()
    wanted = [
        m for m in ctx.option("metrics", DEFAULT_METRICS) if m in compare.metric_columns(metrics)
    ]
    profile_cols = [c for c in PROFILE_COLUMNS if c in compare.metric_columns(metrics)]

    caveat = small_corpus_caveat(len(metrics), min(per_outlet), per_outlet=per_outlet)
    blocks: list[Block] = [Text(caveat, style="note")]
    if len(metrics) >= 2:  # z-scores need spread across articles
        blocks.append(
            Chart(
                "profile",
                "How the outlets differ, metric by metric",
                charts.metric_profile(metrics, profile_cols, **ctx.chart_options),
                data=compare.standardized(metrics, profile_cols),
                caption="Every measure on one scale: 0 is the average article of this corpus, "
                "±1 one standard deviation. Details of each measure follow.",
            )
        )
    blocks += [_metric_chart(ctx, metric) for metric in wanted]
    blocks.append(
        Chart(
            "readability-formulas",
            "Five readability formulas",
            charts.readability_formulas(metrics, labels=ctx.article_labels, **ctx.chart_options),
            data=compare.formula_grades(metrics),
            caption="Grade-level formulas turn sentence and word length into a US school grade. They were built "
            "for school books, not news, and disagree with each other; the consensus grade is their median.",
        )
    )
    blocks.append(
        Chart(
            "sentence-lengths",
            "Sentence lengths",
            charts.sentence_lengths(ctx.sentences, **ctx.chart_options),
            data=compare.sentence_length_distribution(ctx.sentences),
            columns={"bin": "Words", "bin_start": "From (words)", "bin_end": "Below (words)"},
            caption="Sentences as split by the language model: a headline, a subheading or a list item "
            "counts as a short sentence, so layout shows up here as well as style.",
        )
    )
    # Charted metrics are explained under their chart; the rest here.
    others = [c for c in dict.fromkeys([*profile_cols, *GRADE_FORMULAS]) if c not in wanted]
    blocks.append(_explained([c for c in others if describe_metric(c).description]))
    return blocks
