"""The Contacts tab's named API endpoints on a real Gradio server, driven by gradio_client."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from assistant.app import Warmline, build_app
from assistant.domain import Contact, Note
from assistant.settings import load_settings
from assistant.ui.server import start_server
from tests.exports import Person, hidden_profile, linkedin_connections_csv, markdown_notes
from tests.fakes import FakeChatModel, HashEmbeddings, fake_backend
from tests.integration.llm_server import free_port

PEOPLE = [
    Person("Ana", "Ruiz", company="Acme Health", title="Data Scientist", slug="ana-ruiz",
           connected_on=date(2024, 3, 1)),
    Person("Bob", "Lee", company="Globex", title="Recruiter", slug="bob-lee",
           connected_on=date(2023, 5, 6)),
    hidden_profile(date(2024, 1, 2)),
]


@dataclass
class Running:
    app: Warmline
    client: Client


def serve(app: Warmline) -> Iterator[Running]:
    """The app on a real Gradio server on loopback, with a client; closed afterwards."""
    port = free_port()
    blocks = start_server(app, "127.0.0.1", port)
    try:
        yield Running(app, Client(f"http://127.0.0.1:{port}/", verbose=False))
    finally:
        blocks.close()
        app.close()


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    yield from serve(build_app(load_settings(home=tmp_path / "home"), backend=None,
                               embeddings=HashEmbeddings()))


@pytest.fixture
def model() -> FakeChatModel:
    return FakeChatModel()


@pytest.fixture
def running_on_model(tmp_path: Path, model: FakeChatModel) -> Iterator[Running]:
    """On the fake ``model``, with no thesaurus: only the model knows what means the same."""
    settings = load_settings(home=tmp_path / "home", knowledge_dir=tmp_path / "knowledge")
    yield from serve(build_app(settings, backend=fake_backend(model),
                               embeddings=HashEmbeddings()))


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_import_file_then_search_contacts(running: Running, tmp_path: Path) -> None:
    client = running.client
    connections = write(tmp_path / "Connections.csv", linkedin_connections_csv(PEOPLE))
    report = client.predict(handle_file(connections), "auto", api_name="/import_file")
    assert (report["format"], report["added"], report["skipped"]) == ("linkedin", 2, 1)
    assert report["skipped_rows"][0]["reason"].startswith("hidden profile")
    again = client.predict(handle_file(connections), api_name="/import_file")
    assert (again["added"], again["unchanged"]) == (0, 2)

    notes = write(tmp_path / "notes.md",
                  markdown_notes([("Ana Ruiz", "She ran the Chicago marathon in October")]))
    assert client.predict(handle_file(notes), "notes", api_name="/import_file")["notes"] == 1

    found = client.predict("ana", api_name="/search_contacts")["results"]
    assert found[0]["name"] == "Ana Ruiz" and "name matches 'ana'" in found[0]["why"]
    assert {"id", "name", "company", "title", "score", "why"} <= set(found[0])
    by_note = client.predict(query="marathon", api_name="/search_contacts")["results"]
    assert by_note[0]["name"] == "Ana Ruiz" and by_note[0]["why"][0].startswith("note: ")
    filtered = client.predict(query="", company="globex", api_name="/search_contacts")
    assert [r["name"] for r in filtered["results"]] == ["Bob Lee"]
    assert running.app.stores.records.count_contacts() == 2


def test_a_bad_file_is_one_clear_error_and_writes_nothing(running: Running,
                                                          tmp_path: Path) -> None:
    bad = write(tmp_path / "weird.csv", b"a,b,c,d\n1,2,3,4\n")
    with pytest.raises(Exception, match="weird.csv: no LinkedIn/Google header row") as caught:
        running.client.predict(handle_file(bad), api_name="/import_file")
    assert "Traceback" not in str(caught.value)
    assert running.app.stores.records.count_contacts() == 0


def test_search_contacts_can_ask_the_model_for_other_wordings(
    running_on_model: Running, model: FakeChatModel
) -> None:
    running = running_on_model
    app = running.app
    surgeon = Contact(name="Tomas Reyes", company="City Parks")
    app.stores.records.put_contact(surgeon)
    app.stores.records.put_note(Note(contact_id=surgeon.id, text="Works as a tree surgeon now"))
    app.stores.sync.reconcile()
    plain = running.client.predict(query="arborist", api_name="/search_contacts")
    assert plain == {"results": []} and model.received == []
    model.enqueue("1. Tree surgeon\n2. Tree care")
    found = running.client.predict(query="arborist", expand=True, api_name="/search_contacts")
    assert found["expanded"] == {"terms": ["tree surgeon", "tree care"],
                                 "engine": "fake:model", "notice": ""}
    assert [r["name"] for r in found["results"]] == ["Tomas Reyes"]
    assert "('tree surgeon' for 'arborist')" in found["results"][0]["why"][0]
