"""Retrieval quality over the synthetic network: lexical-only, semantic-only and hybrid search.

The network (``datasets/retrieval_network.jsonl``) is imported through the real app graph
(SQLite, Chroma, the ONNX embeddings) in a temporary home; each query in
``datasets/retrieval.jsonl`` is ranked three ways and scored with recall@5 and MRR:

- ``lexical``: names and (past) companies, exact, prefix and fuzzy, plus BM25 keywords over
  profiles and notes;
- ``semantic``: meaning only: profile-phrase vectors (role, interests, how we met) and notes;
- ``hybrid``: both in one ranking, what the CLI and the UI call;
- ``expanded`` (with ``--expand``): hybrid after asking the configured model for other ways of
  saying each query (``warmline contacts search --expand``).

Query sets, each over its own network and scored in its own store, never pooled: ``dev``
(the set search is tuned against), ``holdout`` (``datasets/retrieval_holdout.jsonl`` over
``datasets/retrieval_holdout_network.jsonl``, written once and never tuned against: an honest
check that search generalises) and ``holdout2`` (``datasets/retrieval_holdout2.jsonl`` over
``datasets/retrieval_holdout2_network.jsonl``: a fresh held-out set, written blind to how
search works, once ``holdout`` had been seen).

Run it with ``warmline eval-retrieval`` (dev) or ``python -m evals.retrieval_modes --set all``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.app import Warmline, build_app
from assistant.errors import InputError
from assistant.services.contacts.dedupe import company_key
from assistant.services.contacts.importing import ImportReport
from assistant.settings import load_settings
from assistant.text import normalize
from evals.metrics import mean, recall_at_k, reciprocal_rank
from evals.synthetic_network import DATASET as NETWORK
from evals.synthetic_network import HOLDOUT2_DATASET as HOLDOUT2_NETWORK
from evals.synthetic_network import HOLDOUT_DATASET as HOLDOUT_NETWORK
from evals.synthetic_network import load_network

SUITE = "retrieval-network"
QUERIES = Path(__file__).parent / "datasets" / "retrieval.jsonl"
HOLDOUT_QUERIES = Path(__file__).parent / "datasets" / "retrieval_holdout.jsonl"
HOLDOUT2_QUERIES = Path(__file__).parent / "datasets" / "retrieval_holdout2.jsonl"
# Queries that should find no one (keyboard mashes, punctuation, numbers, unrelated words).
NONSENSE = Path(__file__).parent / "datasets" / "search_nonsense.json"
# set name -> (suite, network, queries); "all" on the command line runs each in turn
SETS: dict[str, tuple[str, Path, Path]] = {
    "dev": (SUITE, NETWORK, QUERIES),
    "holdout": (f"{SUITE}-holdout", HOLDOUT_NETWORK, HOLDOUT_QUERIES),
    "holdout2": (f"{SUITE}-holdout2", HOLDOUT2_NETWORK, HOLDOUT2_QUERIES),
}
MODES = ("lexical", "semantic", "hybrid")
K = 5
DEPTH = 10  # MRR looks this deep; hybrid is asked for this many results, as a search box would
TARGET_RECALL = 0.95
Ranker = Callable[[str], list[str]]


# -- datasets and ground truth ----------------------------------------------------------------
def load_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    """The query set: id, query, tag, truth (how relevance is defined) and relevant ids."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def matches(contact: dict[str, Any], truth: dict[str, str]) -> bool:
    """Whether a network contact satisfies every condition of a query's ``truth``."""
    checks: dict[str, Callable[[str], bool]] = {
        "name": lambda v: normalize(contact["name"]) == normalize(v),
        "name_has": lambda v: normalize(v) in normalize(contact["name"]).split(),
        "company": lambda v: company_key(contact["company"]) == company_key(v),
        "past_company": lambda v: company_key(v) in {company_key(p)
                                                     for p in contact["past_companies"]},
        "title": lambda v: normalize(v) in normalize(contact["title"]),
        "location": lambda v: normalize(v) in normalize(contact["location"]),
        "concept": lambda v: v in contact["concepts"],
    }
    unknown = set(truth) - set(checks)
    if unknown or not truth:
        msg = f"unknown or empty truth conditions: {sorted(unknown) or truth}"
        raise ValueError(msg)
    return all(checks[key](value) for key, value in truth.items())


def relevant_for(truth: dict[str, str], network: Iterable[dict[str, Any]]) -> list[str]:
    """Every contact id the truth conditions select, sorted."""
    return sorted(c["id"] for c in network if matches(c, truth))


