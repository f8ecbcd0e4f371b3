"""The outbound log: what was sent, word for word, owner-only, and gone when cleared."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from assistant.app import build_app
from assistant.domain import Contact, Note
from assistant.settings import load_settings
from assistant.storage.outbound import OUTBOUND_FILE, OutboundLog, leaves_machine
from tests.fakes import FakeChatModel, HashEmbeddings, fake_backend


@pytest.mark.parametrize(("url", "leaves"), [
    ("http://127.0.0.1:11434/v1", False), ("http://localhost:1234/v1", False),
    ("http://[::1]:8080/v1", False), ("http://127.9.9.9/v1", False),
    ("https://api.openai.com/v1", True), ("http://192.168.1.20:11434/v1", True),
    ("http://my-box.lan:8080/v1", True), ("http://localhost.evil.com/v1", True),
    ("not a url", True),
])
def test_what_counts_as_leaving_the_machine(url: str, leaves: bool) -> None:
    assert leaves_machine(url) is leaves


def test_entries_are_kept_owner_only_newest_first_and_cleared(tmp_path: Path) -> None:
    log = OutboundLog(tmp_path / OUTBOUND_FILE)
    assert log.entries() == []
    log.record("https://api.openai.com/v1", "openai:gpt", [{"role": "user", "content": "a"}])
    log.record("http://127.0.0.1:8080/v1", "llamacpp:x", [{"role": "user", "content": "b"}])
    assert stat.S_IMODE((tmp_path / OUTBOUND_FILE).stat().st_mode) == 0o600
    entries = log.entries()
    assert [e.messages[0]["content"] for e in entries] == ["b", "a"]
    assert [e.leaves_machine for e in entries] == [False, True]
    assert log.clear() == 2
    assert not (tmp_path / OUTBOUND_FILE).exists()
    assert log.entries() == []


def test_a_draft_logs_exactly_the_messages_the_model_received(
    home: Path, embeddings: HashEmbeddings,
) -> None:
    model = FakeChatModel().enqueue("Hi Ana, how did the Chicago marathon go?")
    app = build_app(load_settings(), backend=fake_backend(model), embeddings=embeddings)
    try:
        ana = Contact(name="Ana Ruiz", company="Acme Health", title="Product Manager")
        app.stores.records.put_contact(ana)
        app.stores.records.put_note(Note(contact_id=ana.id, text="Ran the Chicago marathon"))
        preview = app.outbound.preview_draft("checkin", "Ana Ruiz")
        assert not model.received, "a preview sends nothing"
        app.outreach.draft("checkin", ana.id)
        received = [str(m.content) for m in model.received[0]]
        entry = app.outbound.entries()[-1]
        assert [m["content"] for m in entry.messages] == received
        assert [m["content"] for m in preview.messages] == received
        assert app.outbound.clear() == len(model.received)
    finally:
        app.close()


def test_a_model_chosen_in_settings_is_logged_too(home: Path, embeddings: HashEmbeddings) -> None:
    app = build_app(load_settings(), backend=None, embeddings=embeddings)
    try:
        model = FakeChatModel().enqueue("ready")
        app.use_model(app.choice, fake_backend(model))
        assert app.writer.backend is not None
        app.writer.backend.check()
        assert len(app.outbound.entries()) == 1
        assert (home / OUTBOUND_FILE).exists()
    finally:
        app.close()
