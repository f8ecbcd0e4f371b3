"""``warmline bench``: every size in a fresh worker process, medians over repeats, targets."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from assistant.errors import InputError, WarmlineError
from evals.bench.timing import peak_rss_bytes

DEFAULT_SIZES = (1000, 10000, 50000)
MAX_SIZE = 200_000
TARGETS = {"contacts_per_s_min": 500, "search_p95_ms_max_at_50k": 100,
           "peak_rss_mb_max_at_50k": 1536}
OnEvent = Callable[[int, int, dict[str, Any]], None]  # (size, repeat, event)


def parse_sizes(text: str) -> tuple[int, ...]:
    """'1000,10k,50000' -> (1000, 10000, 50000)."""
    sizes = []
    for part in (p.strip().lower() for p in text.split(",") if p.strip()):
        try:
            size = int(float(part[:-1]) * 1000) if part.endswith("k") else int(part)
        except ValueError:
            size = 0
        if not 1 <= size <= MAX_SIZE:
            msg = f"bad size '{part}': give whole numbers from 1 to {MAX_SIZE}, e.g. 1000,10k"
            raise InputError(msg)
        sizes.append(size)
    if not sizes:
        msg = "give at least one size, e.g. --sizes 1000,10000"
        raise InputError(msg)
    return tuple(sizes)


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    versions = {}
    for package in ("chromadb", "onnxruntime", "rapidfuzz"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "missing"
    return {"cpus": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "load_avg_1m": round(os.getloadavg()[0], 2),
            "versions": versions}


CHECKOUT = Path(__file__).resolve().parent.parent.parent


def run_worker(size: int, queries: int, seed: int = 0, on_event: OnEvent | None = None,
               repeat: int = 0, profile: Path | None = None) -> dict[str, Any]:
    """Run one size in a fresh Python process; its result, with the child's peak memory."""
    command = [sys.executable, "-m", "evals.bench.contacts", "--size", str(size),
               "--queries", str(queries), "--seed", str(seed)]
    if profile:
        command += ["--profile", str(profile)]
    result: dict[str, Any] | None = None
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as errors:
        process = subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
            command, stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8",
            cwd=CHECKOUT,  # the tooling lives in the checkout, not in the installed package
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
        assert process.stdout is not None  # noqa: S101 - Popen(stdout=PIPE) guarantees it
        for line in process.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue  # a library printed something; not ours
            if event.get("event") == "result":
                result = event
            elif on_event:
                on_event(size, repeat, event)
        code = process.wait()
        errors.seek(0)
        tail = [line.strip() for line in errors.read().splitlines() if line.strip()]
    if code != 0 or result is None:
        last = tail[-1] if tail else f"exit code {code}"
        msg = f"the benchmark for {size} contacts failed: {last}"
        raise WarmlineError(msg)
    result.pop("event", None)
    # The worker's own figure is this size's peak; the parent's view is the max over children.
    result["peak_rss_mb_children_max"] = round(peak_rss_bytes(resource.RUSAGE_CHILDREN) / 2**20, 1)
    return result


def _median(runs: list[dict[str, Any]], *path: str) -> float:
    values = []
    for run in runs:
        value: Any = run
        for key in path:
            value = value[key]
        values.append(float(value))
    return round(statistics.median(values), 3)


def summarise(size: int, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over repeats for one size (a single run is its own median)."""
    breakdown = {key: _median(runs, "import", "breakdown_s", key)
                 for key in runs[0]["import"]["breakdown_s"]}
    return {
        "size": size, "repeats": len(runs),
        "import_s": _median(runs, "import", "seconds"),
        "contacts_per_s": _median(runs, "import", "contacts_per_s"),
        "contacts_per_cpu_s": _median(runs, "import", "contacts_per_cpu_s"),
        "embedding_share": _median(runs, "import", "embedding_share"),
        "embedding_texts_per_s": _median(runs, "import", "embedding_texts_per_s"),
        "breakdown_s": breakdown,
        "peak_rss_mb": max(run["peak_rss_mb"] for run in runs),
        "store_mb": _median(runs, "store_mb"),
        "search_first_ms": _median(runs, "search", "first_query_ms"),
        "search_p50_ms": _median(runs, "search", "p50_ms"),
        "search_p95_ms": _median(runs, "search", "p95_ms"),
        "search_by_kind": runs[len(runs) // 2]["search"]["by_kind"],
        "search_per_search_ms": runs[len(runs) // 2]["search"]["per_search_ms"],
        "runs": runs,
    }


def verdicts(sizes: list[dict[str, Any]]) -> dict[str, bool | None]:
    """Which targets were met (None: the size that decides it was not run)."""
    at_50k = next((s for s in sizes if s["size"] == 50000), None)
    return {
        "contacts_per_s": all(s["contacts_per_s"] >= TARGETS["contacts_per_s_min"]
                              for s in sizes),
        "search_p95_at_50k": None if at_50k is None else
        at_50k["search_p95_ms"] <= TARGETS["search_p95_ms_max_at_50k"],
        "peak_rss_at_50k": None if at_50k is None else
        at_50k["peak_rss_mb"] <= TARGETS["peak_rss_mb_max_at_50k"],
    }


def run_bench(sizes: tuple[int, ...] = DEFAULT_SIZES, queries: int = 200, repeats: int = 1,
              seed: int = 0, on_event: OnEvent | None = None,
              profile_dir: Path | None = None) -> dict[str, Any]:
    """Every size ``repeats`` times, each in a fresh process; one JSON-ready report."""
    if repeats < 1 or queries < 1:
        msg = "--repeats and --queries must be at least 1"
        raise InputError(msg)
    if profile_dir:
        profile_dir.mkdir(parents=True, exist_ok=True)
    before = machine()
    summaries = []
    for size in sizes:
        runs = [run_worker(size, queries, seed, on_event, repeat,
                           profile_dir / f"bench-{size}-{repeat}.prof" if profile_dir else None)
                for repeat in range(repeats)]
        summaries.append(summarise(size, runs))
    return {"bench": "contacts", "machine": before,
            "load_avg_1m_after": round(os.getloadavg()[0], 2), "queries": queries,
            "targets": TARGETS, "met": verdicts(summaries), "sizes": summaries}
