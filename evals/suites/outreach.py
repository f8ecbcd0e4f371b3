"""The outreach suite: every draft kind, graded on what a person would actually send.

Beside grounding, limits and give-first, each draft gets the per-draft metrics of
``evals/draft_metrics.py`` (copies_source, cut_mid_phrase, wrong_person, uses_hook,
complete_sentences), and each case drafts the other three channels too for channel_distinct.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.domain import Draft, Profile
from assistant.drafting.offline.outreach import note_date
from assistant.services.outreach.service import KINDS
from evals import draft_metrics as dm
from evals.limits import channel_within_limits
from evals.outreach_metrics import find_asks
from evals.seed import Case, SeedContact
from evals.suites.base import Attempt, CaseResult, EvalContext
from evals.suites.grading import (
    check_forbidden,
    check_required,
    grounding,
    record_draft,
)

CHANNELS = ("linkedin-note", "linkedin-dm", "email", "text")
REQUEST_KINDS = ("info-interview", "coffee")
NO_ASK_KINDS = ("checkin", "congrats", "thanks")
_EASY_OUT = re.compile(r"\b(?:no (?:worries|pressure)|totally fine|no problem|if (?:things are|"
                       r"now isn't|you're) busy|if the timing|either way|no need)\b", re.I)


@dataclass
class Written:
    """A draft the app wrote for a case, with what it took and what the model tried first."""

    draft: Draft
    profile: Profile
    attempts: list[Attempt]
    seconds: float
    grounds: list[str] = field(default_factory=list)  # more of the user's material, e.g. dates


def write_draft(ctx: EvalContext, case: Case, profile: Profile, contact_id: str,
                to_id: str | None = None, channel: str | None = None) -> Written:
    """Ask the app's outreach service for the case's draft, timing the call alone."""
    kind = str(case.inputs.get("kind", "checkin"))
    channel = channel or str(case.inputs.get("channel", "linkedin-dm"))
    ctx.recorder.take()
    started = time.perf_counter()
    draft = ctx.app.outreach.draft(kind, contact_id, channel, to_id=to_id)
    seconds = time.perf_counter() - started
    # The notes' dates are the user's material: a draft may say "in June 2025" from them.
    dates = [note_date(n.created) for n in ctx.app.records.notes_for(contact_id)]
    return Written(draft, profile, ctx.recorder.take(), seconds, dates)


def unsupported_kind(case: Case) -> str:
    """Why a case cannot run yet ('' when it can): a draft kind the app does not offer."""
    kind = str(case.inputs.get("kind", "checkin"))
    return "" if kind in KINDS else f"the app has no '{kind}' drafts yet"


def grade_draft(result: CaseResult, written: Written, case: Case, seed: SeedContact | None,
                notes: Sequence[str]) -> None:
    """Everything an outreach draft owes the user and the person it goes to."""
    draft = written.draft
    record_draft(result, draft, written.attempts,
                 grounding(draft, written.profile, written.grounds))
    result.latency_s = written.seconds
    ok, reasons = channel_within_limits(draft.text, draft.channel)
    result.check("within_limits", ok, "; ".join(reasons))
    check_required(result, draft.text, case)
    check_forbidden(result, draft.text, case)
    _bad(result, "copies_source", dm.copies_source(draft.text, notes))
    sources = [s.snippet for s in draft.sources]
    _bad(result, "cut_mid_phrase", dm.cut_mid_phrase(draft.text, sources))
    name = seed.name if seed else ""
    _bad(result, "wrong_person", dm.wrong_person(draft.text, name, notes))
    ok, why = dm.complete_sentences(draft.text)
    result.check("complete_sentences", ok, why)
    if seed is not None and seed.hooks:
        ok, why = dm.uses_hook(draft.text + " " + draft.subject, seed.hooks)
        result.check("uses_hook", ok, why)
    kind = str(case.inputs.get("kind", "checkin"))
    if kind in REQUEST_KINDS:
        asks = find_asks(draft.text)
        ok = bool(asks) and bool(_EASY_OUT.search(draft.text))
        result.check("one_clear_ask", ok, f"asks: {asks}; an easy way to say no: {ok}")
    elif kind in NO_ASK_KINDS and "give_first" not in result.scores:
        asks = find_asks(draft.text)
        result.check("give_first", not asks, "asks: " + ", ".join(asks))


def _bad(result: CaseResult, metric: str, verdict: tuple[bool, str]) -> None:
    """Record a lower-is-better metric: 1.0 when the fault is there."""
    bad, why = verdict
    result.scores[metric] = 1.0 if bad else 0.0
    if bad:
        result.failures.append(f"{metric}: {why}")


def check_channels(ctx: EvalContext, case: Case, result: CaseResult, first: Draft,
                   contact_id: str, to_id: str | None) -> None:
    """The four channels give four different drafts, and the email has a subject line."""
    kind = str(case.inputs.get("kind", "checkin"))
    drafts = {first.channel: (first.text, first.subject)}
    for channel in CHANNELS:
        if channel not in drafts:
            other = ctx.app.outreach.draft(kind, contact_id, channel, to_id=to_id)
            drafts[channel] = (other.text, other.subject)
    ok, why = dm.channel_distinct(drafts)
    result.check("channel_distinct", ok, why)


def run_case(ctx: EvalContext, case: Case, profile: Profile, ids: dict[str, str],
             seeds: dict[str, SeedContact]) -> CaseResult:
    """Draft the case's message on any seeded network and grade it."""
    kind = str(case.inputs.get("kind", "checkin"))
    result = CaseResult(case.id, case.suite, case.tags, task=kind)
    if reason := unsupported_kind(case):
        result.skipped = reason
        return result
    key = str(case.inputs["contact"])
    to_key = case.inputs.get("to")
    contact_id, to_id = ids[key], ids[str(to_key)] if to_key else None
    written = write_draft(ctx, case, profile, contact_id, to_id)
    notes = [n.text for n in ctx.app.records.notes_for(contact_id)]
    grade_draft(result, written, case, seeds.get(key), notes)
    if ctx.app.writer.backend is None:
        # Offline only: with a model, three more drafts per case would triple the run's calls.
        check_channels(ctx, case, result, written.draft, contact_id, to_id)
    if ctx.judge:
        ctx.judge.grade(result, case, written.draft.text, written.draft.sources)
    return result


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Draft the case's message (dev set) and grade it."""
    profile = ctx.use_persona(case.persona, case.inputs.get("profile_patch"))
    seeds: dict[str, SeedContact] = ctx.cache.setdefault(
        "dev-seeds", {c.key: c for c in ctx.dataset.network})
    return run_case(ctx, case, profile, ctx.ids, seeds)


def hooks_of(seed: SeedContact) -> list[dict[str, Any]]:
    """The contact's marked hooks."""
    return list(seed.hooks)


def write_checkin(ctx: EvalContext, case: Case) -> Written:
    """The case's draft on the dev network (the injection suite's entry)."""
    profile = ctx.use_persona(case.persona, case.inputs.get("profile_patch"))
    return write_draft(ctx, case, profile, ctx.contact_id(case.inputs["contact"]))
