"""Outreach sets that bring their own personas and network: the frozen blind set, scored in
aggregate only, and the third dev set (``dev3``), written in the blind set's shape and printed
in full.

The blind rows are loaded here and never printed: the report shows their aggregates only.
"""

from __future__ import annotations

from pathlib import Path

from assistant.domain import Profile
from evals.seed import (
    DATASETS_DIR,
    Case,
    Dataset,
    SeedContact,
    _parse,
    persona_profile,
    read_jsonl,
    seed_store,
)
from evals.suites.base import CaseResult, EvalContext
from evals.suites.outreach import run_case

PERSONAS = "outreach_personas.jsonl"
NETWORK = "outreach_network.jsonl"
Seeded = tuple[dict[str, Profile], dict[str, str], dict[str, SeedContact]]


def _load(ctx: EvalContext, folder: Path, cache_key: str) -> Seeded:
    """A set's personas and network, seeded into the run's store once."""
    if cache_key not in ctx.cache:
        personas = dict(persona_profile(row, f"{PERSONAS} row {n}")
                        for n, row in enumerate(read_jsonl(folder / PERSONAS), start=1))
        network = [_parse(SeedContact, row, f"{NETWORK} row {n}")
                   for n, row in enumerate(read_jsonl(folder / NETWORK), start=1)]
        stores = ctx.app.stores
        ids = seed_store(stores.records, stores.sync, Dataset(personas, network, {}),
                         namespace=cache_key)
        ctx.cache[cache_key] = (personas, ids, {c.key: c for c in network})
    cached: Seeded = ctx.cache[cache_key]
    return cached


def _run(ctx: EvalContext, case: Case, folder: Path, cache_key: str) -> CaseResult:
    personas, ids, seeds = _load(ctx, folder, cache_key)
    profile = personas.get(case.persona, Profile())
    ctx.app.stores.records.put_profile(profile)
    return run_case(ctx, case, profile, ids, seeds)


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Draft a blind case's message and grade it like the dev set's; keep its text out."""
    result = _run(ctx, case, DATASETS_DIR / "blind", "outreach-blind")
    result.text = ""  # blind drafts stay out of the report: aggregates only
    result.failures = [f.split(":", 1)[0] for f in result.failures]
    return result


def run_dev3(ctx: EvalContext, case: Case) -> CaseResult:
    """Draft a dev3 case's message and grade it; the draft and its failures are reported."""
    return _run(ctx, case, DATASETS_DIR / "dev3", "outreach-dev3")
