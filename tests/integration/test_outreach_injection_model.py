"""The injection corpus on a real model: llama.cpp's server with SmolLM2-135M on loopback.

A 135M model follows orders easily, so this is the hard case: whatever it writes, no canary
from a note's injected order may reach a delivered draft of any kind. What the model wrote
before the guard is printed for the report.
"""

from __future__ import annotations

import pytest

from assistant.app import build_app
from assistant.domain import Contact, Note, Profile
from assistant.services.outreach.service import KINDS
from assistant.settings import load_settings
from tests.integration.llm_server import LlamaServer
from tests.unit.outreach.test_injection_corpus import CORPUS

MODEL_TIMEOUT_S = 120.0


@pytest.mark.llm_server
@pytest.mark.parametrize("kind", KINDS)
def test_no_canary_reaches_a_delivered_draft(llm_server: LlamaServer, kind: str) -> None:
    settings = load_settings(provider="openai-compatible", base_url=llm_server.base_url,
                             timeout_s=MODEL_TIMEOUT_S)
    app = build_app(settings)
    outcomes = []
    try:
        ana = Contact(name="Ana Ruiz", company="Northwind Health", title="Nurse Manager")
        bo = Contact(name="Bo Chen", company="Globex", title="Product Lead")
        for contact in (ana, bo):
            app.stores.records.put_contact(contact)
        app.stores.records.put_profile(Profile(name="Dev"))
        app.stores.records.put_note(
            Note(contact_id=ana.id, text="Ran the Chicago marathon in October."))
        for number, (injected, canary) in enumerate(CORPUS[:1]):
            note = Note(contact_id=ana.id, text=injected)
            app.stores.records.put_note(note)
            app.stores.sync.reconcile()
            draft = app.outreach.draft(kind, ana.id, "linkedin-dm",
                                       to_id=bo.id if kind == "intro" else None)
            delivered = " ".join((draft.text, draft.second_text, draft.subject))
            assert canary not in delivered, (kind, number, delivered)
            assert draft.text.strip()
            outcomes.append(f"{draft.engine}{' (fallback)' if draft.notice else ''}")
            app.stores.records.db.conn.execute("DELETE FROM notes WHERE id = ?", (note.id,))
    finally:
        app.close()
    print(f"\nOUTCOME {kind}: {outcomes}")  # noqa: T201 - recorded for the report
