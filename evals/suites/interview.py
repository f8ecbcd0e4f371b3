"""The interview-reference suite: the interview metrics run on the dataset's references.

Nothing here calls the app: these rows check the metric pipeline (the gap detector on reference
follow-ups, the STAR heuristic on reference rankings), which ``interview_app.py`` then uses to
grade the app itself.
"""

from __future__ import annotations

from evals.interview import followup_targets_gap, star_ranking
from evals.seed import Case
from evals.suites.base import CaseResult, EvalContext


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Score a reference follow-up against its gap, or a reference ranking of answers."""
    result = CaseResult(case.id, case.suite, case.tags)
    if "answers_best_first" in case.inputs:
        answers = list(case.inputs["answers_best_first"])
        tau = star_ranking(answers)
        result.scores["star_ranking"] = tau
        wanted = float(case.must_include.get("min_tau", 1.0))
        if tau < wanted:
            result.failures.append(f"star_ranking: tau {tau:.2f} is below {wanted:.2f}")
        return result
    gap = str(case.inputs["gap"])
    followup = str(case.inputs["followup"])
    expected = bool(case.must_include.get("targets_gap", True))
    got = followup_targets_gap(followup, gap)
    verdict = "targets" if got else "misses"
    result.check("followup_targets_gap", got == expected,
                 f"detector says the follow-up {verdict} the '{gap}' gap: {followup!r}")
    return result
