"""Turn the bytes of a corpus file into text, remembering which encoding worked."""

from __future__ import annotations

import codecs
import gzip
import zlib
from pathlib import Path

from ..errors import CorpusError

# Tried in order: UTF-8 is the norm; cp1252 is what Windows tools and older news
# databases export ("caf\xe9", curly quotes as \x93 \x94).
FALLBACK_ENCODINGS = ("utf-8", "cp1252")


def decode_bytes(data: bytes, where: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; ``where`` names it in errors."""
    if data.startswith(codecs.BOM_UTF8):
        # utf-8-sig drops the BOM, so it never becomes the first character of a text.
        return _decode(data, "utf-8-sig", where), "utf-8-sig"
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise CorpusError(
        f"{where}: the bytes are neither UTF-8 nor cp1252 (Windows-1252) text. "
        "Re-save the file as UTF-8 (most editors offer 'Save with encoding'), "
        "or remove it if it is not a text file."
    )


def _decode(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise CorpusError(
            f"{where}: starts with a UTF-8 byte-order mark but is not valid UTF-8 "
            f"({err.reason} at byte {err.start}). Re-save the file as UTF-8."
        ) from None


def read_text(path: Path, *, gzipped: bool = False) -> tuple[str, str]:
    """Read a (possibly gzip-compressed) file and return ``(text, encoding)``."""
    data = path.read_bytes()
    if gzipped:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise CorpusError(
                f"{path}: is not a complete gzip file ({err}). "
                "Download or compress it again, or remove the '.gz' ending if it is plain text."
            ) from None
    return decode_bytes(data, str(path))
