"""Measuring where time goes: timed embeddings, timed callables, percentiles, peak memory."""

from __future__ import annotations

import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.embeddings import Embeddings


@dataclass
class Tally:
    """Calls and seconds spent in one thing (safe to add to from several threads)."""

    calls: int = 0
    items: int = 0
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, seconds: float, items: int = 0) -> None:
        """Count one call."""
        with self._lock:
            self.calls += 1
            self.items += items
            self.seconds += seconds


class TimedEmbeddings(Embeddings):
    """Wraps an embedding model and adds up the time spent in it, documents and queries apart."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.name = str(getattr(inner, "name", type(inner).__name__))
        self.documents = Tally()
        self.queries = Tally()

    def reset(self) -> None:
        """Start counting from zero."""
        self.documents = Tally()
        self.queries = Tally()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed many texts, timed."""
        start = time.perf_counter()
        try:
            return self.inner.embed_documents(texts)
        finally:
            self.documents.add(time.perf_counter() - start, len(texts))

    def embed_query(self, text: str) -> list[float]:
        """Embed one query, timed."""
        start = time.perf_counter()
        try:
            return self.inner.embed_query(text)
        finally:
            self.queries.add(time.perf_counter() - start, 1)


def timed(func: Callable[..., Any], tally: Tally) -> Callable[..., Any]:
    """``func``, adding its calls and wall time to ``tally``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            tally.add(time.perf_counter() - start)

    return wrapper


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct``-th percentile (linear between closest ranks); 0.0 for no values."""
    if not values:
        return 0.0
    if len(values) == 1:
        return float(values[0])
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return float(cuts[min(98, max(0, round(pct) - 1))])


def peak_rss_bytes(who: int = resource.RUSAGE_SELF) -> int:
    """Peak resident memory of this process (or its waited-for children), in bytes."""
    peak = resource.getrusage(who).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)  # Linux reports KiB
