"""Timing helpers: embeddings timed apart, wrapped callables, percentiles."""

from __future__ import annotations

import pytest

from evals.bench.timing import Tally, TimedEmbeddings, percentile, timed
from tests.fakes import HashEmbeddings


def test_timed_embeddings_count_documents_and_queries_apart() -> None:
    inner = HashEmbeddings()
    wrapped = TimedEmbeddings(inner)
    assert wrapped.embed_documents(["a b", "c"]) == inner.embed_documents(["a b", "c"])
    assert wrapped.embed_query("a") == inner.embed_query("a")
    assert (wrapped.documents.calls, wrapped.documents.items) == (1, 2)
    assert (wrapped.queries.calls, wrapped.queries.items) == (1, 1)
    assert wrapped.documents.seconds > 0
    wrapped.reset()
    assert wrapped.documents.items == wrapped.queries.items == 0


def test_timed_counts_calls_even_when_they_raise() -> None:
    tally = Tally()

    def boom() -> None:
        raise RuntimeError("x")

    with pytest.raises(RuntimeError):
        timed(boom, tally)()
    assert timed(lambda x: x + 1, tally)(1) == 2
    assert tally.calls == 2


def test_percentile() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile([], 95) == 0.0
    assert percentile([7.0], 95) == 7.0
