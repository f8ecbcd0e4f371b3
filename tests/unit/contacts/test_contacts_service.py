"""Manual contact work: add, find, edit tier/tags/cadence, notes, interactions, history."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.app import Warmline
from assistant.domain import Tier
from assistant.errors import InputError, NotFoundError
from assistant.storage.phrases import phrases_of


def test_add_validates_and_refuses_an_exact_duplicate(app: Warmline) -> None:
    ana = app.contacts.add("  Ana Ruiz ", company="Acme", title="CTO", tier="Inner",
                           tags=["a", "A", " b "])
    stored = app.stores.records.get_contact(ana.id)
    assert (stored.name, stored.tier, stored.tags, stored.sources) == (
        "Ana Ruiz", Tier.INNER, ["a", "b"], ["manual"])
    assert {p.id for p in phrases_of(ana)} == app.stores.index.ids("contact")
    with pytest.raises(InputError, match=f"already exists as {ana.id}"):
        app.contacts.add("ana ruiz", company="ACME Inc.")
    assert app.contacts.add("Ana Ruiz", company="Globex").id != ana.id  # a namesake elsewhere
    with pytest.raises(InputError, match="needs a name"):
        app.contacts.add("   ")
    with pytest.raises(InputError, match="unknown tier 'vip'; choose one of: inner"):
        app.contacts.add("Bob", tier="vip")


def test_set_tier_tags_and_cadence(app: Warmline) -> None:
    bob = app.contacts.add("Bob Lee")
    assert app.contacts.set_tier(bob.id, "dormant").tier is Tier.DORMANT
    assert app.contacts.set_tags(bob.id, ["python", "", "Python", "climbing"]).tags == [
        "python", "climbing"]
    assert app.contacts.set_cadence(bob.id, 30).cadence_days == 30
    assert app.contacts.set_cadence(bob.id, None).cadence_days is None
    with pytest.raises(InputError):
        app.contacts.set_cadence(bob.id, 0)
    with pytest.raises(InputError, match="cannot change id"):
        app.contacts.update(bob.id, id="c_other")
    with pytest.raises(InputError, match="cannot change favourite_color"):
        app.contacts.update(bob.id, favourite_color="red")
    stored = app.stores.records.get_contact(bob.id)
    assert (stored.tier, stored.tags) == (Tier.DORMANT, ["python", "climbing"])
    assert app.search.search("", tag="climbing")[0].id == bob.id


def test_notes_are_dated_and_interactions_move_last_contacted(app: Warmline) -> None:
    bob = app.contacts.add("Bob Lee")
    note = app.contacts.add_note(bob.id, " ran a marathon ", date(2025, 4, 1))
    assert (note.text, note.created, note.contact_id) == (
        "ran a marathon", date(2025, 4, 1), bob.id)
    assert note.id in app.stores.index.ids("note")
    with pytest.raises(InputError):
        app.contacts.add_note(bob.id, "  ")
    app.contacts.log_interaction(bob.id, summary="sent an article", channel="email",
                                 direction="gave", kind="share", when=date(2025, 5, 1))
    app.contacts.log_interaction(bob.id, summary="old coffee", when=date(2024, 1, 1))
    assert app.stores.records.get_contact(bob.id).last_contacted == date(2025, 5, 1)
    with pytest.raises(InputError, match="direction must be one of"):
        app.contacts.log_interaction(bob.id, summary="x", direction="took")
    detail = app.contacts.detail(bob.id).to_json()
    assert [n["text"] for n in detail["notes"]] == ["ran a marathon"]
    assert [i["summary"] for i in detail["interactions"]] == ["sent an article", "old coffee"]


def test_find_by_id_name_or_a_clearly_meant_loose_name(app: Warmline) -> None:
    ana = app.contacts.add("Ana Ruiz", company="Acme")
    app.contacts.add("Bob Lee")
    assert app.contacts.find(ana.id).id == ana.id
    assert app.contacts.find("ana ruiz").id == ana.id
    assert app.contacts.find("Ana").id == ana.id  # one strong match
    with pytest.raises(NotFoundError, match="no contact named"):
        app.contacts.find("Carla")
    with pytest.raises(InputError):
        app.contacts.find(" ")
    app.contacts.add("Ana Ruiz", company="Globex")
    with pytest.raises(NotFoundError, match="several contacts"):
        app.contacts.find("Ana Ruiz")


def test_delete_unknown_contact_is_a_clear_error(app: Warmline) -> None:
    with pytest.raises(NotFoundError, match="no contact with id c_nope"):
        app.contacts.delete("c_nope")
    with pytest.raises(NotFoundError, match="no merge with id 42"):
        app.contacts.undo_merge(42)


def test_list_filters(app: Warmline) -> None:
    app.contacts.add("Ana Ruiz", company="Acme Health", tier="inner", tags=["running"])
    app.contacts.add("Bob Lee", company="Globex")
    assert [c.name for c in app.contacts.list_contacts()] == ["Ana Ruiz", "Bob Lee"]
    assert [c.name for c in app.contacts.list_contacts(tier="inner")] == ["Ana Ruiz"]
    assert [c.name for c in app.contacts.list_contacts(tag="Running")] == ["Ana Ruiz"]
    assert [c.name for c in app.contacts.list_contacts(company="globex")] == ["Bob Lee"]
