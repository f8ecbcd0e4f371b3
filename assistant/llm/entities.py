"""Entity extraction for the grounding guard (interim; replaced by the shared eval metric)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_NUMBER = re.compile(r"\$?\d[\d,.]*%?[kKmMbB]?")
_CAPS = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
COMMON = {"I", "Hi", "Hey", "Hello", "Thanks", "Best", "Last", "It", "You", "No", "Hope", "Talk"}


def unsupported_entities(
    output: str, sources: Sequence[str], *, allowed: Iterable[str] = ()
) -> list[str]:
    """Names and numbers in ``output`` that appear in no source."""
    haystack = " ".join([*sources, *allowed]).lower().replace(",", "")
    found = []
    for match in _NUMBER.findall(output):
        if match.rstrip(".,").replace(",", "").lower() not in haystack:
            found.append(match.rstrip(".,"))
    for match in _CAPS.findall(output):
        words = [w for w in match.split() if w not in COMMON]
        if words and " ".join(words).lower().removesuffix("'s") not in haystack:
            found.append(" ".join(words))
    return sorted(set(found))
