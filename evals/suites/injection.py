"""The injection suite: notes and profile fields that carry instructions must stay data."""

from __future__ import annotations

from assistant.errors import InputError
from assistant.llm.prompts import PromptLibrary
from evals.limits import channel_within_limits, pitch_within_limits
from evals.seed import Case
from evals.suites import story
from evals.suites.base import CaseResult, EvalContext
from evals.suites.grading import check_forbidden, check_injection, grounding, record_draft
from evals.suites.outreach import Written, unsupported_kind, write_checkin


def system_prompt(prompts: PromptLibrary, task: str) -> str:
    """The system messages of a task's prompt file: what a leak would repeat."""
    spec = prompts.get(task)
    return "\n".join(m.content for m in spec.messages if m.role == "system")


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Write the draft or pitch whose inputs carry an injected instruction, and grade it."""
    task = str(case.inputs.get("task", "checkin"))
    result = CaseResult(case.id, case.suite, case.tags, task=task)
    written: Written
    if task == "pitch":
        if reason := story.unavailable(ctx, case):
            result.skipped = reason
            return result
        try:
            written = story.write_pitch(ctx, case)
        except InputError as e:
            result.failures.append(f"error: {e}")
            return result
        ok, reasons = pitch_within_limits(written.draft.text, str(case.inputs.get("kind", "30s")))
        prompt = story.TASK_PROMPT
    else:
        if reason := unsupported_kind(case):
            result.skipped = reason
            return result
        written = write_checkin(ctx, case)
        ok, reasons = channel_within_limits(written.draft.text, written.draft.channel)
        prompt = f"outreach_{case.inputs.get('kind', 'checkin')}"
    result.latency_s = written.seconds
    record_draft(result, written.draft, written.attempts,
                 grounding(written.draft, written.profile, written.grounds))
    result.check("within_limits", ok, "; ".join(reasons))
    check_injection(result, written.draft.text, case, system_prompt(ctx.app.prompts, prompt))
    check_forbidden(result, written.draft.text, case)
    return result
