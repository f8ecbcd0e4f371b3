"""The interview suites: the real app's follow-ups, STAR scores and example answers, graded.

``interview`` and ``interview-blind`` run answer rows: a weak answer's follow-up must target
its labelled gap (judged by ``evals.interview``'s detector, written apart from the app), a strong
answer must score above its weak twin, and no example answer may name anything that is in
neither the answer, the question nor the profile facts. ``interview-jd`` and
``interview-blind-jd`` start a session for a job description: its questions must name at least
two of the posting's requirements and never repeat.
"""

from __future__ import annotations

import time

from assistant.drafting.entities import unsupported_entities
from assistant.services.interview.service import Review
from evals.interview import followup_targets_gap
from evals.interview_cases import requirements_named
from evals.seed import Case
from evals.suites.base import CaseResult, EvalContext

TASK = "example_answer"


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Grade one answer row or one job-description row on the real interview service."""
    if "jd" in case.inputs:
        return _run_jd(ctx, case)
    return _run_answer(ctx, case)


def _review(ctx: EvalContext, case: Case) -> tuple[Review, float]:
    started = time.perf_counter()
    review = ctx.app.interview.review(
        str(case.inputs["question"]), str(case.inputs["answer"]),
        facts=[str(f) for f in case.inputs.get("profile_facts", [])])
    return review, time.perf_counter() - started


def _run_answer(ctx: EvalContext, case: Case) -> CaseResult:
    result = CaseResult(case.id, case.suite, case.tags, task=TASK)
    review, seconds = _review(ctx, case)
    result.latency_s = seconds
    feedback = review.feedback
    result.engine, result.notice = feedback.engine, feedback.notice
    blind = "blind" in case.suite  # reports must not carry text derived from blind rows
    result.text = "" if blind else feedback.example_answer
    gap = str(case.inputs.get("gap", "none"))
    chosen = review.gap
    if gap == "none":
        # Not an acceptance bar (a follow-up on a strong answer costs little), but reported.
        result.scores["strong_not_probed"] = 0.0 if chosen else 1.0
    else:
        probe = review.followup
        result.check("followup_on_gap", bool(probe) and followup_targets_gap(probe, gap),
                     f"follow-up for a '{gap}' gap chose {chosen}"
                     + ("" if blind else f": {probe!r}"))
        result.scores["gap_choice"] = 1.0 if chosen == gap else 0.0
    sources = [str(case.inputs["answer"]), str(case.inputs["question"]),
               *[str(f) for f in case.inputs.get("profile_facts", [])]]
    invented = unsupported_entities(feedback.example_answer, sources)
    result.scores["unsupported_entities"] = 1.0 if invented else 0.0  # lower is better
    if invented:
        result.failures.append("unsupported_entities: the example answer names "
                               + (f"{len(invented)} thing(s)" if blind else str(invented))
                               + " that no source states")
    raw = review.raw_examples
    result.raw_outputs = len(raw)
    if not blind:
        result.raw_invented = [e for text in raw for e in unsupported_entities(text, sources)]
    result.raw_unsupported = sum(1 for text in raw if unsupported_entities(text, sources))
    result.raw_rejected = sum(1 for p in review.raw_problems if p)
    if raw:
        result.scores["raw_unsupported_entities"] = result.raw_unsupported / len(raw)
    if gap == "none" and case.inputs.get("twin"):
        _rank(ctx, case, result, feedback.overall)
    return result


def _rank(ctx: EvalContext, case: Case, result: CaseResult, strong: float) -> None:
    twins = {c.id: c for c in ctx.dataset.cases.get(case.suite, [])}
    twin = twins.get(str(case.inputs["twin"]))
    if twin is None:
        result.failures.append(f"star_above_twin: twin {case.inputs['twin']} is not in the set")
        return
    weak, _ = _review(ctx, twin)
    weak_score = weak.feedback.overall
    result.check("strong_above_twin", strong > weak_score,
                 f"strong answer scored {strong}, its weak twin {twin.id} {weak_score}")


def _run_jd(ctx: EvalContext, case: Case) -> CaseResult:
    result = CaseResult(case.id, case.suite, case.tags, task="questions")
    started = time.perf_counter()
    session = ctx.app.interview.start(str(case.inputs.get("role") or "the role"),
                                      str(case.inputs["jd"]))
    result.latency_s = time.perf_counter() - started
    texts = [q.text for q in session.questions]
    named = requirements_named(texts, list(case.inputs.get("requirements", [])))
    wanted = int(case.must_include.get("requirements_named", 2))
    result.scores["requirements_named"] = float(named)
    result.check("questions_name_requirements", named >= wanted,
                 f"questions name {named} of the posting's requirements; want {wanted}")
    keys = [" ".join(t.lower().split()) for t in texts]
    result.check("questions_unique", len(set(keys)) == len(keys), "a question repeats")
    return result
