"""Pure metrics for the coach's router: right intent, right slots (free text by word overlap)."""

from __future__ import annotations

import re
from typing import Any

from assistant.services.coach.intents import FREE_TEXT_SLOTS
from assistant.services.coach.names import fold
from assistant.services.coach.rules import FREE_TEXT_STOP

FREE_TEXT_MIN_F1 = 0.5  # a free-text slot is right when its content words mostly agree
_WORD = re.compile(r"[\w']+")


def content_words(text: str) -> list[str]:
    """Folded words without filler ('a recruiter' and 'recruiters' share 'recruiter')."""
    words = [w.removesuffix("'s") for w in _WORD.findall(fold(text))]
    return [_stem(w) for w in words if w not in FREE_TEXT_STOP]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def word_f1(expected: str, got: str) -> float:
    """F1 of the content words of two texts (1.0 when both have none)."""
    a, b = content_words(expected), content_words(got)
    if not a and not b:
        return 1.0
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    if not common:
        return 0.0
    precision, recall = common / len(b), common / len(a)
    return 2 * precision * recall / (precision + recall)


def _present(slots: dict[str, Any]) -> dict[str, str]:
    return {k: str(v) for k, v in slots.items() if v not in (None, "", [])}


def slot_errors(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Each slot that is missing, extra or wrong ('contact: wanted X, got Y')."""
    want, have = _present(expected), _present(got)
    errors = []
    for key in sorted(set(want) | set(have)):
        if key not in have:
            errors.append(f"{key}: missing (wanted '{want[key]}')")
        elif key not in want:
            errors.append(f"{key}: not asked for (got '{have[key]}')")
        elif key in FREE_TEXT_SLOTS:
            if word_f1(want[key], have[key]) < FREE_TEXT_MIN_F1:
                errors.append(f"{key}: wanted '{want[key]}', got '{have[key]}'")
        elif fold(want[key]).strip() != fold(have[key]).strip():
            errors.append(f"{key}: wanted '{want[key]}', got '{have[key]}'")
    return errors
