"""The check-in suite (and the other outreach kinds, once the app has them)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from assistant.domain import Draft, Profile
from assistant.services.outreach import KINDS
from evals.limits import channel_within_limits
from evals.seed import Case
from evals.suites.base import Attempt, CaseResult, EvalContext
from evals.suites.grading import (
    check_forbidden,
    check_required,
    grounding,
    record_draft,
)

TASK_PROMPTS = {"checkin": "checkin"}  # draft kind -> prompt file, for the injection suite


@dataclass
class Written:
    """A draft the app wrote for a case, with what it took and what the model tried first."""

    draft: Draft
    profile: Profile
    attempts: list[Attempt]
    seconds: float


def write_checkin(ctx: EvalContext, case: Case) -> Written:
    """Ask the app's outreach service for the case's draft, timing the call alone."""
    profile = ctx.use_persona(case.persona, case.inputs.get("profile_patch"))
    kind = str(case.inputs.get("kind", "checkin"))
    channel = str(case.inputs.get("channel", "linkedin-dm"))
    ctx.recorder.take()
    started = time.perf_counter()
    draft = ctx.app.outreach.draft(kind, ctx.contact_id(case.inputs["contact"]), channel)
    seconds = time.perf_counter() - started
    return Written(draft, profile, ctx.recorder.take(), seconds)


def unsupported_kind(case: Case) -> str:
    """Why a case cannot run yet ('' when it can): a draft kind the app does not offer."""
    kind = str(case.inputs.get("kind", "checkin"))
    return "" if kind in KINDS else f"the app has no '{kind}' drafts yet"


def grade_outreach(result: CaseResult, written: Written, case: Case) -> None:
    """Everything an outreach draft owes the user."""
    draft = written.draft
    record_draft(result, draft, written.attempts, grounding(draft, written.profile))
    result.latency_s = written.seconds
    ok, reasons = channel_within_limits(draft.text, draft.channel)
    result.check("within_limits", ok, "; ".join(reasons))
    check_required(result, draft.text, case)
    check_forbidden(result, draft.text, case)


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Draft the case's message and grade it."""
    result = CaseResult(case.id, case.suite, case.tags)
    if reason := unsupported_kind(case):
        result.skipped = reason
        return result
    written = write_checkin(ctx, case)
    grade_outreach(result, written, case)
    if ctx.judge:
        ctx.judge.grade(result, case, written.draft.text, written.draft.sources)
    return result