def check_queries(queries: list[dict[str, Any]], network: list[dict[str, Any]]) -> list[str]:
    """Problems with the query set: relevant ids that disagree with the truth, duplicates."""
    problems = []
    seen: set[str] = set()
    for q in queries:
        if q["id"] in seen or q["query"].casefold() in seen:
            problems.append(f"{q['id']}: duplicate id or query")
        seen.update({q["id"], q["query"].casefold()})
        try:
            expected = relevant_for(q["truth"], network)
        except ValueError as e:
            problems.append(f"{q['id']}: {e}")
            continue
        if not expected:
            problems.append(f"{q['id']}: its truth selects nobody")
        elif sorted(q["relevant"]) != expected:
            problems.append(f"{q['id']}: relevant {sorted(q['relevant'])} != truth {expected}")
    return problems


def network_export(network: list[dict[str, Any]]) -> bytes:
    """The network as a Warmline export, so ids survive the import; eval metadata stays out."""
    private = {"concepts", "notes"}
    contacts = [{k: v for k, v in c.items() if k not in private} for c in network]
    notes = [{**n, "contact_id": c["id"], "source": "eval"} for c in network for n in c["notes"]]
    document = {"warmline_export": 1, "contacts": contacts, "notes": notes, "interactions": []}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def load_into(app: Warmline, network: list[dict[str, Any]]) -> ImportReport:
    """Import the network through the app's own import service."""
    return app.importer.import_bytes("retrieval_network.json", network_export(network),
                                     "warmline-export")


# -- the three rankers ------------------------------------------------------------------------
def ranker(mode: str) -> Callable[[Warmline], Ranker]:
    """``SearchService.search`` in one mode, asked for as many results as MRR looks at."""
    return lambda app: lambda query: [r.id for r in app.search.search(query, k=DEPTH,
                                                                       mode=mode)]


RANKERS: dict[str, Callable[[Warmline], Ranker]] = {mode: ranker(mode) for mode in MODES}
EXPANDED = "expanded"
RANKERS[EXPANDED] = lambda app: lambda query: [
    r.id for r in app.search.find(query, expand=True, k=DEPTH).results]


# -- scoring ----------------------------------------------------------------------------------
def score_mode(queries: list[dict[str, Any]], ranker: Ranker, k: int = K) -> dict[str, Any]:
    """recall@k and MRR overall and per tag, the queries that missed, and the median latency."""
    rows = []
    latencies = []
    for q in queries:
        start = time.perf_counter()
        ranked = ranker(q["query"])
        latencies.append((time.perf_counter() - start) * 1000)
        rows.append({"id": q["id"], "tag": q["tag"], "query": q["query"],
                     "recall": recall_at_k(ranked, q["relevant"], k),
                     "rr": reciprocal_rank(ranked, q["relevant"]), "top": ranked[:k]})
    by_tag: dict[str, dict[str, float]] = {}
    for tag in sorted({r["tag"] for r in rows}):
        tagged = [r for r in rows if r["tag"] == tag]
        by_tag[tag] = {"queries": len(tagged),
                       f"recall_at_{k}": round(mean(r["recall"] for r in tagged), 4),
                       "mrr": round(mean(r["rr"] for r in tagged), 4)}
    misses = [{key: r[key] for key in ("id", "tag", "query", "recall", "rr", "top")}
              for r in rows if r["recall"] < 1.0]
    return {f"recall_at_{k}": round(mean((r["recall"] for r in rows), default=0.0), 4),
            "mrr": round(mean((r["rr"] for r in rows), default=0.0), 4),
            "median_ms": round(statistics.median(latencies), 2) if latencies else 0.0,
            "by_tag": by_tag, "misses": misses}


def evaluate(app: Warmline, queries: list[dict[str, Any]],
             modes: Iterable[str] = MODES, k: int = K) -> dict[str, dict[str, Any]]:
    """Score each mode on an app that already holds the network."""
    return {mode: score_mode(queries, RANKERS[mode](app), k) for mode in modes}


def nonsense(app: Warmline, path: Path = NONSENSE) -> dict[str, Any]:
    """Per class of the nonsense queries: how many found no one, and the ones that did not."""
    classes = {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items()
               if not k.startswith("_")}
    out: dict[str, Any] = {}
    for name, queries in classes.items():
        found = {q: [r.name for r in app.search.search(q, k=3)] for q in queries}
        out[name] = {"queries": len(queries), "found_no_one": sum(not v for v in found.values()),
                     "found": {q: v for q, v in found.items() if v}}
    return out


def _default_embeddings() -> Embeddings:
    from assistant.llm.embeddings import OnnxMiniLMEmbeddings

    return OnnxMiniLMEmbeddings()


