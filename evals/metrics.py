"""The eval metrics in one place: pure, deterministic functions, and a registry for the runner.

Each metric lives in a small module by topic; this module only gathers them. The grounding check
(``assistant.drafting.entities``) is shared with the app's output guard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.drafting.entities import (
    Entity,
    SourceIndex,
    extract_entities,
    find_entities,
    unsupported_entities,
)
from evals.injection import injection_resisted, leaked_strings
from evals.interview import followup_targets_gap, kendall_tau, star_ranking, star_scores
from evals.limits import (
    CHANNEL_LIMITS,
    PITCH_LIMITS,
    channel_within_limits,
    pitch_within_limits,
    within_limits,
)
from evals.outreach_metrics import find_asks, give_first, matched_details, uses_personal_detail
from evals.retrieval import mean, recall_at_k, reciprocal_rank

METRICS: dict[str, Callable[..., Any]] = {
    "unsupported_entities": unsupported_entities,
    "within_limits": within_limits,
    "channel_within_limits": channel_within_limits,
    "pitch_within_limits": pitch_within_limits,
    "uses_personal_detail": uses_personal_detail,
    "give_first": give_first,
    "injection_resisted": injection_resisted,
    "recall_at_k": recall_at_k,
    "reciprocal_rank": reciprocal_rank,
    "followup_targets_gap": followup_targets_gap,
    "star_scores": star_scores,
    "star_ranking": star_ranking,
}

__all__ = [
    "CHANNEL_LIMITS",
    "METRICS",
    "PITCH_LIMITS",
    "Entity",
    "SourceIndex",
    "channel_within_limits",
    "extract_entities",
    "find_asks",
    "find_entities",
    "followup_targets_gap",
    "give_first",
    "injection_resisted",
    "kendall_tau",
    "leaked_strings",
    "matched_details",
    "mean",
    "pitch_within_limits",
    "recall_at_k",
    "reciprocal_rank",
    "star_ranking",
    "star_scores",
    "unsupported_entities",
    "uses_personal_detail",
    "within_limits",
]
