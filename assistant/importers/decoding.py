"""Turn uploaded bytes into text: UTF-8, UTF-16 (BOM or not) and Windows-1252/Latin-1 exports are
decoded; binary input is refused with a fix-it message."""

from __future__ import annotations

import codecs

from assistant.errors import ImportFileError
from assistant.text import clean_text

# A NUL byte this close to the start means a binary file (xlsx, pdf, image), not a text export.
_BINARY_SNIFF_BYTES = 8192


def decode_text(data: bytes, *, export_as: str = "UTF-8 CSV") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 (with or without BOM), or Windows-1252/Latin-1;
    raise ImportFileError for anything else."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" and some Windows tools write UTF-16 with a BOM.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            msg = (
                f"file looks like UTF-16 but is damaged at offset {e.start}; "
                f"export it again as {export_as}"
            )
            raise ImportFileError(msg) from e
        return _refuse_nul(text, export_as)
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        if (utf16 := _utf16_without_bom(data)) is not None:
            return _refuse_nul(utf16, export_as)
        offset = data.index(b"\x00")
        msg = (
            f"file is binary, not text (NUL byte at offset {offset}); "
            f"export it again as {export_as}"
        )
        raise ImportFileError(msg)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        if (legacy := _windows_or_latin1(data)) is not None:
            return _refuse_nul(legacy, export_as)
        byte = data[e.start]
        msg = (
            f"file is not UTF-8 text (byte 0x{byte:02x} at offset {e.start}); "
            f"export it again as {export_as}"
        )
        raise ImportFileError(msg) from e
    return _refuse_nul(text, export_as)


def _refuse_nul(text: str, export_as: str) -> str:
    """Reject text that still carries NUL characters (binary data that happened to decode)."""
    if "\x00" in text:
        offset = text.index("\x00")
        msg = (
            f"file is binary, not text (NUL character at position {offset}); "
            f"export it again as {export_as}"
        )
        raise ImportFileError(msg)
    # Terminal escapes, bidi overrides and zero-width characters are never part of a contact.
    return clean_text(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM (some Windows tools), told apart from binary by its NUL pattern.

    Text in Latin scripts has a NUL in every other byte: the odd bytes for little-endian, the
    even ones for big-endian. Binary files have NULs at random.
    """
    sample = data[:_BINARY_SNIFF_BYTES]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    even_nul = sample[0::2].count(0) / pairs
    odd_nul = sample[1::2].count(0) / pairs
    if odd_nul >= 0.4 and even_nul < 0.05:
        encoding = "utf-16-le"
    elif even_nul >= 0.4 and odd_nul < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _looks_like_text(text) else None


def _windows_or_latin1(data: bytes) -> str | None:
    """Windows-1252 (Excel's default in the West), else Latin-1, if the result reads as text.

    A file that also holds valid multi-byte UTF-8 is damaged UTF-8, not a legacy export:
    decoding it as Windows-1252 would garble every accent, so it stays refused.
    """
    lenient = data.decode("utf-8", errors="replace")
    if any(ord(ch) > 0x7F and ch != "\ufffd" for ch in lenient):
        return None
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text if _looks_like_text(text) else None
    return None


def _looks_like_text(text: str) -> bool:
    """Hardly any control characters: a text export, not binary that happened to decode."""
    sample = text[:_BINARY_SNIFF_BYTES]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r")
                   or 0x7F <= ord(ch) < 0xA0)
    return bool(sample.strip()) and controls <= len(sample) // 100
