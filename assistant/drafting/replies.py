"""Reading a model's structured reply leniently: the JSON object in it, and scores in a range.

Small models wrap JSON in prose, use curly quotes, leave trailing commas or write Python
literals; every structured prompt (the sounding board, the interviewer, the evaluator) reads
its reply the same way.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Sequence

_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def load_object(raw: str) -> dict[str, object] | None:
    """The first-to-last-brace JSON object in ``raw``, leniently, or None."""
    start, end = raw.find("{"), raw.rfind("}")
    if start < 0 or end <= start:
        return None
    body = raw[start : end + 1].replace("“", '"').replace("”", '"')
    for attempt in (body, _TRAILING_COMMA.sub(r"\1", body)):
        try:
            data = json.loads(attempt)
            return data if isinstance(data, dict) else None
        except json.JSONDecodeError:
            continue
    literal = re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False",
                                                  re.sub(r"\bnull\b", "None", body)))
    try:
        data = ast.literal_eval(_TRAILING_COMMA.sub(r"\1", literal))
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def parse_score(value: object, low: int, high: int, note_keys: Sequence[str],
                max_note: int) -> tuple[int, str] | None:
    """A score clamped to ``low..high`` and its note (from the first of ``note_keys``), from a
    bare number, a string that starts with one, or ``{"score": n, "<note key>": "..."}``."""
    note = ""
    if isinstance(value, dict):
        note = str(next((value[k] for k in note_keys if value.get(k)), ""))
        value = value.get("score", value.get("value"))
    match = re.match(r"\s*(\d+)", str(value)) if value is not None else None
    if not match:
        return None
    return max(low, min(high, int(match.group(1)))), " ".join(note.split())[:max_note]
