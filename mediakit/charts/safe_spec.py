"""Chart specs with only the characters a chart renderer can take.

vl-convert (PNG/SVG export) aborts the whole Python process on a NUL or a
noncharacter (U+FFFF) in a string, and its JavaScript engine fails on U+2028
and U+2029 in a title or label. Article metadata can hold any of them, so
every spec is cleaned where it is rendered or exported: control characters
(other than tab and line breaks), noncharacters and lone surrogates are
dropped, line and paragraph separators become spaces. The tables keep the
exact values.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["safe_spec", "safe_string"]

_DROP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
_SEPARATORS = re.compile("[\u2028\u2029]")


def safe_string(text: str) -> str:
    """``text`` without the characters chart renderers cannot take.

    >>> safe_string("Wire\\x00 News\\uffff\\u2028Daily")
    'Wire News Daily'
    """
    return _SEPARATORS.sub(" ", _DROP.sub("", text))


def safe_spec(spec: Any) -> Any:
    """A copy of a chart spec (dicts, lists, strings) with every string made safe.

    >>> safe_spec({"title": "A\\u2029B", "data": {"values": [{"outlet": "X\\x00"}]}})
    {'title': 'A B', 'data': {'values': [{'outlet': 'X'}]}}
    """
    if isinstance(spec, str):
        return safe_string(spec)
    if isinstance(spec, dict):
        return {safe_spec(k) if isinstance(k, str) else k: safe_spec(v) for k, v in spec.items()}
    if isinstance(spec, list | tuple):
        return [safe_spec(v) for v in spec]
    return spec
