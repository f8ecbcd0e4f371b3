"""Reading a model's critique: tolerant JSON parsing and a guard that checks only the revision.

llama.cpp servers reject ``json_schema`` response formats, so the prompt asks for JSON in words and
this module copes with what small models send back: code fences, prose around the object,
trailing commas, single quotes, scores as "4/5", rubric names with spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.drafting.guard import Guard, Limits
from assistant.drafting.offline.sounding_board import RUBRIC
from assistant.drafting.replies import load_object, parse_score

MAX_REASON = 200


@dataclass
class ParsedCritique:
    """What a critique reply holds once parsed; missing parts are empty."""

    scores: dict[str, tuple[int, str]]
    questions: list[str]
    revision: str




def _rubric_name(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().lower())




def parse_critique(raw: str) -> ParsedCritique | None:
    """The critique in a model's reply, or None if there is no usable JSON object in it."""
    data = load_object(raw)
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
        parsed = parse_score(value, 1, 5, ("reason", "why"), MAX_REASON)
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
