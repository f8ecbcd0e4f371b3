"""Keep-in-touch speed: the due list and Today at N contacts, and offline draft latency.

``python -m evals.bench.outreach --contacts 50000`` builds a fresh store in a temporary home,
writes N synthetic contacts with realistic tiers and last touches in one transaction, then
times ``due`` as the CLI and API run it (the top 50 and the total), the whole due list, and
``Today`` (wall and CPU medians over repeats: CPU time shows the cost on a shared machine),
and a mix of offline drafts (p50 and p95).
Targets: due <= 200 ms at 50k contacts; a draft <= 100 ms p95.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from assistant.app import build_app
from assistant.domain import Contact, Note, Profile, Tier
from evals.bench.synthetic import people
from evals.bench.timing import percentile

DUE_TARGET_MS = 200.0
DRAFT_P95_TARGET_MS = 100.0
TIERS = ((Tier.INNER, 0.05, 60), (Tier.ACTIVE, 0.25, 150), (Tier.DORMANT, 0.6, 500),
         (Tier.ASPIRATIONAL, 0.1, 500))  # share of the network, oldest last touch in days
NOTE_TEXTS = ("training for a marathon in the autumn", "just adopted a rescue greyhound",
              "moving into product management next year", "restoring an old sailboat",
              "presented at a data conference in the spring", "started a pottery class")
KIND_CHANNELS = (("checkin", "linkedin-dm"), ("checkin", "linkedin-note"), ("coffee", "email"),
                 ("info-interview", "linkedin-dm"), ("congrats", "text"), ("thanks", "email"))


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _network(size: int, seed: int, today: date) -> list[Contact]:
    rng = random.Random(seed)
    tiers = [t for t, _, _ in TIERS]
    weights = [w for _, w, _ in TIERS]
    oldest = {t: days for t, _, days in TIERS}
    found = []
    for row in people(size, seed):
        tier = rng.choices(tiers, weights)[0]
        never = rng.random() < 0.1
        found.append(Contact(
            name=row.name, company=row.company, title=row.title, tier=tier,
            linkedin_slug=row.slug,
            last_contacted=None if never else today - timedelta(days=rng.randint(0, oldest[tier])),
            cadence_days=30 if tier is Tier.ASPIRATIONAL and rng.random() < 0.1 else None))
    return found


def run(size: int, repeats: int, drafts: int, seed: int = 0) -> dict[str, Any]:
    """Build the network, then time due, Today and drafts; medians and percentiles in ms."""
    home = Path(tempfile.mkdtemp(prefix="warmline-bench-outreach-"))
    os.environ["WARMLINE_HOME"] = str(home)
    try:
        from assistant.settings import load_settings

        app = build_app(load_settings(provider="offline"), backend=None)
        try:
            today = date.today()
            network = _network(size, seed, today)
            started = time.perf_counter()
            with app.stores.records.db.transaction() as conn:
                conn.executemany(
                    "INSERT INTO contacts(id, name, company, linkedin_slug, data) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [(c.id, c.name, c.company, c.linkedin_slug, c.model_dump_json())
                     for c in network])
            write_s = time.perf_counter() - started
            with_notes = network[: max(drafts, 1)]
            with app.stores.records.db.transaction() as conn:
                for number, contact in enumerate(with_notes):
                    for k in range(2):
                        app.stores.records.put_note(Note(
                            contact_id=contact.id, text=NOTE_TEXTS[(number + k) % len(NOTE_TEXTS)],
                            created=today - timedelta(days=10 + k)), conn)
            app.stores.records.put_profile(Profile(name="Dev Patel"))
            app.stores.sync.reconcile()
            timings: dict[str, list[float]] = {k: [] for k in (
                "due", "due_cpu", "due_all", "due_all_cpu", "today", "today_cpu")}
            count = 0

            def timed(name: str, call: Any) -> Any:
                wall, cpu = time.perf_counter(), time.process_time()
                out = call()
                timings[name].append(_ms(time.perf_counter() - wall))
                timings[f"{name}_cpu"].append(_ms(time.process_time() - cpu))
                return out

            for _ in range(repeats):
                # What `warmline due` and the API's `due` do: the top 50 and the total.
                count = timed("due", lambda: (app.outreach.cadences.due(limit=50),
                                              app.outreach.cadences.count()))[1]
                timed("due_all", app.outreach.cadences.due)
                timed("today", app.outreach.today.actions)
            app.outreach.draft("checkin", with_notes[0].id)  # warm-up: the parser loads once
            draft_ms = []
            for number in range(drafts):
                kind, channel = KIND_CHANNELS[number % len(KIND_CHANNELS)]
                started = time.perf_counter()
                app.outreach.draft(kind, with_notes[number % len(with_notes)].id, channel)
                draft_ms.append(_ms(time.perf_counter() - started))
        finally:
            app.close()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    medians = {f"{name}_ms_median": statistics.median(values)
               for name, values in timings.items()}
    draft_p95 = round(percentile(draft_ms, 95), 2) if draft_ms else None
    return {
        "contacts": size, "due": count, "write_s": round(write_s, 2), "repeats": repeats,
        **medians, "due_ms_runs": timings["due"],
        "drafts": drafts,
        "draft_ms_p50": round(statistics.median(draft_ms), 2) if draft_ms else None,
        "draft_ms_p95": draft_p95,
        "load_average": os.getloadavg()[0],
        "targets": {"due_ms": DUE_TARGET_MS, "draft_ms_p95": DRAFT_P95_TARGET_MS},
        "meets": {"due": medians["due_ms_median"] <= DUE_TARGET_MS,
                  "draft": draft_p95 is not None and draft_p95 <= DRAFT_P95_TARGET_MS},
    }


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: print one JSON object."""
    parser = argparse.ArgumentParser(prog="python -m evals.bench.outreach")
    parser.add_argument("--contacts", type=int, default=50_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--drafts", type=int, default=120)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    result = run(args.contacts, args.repeats, args.drafts, args.seed)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
