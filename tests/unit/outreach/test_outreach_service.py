"""Check-in drafts: grounded in notes, give-first, within channel limits, engine labelled."""

from __future__ import annotations

import pytest

from assistant.domain import Contact, Direction, Note, Profile
from assistant.errors import InputError
from tests.fakes import FakeChatModel, connection_error, fake_backend


def seed(app):  # type: ignore[no-untyped-def]
    ana = Contact(
        name="Ana Ruiz",
        company="Northwind Health",
        title="Nurse Manager",
        interests=["marathon running"],
    )
    app.stores.records.put_contact(ana)
    app.stores.records.put_note(
        Note(contact_id=ana.id, text="Ran the Chicago marathon in October."))
    app.stores.records.put_profile(Profile(name="Dev"))
    app.stores.sync.reconcile()
    app.stores.sync.ensure_knowledge()
    return ana


def test_offline_checkin_uses_a_detail_a_resource_and_no_ask(app_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "r.md").write_text(
        "## Marathon running recovery\nMarathon running recovery: walk and refuel.\n\n"
        "## Tax forms\nFiling quarterly taxes.\n",
        encoding="utf-8",
    )
    app = app_factory(knowledge_dir=tmp_path)
    ana = seed(app)
    draft = app.outreach.draft("checkin", ana.id, "linkedin-dm")
    assert draft.engine == "offline" and draft.notice == ""
    assert draft.text.startswith(("Hi Ana,", "Hey Ana,", "Hello Ana,"))
    assert "Chicago marathon" in draft.text
    assert "Marathon running recovery" in draft.text  # the resource matched to her interests
    assert "Tax" not in draft.text
    for ask in ("could you", "refer", "introduce me", "job"):
        assert ask not in draft.text.lower()
    kinds = {s.kind for s in draft.sources}
    assert {"contact", "note", "knowledge"} <= kinds
    data = draft.to_json()
    assert data["char_count"] == len(draft.text) and data["engine"] == "offline"


def test_linkedin_note_fits_300_characters(app_factory) -> None:  # type: ignore[no-untyped-def]
    app = app_factory()
    ana = seed(app)
    app.stores.records.put_note(Note(contact_id=ana.id, text="Long note. " + "word " * 120))
    assert len(app.outreach.draft("checkin", ana.id, "linkedin-note").text) <= 300


def test_model_down_gives_offline_draft_with_notice(app_factory) -> None:  # type: ignore[no-untyped-def]
    model = FakeChatModel().enqueue(connection_error())
    app = app_factory(backend=fake_backend(model, "ollama:llama3.2"))
    ana = seed(app)
    draft = app.outreach.draft("checkin", ana.id)
    assert draft.engine == "offline"
    assert "ollama:llama3.2 is not reachable" in draft.notice
    assert "Chicago marathon" in draft.text


def test_model_draft_is_used_when_grounded(app_factory) -> None:  # type: ignore[no-untyped-def]
    model = FakeChatModel().enqueue("Hi Ana, how did the Chicago marathon go? Dev")
    app = app_factory(backend=fake_backend(model, "ollama:llama3.2"))
    ana = seed(app)
    draft = app.outreach.draft("checkin", ana.id)
    assert (draft.engine, draft.text) == (
        "ollama:llama3.2",
        "Hi Ana, how did the Chicago marathon go? Dev",
    )
    prompt = model.prompt_text(0)
    assert "Ran the Chicago marathon in October." in prompt
    assert "<<<NOTES" in prompt and "Northwind Health" in prompt


def test_mark_sent_logs_a_give_and_resets_the_clock(app_factory) -> None:  # type: ignore[no-untyped-def]
    app = app_factory()
    ana = seed(app)
    draft = app.outreach.draft("checkin", ana.id)
    item = app.outreach.mark_sent(draft.id)
    assert item.direction is Direction.GAVE
    assert app.stores.records.interactions_for(ana.id)[0].id == item.id
    assert app.stores.records.get_contact(ana.id).last_contacted == item.when


def test_unknown_kind_and_channel_are_clear_errors(app_factory) -> None:  # type: ignore[no-untyped-def]
    app = app_factory()
    ana = seed(app)
    with pytest.raises(InputError, match="unknown draft kind 'poem'"):
        app.outreach.draft("poem", ana.id)
    with pytest.raises(InputError, match="unknown channel 'fax'"):
        app.outreach.draft("checkin", ana.id, "fax")


def test_export_then_restore_round_trip(app_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = app_factory()
    ana = seed(app)
    app.outreach.mark_sent(app.outreach.draft("checkin", ana.id).id)
    path = tmp_path / "backup.json"
    counts = app.backup.export(path)
    assert counts == {"contacts": 1, "notes": 1, "interactions": 1}
    app.close()
    fresh = app_factory(home=tmp_path / "new-home")
    assert fresh.backup.restore(path.read_bytes()) == counts
    assert fresh.stores.records.find_contact("Ana Ruiz").interests == ["marathon running"]
    assert fresh.stores.records.get_profile().name == "Dev"
    assert fresh.stores.index.count("note") == 1
