"""Reading the interviewer's and evaluator's JSON replies tolerantly, and guarding them.

Small models wrap JSON in prose or code fences, use single quotes, leave trailing commas and
write scores as "2/2". Anything unusable is None, and the service falls back to its rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.drafting.guard import Guard, Limits
from assistant.drafting.replies import load_object, parse_score
from assistant.services.interview.followup import GAPS
from assistant.services.interview.star import PARTS

MAX_TEXT = 1500




@dataclass
class ParsedProbe:
    """The interviewer's decision: a gap (None: no probe) and the question to ask."""

    gap: str | None
    question: str


def parse_probe(raw: str) -> ParsedProbe | None:
    """The interviewer's reply, or None when it is not a usable decision."""
    data = load_object(raw)
    if data is None:
        return None
    gap = re.sub(r"[\s-]+", "_", str(data.get("gap") or "none").strip().lower())
    gap = {"we": "i_vs_we", "ownership": "i_vs_we", "number": "numbers", "metrics": "numbers",
           "length": "rambling", "context": "situation"}.get(gap, gap)
    question = " ".join(str(data.get("question") or "").split())
    probe = data.get("probe", bool(question))
    if isinstance(probe, str):
        probe = probe.strip().lower() in {"true", "yes", "1"}
    if not probe or gap == "none":
        return ParsedProbe(None, "")
    if gap not in GAPS or not question or len(question) > 400:
        return None
    return ParsedProbe(gap, question)


@dataclass
class ParsedEvaluation:
    """The evaluator's reply: scores with evidence per STAR part, the tip, the example."""

    scores: dict[str, tuple[int, str]]
    improvement: str
    example_answer: str




def parse_evaluation(raw: str) -> ParsedEvaluation | None:
    """The evaluator's reply, or None when it holds no usable scores."""
    data = load_object(raw)
    if data is None:
        return None
    raw_scores = data.get("scores", {})
    if not isinstance(raw_scores, dict):
        return None
    scores = {}
    for name, value in raw_scores.items():
        key = str(name).strip().lower()
        parsed = parse_score(value, 0, 2, ("evidence", "quote"), MAX_TEXT)
        if key in PARTS and parsed is not None:
            scores[key] = parsed
    improvement = " ".join(str(data.get("improvement") or "").split())[:MAX_TEXT]
    example = str(data.get("example_answer") or data.get("example") or "").strip()[:MAX_TEXT * 2]
    if not scores:
        return None
    return ParsedEvaluation(scores, improvement, example)


class EvaluationGuard(Guard):
    """The writer's guard for an evaluation: it must parse, and its example must be grounded.

    Scores and the tip are advice; the example answer is words the user may say in a real
    interview, so every name and number in it must come from their answer or profile.
    """

    def __init__(self, base: Guard, example_limits: Limits) -> None:
        super().__init__(base.find_unsupported)
        self.example_limits = example_limits

    def problems(self, text: str, sources: Sequence[str], limits: Limits) -> list[str]:
        """What is wrong with an evaluator reply; empty means it may be used."""
        parsed = parse_evaluation(text)
        if parsed is None:
            return ["it is not the JSON object asked for (scores, improvement, example_answer)"]
        found = [f"the example answer {p}" for p in self.example_limits.problems(
            parsed.example_answer)]
        invented = self.unsupported(parsed.example_answer, sources)
        if invented:
            found.append("the example answer mentions things that are in none of the notes: "
                         + ", ".join(invented))
        if "[" in parsed.example_answer and "]" in parsed.example_answer:
            found.append("the example answer contains a [placeholder]")
        return found


class ProbeGuard(Guard):
    """The writer's guard for the interviewer: a usable decision, grounded, short."""

    def problems(self, text: str, sources: Sequence[str], limits: Limits) -> list[str]:
        """What is wrong with an interviewer reply; empty means it may be used."""
        parsed = parse_probe(text)
        if parsed is None:
            return ['it is not the JSON object asked for ({"probe", "gap", "question"})']
        invented = self.unsupported(parsed.question, sources)
        if invented:
            return ["the question mentions things that are in none of the notes: "
                    + ", ".join(invented)]
        return limits.problems(parsed.question)
