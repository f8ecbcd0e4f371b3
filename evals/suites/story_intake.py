"""The story-intake suite: a profile read from prose, and the 30 s pitch written from it.

``story-intake`` runs the dev prose profiles; ``story-blind`` the frozen blind ones, in
aggregate only.
A proof point is found when one of its keywords appears in an extracted proof point; a 30 s
pitch carries the role when the role's head word is in it, and a proof point when one of its
keywords is.
"""

from __future__ import annotations

import re
import time
from typing import Any

from assistant.errors import WarmlineError
from evals.seed import Case
from evals.suites.base import CaseResult, EvalContext


def _any_keyword(text: str, point: dict[str, Any]) -> bool:
    low = text.lower()
    return any(str(k).lower() in low for k in point.get("keywords", []))


def role_head(role: str) -> str:
    """The word that names a role: "hospital pharmacist at Mercy" -> "pharmacist", "Court
    interpreter for 10 years" -> "interpreter" (not "years")."""
    low = re.split(r"\s\((?:.*)|,", role.lower())[0]
    for cut in (" at ", " in ", " for ", " with "):
        low = low.split(cut)[0]
    words = low.split()
    return words[-1] if words else ""


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Read the profile, score what was found, write the 30 s pitch and score it."""
    result = CaseResult(case.id, case.suite, case.tags, task="story")
    expected: dict[str, Any] = case.must_include.get("expected", {})
    started = time.perf_counter()
    try:
        understood = ctx.app.profiles.set_from_text(str(case.inputs.get("text", "")))
    except WarmlineError as e:
        result.check("profile_accepted", False, str(e))
        return result
    result.check("profile_accepted", True, "")
    found = understood.profile.proof_points
    wanted = expected.get("proof_points", [])
    if wanted:
        hits = [p for p in wanted if any(_any_keyword(f, p) for f in found)]
        result.scores["proof_points_found"] = len(hits) / len(wanted)
        if len(hits) < len(wanted):
            result.failures.append(f"proof_points_found: {len(hits)} of {len(wanted)}")
    try:
        pitch = ctx.app.pitch.generate(kind="30s")
        text = pitch.text
    except WarmlineError as e:
        text = f"refused: {e}"
    result.latency_s = time.perf_counter() - started
    strongest = [wanted[i] for i in expected.get("strongest", []) if i < len(wanted)]
    head = role_head(str(expected.get("now_role", "")))
    has_role = bool(head) and head in text.lower()
    carried = [p for p in strongest if _any_keyword(text, p)]
    ok = has_role and len(carried) == len(strongest)
    result.check("pitch_role_and_strongest", ok,
                 f"role '{head}': {has_role}; strongest: {len(carried)} of {len(strongest)}")
    result.text = text
    return result


def run_blind(ctx: EvalContext, case: Case) -> CaseResult:
    """The same, on the blind set: nothing of the row reaches the report."""
    result = run(ctx, case)
    result.text = ""
    result.failures = [f.split(":", 1)[0] for f in result.failures]
    return result
