"""The optional model-graded rubric judge (``warmline eval --judge``); off by default."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from assistant.domain import Source
from assistant.errors import ModelError
from assistant.llm.chat import ChatBackend
from assistant.llm.prompts import PromptLibrary
from evals.seed import Case
from evals.suites.base import CaseResult

log = logging.getLogger(__name__)

PROMPT = "judge_rubric"
_VERDICT = re.compile(r"SCORE:\s*\**\s*([1-5])\b(?:.*?REASON:\s*(.+))?", re.I | re.S)


def fence(label: str, lines: Sequence[str]) -> str:
    """Material to grade, fenced as data."""
    body = "\n".join(f"- {' '.join(line.split())}" for line in lines if line.strip())
    return f"<<<{label}\n{body or '- (none)'}\n{label}>>>"


def parse_verdict(reply: str) -> tuple[float | None, str]:
    """(score in 0-1, reason) from a ``SCORE: n`` / ``REASON: ...`` reply; None if unreadable."""
    match = _VERDICT.search(reply)
    if not match:
        return None, "the judge's reply had no SCORE line: " + " ".join(reply.split())[:120]
    reason = " ".join((match.group(2) or "").split())[:200]
    return (int(match.group(1)) - 1) / 4, reason


class Judge:
    """Asks a model to grade a draft against ``prompts/judge_rubric.yaml``."""

    def __init__(self, backend: ChatBackend, prompts: PromptLibrary) -> None:
        self.backend = backend
        self.prompts = prompts

    @property
    def label(self) -> str:
        return self.backend.label

    def score(
        self, task: str, draft: str, sources: Sequence[str], notes: str
    ) -> tuple[float | None, str]:
        """The rubric score (0-1) and the judge's reason; None when the judge failed."""
        messages = self.prompts.get(PROMPT).template().format_messages(
            task=task,
            sources=fence("SOURCES", sources),
            grading_notes=fence("GRADING NOTES", [notes]),
            draft=fence("DRAFT", draft.splitlines()),
        )
        try:
            reply = self.backend.complete(messages)
        except ModelError as e:
            log.warning("the judge failed: %s", e)
            return None, f"the judge failed: {e}"
        return parse_verdict(reply)

    def grade(self, result: CaseResult, case: Case, draft: str, sources: Sequence[Source]) -> None:
        """Add ``judge_rubric`` to a case's scores (never a pass/fail: it is advisory)."""
        task = f"{case.suite} {case.inputs.get('kind', '')} {case.inputs.get('channel', '')}"
        value, reason = self.score(" ".join(task.split()), draft,
                                   [s.snippet for s in sources], case.grading_notes)
        if value is not None:
            result.scores["judge_rubric"] = value
        result.judge_reason = reason
