"""Eval suites: each runs one case against the built app and grades it."""

from __future__ import annotations

from collections.abc import Callable

from evals.seed import Case
from evals.suites import (
    coach,
    contacts,
    injection,
    interview,
    interview_app,
    outreach,
    outreach_blind,
    story,
    story_intake,
)
from evals.suites.base import CaseResult, EvalContext

SuiteRun = Callable[[EvalContext, Case], CaseResult]

SUITES: dict[str, SuiteRun] = {
    "story": story.run,
    "story-intake": story_intake.run,
    "story-blind": story_intake.run_blind,
    "outreach": outreach.run,
    "outreach-blind": outreach_blind.run,
    "outreach-dev3": outreach_blind.run_dev3,
    "story-dev3": story_intake.run,
    "injection": injection.run,
    "contacts": contacts.run,
    "interview-reference": interview.run,
    "interview": interview_app.run,
    "interview-jd": interview_app.run,
    "interview-blind": interview_app.run,
    "interview-blind-jd": interview_app.run,
    "coach": coach.run,
    "coach-blind": coach.run,
}
# Suites that ask a model to write: the only ones whose scores depend on the engine.
WRITING_SUITES = ("story", "story-intake", "story-blind", "story-dev3", "outreach",
                  "outreach-blind", "outreach-dev3", "injection", "interview", "interview-blind")
