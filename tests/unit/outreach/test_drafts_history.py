"""Drafts kept with kind, channel, engine and sources; mark-as-sent once, to the right person,
with the right direction; regenerate; the ledger, the ask-guard, intros and resources."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assistant.domain import Contact, Direction, Interaction, Note, Profile, Tier
from assistant.errors import InputError, NotFoundError

DAY0 = date(2026, 3, 4)


@pytest.fixture
def app(app_factory, tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "k.md").write_text("## Unrelated guide\nTax forms and filing.\n",
                                   encoding="utf-8")
    app = app_factory(knowledge_dir=tmp_path)
    app.outreach.clock = lambda: DAY0
    app.stores.records.put_profile(Profile(name="Dev Patel"))
    return app


def person(app, name: str, *notes: str, **extra: object) -> Contact:  # type: ignore[no-untyped-def]
    contact = Contact(name=name, **{"tier": Tier.INNER, **extra})
    app.stores.records.put_contact(contact)
    for number, text in enumerate(notes):
        app.stores.records.put_note(Note(contact_id=contact.id, text=text,
                                  created=DAY0 - timedelta(days=10 + number)))
    app.stores.sync.reconcile()
    return contact


def test_every_draft_is_kept_with_kind_channel_engine_and_sources(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz", "Ana ran the Chicago marathon in October.")
    draft = app.outreach.draft("coffee", ana.id, "email")
    kept = app.outreach.get_draft(draft.id)
    assert (kept.kind, kept.channel, kept.engine, kept.contact_id) == (
        "coffee", "email", "offline", ana.id)
    assert kept.subject and draft.to_json()["subject"] == kept.subject
    assert {s.kind for s in kept.sources} >= {"contact", "note"}
    assert kept.sent is False


def test_history_filters(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz", "Ana ran the Chicago marathon in October.")
    bo = person(app, "Bo Chen", "Bo adopted a greyhound.")
    first = app.outreach.draft("checkin", ana.id, "linkedin-dm")
    app.outreach.draft("coffee", ana.id, "email")
    app.outreach.draft("checkin", bo.id, "text")
    app.outreach.mark_sent(first.id)
    assert len(app.outreach.history()) == 3
    assert {d.contact_id for d in app.outreach.history(contact_id=bo.id)} == {bo.id}
    assert [d.kind for d in app.outreach.history(contact_id=ana.id, kind="coffee")] == ["coffee"]
    assert [d.id for d in app.outreach.history(sent=True)] == [first.id]
    assert len(app.outreach.history(sent=False)) == 2
    assert [d.channel for d in app.outreach.history(channel="text")] == ["text"]
    with pytest.raises(InputError, match="unknown draft kind"):
        app.outreach.history(kind="poem")


def test_mark_sent_twice_logs_one_interaction(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz", "Ana ran the Chicago marathon in October.")
    draft = app.outreach.draft("checkin", ana.id)
    first = app.outreach.mark_sent(draft.id)
    second = app.outreach.mark_sent(draft.id, "an edited text after the fact")
    assert first.id == second.id
    assert [i.id for i in app.stores.records.interactions_for(ana.id)] == [first.id]
    kept = app.outreach.get_draft(draft.id)
    assert kept.sent and kept.interaction_id == first.id and kept.text == draft.text


def test_mark_sent_logs_to_the_drafts_own_contact_and_keeps_the_edit(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz", "Ana ran the Chicago marathon in October.")
    bo = person(app, "Bo Chen", "Bo adopted a greyhound.")
    draft = app.outreach.draft("checkin", ana.id)
    app.outreach.draft("checkin", bo.id)  # another draft written since
    item = app.outreach.mark_sent(draft.id, "Hi Ana, my own words.")
    assert item.contact_id == ana.id and app.stores.records.interactions_for(bo.id) == []
    assert app.outreach.get_draft(draft.id).text == "Hi Ana, my own words."
    assert item.summary == "Hi Ana, my own words."
    with pytest.raises(NotFoundError, match="no draft with id"):
        app.outreach.mark_sent("d_missing")


def test_a_plain_checkin_is_neutral_a_shared_resource_gives_a_request_asks(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz", "Ana ran the Chicago marathon in October.",
                 interests=["marathon running"])
    plain = app.outreach.draft("checkin", ana.id)
    assert not any(s.kind in {"resource", "knowledge"} for s in plain.sources)
    assert app.outreach.mark_sent(plain.id).direction is Direction.NEUTRAL
    app.outreach.library.add("Marathon recovery plan", url="https://example.org/recovery",
                             note="A gentle week-after plan for marathon runners.",
                             topics=["marathon running", "recovery"])
    sharing = app.outreach.draft("checkin", ana.id)
    assert any(s.kind == "resource" for s in sharing.sources)
    assert app.outreach.mark_sent(sharing.id).direction is Direction.GAVE
    coffee = app.outreach.draft("coffee", ana.id)
    assert app.outreach.mark_sent(coffee.id).direction is Direction.ASKED
    congrats = app.outreach.draft("congrats", ana.id)
    assert app.outreach.mark_sent(congrats.id).direction is Direction.GAVE
    ledger = app.outreach.ledger(ana.id)
    assert (len(ledger.gave), len(ledger.asked), ledger.neutral) == (2, 1, 1)
    assert ledger.to_json()["balance"] == 1


def test_the_ask_guard_warns_when_it_has_been_asks_only_lately(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz", "Ana ran the Chicago marathon in October.")
    assert app.outreach.draft("info-interview", ana.id).ask_warning == ""
    for days in (40, 20):
        app.stores.records.put_interaction(Interaction(contact_id=ana.id, direction=Direction.ASKED,
                                                kind="message",
                                                when=DAY0 - timedelta(days=days)))
    warning = app.outreach.draft("coffee", ana.id).ask_warning
    assert "asks only with Ana Ruiz" in warning and "giving first" in warning
    assert app.outreach.draft("checkin", ana.id).ask_warning == ""  # a give needs no warning
    app.stores.records.put_interaction(Interaction(contact_id=ana.id, direction=Direction.GAVE,
                                            kind="message", when=DAY0 - timedelta(days=5)))
    assert app.outreach.draft("coffee", ana.id).ask_warning == ""


def test_regenerate_keeps_a_new_draft_and_avoids_the_previous_hook(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz", "Ana ran the Chicago marathon in October.",
                 "Ana is restoring a 1970s sailboat with her father.")
    first = app.outreach.draft("checkin", ana.id)
    again = app.outreach.regenerate(first.id)
    assert again.id != first.id and again.contact_id == ana.id and again.kind == "checkin"
    assert len(app.outreach.history(contact_id=ana.id)) == 2
    assert first.hook_id and again.hook_id and again.hook_id != first.hook_id


def test_an_intro_is_two_messages_and_needs_two_people(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz", "Ana wants to move into product management.",
                 company="Acme", title="Analyst")
    bo = person(app, "Bo Chen", "Bo leads product at Globex.", company="Globex",
                title="Head of Product")
    draft = app.outreach.draft("intro", ana.id, to_id=bo.id)
    assert draft.text and draft.second_text and draft.to_contact_id == bo.id
    assert "Bo" in draft.text and "Ana" in draft.second_text
    assert {s.id for s in draft.sources} >= {ana.id, bo.id}
    with pytest.raises(InputError, match="second person"):
        app.outreach.draft("intro", ana.id)
    with pytest.raises(InputError, match="two different people"):
        app.outreach.draft("intro", ana.id, to_id=ana.id)


def test_intro_suggestions_pair_a_goal_with_an_offer(app) -> None:  # type: ignore[no-untyped-def]
    person(app, "Ana Ruiz", tags=["seeking:product management"], interests=["sailing"])
    person(app, "Bo Chen", title="Product Management Lead", company="Globex")
    person(app, "Cy Diaz", interests=["sailing"])
    person(app, "Far Away", tier=Tier.ASPIRATIONAL, title="Product Management Director")
    pairs = app.outreach.intro_suggestions()
    assert {pairs[0].first, pairs[0].second} == {"Ana Ruiz", "Bo Chen"}
    assert "wants product management" in pairs[0].why
    assert any({p.first, p.second} == {"Ana Ruiz", "Cy Diaz"} and "sailing" in p.why
               for p in pairs)
    assert all("Far Away" not in (p.first, p.second) for p in pairs)


def test_resource_library_is_stored_indexed_matched_and_deleted(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz", interests=["ceramics"])
    item = app.outreach.library.add("Kiln safety checklist", url="https://example.org/kiln",
                                    note="Ten checks before a glaze firing.",
                                    topics=["ceramics", "pottery"])
    assert [r.id for r in app.outreach.library.all()] == [item.id]
    assert app.stores.index.count("resource") == 1
    match = app.outreach.library.match(app.stores.records.get_contact(ana.id), [])
    assert match is not None and (match.id, match.kind) == (item.id, "resource")
    assert match.url == "https://example.org/kiln"
    app.outreach.library.delete(item.id)
    assert app.stores.index.count("resource") == 0 and app.outreach.library.all() == []
    with pytest.raises(InputError, match="starts with http"):
        app.outreach.library.add("Bad", url="javascript:alert(1)")
    with pytest.raises(InputError, match="needs a title"):
        app.outreach.library.add("  ")


def test_the_resource_library_survives_a_rebuild(app) -> None:  # type: ignore[no-untyped-def]
    app.outreach.library.add("Kiln safety checklist", topics=["ceramics"])
    app.stores.index.reset("resource")
    assert app.stores.index.count("resource") == 0
    assert app.stores.sync.rebuild()["contacts"] == 0
    assert app.stores.index.count("resource") == 1


def test_log_checks_direction_and_kind(app) -> None:  # type: ignore[no-untyped-def]
    ana = person(app, "Ana Ruiz")
    with pytest.raises(InputError, match="direction must be one of"):
        app.outreach.log(ana.id, "call", "took")
    with pytest.raises(InputError, match="what kind of touch"):
        app.outreach.log(ana.id, " ")
    item = app.outreach.log(ana.id, "Coffee", "gave", "brought her a book")
    assert (item.kind, item.direction, item.when) == ("coffee", Direction.GAVE, DAY0)
