"""The outreach API endpoints (draft, due) on a real Gradio server, driven by gradio_client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client

from assistant.app import build_app
from assistant.domain import Contact, Note, Tier
from assistant.settings import load_settings
from tests.fakes import HashEmbeddings
from tests.integration.test_contacts_ui_api import Running, serve


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    app = build_app(load_settings(home=tmp_path / "home"), backend=None,
                    embeddings=HashEmbeddings())
    chloe = Contact(name="Chloe Park", tier=Tier.INNER)
    app.stores.records.put_contact(chloe)
    app.stores.records.put_contact(Contact(name="Bo Chen", tier=Tier.ACTIVE))
    app.stores.records.put_note(Note(contact_id=chloe.id, text="Chloe adopted a greyhound."))
    app.stores.sync.reconcile()
    yield from serve(app)


def test_due_then_draft_by_first_name_then_sent(running: Running) -> None:
    client: Client = running.client
    due = client.predict(api_name="/due")
    assert sorted(d["name"] for d in due["due"]) == ["Bo Chen", "Chloe Park"]
    assert due["total"] == 2 and len(due["actions"]) == 2
    draft = client.predict("coffee", "Chloe", "email", "", api_name="/draft")
    assert draft["kind"] == "coffee" and draft["subject"] and draft["engine"] == "offline"
    running.app.outreach.mark_sent(draft["id"])
    due = client.predict(api_name="/due")
    assert [d["name"] for d in due["due"]] == ["Bo Chen"]
    with pytest.raises(Exception, match="unknown draft kind"):
        client.predict("poem", "Chloe", "email", "", api_name="/draft")
