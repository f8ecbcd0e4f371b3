"""The pitch suite: every kind for a persona's story, graded on grounding and length."""

from __future__ import annotations

import time

from assistant.errors import InputError
from evals.limits import PITCH_LIMITS, pitch_within_limits
from evals.seed import Case
from evals.suites.base import CaseResult, EvalContext
from evals.suites.grading import check_forbidden, check_required, grounding, record_draft
from evals.suites.outreach import Written

TASK_PROMPT = "story_pitch"


def write_pitch(ctx: EvalContext, case: Case) -> Written:
    """Ask the app's pitch service for the case's pitch, timing the call alone."""
    profile = ctx.use_persona(case.persona, case.inputs.get("profile_patch"))
    ctx.recorder.take()
    started = time.perf_counter()
    draft = ctx.app.pitch.generate(
        kind=str(case.inputs.get("kind", "30s")),
        audience=str(case.inputs.get("audience", "")),
        variant=int(case.inputs.get("variant", 0)),
    )
    seconds = time.perf_counter() - started
    return Written(draft, profile, ctx.recorder.take(), seconds)


def unavailable(ctx: EvalContext, case: Case) -> str:
    """Why a pitch case cannot run ('' when it can)."""
    kind = str(case.inputs.get("kind", "30s"))
    return "" if kind in PITCH_LIMITS else f"no length limits known for pitch kind '{kind}'"


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Write the case's pitch and grade it."""
    result = CaseResult(case.id, case.suite, case.tags, task="pitch")
    if reason := unavailable(ctx, case):
        result.skipped = reason
        return result
    started = time.perf_counter()
    try:
        written = write_pitch(ctx, case)
    except InputError as e:
        # Some rows check that a profile too thin for a kind is refused, not padded.
        result.latency_s = time.perf_counter() - started
        result.text = f"refused: {e}"
        result.check("refuses_thin_profile", bool(case.must_include.get("error")), str(e))
        return result
    if case.must_include.get("error"):
        result.check("refuses_thin_profile", False, "a pitch was written from a thin profile")
    audience = str(case.inputs.get("audience", ""))
    record_draft(result, written.draft, written.attempts,
                 grounding(written.draft, written.profile, [audience]))
    result.latency_s = written.seconds
    kind = str(case.inputs.get("kind", "30s"))
    ok, reasons = pitch_within_limits(written.draft.text, kind)
    result.check("within_limits", ok, "; ".join(reasons))
    check_required(result, written.draft.text, case)
    check_forbidden(result, written.draft.text, case)
    if ctx.judge:
        ctx.judge.grade(result, case, written.draft.text, written.draft.sources)
    return result
