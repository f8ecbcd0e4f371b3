"""Retrieval metrics over ranked ids, and a plain mean for aggregating scores."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence


def _check_relevant(relevant_ids: Collection[Hashable]) -> None:
    if not relevant_ids:
        msg = "relevant_ids is empty: recall is undefined when nothing is relevant"
        raise ValueError(msg)


def recall_at_k(
    ranked_ids: Sequence[Hashable], relevant_ids: Collection[Hashable], k: int
) -> float:
    """Share of the relevant ids found among the first ``k`` ranked ids."""
    if k < 1:
        msg = f"k must be at least 1, got {k}"
        raise ValueError(msg)
    _check_relevant(relevant_ids)
    relevant = set(relevant_ids)
    return len(relevant.intersection(ranked_ids[:k])) / len(relevant)


def reciprocal_rank(ranked_ids: Sequence[Hashable], relevant_ids: Collection[Hashable]) -> float:
    """1 / the rank of the first relevant id; 0.0 when none is retrieved."""
    _check_relevant(relevant_ids)
    relevant = set(relevant_ids)
    for rank, item in enumerate(ranked_ids, start=1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def mean(values: Iterable[float], *, default: float | None = None) -> float:
    """Arithmetic mean; ``default`` for no values, or ValueError when no default is given."""
    items = list(values)
    if not items:
        if default is None:
            msg = "mean of no values; pass default= to allow it"
            raise ValueError(msg)
        return default
    return sum(items) / len(items)
