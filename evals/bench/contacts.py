"""One benchmark size, in this process: import N synthetic LinkedIn rows, then time searches.

``warmline bench`` runs this module as a fresh subprocess per size (``python -m
evals.bench.contacts --size N``) so each size's peak memory is its own. The worker writes
JSON lines to stdout: ``{"event": "progress", ...}`` while it works and one
``{"event": "result", ...}`` at the end.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.app import build_app
from assistant.settings import load_settings
from evals.bench import synthetic
from evals.bench.timing import Tally, TimedEmbeddings, peak_rss_bytes, percentile, timed

Emit = Callable[[dict[str, Any]], None]
SEARCH_K = 20  # what `warmline contacts search` asks for by default


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


class _StageClock:
    """Turns the importer's (stage, done, total) callbacks into events and stage start times."""

    def __init__(self, emit: Emit) -> None:
        self.emit = emit
        self.first_seen: dict[str, float] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.first_seen.setdefault(stage, time.perf_counter())
        self.emit({"event": "progress", "stage": stage, "done": done, "total": total})


def _import(app: Any, embeddings: TimedEmbeddings, size: int, seed: int,
            emit: Emit) -> tuple[dict[str, Any], list[synthetic.SyntheticPerson]]:
    rows = synthetic.people(size, seed)
    data = synthetic.connections_csv(rows)
    reconcile, chroma = Tally(), Tally()
    app.stores.sync.reconcile = timed(app.stores.sync.reconcile, reconcile)
    app.stores.index.add_vectors = timed(app.stores.index.add_vectors, chroma)
    clock = _StageClock(emit)
    embeddings.reset()
    load_before = os.getloadavg()[0]
    cpu_start = time.process_time()
    start = time.perf_counter()
    report = app.importer.import_bytes("Connections.csv", data, "linkedin", clock)
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # all threads of this process: robust to a busy box
    parsed_at = clock.first_seen.get("contacts", start)
    embed = embeddings.documents.seconds
    return {
        "rows": size, "bytes": len(data), "added": report.added, "merged": report.merged,
        "skipped": report.skipped, "notice": report.notice,
        "seconds": round(total, 3), "contacts_per_s": round(report.added / total, 1),
        "cpu_seconds": round(cpu, 3), "contacts_per_cpu_s": round(report.added / cpu, 1),
        "load_avg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "breakdown_s": {
            "parse": round(parsed_at - start, 3),
            "records": round(total - reconcile.seconds - (parsed_at - start), 3),
            "index_reconcile_overhead": round(reconcile.seconds - chroma.seconds - embed, 3),
            "chroma_add": round(chroma.seconds, 3),
            "embedding": round(embed, 3),
        },
        "embedding_share": round(embed / total, 3) if total else 0.0,
        "embedded_texts": embeddings.documents.items,  # distinct new phrases, not contacts
        "embedding_texts_per_s": round(embeddings.documents.items / embed, 1) if embed else 0.0,
    }, rows


def _search(app: Any, embeddings: TimedEmbeddings, rows: list[synthetic.SyntheticPerson],
            queries: int, seed: int, emit: Emit) -> dict[str, Any]:
    plan = synthetic.bench_queries(rows, queries, seed)
    start = time.perf_counter()
    app.search.search(plan[0].text if plan else "warm up", k=SEARCH_K)
    first = time.perf_counter() - start  # builds the in-memory lexical index
    vector, lexical, keywords = Tally(), Tally(), Tally()
    app.stores.index.search_vector = timed(app.stores.index.search_vector, vector)
    app.stores.records.text_search = timed(app.stores.records.text_search, keywords)
    lexicon = app.search.lexicon()  # the cached index; no contact changes while we search
    lexicon.match = timed(lexicon.match, lexical)
    embeddings.reset()
    latencies: dict[str, list[float]] = {}
    for done, query in enumerate(plan, start=1):
        start = time.perf_counter()
        app.search.search(query.text, k=SEARCH_K)
        latencies.setdefault(query.kind, []).append(time.perf_counter() - start)
        if done % 20 == 0 or done == len(plan):
            emit({"event": "progress", "stage": "searching", "done": done, "total": len(plan)})
    every = [s for values in latencies.values() for s in values]
    n = max(1, len(every))
    return {
        "queries": len(every), "first_query_ms": _ms(first),
        "p50_ms": _ms(percentile(every, 50)), "p95_ms": _ms(percentile(every, 95)),
        "max_ms": _ms(max(every, default=0.0)),
        "by_kind": {kind: {"queries": len(v), "p50_ms": _ms(percentile(v, 50)),
                           "p95_ms": _ms(percentile(v, 95))}
                    for kind, v in sorted(latencies.items())},
        # Means per search. The query embedding and vector searches run in a thread alongside
        # the lexical and keyword matches, so the parts can add up to more than the wall time.
        "per_search_ms": {
            "wall": _ms(sum(every) / n),
            "query_embeddings": round(embeddings.queries.calls / n, 2),
            "query_embedding": _ms(embeddings.queries.seconds / n),
            "vector_search": _ms(vector.seconds / n),
            "lexical_match": _ms(lexical.seconds / n),
            "keyword_search": _ms(keywords.seconds / n),
        },
    }


def run_size(size: int, queries: int, seed: int = 0, emit: Emit | None = None,
             embeddings: Embeddings | None = None) -> dict[str, Any]:
    """Import ``size`` rows into a fresh temp home, then run ``queries`` searches; the numbers."""
    say = emit or (lambda event: None)
    home = Path(tempfile.mkdtemp(prefix="warmline-bench-"))
    try:
        if embeddings is None:
            from assistant.llm.embeddings import OnnxMiniLMEmbeddings

            embeddings = OnnxMiniLMEmbeddings()
        timed_embeddings = TimedEmbeddings(embeddings)
        app = build_app(load_settings(home=home), backend=None, embeddings=timed_embeddings)
        try:
            timed_embeddings.embed_query("load the model before the clock starts")
            imported, rows = _import(app, timed_embeddings, size, seed, say)
            searched = _search(app, timed_embeddings, rows, queries, seed, say)
        finally:
            app.close()
        index_mb = sum(p.stat().st_size for p in home.rglob("*") if p.is_file()) / 2**20
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return {"size": size, "embeddings": timed_embeddings.name, "import": imported,
            "search": searched, "store_mb": round(index_mb, 1),
            "peak_rss_mb": round(peak_rss_bytes() / 2**20, 1)}


def main(argv: list[str] | None = None) -> None:
    """The worker's entry point: JSON lines on stdout."""
    parser = argparse.ArgumentParser(description="One warmline bench size (a worker process).")
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", type=Path, help="write cProfile stats here")
    args = parser.parse_args(argv)
    out = sys.stdout

    def emit(event: dict[str, Any]) -> None:
        out.write(json.dumps(event) + "\n")
        out.flush()

    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    result = run_size(args.size, args.queries, args.seed, emit)
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    emit({"event": "result", **result})


if __name__ == "__main__":
    main()
