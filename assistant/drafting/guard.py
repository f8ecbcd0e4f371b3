"""The output guard: limits obeyed, and no name, company, number or credential from nowhere."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.drafting.entities import unsupported_entities
from assistant.drafting.links import active_content
from assistant.text import (  # noqa: F401 - re-exported for the drafting package
    WORDS_PER_MINUTE,
    count_chars,
    count_words,
    ellipsize,
    speaking_seconds,
)

_ECHO_MIN_WORDS = 4
_ECHO_RUN_WORDS = 6
_BLOCK = re.compile(r"<<<[A-Z][^\n]*\n.*?>>>", re.DOTALL)  # a data block, label to end
_EXAMPLES = re.compile(r'"[^"\n]*"|“[^”\n]*”|\{.*\}')

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
        found.extend(active_content(text, sources))
        return found

    def voice(self, text: str, recipient: str, notes: Sequence[str]) -> list[str]:
        """A model draft that copies a note, speaks of the recipient, or cuts a phrase."""
        from assistant.drafting.voice import voice_problems  # noqa: PLC0415 - no import cycle

        return voice_problems(text, recipient, notes) if recipient else []

    def echoes(self, text: str, prompt: Sequence[str]) -> list[str]:
        """A problem when ``text`` copies whole lines of its own prompt instead of answering."""
        copied = echoed_lines(text, prompt)
        if not copied:
            return []
        shown = "; ".join(f'"{ellipsize(line, 60)}"' for line in copied[:2])
        return [f"it copies lines of the instructions or the blocks instead of writing: {shown}"]


def echoed_lines(text: str, prompt: Sequence[str]) -> list[str]:
    """Lines of ``text`` that are, word for word, lines of the prompt it was given.

    Small models often answer by repeating the data blocks ("- name: Ana Ruiz", "- (none)") or
    the instructions ("Write the message now."): grounded, within limits, and useless. Only
    distinctive prompt lines count: a data line ("- ...") or an instruction of four words or more.
    """
    lines = {
        line.strip()
        for part in prompt
        for line in part.splitlines()
        if line.strip().startswith("- ") or len(line.split()) >= _ECHO_MIN_WORDS
    }
    # Six words in a row from the instructions (not the data blocks, whose facts a draft should
    # repeat) is the model talking about its task: "I'm a career coach helping someone...".
    # Quoted examples and JSON shapes in the instructions are there to be copied; they are out.
    runs = {run for part in prompt for run in _runs(_EXAMPLES.sub(" | ", _BLOCK.sub(" | ", part)))}
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() in lines or not runs.isdisjoint(_runs(line))
    ]


def _runs(text: str, size: int = _ECHO_RUN_WORDS) -> set[tuple[str, ...]]:
    words = re.findall(r"[^\W_]+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}
