"""The Today view: time-bound steps (thank-yous owed, congratulations, practice) ranked with
check-ins, never more than seven, and progress shown as a count and a streak."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from assistant.domain import Contact, Interaction, Note, Tier
from assistant.errors import InputError
from assistant.services.outreach.today import MAX_ACTIONS, TODAY_LIMIT
from tests.exports import Person, linkedin_connections_csv

DAY0 = date(2026, 3, 4)  # a Wednesday


@pytest.fixture
def app(app_factory):  # type: ignore[no-untyped-def]
    app = app_factory()
    app.outreach.clock = lambda: DAY0
    return app


def add(app, name: str, tier: Tier = Tier.INNER, days_ago: int | None = None,  # type: ignore[no-untyped-def]
        **extra: object) -> Contact:
    last = DAY0 - timedelta(days=days_ago) if days_ago is not None else None
    contact = Contact(name=name, tier=tier, last_contacted=last, **extra)
    app.stores.records.put_contact(contact)
    return contact


def kinds(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(a.kind, a.name) for a in app.outreach.today.actions()]


def test_a_thank_you_is_owed_after_a_coffee_chat_until_one_is_sent(app) -> None:  # type: ignore[no-untyped-def]
    ana = add(app, "Ana Ruiz", days_ago=3)
    add(app, "Bo Chen", days_ago=50)  # overdue inner check-in
    app.outreach.clock = lambda: DAY0 - timedelta(days=2)
    app.outreach.log(ana.id, "coffee", "neutral", "coffee at Blue Bottle")
    app.outreach.clock = lambda: DAY0
    actions = app.outreach.today.actions()
    assert [(a.kind, a.name, a.draft_kind) for a in actions] == [
        ("follow-up", "Ana Ruiz", "thanks"), ("checkin", "Bo Chen", "checkin")]
    assert "2 days ago" in actions[0].reason
    thanks = app.outreach.draft("thanks", ana.id)
    app.outreach.mark_sent(thanks.id)
    assert kinds(app) == [("checkin", "Bo Chen")]


def test_an_old_chat_owes_nothing(app) -> None:  # type: ignore[no-untyped-def]
    ana = add(app, "Ana Ruiz", Tier.DORMANT, days_ago=1)
    app.stores.records.put_interaction(Interaction(contact_id=ana.id, kind="coffee",
                                            when=DAY0 - timedelta(days=20)))
    assert kinds(app) == []


def test_a_job_change_found_on_reimport_asks_for_congratulations(app) -> None:  # type: ignore[no-untyped-def]
    before = Person("Ana", "Ruiz", "Acme Health", "Analyst", "ana-ruiz")
    after = Person("Ana", "Ruiz", "Globex", "Product Manager", "ana-ruiz")
    app.importer.import_bytes("Connections.csv", linkedin_connections_csv([before]))
    ana = app.stores.records.find_contact("ana-ruiz")
    app.stores.records.put_contact(ana.model_copy(update={"tier": Tier.ACTIVE,
                                                   "last_contacted": DAY0}))
    assert kinds(app) == []
    report = app.importer.import_bytes("Connections.csv", linkedin_connections_csv([after]))
    assert report.job_changes == 1
    app.outreach.clock = lambda: date.today()  # the event is stamped with the real time
    [action] = app.outreach.today.actions()
    assert (action.kind, action.draft_kind) == ("congrats", "congrats")
    assert "Product Manager at Globex" in action.reason
    app.outreach.mark_sent(app.outreach.draft("congrats", ana.id).id)
    assert app.outreach.today.actions() == []


def test_practice_is_suggested_in_the_week_before_an_interview(app) -> None:  # type: ignore[no-untyped-def]
    app.outreach.today.schedule_interview(DAY0 + timedelta(days=3), "Product Manager at Globex")
    app.outreach.today.schedule_interview(DAY0 + timedelta(days=20), "Later role")
    app.outreach.clock = lambda: DAY0 - timedelta(days=5)  # scheduled back when it was ahead
    app.outreach.today.schedule_interview(DAY0 - timedelta(days=1), "Past role")
    app.outreach.clock = lambda: DAY0
    [action] = app.outreach.today.actions()
    assert action.kind == "practice" and action.draft_kind == ""
    assert "Product Manager at Globex" in action.title and "in 3 days" in action.reason
    assert [role for _, role in app.outreach.today.upcoming_interviews()] == [
        "Product Manager at Globex", "Later role"]


def test_an_interview_date_typed_by_hand_is_checked(app) -> None:  # type: ignore[no-untyped-def]
    assert app.outreach.today.schedule_interview(" 2026-03-10 ", "PM") == date(2026, 3, 10)
    assert "in 6 days" in app.outreach.today.actions()[0].reason  # within the week before
    for bad, message in (("next tuesday", "YYYY-MM-DD"), ("2026-02-30", "YYYY-MM-DD"),
                         ("2026-03-01", "has passed")):
        with pytest.raises(InputError, match=message):
            app.outreach.today.schedule_interview(bad, "PM")
    assert len(app.outreach.today.upcoming_interviews()) == 1


def test_today_ranks_by_value_and_never_lists_more_than_seven(app) -> None:  # type: ignore[no-untyped-def]
    for n in range(12):
        add(app, f"Dormant {n:02}", Tier.DORMANT, days_ago=400)
    add(app, "Inner Near Max", Tier.INNER, days_ago=44)
    add(app, "Active Late", Tier.ACTIVE, days_ago=85)  # 5 days from its maximum
    actions = app.outreach.today.actions()
    assert len(actions) == TODAY_LIMIT
    assert [a.name for a in actions[:2]] == ["Inner Near Max", "Active Late"]
    assert len(app.outreach.today.actions(limit=50)) == MAX_ACTIONS
    values = [a.value for a in app.outreach.today.actions(limit=7)]
    assert values == sorted(values, reverse=True)


def test_progress_is_a_weekly_count_and_a_streak(app) -> None:  # type: ignore[no-untyped-def]
    ana = add(app, "Ana", days_ago=100)
    assert app.outreach.today.progress().sentence().startswith("A fresh week")
    for weeks_ago in (2, 1):
        app.outreach.clock = lambda w=weeks_ago: DAY0 - timedelta(weeks=w)
        app.outreach.log(ana.id, "message", "neutral")
    app.outreach.clock = lambda: DAY0
    progress = app.outreach.today.progress()
    assert (progress.this_week, progress.streak_weeks) == (0, 2)  # this week is not over
    app.outreach.log(ana.id, "message", "neutral")
    progress = app.outreach.today.progress()
    assert (progress.this_week, progress.streak_weeks) == (1, 3)
    assert "3 weeks in a row" in progress.sentence()


def test_a_simulated_week_over_a_thousand_contacts(app) -> None:  # type: ignore[no-untyped-def]
    """Each day the user sends every step Today shows. Today never lists more than seven, and
    every inner-circle contact comes up before their maximum period runs out."""
    rng = random.Random(12)
    spans = {Tier.INNER: (60, 44), Tier.ACTIVE: (250, 130), Tier.DORMANT: (600, 400),
             Tier.ASPIRATIONAL: (90, 400)}
    people: list[Contact] = []
    with app.stores.records.db.transaction() as conn:
        for tier, (count, oldest) in spans.items():
            for n in range(count):
                contact = Contact(name=f"{tier.value} {n:03}", tier=tier,
                                  last_contacted=DAY0 - timedelta(days=rng.randint(0, oldest)),
                                  cadence_days=30 if tier is Tier.ASPIRATIONAL and n < 5 else None)
                app.stores.records.put_contact(contact, conn)
                people.append(contact)
    for contact in people[60:64]:  # a few coffee chats this week: thank-yous compete for slots
        app.stores.records.put_interaction(Interaction(contact_id=contact.id, kind="coffee",
                                                when=DAY0 - timedelta(days=1)))
    app.stores.records.put_note(Note(contact_id=people[0].id, text="Training for a marathon."))
    inner = {c.id for c in people if c.tier is Tier.INNER}
    shown: dict[str, date] = {}
    for offset in range(7):
        today = DAY0 + timedelta(days=offset)
        app.outreach.clock = lambda d=today: d
        for contact_id in inner:  # nobody in the inner circle has gone past their maximum
            last = app.stores.records.get_contact(contact_id).last_contacted
            assert last is not None and (today - last).days <= 45, (contact_id, today, last)
        actions = app.outreach.today.actions()
        assert 0 < len(actions) <= 7
        for action in actions:
            shown.setdefault(action.contact_id, today)
            app.outreach.mark_sent(app.outreach.draft(action.draft_kind, action.contact_id).id)
    # Those whose maximum ran out during the week were all shown, each before it ran out.
    deadline = {c.id: c.last_contacted + timedelta(days=45) for c in people
                if c.tier is Tier.INNER and c.last_contacted
                and c.last_contacted + timedelta(days=45) < DAY0 + timedelta(days=7)}
    assert len(deadline) >= 5
    assert all(shown.get(cid, date.max) <= day for cid, day in deadline.items())
