"""Turn the bytes of a corpus file into text, remembering which encoding worked.

Text files are UTF-8, UTF-8 with a byte-order mark, UTF-16 or UTF-32 (with a
byte-order mark, or without one when charset-normalizer recognises the
pattern of zero bytes), else cp1252. Files that are not text at all (images,
PDFs, Word or zip files, random bytes) are refused with a message that says
what they look like, instead of being read as text full of control
characters.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import CorpusError

__all__ = [
    "FALLBACK_ENCODINGS",
    "control_share",
    "decode_bytes",
    "looks_binary",
    "narrow_encoding",
    "read_text",
]

# Tried in order: UTF-8 is the norm; cp1252 is what Windows tools and older news
# databases export ("caf\xe9", curly quotes as \x93 \x94).
FALLBACK_ENCODINGS = ("utf-8", "cp1252")

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# What a file that is not text usually is, by its first bytes.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.xlsx file, which are zip archives)"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel file"),
    (b"\x1f\x8b", "a gzip file (name it .gz)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file (name it .parquet)"),
)

_UNICODE_WIDE = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")

#: Share of control characters (other than tab, line breaks and form feed)
#: above which decoded bytes are taken for binary data (when there are at
#: least ``MIN_CONTROLS`` of them: one stray NUL in a short text is removed).
MAX_CONTROL_SHARE = 0.01
MIN_CONTROLS = 5

_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")


def looks_binary(text: str) -> bool:
    r"""Whether decoded text holds so many control characters that it is binary data.

    >>> looks_binary("H\x00e\x00l\x00l\x00o\x00"), looks_binary("A stray\x00 NUL.")
    (True, False)
    """
    share = control_share(text)
    return share > MAX_CONTROL_SHARE and share * len(text) >= MIN_CONTROLS


def control_share(text: str) -> float:
    """Share of characters that are C0 control characters other than tab and line breaks.

    >>> control_share("ab\\x00\\x01"), control_share("line\\nnext\\t")
    (0.5, 0.0)
    """
    if not text or _CONTROLS.search(text) is None:
        return 0.0
    return len(_CONTROLS.findall(text)) / len(text)


def decode_bytes(data: bytes, where: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; ``where`` names it in errors.

    >>> decode_bytes("Café".encode("utf-16"), "x")
    ('Café', 'utf-16')
    >>> decode_bytes(b"caf\\xe9", "x")
    ('café', 'cp1252')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            # These codecs drop the mark, so it never becomes a text's first character.
            return _decode(data, encoding, where), encoding
    _refuse_known_binary(data, where)
    if data.count(0) > MAX_CONTROL_SHARE * len(data):
        return _decode_wide(data, where)
    text, encoding = _decode_narrow(data, where)
    controls = round(control_share(text) * len(text))
    if looks_binary(text):
        raise _controls_error(where, controls, len(text))
    return text, encoding


def _controls_error(where: str, controls: int, length: int) -> CorpusError:
    return CorpusError(
        f"{where}: does not look like text: {controls:,} of its {length:,} characters "
        "are control characters such as NUL. If it is text, re-save it as UTF-8; "
        "otherwise remove it."
    )


def _decode(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{where}: starts with a {encoding.upper()} byte-order mark but is not valid "
            f"{encoding.upper()} ({err.reason} at byte {err.start}). Re-save the file as UTF-8."
        ) from None


def _refuse_known_binary(data: bytes, where: str) -> None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise CorpusError(
                f"{where}: is {kind}, not text. Export the articles as plain text (.txt), "
                "CSV, JSONL or Parquet, or remove this file."
            )


def _decode_narrow(data: bytes, where: str) -> tuple[str, str]:
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise _neither_error(where)


def _neither_error(where: str) -> CorpusError:
    return CorpusError(
        f"{where}: the bytes are neither UTF-8 nor cp1252 (Windows-1252) text. "
        "Re-save the file as UTF-8 (most editors offer 'Save with encoding'), "
        "or remove it if it is not a text file."
    )


def _decode_wide(data: bytes, where: str) -> tuple[str, str]:
    """Zero bytes: UTF-16/32 without a byte-order mark, or not text at all."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_UNICODE_WIDE)).best()
    if best is not None and best.encoding in _UNICODE_WIDE:
        text = str(best)
        if control_share(text) <= MAX_CONTROL_SHARE:
            return text, best.encoding.replace("_", "-")
    raise CorpusError(
        f"{where}: does not look like text: {data.count(0):,} of its {len(data):,} bytes are "
        "zero bytes, and it is not UTF-16 or UTF-32 text. If it is text, re-save it as "
        "UTF-8; otherwise remove it."
    )


def read_text(path: Path, *, gzipped: bool = False) -> tuple[str, str]:
    """Read a (possibly gzip-compressed) file and return ``(text, encoding)``."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(
            f"{path}: could not be read ({err.strerror or err}). Check that it is a file "
            "you may read."
        ) from None
    if gzipped:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise CorpusError(
                f"{path}: is not a complete gzip file ({err}). "
                "Download or compress it again, or remove the '.gz' ending if it is plain text."
            ) from None
    return decode_bytes(data, str(path))


def narrow_encoding(chunks: Callable[[], Iterable[bytes]], where: str) -> str | None:
    r"""The encoding :func:`decode_bytes` picks for the bytes ``chunks()`` yields, when it
    is UTF-8 or cp1252, found without holding the whole text; ``None`` when the bytes
    start with a byte-order mark or hold many zero bytes (UTF-16/32: decode them whole).

    In these two encodings a newline is one byte, so lines can be decoded one by one.
    ``chunks`` is called again for each encoding tried; errors are those of
    :func:`decode_bytes`.

    >>> narrow_encoding(lambda: [b"caf\xc3\xa9\n", b"ok"], "x")
    'utf-8'
    >>> narrow_encoding(lambda: [b"caf\xe9"], "x")
    'cp1252'
    >>> print(narrow_encoding(lambda: [b"\xff\xfeA\x00"], "x"))  # UTF-16: decode it whole
    None
    """
    for encoding in FALLBACK_ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)()
        head, size, zeros, chars, controls = b"", 0, 0, 0, 0
        failed = False
        for chunk in chunks():
            if len(head) < 32:
                head += chunk[: 32 - len(head)]
            size += len(chunk)
            zeros += chunk.count(0)
            if failed:
                continue  # the zero bytes still count: they decide for UTF-16/32
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:
                failed = True
                continue
            chars += len(text)
            if _CONTROLS.search(text):
                controls += len(_CONTROLS.findall(text))
        if any(head.startswith(bom) for bom, _ in _BOMS):
            return None
        _refuse_known_binary(head, where)
        if zeros > MAX_CONTROL_SHARE * size:
            return None
        if not failed:
            try:
                chars += len(decoder.decode(b"", final=True))
            except UnicodeDecodeError:  # the bytes end inside a character
                continue
            share = controls / chars if chars else 0.0
            if share > MAX_CONTROL_SHARE and share * chars >= MIN_CONTROLS:
                raise _controls_error(where, round(share * chars), chars)
            return encoding
    raise _neither_error(where)
