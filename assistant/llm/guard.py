"""The output guard: limits obeyed, and no name, company, number or credential from nowhere."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.llm.entities import unsupported_entities

WORDS_PER_MINUTE = 140  # the middle of the 130-150 words a minute the pitch studio enforces
_WORD = re.compile(r"\S*[^\W_]\S*")

EntityCheck = Callable[[str, Sequence[str]], list[str]]


@dataclass(frozen=True)
class Limits:
    """Length bounds for one piece of writing. ``None`` means unbounded."""

    max_words: int | None = None
    min_words: int | None = None
    max_chars: int | None = None

    def problems(self, text: str) -> list[str]:
        """What breaks these limits, as sentences a model (or a user) can act on."""
        words, chars = count_words(text), count_chars(text)
        found = []
        if self.max_words is not None and words > self.max_words:
            found.append(f"it has {words} words; the limit is {self.max_words}")
        if self.min_words is not None and words < self.min_words:
            found.append(f"it has {words} words; it needs at least {self.min_words}")
        if self.max_chars is not None and chars > self.max_chars:
            found.append(f"it has {chars} characters; the limit is {self.max_chars}")
        return found


def count_words(text: str) -> int:
    """Whitespace-separated tokens with a letter or digit ("—", "-" and "•" are not words).

    The one counting rule for length limits: the guard and the eval metrics both use it.
    """
    return len(_WORD.findall(text))


def count_chars(text: str) -> int:
    """Characters as a paste box counts them, ignoring leading and trailing whitespace."""
    return len(text.strip())


def speaking_seconds(text: str, wpm: int = WORDS_PER_MINUTE) -> float:
    """How long the text takes to say aloud, to a tenth of a second."""
    return round(count_words(text) * 60 / wpm, 1)


class Guard:
    """Checks a model's output against its sources and limits."""

    def __init__(self, find_unsupported: EntityCheck = unsupported_entities) -> None:
        self.find_unsupported = find_unsupported

    def unsupported(self, text: str, sources: Sequence[str]) -> list[str]:
        """Entities in ``text`` that no source mentions."""
        return self.find_unsupported(text, sources)

    def problems(self, text: str, sources: Sequence[str], limits: Limits) -> list[str]:
        """Everything wrong with ``text``; empty means it may be shown."""
        found = limits.problems(text)
        if not text.strip():
            found.append("it is empty")
        invented = self.unsupported(text, sources)
        if invented:
            found.append("it mentions things that are in none of the notes: " + ", ".join(invented))
        if "[" in text and "]" in text:
            found.append("it contains a [placeholder]")
        return found
