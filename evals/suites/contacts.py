"""The retrieval suite: hybrid contact search finds the right people for a query.

It runs the contacts team's query set (``retrieval.jsonl``) over their synthetic network
(``retrieval_network.jsonl``), imported into a store of its own so no other eval data can
crowd the rankings; recall@k and MRR match ``warmline eval-retrieval``'s hybrid mode.
"""

from __future__ import annotations

import time

from assistant.app import Warmline
from assistant.errors import InputError
from evals.retrieval import recall_at_k, reciprocal_rank
from evals.seed import Case, Dataset
from evals.suites.base import CaseResult, EvalContext

DEFAULT_K = 5
SEARCH_DEPTH = 10  # how deep the reciprocal rank looks: a search box's first screen


def load_search_network(app: Warmline, dataset: Dataset) -> int:
    """Import the retrieval network through the app's own import service; return contacts."""
    from evals.retrieval_modes import load_into

    report = load_into(app, dataset.search_network)
    if report.added + report.updated != len(dataset.search_network):
        msg = (f"the retrieval network imported {report.added + report.updated} of "
               f"{len(dataset.search_network)} contacts")
        raise InputError(msg)
    return report.added


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Search the retrieval network for the case's query; score recall@k and reciprocal rank."""
    result = CaseResult(case.id, case.suite, case.tags)
    if ctx.search_app is None:
        result.skipped = "no retrieval store was built"
        return result
    k = int(case.inputs.get("k", DEFAULT_K))
    relevant = list(case.must_include["contacts"])
    started = time.perf_counter()
    found = ctx.search_app.search.search(str(case.inputs["query"]), k=max(k, SEARCH_DEPTH))
    result.latency_s = time.perf_counter() - started
    ranked = [r.id for r in found]
    recall = recall_at_k(ranked, relevant, k)
    result.scores["recall_at_k"] = recall
    result.scores["mrr"] = reciprocal_rank(ranked, relevant)
    result.engine = "search"
    result.text = f"{case.inputs['query']} -> " + ", ".join(ranked[:k])
    if recall < 1.0:
        ranks = {key: (ranked.index(key) + 1 if key in ranked else None) for key in relevant}
        shown = ", ".join(f"{key} at {rank or f'>{SEARCH_DEPTH}'}" for key, rank in ranks.items())
        result.failures.append(f"recall_at_k: wanted all in the top {k}; got {shown}")
    return result
