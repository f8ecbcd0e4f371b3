"""Turn uploaded bytes into text, refusing binary or non-UTF-8 input with a fix-it message."""

from __future__ import annotations

import codecs

from assistant.errors import ImportFileError
from assistant.text import clean_text

# A NUL byte this close to the start means a binary file (xlsx, pdf, image), not a text export.
_BINARY_SNIFF_BYTES = 8192


def decode_text(data: bytes, *, export_as: str = "UTF-8 CSV") -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; raise ImportFileError otherwise."""
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
        offset = data.index(b"\x00")
        msg = (
            f"file is binary, not text (NUL byte at offset {offset}); "
            f"export it again as {export_as}"
        )
        raise ImportFileError(msg)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
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
