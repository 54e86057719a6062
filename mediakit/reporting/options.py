"""The settings report sections read (``section_options``), checked before any work.

A value of the wrong kind (``{"top": "ten"}``) used to fail deep inside a
section with a bare ``int()`` error; here it is refused at once, naming the
option and what it takes. Options nobody registered are passed on (a plugin
section may read its own), with a warning when the name is close to a known
one (``"tpo"``: did you mean ``"top"``?).
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Callable, Mapping
from typing import Any

from ..errors import OptionError

__all__ = ["SECTION_OPTIONS", "check_section_options"]


def _count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 1:
        return value
    if isinstance(value, float) and value.is_integer() and value >= 1:
        return int(value)
    return None


def _share(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 1:
        return float(value)
    return None


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _names(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _choice(*allowed: str) -> Callable[[Any], Any]:
    return lambda value: value if value in allowed else None


def _optional_count(value: Any) -> int | str | None:
    # None is a valid value here ("every row"); "all" stands for it while checking.
    return "all" if value is None else _count(value)


_COUNT = (_count, "a whole number of at least 1")

#: Option name -> (checker returning the value to use or None, what it takes).
SECTION_OPTIONS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "top": (_count, "a whole number of at least 1 (entities per outlet)"),
    "per_1k": (_flag, "True or False (counts per 1,000 words)"),
    "entity_labels": (_names, "a list of entity labels such as ['PERSON', 'ORG']"),
    "heatmap_top": _COUNT,
    "table_rows": (_count, "a whole number of at least 1 (rows shown per table)"),
    "metrics": (_names, "a list of metric column names such as ['words', 'gunning_fog']"),
    "keyness_top": _COUNT,
    "keyness_stopwords": (
        lambda v: v if v in ("keep", "drop") else _names(v),
        "'keep', 'drop' or a list of words",
    ),
    "keyness_entities": (_choice("keep", "drop", "canonical"), "'keep', 'drop' or 'canonical'"),
    "keyness_rows": (_optional_count, "None or a whole number of at least 1"),
    "quotes_top": _COUNT,
    "overlap_threshold": (_share, "a number above 0 and at most 1 (similarity threshold)"),
    "stories_top": (_count, "a whole number of at least 1 (stories given their own sections)"),
    "stories_rows": (_count, "a whole number of at least 1 (stories listed in the table)"),
    "article_rows": (_count, "a whole number of at least 1 (rows of the article table shown)"),
    "reader_chars": (
        lambda v: 0 if v == 0 and not isinstance(v, bool) else _count(v),
        "a whole number (characters of article text embedded for the reader; 0: none)",
    ),
    "max_points": (
        _count,
        "a whole number of at least 1 (articles drawn as dots; more become box plots)",
    ),
    "outlets_top": (
        _count,
        "a whole number of at least 1 (outlets named in the charts; the rest are summed)",
    ),
}


def check_section_options(options: Mapping[str, Any] | None) -> dict[str, Any]:
    """``options`` checked: known ones of the right kind, unknown ones passed on.

    >>> check_section_options({"top": 15, "per_1k": True})
    {'top': 15, 'per_1k': True}
    >>> check_section_options({"top": "ten"})
    Traceback (most recent call last):
    ...
    mediakit.errors.OptionError: section_options['top'] must be a whole number of at least 1 (entities per outlet), not 'ten'.
    """
    if options is None:
        return {}
    if not isinstance(options, Mapping):
        raise OptionError(
            f"section_options must be a dict such as {{'top': 15}}, not a {type(options).__name__}."
        )
    checked: dict[str, Any] = {}
    for name, value in options.items():
        if name not in SECTION_OPTIONS:
            close = difflib.get_close_matches(str(name), list(SECTION_OPTIONS), n=1)
            if close:
                warnings.warn(
                    f"section_options[{name!r}] is not an option of the built-in sections; "
                    f"did you mean {close[0]!r}?",
                    UserWarning,
                    stacklevel=3,
                )
            checked[name] = value
            continue
        check, takes = SECTION_OPTIONS[name]
        result = check(value)
        if result is None:
            raise OptionError(f"section_options[{name!r}] must be {takes}, not {value!r}.")
        checked[name] = None if result == "all" else result
    return checked
