"""The benchmark: one size in-process, the worker protocol, aggregation, targets and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import assistant.cli
import evals.bench.runner as runner
from assistant.errors import InputError, WarmlineError
from evals.bench import synthetic
from evals.bench.contacts import run_size
from evals.bench.runner import parse_sizes, run_worker, summarise, verdicts
from tests.fakes import HashEmbeddings


def test_parse_sizes() -> None:
    assert parse_sizes("1000, 10k,50000") == (1000, 10000, 50000)
    for bad in ("", "0", "ten", "1000,-5", "999999999"):
        with pytest.raises(InputError):
            parse_sizes(bad)


def test_one_size_in_process_reports_where_the_time_went() -> None:
    events: list[dict[str, Any]] = []
    result = run_size(60, 12, seed=1, emit=events.append, embeddings=HashEmbeddings())
    imported, searched = result["import"], result["search"]
    assert imported["added"] == 60 and imported["skipped"] == 0 and not imported["notice"]
    assert imported["cpu_seconds"] > 0 and imported["contacts_per_cpu_s"] > 0
    # A role's vector is built from its title's and its company's, each embedded once.
    people = synthetic.people(60, 1)
    assert imported["embedded_texts"] == len({p.title for p in people} | {p.company
                                                                          for p in people})
    breakdown = imported["breakdown_s"]
    assert all(v >= 0 for v in breakdown.values()), breakdown
    assert breakdown["embedding"] > 0 and breakdown["chroma_add"] > 0  # the timers were hooked
    assert searched["queries"] == 12
    assert sum(searched["by_kind"][k]["queries"] for k in searched["by_kind"]) == 12
    assert searched["p50_ms"] <= searched["p95_ms"] <= searched["max_ms"]
    parts = searched["per_search_ms"]
    assert parts["query_embeddings"] >= 1  # every search embeds the query at least once
    assert parts["lexical_match"] > 0 and parts["vector_search"] > 0
    assert parts["keyword_search"] > 0
    assert result["peak_rss_mb"] > 0
    stages = [e["stage"] for e in events]
    assert stages[0] == "reading" and "contacts" in stages and stages[-1] == "searching"


def _run(contacts_per_s: float, p95: float, rss: float) -> dict[str, Any]:
    return {"import": {"seconds": 1.0, "contacts_per_s": contacts_per_s,
                       "contacts_per_cpu_s": contacts_per_s / 2, "embedding_share": 0.9,
                       "embedding_texts_per_s": 300.0,
                       "breakdown_s": {"parse": 0.1, "embedding": 0.9}},
            "search": {"first_query_ms": 50.0, "p50_ms": p95 / 2, "p95_ms": p95,
                       "by_kind": {}, "per_search_ms": {}},
            "peak_rss_mb": rss, "store_mb": 10.0}


def test_summary_takes_medians_and_the_worst_memory() -> None:
    summary = summarise(50000, [_run(400, 90, 900), _run(600, 120, 1000), _run(500, 80, 950)])
    assert summary["contacts_per_s"] == 500
    assert summary["search_p95_ms"] == 90
    assert summary["peak_rss_mb"] == 1000
    assert summary["repeats"] == 3
    met = verdicts([summary])
    assert met == {"contacts_per_s": True, "search_p95_at_50k": True, "peak_rss_at_50k": True}
    slow = summarise(1000, [_run(200, 20, 400)])
    assert verdicts([slow]) == {"contacts_per_s": False, "search_p95_at_50k": None,
                                "peak_rss_at_50k": None}


def test_a_failed_worker_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner.sys, "executable", "/bin/false")
    with pytest.raises(WarmlineError, match="benchmark for 10 contacts failed"):
        run_worker(10, 5)


def _cli(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
         tmp_path: Path) -> tuple[int, str, str]:
    monkeypatch.setattr(assistant.cli, "configure_logging", lambda: tmp_path / "log")
    code = 0
    try:
        assistant.cli.main(args)
    except SystemExit as e:
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_bench_cli_rejects_bad_sizes_in_one_line(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    code, out, err = _cli(["bench", "--sizes", "lots"], capsys, monkeypatch, tmp_path)
    assert code == 1 and out == ""
    assert err.startswith("warmline: bad size 'lots'") and err.count("\n") == 1


def test_bench_cli_runs_a_real_worker_and_prints_json(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    # A real subprocess with the real ONNX embeddings, kept tiny.
    code, out, err = _cli(["bench", "--sizes", "25", "--queries", "5", "--json"],
                          capsys, monkeypatch, tmp_path)
    assert code == 0, err
    report = json.loads(out)
    size = report["sizes"][0]
    assert size["size"] == 25 and size["runs"][0]["import"]["added"] == 25
    assert size["runs"][0]["embeddings"] == "all-MiniLM-L6-v2-onnx-int8"
    assert size["peak_rss_mb"] > 50
    assert set(report["met"]) == {"contacts_per_s", "search_p95_at_50k", "peak_rss_at_50k"}


def test_eval_retrieval_cli_prints_the_report(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    import evals.retrieval_modes as modes

    canned = {"suite": "retrieval-network", "queries": 2, "contacts": 3, "notes": 1,
              "embeddings": "hash", "target": {"recall_at_5": 0.95, "met": False},
              "modes": {m: {"recall_at_5": 0.5, "mrr": 0.25, "median_ms": 1.0}
                        for m in modes.MODES}}
    monkeypatch.setattr(modes, "run", lambda: canned)
    code, out, _ = _cli(["eval-retrieval", "--json"], capsys, monkeypatch, tmp_path)
    assert code == 0 and json.loads(out) == canned
    code, out, _ = _cli(["eval-retrieval"], capsys, monkeypatch, tmp_path)
    assert code == 0
    assert "hybrid" in out and "0.500" in out and "missed" in out