def run(network: list[dict[str, Any]] | None = None,
        queries: list[dict[str, Any]] | None = None,
        embeddings: Embeddings | None = None, modes: Iterable[str] = MODES,
        suite: str = SUITE) -> dict[str, Any]:
    """Build a real app in a temporary home, import the network, score every mode (the
    ``expanded`` mode on the model the settings choose; the others never ask a model)."""
    network = load_network(NETWORK) if network is None else network
    queries = load_queries() if queries is None else queries
    modes = tuple(modes)
    if problems := check_queries(queries, network):
        msg = "the retrieval query set disagrees with the network: " + "; ".join(problems[:3])
        raise InputError(msg)
    if embeddings is None:
        embeddings = _default_embeddings()
    with tempfile.TemporaryDirectory(prefix="warmline-eval-") as tmp:
        model: dict[str, Any] = {} if EXPANDED in modes else {"backend": None}
        app = build_app(load_settings(home=Path(tmp)), embeddings=embeddings, **model)
        try:
            report = load_into(app, network)
            results = evaluate(app, queries, modes)
            found_nothing = nonsense(app)
            engine = app.engine
        finally:
            app.close()
    hybrid = results.get("hybrid", {}).get(f"recall_at_{K}")
    return {
        "suite": suite,
        "embeddings": getattr(embeddings, "name", type(embeddings).__name__),
        "engine": engine,
        "contacts": report.added + report.updated,
        "notes": sum(len(c["notes"]) for c in network),
        "queries": len(queries),
        "k": K,
        "mrr_depth": DEPTH,
        "target": {f"recall_at_{K}": TARGET_RECALL,
                   "met": hybrid is not None and hybrid >= TARGET_RECALL},
        "modes": results,
        "nonsense": found_nothing,
    }


def run_set(name: str, embeddings: Embeddings | None = None,
            modes: Iterable[str] = MODES) -> dict[str, Any]:
    """``run`` on one named query set (a key of ``SETS``) and its own network."""
    if name not in SETS:
        msg = f"unknown query set {name!r}; choose one of {', '.join(SETS)}"
        raise InputError(msg)
    suite, network, queries = SETS[name]
    return run(load_network(network), load_queries(queries), embeddings, modes, suite)


def run_sets(names: Iterable[str], embeddings: Embeddings | None = None,
             modes: Iterable[str] = MODES) -> dict[str, dict[str, Any]]:
    """One report per set, each from its own store; the embedding model is loaded once."""
    names = list(names)
    if embeddings is None and names:
        embeddings = _default_embeddings()
    return {name: run_set(name, embeddings, modes) for name in names}


def summary_rows(report: dict[str, Any]) -> list[tuple[str, float, float, float]]:
    """(mode, recall@5, MRR, median ms) for a table."""
    return [(mode, r[f"recall_at_{K}"], r["mrr"], r["median_ms"])
            for mode, r in report["modes"].items()]


def main(argv: list[str] | None = None) -> None:
    """Print the table (or the JSON report with ``--json``)."""
    parser = argparse.ArgumentParser(description="Retrieval quality by search mode.")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--set", choices=(*SETS, "all"), default="dev", dest="query_set",
                        help="query set: dev (tuned against), holdout or holdout2 (never "
                             "tuned against) or all (each reported separately)")
    parser.add_argument("--expand", action="store_true",
                        help=f"also score '{EXPANDED}': hybrid after asking the configured "
                             "model for other ways of saying each query")
    args = parser.parse_args(argv)
    modes = (*MODES, EXPANDED) if args.expand else MODES
    if args.query_set == "all":
        reports = run_sets(SETS, modes=modes)
        if args.json:
            print(json.dumps(reports, ensure_ascii=False))  # noqa: T201
            return
        for name, report in reports.items():
            print(f"[{name}] {report['queries']} queries")  # noqa: T201
            _print_rows(report)
        return
    report = run_set(args.query_set, modes=modes)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))  # noqa: T201
        return
    _print_rows(report)


def _print_rows(report: dict[str, Any]) -> None:
    for mode, recall, mrr, ms in summary_rows(report):
        print(f"{mode:9} recall@{K} {recall:.3f}  MRR {mrr:.3f}  {ms:.1f} ms")  # noqa: T201
    for name, row in report.get("nonsense", {}).items():
        print(f"{name:9} {row['found_no_one']} of {row['queries']} found no one"  # noqa: T201
              + (f"; found someone: {', '.join(row['found'])}" if row["found"] else ""))


if __name__ == "__main__":
    main()
