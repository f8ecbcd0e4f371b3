"""Which gap to probe after an answer: rules over the STAR analysis, most telling gap first."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.services.interview.star import StarAnalysis

# The gaps the interviewer probes, in the order they are checked. Rambling first: a long answer
# hides everything else. A claim without an example next: with no story, the STAR parts are moot.
GAPS = ("rambling", "example", "i_vs_we", "action", "situation", "result", "numbers")
MAX_FOLLOWUPS = {"easy": 1, "standard": 2, "hard": 2}
# "Tell me about yourself" and "why this role" are not one story: no STAR parts to chase there.
NOT_STORIES = {"tmay": ("rambling", "example", "numbers"),
               "motivation": ("rambling", "example")}


def gaps_in(analysis: StarAnalysis) -> list[str]:
    """Every gap the answer shows, in the order they would be probed."""
    found = {
        "rambling": analysis.rambling,
        "example": analysis.generic,
        "i_vs_we": analysis.we_only,
        "action": analysis.score("action") == 0,
        "situation": analysis.score("situation") == 0,  # opens mid-action, no when or where
        "result": analysis.score("result") == 0,
        "numbers": analysis.score("result") > 0 and not analysis.result_numbers,
    }
    return [gap for gap in GAPS if found[gap]]


def choose_gap(
    analysis: StarAnalysis, asked: Sequence[str] = (), difficulty: str = "standard",
    kind: str = "behavioural",
) -> str | None:
    """The gap to probe next, or None when the answer is good enough or the probes are used up.

    At most two follow-ups per question (one when easy), never the same gap twice.
    """
    if len(asked) >= MAX_FOLLOWUPS.get(difficulty, 2):
        return None
    allowed = NOT_STORIES.get(kind, GAPS)
    for gap in gaps_in(analysis):
        if gap not in asked and gap in allowed:
            return gap
    return None


def reason(gap: str, analysis: StarAnalysis) -> str:
    """Why the interviewer probes ``gap``, in words that point at the answer itself."""
    reasons = {
        "rambling": f"the answer ran {analysis.words} words (about {analysis.seconds:.0f} s); "
                    "past two minutes listeners lose the thread",
        "example": "it describes how you usually work, not one time it happened",
        "i_vs_we": f"'we' {analysis.ours} times, 'I' {analysis.mine}: your own part is unclear",
        "action": "it does not say what you did",
        "situation": "there is no context: where, when, what was going on",
        "result": "it stops before the outcome",
        "numbers": "the result has no number",
    }
    return reasons[gap]
