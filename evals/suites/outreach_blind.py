"""The frozen blind outreach set: its own personas and network, scored in aggregate only.

Its rows are loaded here and never printed: the report shows the dev set's drafts in full and
only this suite's aggregates.
"""

from __future__ import annotations

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

BLIND_DIR = DATASETS_DIR / "blind"
PERSONAS = "outreach_personas.jsonl"
NETWORK = "outreach_network.jsonl"
CACHE_KEY = "outreach-blind"


def _load(ctx: EvalContext) -> tuple[dict[str, Profile], dict[str, str], dict[str, SeedContact]]:
    """The blind personas and network, seeded into the run's store once."""
    if CACHE_KEY not in ctx.cache:
        personas = dict(persona_profile(row, f"{PERSONAS} row {n}")
                        for n, row in enumerate(read_jsonl(BLIND_DIR / PERSONAS), start=1))
        network = [_parse(SeedContact, row, f"{NETWORK} row {n}")
                   for n, row in enumerate(read_jsonl(BLIND_DIR / NETWORK), start=1)]
        stores = ctx.app.stores
        ids = seed_store(stores.records, stores.sync, Dataset(personas, network, {}),
                         namespace=CACHE_KEY)
        ctx.cache[CACHE_KEY] = (personas, ids, {c.key: c for c in network})
    cached: tuple[dict[str, Profile], dict[str, str], dict[str, SeedContact]] = \
        ctx.cache[CACHE_KEY]
    return cached


def run(ctx: EvalContext, case: Case) -> CaseResult:
    """Draft a blind case's message and grade it like the dev set's."""
    personas, ids, seeds = _load(ctx)
    profile = personas.get(case.persona, Profile())
    ctx.app.stores.records.put_profile(profile)
    result = run_case(ctx, case, profile, ids, seeds)
    result.text = ""  # blind drafts stay out of the report: aggregates only
    result.failures = [f.split(":", 1)[0] for f in result.failures]
    return result
