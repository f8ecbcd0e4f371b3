"""The check-in suite (and the other outreach kinds, once the app has them)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from assistant.domain import Draft, Profile
from assistant.drafting.offline.outreach import note_date
from assistant.services.outreach.service import KINDS
from evals.limits import channel_within_limits
from evals.seed import Case
from evals.suites.base import Attempt, CaseResult, EvalContext
from evals.suites.grading import (
    check_forbidden,
    check_required,
    grounding,
    record_draft,
)


@dataclass
class Written:
    """A draft the app wrote for a case, with what it took and what the model tried first."""

    draft: Draft
    profile: Profile
    attempts: list[Attempt]
    seconds: float
    grounds: list[str] = field(default_factory=list)  # more of the user's material, e.g. dates


def write_checkin(ctx: EvalContext, case: Case) -> Written:
    """Ask the app's outreach service for the case's draft, timing the call alone."""
    profile = ctx.use_persona(case.persona, case.inputs.get("profile_patch"))
    kind = str(case.inputs.get("kind", "checkin"))
    channel = str(case.inputs.get("channel", "linkedin-dm"))
    ctx.recorder.take()
    started = time.perf_counter()
    contact_id = ctx.contact_id(case.inputs["contact"])
    draft = ctx.app.outreach.draft(kind, contact_id, channel)
    seconds = time.perf_counter() - started
    # The notes' dates are the user's material: a draft may say "in June 2025" from them.
    dates = [note_date(n.created) for n in ctx.app.stores.records.notes_for(contact_id)]
    return Written(draft, profile, ctx.recorder.take(), seconds, dates)


def unsupported_kind(case: Case) -> str:
    """Why a case cannot run yet ('' when it can): a draft kind the app does not offer."""
    kind = str(case.inputs.get("kind", "checkin"))
    return "" if kind in KINDS else f"the app has no '{kind}' drafts yet"


def grade_outreach(result: CaseResult, written: Written, case: Case) -> None:
    """Everything an outreach draft owes the user."""
    draft = written.draft
    record_draft(result, draft, written.attempts,
                 grounding(draft, written.profile, written.grounds))
    result.latency_s = written.seconds
    ok, reasons = channel_within_limits(draft.text, draft.channel)
    result.check("within_limits", ok, "; ".join(reasons))
    check_required(result, draft.text, case)
    check_forbidden(result, draft.text, case)


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Draft the case's message and grade it."""
    kind = str(case.inputs.get("kind", "checkin"))
    result = CaseResult(case.id, case.suite, case.tags, task=kind)
    if reason := unsupported_kind(case):
        result.skipped = reason
        return result
    written = write_checkin(ctx, case)
    grade_outreach(result, written, case)
    if ctx.judge:
        ctx.judge.grade(result, case, written.draft.text, written.draft.sources)
    return result
