"""The real Gradio server, scripted through ``gradio_client`` like a power user would."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.app import Warmline
from assistant.domain import Contact, Note
from assistant.settings import Settings

NOTE = "Priya is training for the Berlin marathon in September"


@pytest.fixture
def client(served: tuple[Warmline, str]) -> Any:
    from gradio_client import Client

    return Client(served[1], verbose=False, download_files=False)


def test_the_ui_binds_to_loopback_by_default() -> None:
    assert Settings().host == "127.0.0.1"


def test_view_api_lists_the_draft_endpoint(client: Any) -> None:
    api = client.view_api(print_info=False, return_format="dict")
    endpoints = api["named_endpoints"]
    assert "/draft" in endpoints
    params = [p["parameter_name"] for p in endpoints["/draft"]["parameters"]]
    assert params == ["kind", "contact", "channel", "to"]  # "to": the second person of an intro
    # UI-only handlers (buttons) are not part of the scripted API.
    assert all(not name.startswith("/on_") for name in endpoints)


def test_draft_over_the_api_is_grounded_and_labelled(
    served: tuple[Warmline, str], client: Any,
) -> None:
    app, _ = served
    contact = Contact(name="Priya Nair", company="Northwind", title="Data Scientist")
    app.stores.records.put_contact(contact)
    note = Note(contact_id=contact.id, text=NOTE)
    app.stores.records.put_note(note)
    app.stores.sync.reconcile()

    draft = client.predict("checkin", "Priya Nair", "linkedin-note", api_name="/draft")

    assert draft["engine"] == "offline"
    assert draft["kind"] == "checkin" and draft["channel"] == "linkedin-note"
    assert "Berlin marathon" in draft["text"]
    assert draft["char_count"] == len(draft["text"]) <= 300
    assert {"id": note.id, "kind": "note", "snippet": NOTE} in draft["sources"]


def test_an_unknown_contact_is_a_clear_error_not_a_crash(
    client: Any, capfd: pytest.CaptureFixture[str],
) -> None:
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as error:
        client.predict("checkin", "Nobody Known", "linkedin-dm", api_name="/draft")
    assert str(error.value) == (
        "no contact named or with id 'Nobody Known'")
    assert "Traceback" not in capfd.readouterr().err
