"""The due list on hand-built timelines with a fixed clock: tier defaults, overrides, a reset
on every kind of touch, snooze, and the overdue score."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from assistant.domain import Contact, Interaction, Tier
from assistant.errors import InputError
from assistant.services.outreach.cadence import TIER_PERIODS, period_for
from tests.exports import Person, conversation, linkedin_messages_csv

DAY0 = date(2026, 3, 2)  # a Monday


@pytest.fixture
def app(app_factory):  # type: ignore[no-untyped-def]
    app = app_factory()
    app.outreach.clock = lambda: DAY0
    return app


def add(app, name: str, tier: Tier, last: date | None = None, **extra: object) -> Contact:  # type: ignore[no-untyped-def]
    contact = Contact(name=name, tier=tier, last_contacted=last, **extra)
    app.stores.records.put_contact(contact)
    return contact


def due_names(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.name for i in app.outreach.cadences.due()]


def at(app, day: date) -> None:  # type: ignore[no-untyped-def]
    app.outreach.clock = lambda: day


def test_tier_defaults_ideal_and_maximum() -> None:
    assert (TIER_PERIODS[Tier.INNER].ideal, TIER_PERIODS[Tier.INNER].maximum) == (30, 45)
    assert TIER_PERIODS[Tier.ACTIVE].ideal == 60
    assert TIER_PERIODS[Tier.DORMANT].ideal == 180
    assert TIER_PERIODS[Tier.ASPIRATIONAL] is None
    assert period_for("aspirational", None, None) is None
    assert period_for("aspirational", 90, None).maximum == 135
    assert period_for("inner", 30, None).maximum == 45  # the tier's own ideal keeps its max
    assert period_for("inner", None, 60).ideal == 30


def test_each_tier_comes_due_on_the_day_its_ideal_period_ends(app) -> None:  # type: ignore[no-untyped-def]
    add(app, "Ines Inner", Tier.INNER, DAY0 - timedelta(days=29))
    add(app, "Ivo Inner", Tier.INNER, DAY0 - timedelta(days=30))
    add(app, "Ada Active", Tier.ACTIVE, DAY0 - timedelta(days=59))
    add(app, "Abe Active", Tier.ACTIVE, DAY0 - timedelta(days=90))
    add(app, "Dora Dormant", Tier.DORMANT, DAY0 - timedelta(days=179))
    add(app, "Dan Dormant", Tier.DORMANT, DAY0 - timedelta(days=360))
    add(app, "Asha Aspirational", Tier.ASPIRATIONAL, DAY0 - timedelta(days=999))
    items = {i.name: i for i in app.outreach.cadences.due()}
    assert set(items) == {"Ivo Inner", "Abe Active", "Dan Dormant"}
    assert items["Ivo Inner"].overdue_score == 0.0
    assert items["Abe Active"].overdue_score == 0.5  # 30 days past a 60-day ideal
    assert items["Dan Dormant"].overdue_score == 1.0
    # Most overdue first.
    assert due_names(app) == ["Dan Dormant", "Abe Active", "Ivo Inner"]
    assert items["Abe Active"].to_json()["past_max"] is False
    assert items["Dan Dormant"].to_json()["past_max"] is True


def test_an_inner_contact_never_touched_is_due(app) -> None:  # type: ignore[no-untyped-def]
    add(app, "Chloe Park", Tier.INNER)
    [item] = app.outreach.cadences.due()
    assert (item.name, item.days_since, item.last_touch) == ("Chloe Park", None, None)


def test_connected_on_starts_the_clock_when_nothing_was_logged(app) -> None:  # type: ignore[no-untyped-def]
    add(app, "New Friend", Tier.INNER, connected_on=DAY0 - timedelta(days=10))
    add(app, "Old Friend", Tier.INNER, connected_on=DAY0 - timedelta(days=40))
    assert due_names(app) == ["Old Friend"]


def test_per_contact_overrides_replace_the_tier_default(app) -> None:  # type: ignore[no-untyped-def]
    fast = add(app, "Fay Fast", Tier.DORMANT, DAY0 - timedelta(days=10))
    slow = add(app, "Sol Slow", Tier.INNER, DAY0 - timedelta(days=40))
    asp = add(app, "Ari Aspire", Tier.ASPIRATIONAL, DAY0 - timedelta(days=20))
    assert due_names(app) == ["Sol Slow"]
    app.outreach.cadences.set_period(fast.id, 7)
    app.outreach.cadences.set_period(slow.id, 90, 120)
    app.outreach.cadences.set_period(asp.id, 14, 21)
    items = {i.name: i for i in app.outreach.cadences.due()}
    assert set(items) == {"Fay Fast", "Ari Aspire"}
    assert (items["Fay Fast"].ideal, items["Fay Fast"].maximum) == (7, 11)
    assert items["Ari Aspire"].overdue_score == round(6 / 14, 3)
    app.outreach.cadences.set_period(slow.id, None)  # back to the tier's 30 days
    assert "Sol Slow" in due_names(app)


def test_bad_periods_are_one_line_errors(app) -> None:  # type: ignore[no-untyped-def]
    ana = add(app, "Ana", Tier.INNER)
    with pytest.raises(InputError, match="between 1 and"):
        app.outreach.cadences.set_period(ana.id, 0)
    with pytest.raises(InputError, match="cannot be shorter"):
        app.outreach.cadences.set_period(ana.id, 30, 10)
    with pytest.raises(InputError, match="snooze for 1 to"):
        app.outreach.cadences.snooze(ana.id, -3)


def test_a_sent_draft_resets_the_clock(app) -> None:  # type: ignore[no-untyped-def]
    ana = add(app, "Ana Ruiz", Tier.INNER, DAY0 - timedelta(days=31))
    assert due_names(app) == ["Ana Ruiz"]
    app.outreach.mark_sent(app.outreach.draft("checkin", ana.id).id)
    assert due_names(app) == []
    at(app, DAY0 + timedelta(days=29))
    assert due_names(app) == []
    at(app, DAY0 + timedelta(days=30))
    assert due_names(app) == ["Ana Ruiz"]


def test_a_manual_log_resets_the_clock(app) -> None:  # type: ignore[no-untyped-def]
    bo = add(app, "Bo Chen", Tier.ACTIVE, DAY0 - timedelta(days=70))
    app.outreach.log(bo.id, "call", "neutral", "caught up")
    assert due_names(app) == []
    assert app.stores.records.get_contact(bo.id).last_contacted == DAY0


def test_an_imported_message_resets_the_clock(app) -> None:  # type: ignore[no-untyped-def]
    add(app, "Ana Ruiz", Tier.INNER, DAY0 - timedelta(days=60), linkedin_slug="ana-ruiz")
    assert due_names(app) == ["Ana Ruiz"]
    me, ana = Person("Me", "Myself", slug="me-myself"), Person("Ana", "Ruiz", slug="ana-ruiz")
    sent = datetime.combine(DAY0 - timedelta(days=3), datetime.min.time())
    data = linkedin_messages_csv(conversation("c1", me, ana, [(True, sent, "Hello Ana!")]))
    report = app.importer.import_bytes("messages.csv", data)
    assert report.interactions == 1
    assert due_names(app) == []


def test_an_older_touch_does_not_move_the_clock_back(app) -> None:  # type: ignore[no-untyped-def]
    ana = add(app, "Ana", Tier.INNER, DAY0 - timedelta(days=5))
    app.stores.records.put_interaction(
        Interaction(contact_id=ana.id, when=DAY0 - timedelta(days=50)))
    assert due_names(app) == []


def test_snooze_hides_someone_until_the_day_it_ends(app) -> None:  # type: ignore[no-untyped-def]
    ana = add(app, "Ana", Tier.INNER, DAY0 - timedelta(days=40))
    until = app.outreach.cadences.snooze(ana.id, 7)
    assert until == DAY0 + timedelta(days=7)
    assert due_names(app) == []
    at(app, DAY0 + timedelta(days=6))
    assert due_names(app) == []
    at(app, DAY0 + timedelta(days=7))
    assert due_names(app) == ["Ana"]


def _python_due(contacts: list[Contact], today: date) -> list[str]:
    """The due rule written plainly, to check the SQL the due list runs."""
    due = []
    for c in contacts:
        period = period_for(c.tier.value, c.cadence_days, c.cadence_max_days)
        if period is None or (c.snoozed_until and c.snoozed_until > today):
            continue
        anchor = c.last_contacted or c.connected_on
        if anchor is None or (today - anchor).days >= period.ideal:
            due.append(c.id)
    return sorted(due)


def test_the_sql_due_list_agrees_with_the_rule_on_random_networks(app) -> None:  # type: ignore[no-untyped-def]
    import random

    rng = random.Random(5)
    contacts = []
    for n in range(300):
        ideal = rng.choice([None, None, 7, 30, 90])
        contacts.append(Contact(
            name=f"P{n}", tier=rng.choice(list(Tier)),
            last_contacted=rng.choice([None, DAY0 - timedelta(days=rng.randint(0, 400))]),
            connected_on=rng.choice([None, DAY0 - timedelta(days=rng.randint(0, 900))]),
            cadence_days=ideal,
            cadence_max_days=rng.choice([None, None, rng.randint(1, 200)]),
            snoozed_until=rng.choice([None, None, DAY0 + timedelta(days=rng.randint(-5, 5))])))
    for contact in contacts:
        app.stores.records.put_contact(contact)
    items = app.outreach.cadences.due()
    assert sorted(i.contact_id for i in items) == _python_due(contacts, DAY0)
    assert app.outreach.cadences.count() == len(items)
    by_id = {c.id: c for c in contacts}
    for item in items:
        c = by_id[item.contact_id]
        period = period_for(c.tier.value, c.cadence_days, c.cadence_max_days)
        assert period is not None and (item.ideal, item.maximum) == (period.ideal, period.maximum)
    scores = [i.overdue_score for i in items]
    assert scores == sorted(scores, reverse=True)
    # Edits through the records keep the clock table in step (the triggers).
    first = by_id[items[0].contact_id]
    app.stores.records.put_contact(first.model_copy(update={"last_contacted": DAY0}))
    assert first.id not in {i.contact_id for i in app.outreach.cadences.due()}
    app.stores.records.delete_contact(first.id)
    assert app.outreach.cadences.count() == len(items) - 1
