"""Coach latency: offline replies (route + feature + memory) on a real store, warm.

Run ``python -m evals.bench.coach [--extra N] [--rounds R]``. It seeds the dev coach network
(plus N filler contacts), answers one message to warm up the models, then times every dev
utterance, each in a fresh chat, R times; it reports the median and p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from assistant.app import build_app
from assistant.domain import Contact
from assistant.settings import load_settings
from evals.bench.timing import percentile
from evals.seed import DATASETS_DIR, read_jsonl
from evals.suites.coach import seed_network

TARGET_P95_MS = 300.0


def run(extra: int = 500, rounds: int = 3) -> dict[str, Any]:
    """Time warm offline replies; return medians, p95 and whether the target is met."""
    with tempfile.TemporaryDirectory(prefix="warmline-bench-coach-") as home:
        app = build_app(load_settings(provider="offline", home=Path(home)), backend=None)
        try:
            seed_network(app, read_jsonl(DATASETS_DIR / "coach_network.jsonl"))
            with app.stores.records.db.transaction() as conn:
                for n in range(extra):
                    app.stores.records.put_contact(Contact(name=f"Filler Person{n}",
                                                    company=f"Company {n % 50}"), conn)
            app.stores.sync.reconcile()
            texts = [str(r["text"]) for r in read_jsonl(DATASETS_DIR / "coach.jsonl")]
            app.coach.reply("who do I know in clinical decision support?")  # warm up
            times = []
            for _ in range(rounds):
                for text in texts:
                    chat = app.coach.new_chat()
                    started = time.perf_counter()
                    app.coach.reply(text, chat)
                    times.append((time.perf_counter() - started) * 1000)
            contacts = len(app.contacts.list_contacts())
        finally:
            app.close()
    p95 = percentile(times, 95)
    return {"replies": len(times), "contacts": contacts, "p50_ms": round(percentile(times, 50), 1),
            "p95_ms": round(p95, 1), "max_ms": round(max(times), 1),
            "target_p95_ms": TARGET_P95_MS, "met": p95 <= TARGET_P95_MS}


def main() -> None:
    """Command line: print the report as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--extra", type=int, default=500, help="filler contacts to add")
    parser.add_argument("--rounds", type=int, default=3, help="times each utterance is sent")
    args = parser.parse_args()
    print(json.dumps(run(args.extra, args.rounds)))  # noqa: T201 - a command's output


if __name__ == "__main__":
    main()
