"""Eval suites: each runs one case against the built app and grades it."""

from __future__ import annotations

from collections.abc import Callable

from evals.seed import Case
from evals.suites import injection, interview, outreach, outreach_blind, pitch, retrieval, story
from evals.suites.base import CaseResult, EvalContext

SuiteRun = Callable[[EvalContext, Case], CaseResult]

SUITES: dict[str, SuiteRun] = {
    "pitch": pitch.run,
    "outreach": outreach.run,
    "injection": injection.run,
    "retrieval": retrieval.run,
    "interview-reference": interview.run,
    "story": story.run,
    "outreach-blind": outreach_blind.run,
    "story-blind": story.run_blind,
}
# Suites that ask a model to write: the only ones whose scores depend on the engine.
WRITING_SUITES = ("pitch", "outreach", "injection", "story", "outreach-blind", "story-blind")
