"""``decode_html``: the bytes of a web page -> text, the way browsers pick the encoding.

A byte-order mark wins, then the charset the server declared (HTTP
``Content-Type``), then a ``<meta charset>`` near the top of the page, then UTF-8,
then Windows-1252. As in browsers, the labels ``iso-8859-1``, ``latin1`` and
``us-ascii`` mean Windows-1252: pages that say Latin-1 use its curly quotes.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_html"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_PRESCAN_BYTES = 4096  # where browsers look for the meta tag (WHATWG: the first 1024+)
_MEANS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a page; return ``(text, encoding)``.

    ``declared`` is the charset from the HTTP ``Content-Type`` header, if any. A
    declared charset that does not decode the bytes is ignored. Bytes that are
    neither UTF-8 nor Windows-1252 are decoded as UTF-8 with replacement
    characters (encoding ``"utf-8 (replaced)"``), as browsers show them.

    >>> decode_html('<meta charset="iso-8859-1"><p>caf\\u00e9 \\u201cok\\u201d'.encode("cp1252"))
    ('<meta charset="iso-8859-1"><p>café “ok”', 'cp1252')
    >>> decode_html(b"<p>caf\\xc3\\xa9</p>")
    ('<p>café</p>', 'utf-8')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff"), encoding
    meta = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    labels = [declared, meta.group(1).decode("ascii") if meta else None]
    for encoding in [_codec(label) for label in labels] + ["utf-8", "cp1252"]:
        if encoding is None:
            continue
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace"), "utf-8 (replaced)"


def _codec(label: str | None) -> str | None:
    """Python's name for a charset label, or None for an unknown label."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _MEANS_CP1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page cannot really be UTF-16 without a BOM when its meta tag was readable as ASCII.
    return "utf-8" if name.startswith("utf-16") else name
