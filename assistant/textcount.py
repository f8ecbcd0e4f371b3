"""How Warmline counts text for length limits: one rule for the domain, the guard and evals."""

from __future__ import annotations

import re

_WORD = re.compile(r"\S*[^\W_]\S*")


def count_words(text: str) -> int:
    """Whitespace-separated tokens with a letter or digit ("—", "-" and "•" are not words).

    The one counting rule for length limits: the guard and the eval metrics both use it.
    """
    return len(_WORD.findall(text))


def count_chars(text: str) -> int:
    """Characters as a paste box counts them, ignoring leading and trailing whitespace."""
    return len(text.strip())
