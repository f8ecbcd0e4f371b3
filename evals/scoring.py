"""A run's aggregates: per metric, suite and tag; latency; the raw-vs-delivered headline."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from evals.retrieval import mean
from evals.suites.base import METRICS, CaseResult

# The metrics every run reports by name (None when this run measured none of them).
HEADLINE_METRICS = (
    "unsupported_entities", "raw_unsupported_entities", "within_limits", "uses_personal_detail",
    "give_first", "injection_resisted", "recall_at_k", "mrr", "followup_targets_gap",
    "star_ranking",
)
POOLED = "raw_unsupported_entities"  # pooled over raw outputs, not averaged over cases
NO_LATENCY_SUITES = ("interview-reference",)  # these rows never call the app


def percentile(values: Iterable[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0-1) of a non-empty collection."""
    ordered = sorted(values)
    if not ordered:
        msg = "percentile of no values"
        raise ValueError(msg)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _means(results: list[CaseResult]) -> dict[str, float]:
    names = sorted({name for r in results for name in r.scores if name != POOLED})
    values = {n: mean(r.scores[n] for r in results if n in r.scores) for n in names}
    outputs = sum(r.raw_outputs for r in results)
    if outputs:
        values[POOLED] = sum(r.raw_unsupported for r in results) / outputs
    return values


def _latency(results: list[CaseResult]) -> dict[str, float]:
    seconds = [r.latency_s for r in results]
    return {"cases": len(seconds), "median_s": percentile(seconds, 0.5),
            "p95_s": percentile(seconds, 0.95), "max_s": max(seconds)}


@dataclass
class Summary:
    """Everything the report, the baseline gate and ``--json`` need from a run's results."""

    cases: int
    passed: int
    skipped: int
    metrics: dict[str, float | None]
    by_suite: dict[str, dict[str, float]]
    by_tag: dict[str, dict[str, float]]
    latency: dict[str, dict[str, float]]
    headline: dict[str, int]
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    # ``suite/task`` (and ``all``) -> the guard's before/after counts for drafts
    guard: dict[str, dict[str, int]] = field(default_factory=dict)

    def flat(self) -> dict[str, float]:
        """``suite.metric`` -> value: what the baseline stores and compares."""
        return {f"{suite}.{name}": value
                for suite, values in self.by_suite.items() for name, value in values.items()}

    def to_json(self) -> dict[str, Any]:
        return {"cases": self.cases, "passed": self.passed, "skipped": self.skipped,
                "metrics": self.metrics, "by_suite": self.by_suite, "by_tag": self.by_tag,
                "latency": self.latency, "headline": self.headline, "guard": self.guard}


def summarise(results: list[CaseResult]) -> Summary:
    """Aggregate case results; skipped cases count nowhere but in ``skipped``."""
    ran = [r for r in results if not r.skipped]
    overall = _means(ran)
    metrics: dict[str, float | None] = {name: overall.get(name) for name in HEADLINE_METRICS}
    metrics.update({n: v for n, v in overall.items() if n in METRICS and n not in metrics})
    by_suite = {
        suite: _means([r for r in ran if r.suite == suite])
        for suite in dict.fromkeys(r.suite for r in ran)
    }
    by_tag: dict[str, dict[str, float]] = {}
    for tag in sorted({t for r in ran for t in r.tags}):
        tagged = [r for r in ran if tag in r.tags]
        by_tag[tag] = {"cases": len(tagged),
                       "pass_rate": sum(r.passed for r in tagged) / len(tagged),
                       **_means(tagged)}
    timed = [r for r in ran if r.suite not in NO_LATENCY_SUITES]
    latency = {suite: _latency([r for r in timed if r.suite == suite])
               for suite in dict.fromkeys(r.suite for r in timed)}
    if timed:
        latency["all"] = _latency(timed)
    headline = guard_counts(ran)
    groups: dict[str, list[CaseResult]] = {}
    for r in ran:
        if "unsupported_entities" in r.scores:
            groups.setdefault(f"{r.suite}/{r.task or r.suite}", []).append(r)
    guard = {key: {**guard_counts(rs), **_fallbacks(rs)} for key, rs in groups.items()}
    if guard:
        guard["all"] = {**headline, **_fallbacks(ran)}
    reasons: dict[str, int] = {}
    for r in results:
        if r.skipped:
            reasons[r.skipped] = reasons.get(r.skipped, 0) + 1
    return Summary(len(ran), sum(r.passed for r in ran), len(results) - len(ran), metrics,
                   by_suite, by_tag, latency, headline, reasons, guard)


def guard_counts(results: list[CaseResult]) -> dict[str, int]:
    """The headline for some cases: delivered drafts vs raw model outputs with inventions."""
    drafts = [r for r in results if "unsupported_entities" in r.scores]
    return {
        "delivered_drafts": len(drafts),
        "delivered_with_unsupported": sum(1 for r in drafts if r.scores["unsupported_entities"]),
        "raw_outputs": sum(r.raw_outputs for r in results),
        "raw_with_unsupported": sum(r.raw_unsupported for r in results),
        # Drafts the configured model was asked for but the offline engine delivered.
        "offline_fallbacks": sum(1 for r in drafts if r.engine == "offline" and r.notice),
    }


def _fallbacks(results: list[CaseResult]) -> dict[str, int]:
    """Why the offline engine stood in: the guard turned down both tries, or the model failed."""
    drafts = [r for r in results if "unsupported_entities" in r.scores]
    fallbacks = [r for r in drafts if r.engine == "offline" and r.notice]
    by_guard = sum(1 for r in fallbacks if r.raw_outputs >= 2 and r.raw_rejected == r.raw_outputs)
    return {
        "model_delivered": sum(1 for r in drafts if r.engine != "offline"),
        "raw_rejected": sum(r.raw_rejected for r in results),
        "guard_fallbacks": by_guard,
        "error_fallbacks": len(fallbacks) - by_guard,
    }
