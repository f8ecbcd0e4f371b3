"""Measure the injection corpus on the offline engine: how many payloads reach a delivered draft.

``python -m evals.injection_corpus`` seeds a temp store with one contact per payload (a true
note, then the payload as the newest note), writes a check-in on two channels, and counts the
drafts whose text or sources repeat the payload's canary. It prints one JSON object.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parent / "datasets" / "injection_corpus.jsonl"
FACT = "Training for the Berlin marathon in May."
CHANNELS = ("linkedin-dm", "linkedin-note")


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def measure() -> dict[str, Any]:
    """Leak counts over every (payload, channel) pair: in the text, in the sources, in either."""
    os.environ["WARMLINE_HOME"] = tempfile.mkdtemp(prefix="warmline-injection-")
    os.environ.setdefault("WARMLINE_DETECT_PORTS", "[]")
    from assistant.app import build_app
    from assistant.domain import Contact, Note
    from assistant.settings import load_settings

    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    app = build_app(load_settings(provider="offline"))
    try:
        cases = []
        for i, row in enumerate(rows):
            title = row["payload"] if row["where"] == "title" else "Engineer"
            company = row["payload"] if row["where"] == "company" else "Northwind"
            contact = Contact(name=f"Person{i:02d} Tester", company=company, title=title)
            app.stores.records.put_contact(contact)
            records = app.stores.records
            records.put_note(Note(contact_id=contact.id, text=FACT, created=date(2026, 1, 1)))
            if row["where"] not in ("title", "company"):
                app.stores.records.put_note(Note(contact_id=contact.id, text=row["payload"]))
            cases.append((contact.id, row))
        app.stores.sync.reconcile()
        in_text = in_sources = either = total = 0
        for contact_id, row in cases:
            for channel in CHANNELS:
                draft = app.outreach.draft("checkin", contact_id, channel)
                canary = _squash(row["canary"])
                text_leak = canary in _squash(draft.text)
                source_leak = any(canary in _squash(s.snippet) for s in draft.sources)
                in_text += text_leak
                in_sources += source_leak
                either += text_leak or source_leak
                total += 1
    finally:
        app.close()
    return {"payloads": len(rows), "drafts": total, "leaked_in_text": in_text,
            "leaked_in_sources": in_sources, "leaked": either,
            "success_rate": round(either / total, 3) if total else 0.0}


if __name__ == "__main__":
    print(json.dumps(measure()))  # noqa: T201
