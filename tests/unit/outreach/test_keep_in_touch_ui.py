"""The keep-in-touch UI's pieces: the shared draft renderer, the ledger section, resources,
cadence status and snooze, the ask-guard before an ask, intro choices and interview dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from assistant.app import Warmline
from assistant.domain import Contact, Direction, Draft, Interaction, Source, Tier
from assistant.drafting.render import draft_info, draft_message
from assistant.errors import InputError, NotFoundError
from assistant.services.outreach.intros import IntroSuggestion
from assistant.ui.keep_in_touch import keep_in_touch_markdown
from assistant.ui.shell import build_ui
from assistant.ui.tabs.interview import dates_markdown
from assistant.ui.tabs.outreach import intro_choices
from assistant.ui.tabs.resources import topics_list

DAY0 = date(2026, 3, 4)
NEW_IDS = {"draft-guard", "draft-give-first", "intro-suggestions", "intro-refresh",
           "resources-table", "resource-title", "resource-url", "resource-topics",
           "resource-note", "resource-save", "resource-new", "resource-remove",
           "today-snooze", "today-snooze-days", "contact-cadence-max", "contact-snooze",
           "contact-snooze-days", "iv-date", "iv-date-role", "iv-date-save", "iv-dates"}


@pytest.fixture
def app(app_factory) -> Warmline:  # type: ignore[no-untyped-def]
    built: Warmline = app_factory()
    built.outreach.clock = lambda: DAY0
    return built


def person(app: Warmline, name: str, **extra: object) -> Contact:
    contact = Contact(name=name, **extra)  # type: ignore[arg-type]
    app.stores.records.put_contact(contact)
    return contact


def touch(app: Warmline, contact: Contact, direction: Direction, days_ago: int,
          kind: str = "message", summary: str = "") -> None:
    app.stores.records.put_interaction(Interaction(
        contact_id=contact.id, when=DAY0 - timedelta(days=days_ago), direction=direction,
        kind=kind, summary=summary))


def test_the_new_controls_have_stable_ids(app: Warmline) -> None:
    config = build_ui(app).get_config_file()
    ids = {c.get("props", {}).get("elem_id") for c in config["components"]}
    assert NEW_IDS <= ids, NEW_IDS - ids


def test_the_tabs_and_the_coach_render_a_draft_the_same_way() -> None:
    draft = Draft(text="Hi Ana,\nHow did the <Chicago> marathon go?", kind="intro",
                  channel="email", engine="ollama:llama3.2", subject="A quick hello",
                  notice="the model timed out", ask_warning="asks only lately",
                  second_text="Ana, meet Bo.",
                  sources=[Source(id="n1", kind="note", snippet="ran <b>Chicago</b>")])
    info, chat = draft_info(draft), draft_message(draft, "A draft to **Ana**:")
    for shared in ("Written by **ollama:llama3.2**", "Drew on: *note* “ran ‹b›Chicago‹/b›”",
                   "**Subject:** A quick hello", "Note: the model timed out",
                   "**Ask-guard:** asks only lately", "Ana, meet Bo."):
        assert shared in info and shared in chat, shared
    assert draft.text not in info  # the body sits in the tab's own box
    # In the chat the body is fenced verbatim: the copy button copies the draft's characters.
    assert "```text\nHi Ana,\nHow did the <Chicago> marathon go?\n```" in chat
    assert "_No notes used._" in draft_info(Draft(text="x", kind="checkin", engine="offline"))


def test_the_coach_shows_the_same_renderer_output(app: Warmline) -> None:
    ana = person(app, "Ana Ruiz", tier=Tier.INNER, interests=["marathon running"])
    reply = app.coach.reply(f"write a check-in to {ana.name}", app.coach.new_chat())
    assert reply.kind == "draft"
    draft = app.outreach.history(contact_id=ana.id)[0]
    assert draft_message(draft, reply.text.split("\n\n", 1)[0]) == reply.text


def test_the_contact_page_shows_gives_asks_cadence_and_the_ask_guard(app: Warmline) -> None:
    ana = person(app, "Ana Ruiz", tier=Tier.INNER, last_contacted=DAY0 - timedelta(days=3))
    touch(app, ana, Direction.ASKED, 20, "coffee", "asked for a coffee chat")
    touch(app, ana, Direction.ASKED, 3, "info-interview", "asked about her team")
    text = keep_in_touch_markdown(app.outreach.cadences.status(ana.id),
                                  app.outreach.ledger(ana.id), app.outreach.ask_guard(ana.id),
                                  DAY0)
    assert "Every 30 days, at most 45 (the tier's default); due 2026-03-31." in text
    assert "Gave 0 · asked 2. More asks than gives" in text
    assert "2026-03-01 · info-interview: asked about her team" in text
    assert "**Ask-guard:** Lately it has been asks only with Ana Ruiz" in text
    touch(app, ana, Direction.GAVE, 1, "checkin", "shared a taper guide")
    assert app.outreach.ask_guard(ana.id) == ""
    after = keep_in_touch_markdown(app.outreach.cadences.status(ana.id),
                                   app.outreach.ledger(ana.id), "", DAY0)
    assert "Gave 1 · asked 2" in after and "shared a taper guide" in after
    assert "Ask-guard" not in after


def test_an_override_and_a_snooze_show_and_can_be_undone(app: Warmline) -> None:
    bo = person(app, "Bo Chen", tier=Tier.ACTIVE, last_contacted=DAY0 - timedelta(days=70))
    assert [i.name for i in app.outreach.cadences.due()] == ["Bo Chen"]
    app.outreach.cadences.set_period(bo.id, 90, 120)
    status = app.outreach.cadences.status(bo.id)
    assert status.sentence(DAY0) == ("Every 90 days, at most 120 (their own); "
                                     "due 2026-03-24.")
    assert app.outreach.cadences.due() == []
    app.outreach.cadences.set_period(bo.id, None, None)
    until = app.outreach.cadences.snooze(bo.id, 14)
    assert "snoozed until 2026-03-18" in app.outreach.cadences.status(bo.id).sentence(DAY0)
    assert until == date(2026, 3, 18) and app.outreach.cadences.due() == []
    app.outreach.cadences.unsnooze(bo.id)
    assert [i.name for i in app.outreach.cadences.due()] == ["Bo Chen"]
    aspirational = person(app, "Cy Star", tier=Tier.ASPIRATIONAL)
    assert "No check-in cadence" in app.outreach.cadences.status(aspirational.id).sentence(DAY0)


def test_resources_are_added_edited_and_removed_with_clear_errors(app: Warmline) -> None:
    library = app.outreach.library
    added = library.add("  Taper guide ", url="https://example.org/taper ", note="Three weeks.",
                        topics=topics_list("running; marathon, running,"))
    assert (added.title, added.url, added.topics) == ("Taper guide", "https://example.org/taper",
                                                      ["running", "marathon"])
    edited = library.update(added.id, "Taper guide, 2nd ed.", note="Two weeks.",
                            topics=["running"])
    assert [r.title for r in library.all()] == ["Taper guide, 2nd ed."]
    assert (edited.id, library.get(added.id).note, library.get(added.id).url) == (
        added.id, "Two weeks.", "")
    for title, url, message in (("", "", "needs a title"),
                                ("x", "example.org", "starts with http"),
                                ("x", "https://a b", "no spaces")):
        with pytest.raises(InputError, match=message):
            library.update(added.id, title, url=url)
    with pytest.raises(NotFoundError):
        library.update("r_missing", "Title")
    library.delete(added.id)
    assert library.all() == []


def test_intro_choices_carry_both_people_and_why() -> None:
    pair = IntroSuggestion("c1", "Ana Ruiz", "c2", "Bo Chen", 3.0,
                           "Ana Ruiz wants a product mentor; Bo Chen: product mentoring")
    assert intro_choices([pair]) == [
        ("Ana Ruiz ↔ Bo Chen: Ana Ruiz wants a product mentor; Bo Chen: product mentoring",
         "c1|c2")]


def test_interview_dates_say_when_practice_starts(app: Warmline) -> None:
    assert dates_markdown([], DAY0) == "No interview dates yet."
    app.outreach.today.schedule_interview("2026-03-20", "PM at Globex")
    app.outreach.today.schedule_interview("2026-03-06", "")
    text = dates_markdown(app.outreach.today.upcoming_interviews(), DAY0)
    assert text.splitlines()[1:] == [
        "- 2026-03-06: an interview (Today suggests practice from 2026-03-04)",
        "- 2026-03-20: PM at Globex (Today suggests practice from 2026-03-13)"]
