"""Reading a model's critique: tolerant JSON parsing and a guard that checks only the revision.

llama.cpp servers reject ``json_schema`` response formats, so the prompt asks for JSON in words and
this module copes with what small models send back: code fences, prose around the object,
trailing commas, single quotes, scores as "4/5", rubric names with spaces.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.drafting.guard import Guard, Limits
from assistant.drafting.offline.sounding_board import RUBRIC

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
MAX_REASON = 200


@dataclass
class ParsedCritique:
    """What a critique reply holds once parsed; missing parts are empty."""

    scores: dict[str, tuple[int, str]]
    questions: list[str]
    revision: str


def _load(raw: str) -> object | None:
    start, end = raw.find("{"), raw.rfind("}")
    if start < 0 or end <= start:
        return None
    body = raw[start : end + 1].replace("“", '"').replace("”", '"')
    for attempt in (body, _TRAILING_COMMA.sub(r"\1", body)):
        try:
            return json.loads(attempt)
        except json.JSONDecodeError:
            continue
    literal = re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False",
                                                  re.sub(r"\bnull\b", "None", body)))
    try:
        return ast.literal_eval(_TRAILING_COMMA.sub(r"\1", literal))
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None


def _rubric_name(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def _score(value: object) -> tuple[int, str] | None:
    reason = ""
    if isinstance(value, dict):
        reason = str(value.get("reason") or value.get("why") or "")
        value = value.get("score", value.get("value"))
    match = re.match(r"\s*(\d+)", str(value)) if value is not None else None
    if not match:
        return None
    return max(1, min(5, int(match.group(1)))), " ".join(reason.split())[:MAX_REASON]


def parse_critique(raw: str) -> ParsedCritique | None:
    """The critique in a model's reply, or None if there is no usable JSON object in it."""
    data = _load(raw)
    if not isinstance(data, dict):
        return None
    raw_scores = data.get("scores", {})
    if isinstance(raw_scores, list):
        raw_scores = {str(item.get("name", "")): item for item in raw_scores
                      if isinstance(item, dict)}
    if not isinstance(raw_scores, dict):
        return None
    scores = {}
    for name, value in raw_scores.items():
        key = _rubric_name(str(name))
        parsed = _score(value)
        if key in RUBRIC and parsed:
            scores[key] = parsed
    questions = data.get("questions", [])
    if isinstance(questions, str):
        questions = [questions]
    revision = data.get("revision", "")
    if not scores or not isinstance(questions, list) or not isinstance(revision, str):
        return None
    return ParsedCritique(scores, [" ".join(str(q).split()) for q in questions if str(q).strip()],
                          revision.strip())


class CritiqueGuard(Guard):
    """The writer's guard for critiques: the reply must parse, and its revision must be grounded.

    Scores and reasons are advice about the pitch, not text the user will send, so only the
    revision is held to the rule that every name and number comes from the user's material.
    """

    def __init__(self, base: Guard, revision_limits: Limits) -> None:
        super().__init__(base.find_unsupported)
        self.revision_limits = revision_limits

    def problems(self, text: str, sources: Sequence[str], limits: Limits) -> list[str]:
        """What is wrong with a critique reply; empty means it may be used."""
        parsed = parse_critique(text)
        if parsed is None:
            return ["it is not the JSON object asked for (scores, questions, revision)"]
        found = [f"the revision {p}" for p in self.revision_limits.problems(parsed.revision)]
        invented = self.unsupported(parsed.revision, sources)
        if invented:
            found.append("the revision mentions things that are in none of the notes: "
                         + ", ".join(invented))
        if "[" in parsed.revision and "]" in parsed.revision:
            found.append("the revision contains a [placeholder]")
        return found
