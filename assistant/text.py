"""How Warmline measures and cuts text for length limits: one rule for the domain, the guard,
evals and every place that shortens a text for display."""

from __future__ import annotations

import re

_WORD = re.compile(r"\S*[^\W_]\S*")
ELLIPSIS = "…"


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
