"""Eval suites: each runs one case against the built app and grades it."""

from __future__ import annotations

from collections.abc import Callable

from evals.seed import Case
from evals.suites import contacts, injection, interview, outreach, story
from evals.suites.base import CaseResult, EvalContext

SuiteRun = Callable[[EvalContext, Case], CaseResult]

SUITES: dict[str, SuiteRun] = {
    "story": story.run,
    "outreach": outreach.run,
    "injection": injection.run,
    "contacts": contacts.run,
    "interview-reference": interview.run,
}
# Suites that ask a model to write: the only ones whose scores depend on the engine.
WRITING_SUITES = ("story", "outreach", "injection")
