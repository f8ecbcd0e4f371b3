"""Mock-interview metrics: STAR scoring and follow-up relevance."""

from __future__ import annotations

import pytest

from evals.interview import followup_targets_gap, kendall_tau, star_ranking, star_scores

STRONG = (
    "In 2022 our pharmacy had a 3-day backlog of prior authorizations. My goal was to clear it "
    "before flu season. I mapped the workflow, built a triage checklist and trained 6 technicians. "
    "As a result, the backlog dropped from 3 days to 4 hours and errors fell by 40%."
)
WE_ONLY = (
    "Our team had a big backlog of prior authorizations. We needed to clear it. We built a "
    "checklist and we trained the technicians. In the end it got a lot better."
)
VAGUE = "I'm a hard worker and I really like a challenge."


def test_strong_answer_scores_every_part() -> None:
    scores = star_scores(STRONG)
    for part in ("situation", "task", "action", "result", "numbers"):
        assert scores[part] == 1.0, part
    assert scores["overall"] == 1.0
    assert scores["ownership"] > 0.5


def test_we_only_answer_loses_ownership_numbers_and_action_credit() -> None:
    scores = star_scores(WE_ONLY)
    assert scores["ownership"] == 0.0
    assert scores["action"] == 0.5
    assert scores["numbers"] == 0.0
    assert scores["result"] == 0.6


def test_vague_answer_scores_low() -> None:
    scores = star_scores(VAGUE)
    assert scores["action"] == scores["result"] == scores["task"] == 0.0
    assert scores["overall"] < 0.2


def test_needed_is_a_task_not_an_action() -> None:
    assert star_scores("I needed to fix the schedule.")["action"] == 0.0


def test_star_ranking_agrees_with_human_order() -> None:
    assert star_ranking([STRONG, WE_ONLY, VAGUE]) == 1.0
    assert star_ranking([VAGUE, WE_ONLY, STRONG]) == -1.0
    assert star_ranking([STRONG, VAGUE, WE_ONLY]) == pytest.approx(1 / 3)


def test_kendall_tau_ties_and_errors() -> None:
    assert kendall_tau([0.5, 0.5]) == 0.0
    assert kendall_tau([3, 2, 1]) == 1.0
    with pytest.raises(ValueError, match="at least two"):
        kendall_tau([1.0])


@pytest.mark.parametrize(
    ("question", "gap"),
    [
        ("What was the result, in numbers?", "result"),
        ("How did it turn out in the end?", "result"),
        ("By how much did the wait time drop?", "numbers"),
        ("Can you quantify that?", "numbers"),
        ("What did you personally do, as opposed to the team?", "i_vs_we"),
        ("What was your own contribution?", "i_vs_we"),
        ("Walk me through the steps you took.", "action"),
        ("How did you approach it?", "action"),
        ("Can you give me some context - where were you working at the time?", "situation"),
        ("What was going on in the team before this?", "situation"),
        ("What were you asked to deliver?", "task"),
        ("What was the goal?", "task"),
        ("What was your personal part?", "ownership"),
    ],
)
def test_followup_probes_the_gap(question: str, gap: str) -> None:
    assert followup_targets_gap(question, gap)


@pytest.mark.parametrize(
    ("question", "gap"),
    [
        ("Tell me more about the team you were on.", "result"),
        ("What was the outcome?", "numbers"),
        ("What was the context?", "action"),
        ("What was the result?", "situation"),
        ("What tools did the team use?", "i_vs_we"),
        ("How did it turn out?", "task"),
        ("Tell me about yourself.", "result"),
    ],
)
def test_followup_misses_the_gap(question: str, gap: str) -> None:
    assert not followup_targets_gap(question, gap)


def test_unknown_gap_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown gap"):
        followup_targets_gap("What?", "vibes")
