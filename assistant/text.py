"""Text measures: how Warmline counts, times, shortens and normalises text. One rule for the
domain, the guard, search, evals and every place that shortens a text for display."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\S*[^\W_]\S*")
ELLIPSIS = "…"
WORDS_PER_MINUTE = 140  # the middle of the 130-150 words a minute the pitch studio enforces
_NON_WORD = re.compile(r"[^\w]+")


def count_words(text: str) -> int:
    """Whitespace-separated tokens with a letter or digit ("—", "-" and "•" are not words).

    The one counting rule for length limits: the guard and the eval metrics both use it.
    """
    return len(_WORD.findall(text))


def count_chars(text: str) -> int:
    """Characters as a paste box counts them, ignoring leading and trailing whitespace."""
    return len(text.strip())


def ellipsize(text: str, max_chars: int) -> str:
    """At most ``max_chars`` characters on one line, cut at a word boundary with an ellipsis
    when cut."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]  # a word ending exactly here cannot stay: the ellipsis needs room
    cut = head.rsplit(" ", 1)[0] if " " in head else head[: max_chars - len(ELLIPSIS)]
    return cut.rstrip(" ,;:.-–—") + ELLIPSIS


def speaking_seconds(text: str, wpm: int = WORDS_PER_MINUTE) -> float:
    """How long the text takes to say aloud, to a tenth of a second."""
    return round(count_words(text) * 60 / wpm, 1)


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text with single spaces."""
    if not text.isascii():  # ASCII has no accents to take off: half the time at 50k contacts
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).replace("_", " ").split())


def _unsafe_codepoints() -> dict[int, None]:
    """Control characters, bidi overrides and invisible format characters (delete table)."""
    spans = [(0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x061C, 0x061C),
             (0x180E, 0x180E), (0x200B, 0x200B), (0x200E, 0x200F), (0x2028, 0x202E),
             (0x2060, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0xE0000, 0xE007F)]
    # ZWNJ and ZWJ (U+200C/U+200D) stay: Persian, Indic scripts and emoji sequences need them.
    return {cp: None for lo, hi in spans for cp in range(lo, hi + 1)}


_UNSAFE = _unsafe_codepoints()
# Whole ANSI sequences (colours, cursor moves, OSC titles and links), not just their ESC byte.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]"
)
_LINE_BREAKS = str.maketrans({"\n": " ", "\t": " "})


def clean_text(text: str, *, multiline: bool = True) -> str:
    """Text without terminal escapes, control characters, bidi overrides or invisible characters.

    Tabs and newlines stay in multi-line text (notes); one-line fields (names, companies) get
    spaces instead.
    """
    if text.isascii() and text.isprintable():
        return text  # the common case, cheaply
    text = _ANSI.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).translate(_UNSAFE)
    return text if multiline else text.translate(_LINE_BREAKS)


def escape_for_terminal(text: str) -> str:
    """Show control and invisible characters as ``\\x1b``-style escapes instead of running them."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        ch if ch in "\n\t" or ord(ch) not in _UNSAFE else ch.encode("unicode_escape").decode()
        for ch in text
    )


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"^[+-]?[\d\s().,/-]*\d[\d\s().,/-]*$")  # "+1 (555) 010-0199", "-5"


def spreadsheet_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: formula-like text gets a leading apostrophe
    (phone numbers and plain numbers, which run nothing, stay as they are)."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    """Rows as CSV text with every cell made safe to open in a spreadsheet."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([spreadsheet_cell(h) for h in header])
    writer.writerows([spreadsheet_cell(c) for c in row] for row in rows)
    return buffer.getvalue()
