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
