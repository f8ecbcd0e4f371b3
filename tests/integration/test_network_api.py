"""The Map tab's named API endpoints (``map``, ``path``) on a real Gradio server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.app import build_app
from assistant.domain import Contact, Note, Profile
from assistant.settings import load_settings
from tests.fakes import HashEmbeddings
from tests.integration.test_contacts_ui_api import Running, serve


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    yield from serve(build_app(load_settings(home=tmp_path / "home"), backend=None,
                               embeddings=HashEmbeddings()))


def test_map_and_path_endpoints(running: Running) -> None:
    records = running.app.stores.records
    ana = Contact(name="Ana Ruiz", company="Acme Health", tier="inner")
    bob = Contact(name="Bob Lee", company="Globex", tier="dormant")
    tara = Contact(name="Tara Singh", company="Epic Systems", tier="aspirational",
                   past_companies=["Initech"])
    for contact in (ana, bob, tara):
        records.put_contact(contact)
    records.put_note(Note(contact_id=bob.id, text="Former colleague from Initech."))
    records.put_profile(Profile(target_companies=["Epic Systems"]))
    client = running.client

    data = client.predict(api_name="/map")
    assert data["counts"] == {"contacts": 3, "companies": 4, "edges": 8}
    assert data["goals"]["gaps"] == [
        "No one at Epic Systems yet; 1 second-degree candidate (through Bob Lee)"]

    found = client.predict("Epic Systems", 2, api_name="/path")
    [path] = found["paths"]
    assert (path["kind"], path["link"], path["ask"]["name"], path["target"]["name"]) == (
        "two-hop", "colleagues", "Bob Lee", "Tara Singh")
    assert "from your note" in path["why"]
    assert client.predict("Epic Systems", 1, api_name="/path")["paths"] == []
    assert client.predict(to="acme", api_name="/path")["paths"][0]["ask"]["id"] == ana.id

    with pytest.raises(Exception, match="say where to") as caught:
        client.predict("  ", api_name="/path")
    assert "Traceback" not in str(caught.value)
