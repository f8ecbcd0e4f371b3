"""Today and Drafts in a real headless Chromium: open, draft, copy, edit, mark sent (once), and
the contact leaves the due list; a failed lookup leaves nothing stale to mark sent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from playwright.sync_api import expect

from assistant.domain import Contact, Note, Tier
from tests.e2e.browser import allow_clipboard, clipboard, fill, open_tab, toast, value
from tests.e2e.conftest import BrowserPage, ServedApp


def seed(served_app: ServedApp) -> dict[str, Contact]:
    app = served_app.app
    people = {
        "chloe": Contact(name="Chloe Park", tier=Tier.INNER, company="Acme Health"),
        "bo": Contact(name="Bo Chen", tier=Tier.ACTIVE, company="Globex",
                      last_contacted=date.today() - timedelta(days=90)),
        "dana": Contact(name="Dana Whitfield", tier=Tier.ACTIVE,
                        last_contacted=date.today() - timedelta(days=3)),
    }
    for contact in people.values():
        app.stores.records.put_contact(contact)
    app.stores.records.put_note(Note(contact_id=people["chloe"].id,
                              text="Chloe adopted a rescue greyhound named Biscuit."))
    app.stores.records.put_note(Note(contact_id=people["bo"].id,
                              text="Bo is training for the Berlin marathon."))
    app.stores.sync.reconcile()
    return people


def choices(page: Any) -> list[str]:
    return [str(t) for t in page.locator("#today-actions label").all_inner_texts()]


def test_today_shows_due_steps_on_load_and_a_sent_draft_clears_one(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    people = seed(served_app)
    app = served_app.app
    page = browser_page.goto(served_app.url)
    allow_clipboard(page, served_app.url)
    open_tab(page, "Today")

    # On load, without a click on Refresh: the inner contact never touched is due, and Bo.
    expect(page.locator("#today-summary")).to_contain_text("2 small steps")
    shown = choices(page)
    assert any("Check in with Chloe Park" in c for c in shown), shown
    assert any("Check in with Bo Chen" in c for c in shown), shown
    assert not any("Dana" in c for c in shown)

    # One click to a ready draft.
    page.locator("#today-actions label", has_text="Chloe Park").click()
    expect(page.locator("#today-draft-info")).to_contain_text("Written by offline")
    text = value(page, "today-draft")
    assert text.startswith(("Hi Chloe", "Hey Chloe", "Hello Chloe", "Dear Chloe")), text

    # Copy puts the draft on the clipboard.
    page.locator("#today-draft").get_by_role("button", name="Copy").click()
    page.wait_for_function("t => navigator.clipboard.readText().then(c => c === t)", arg=text)
    assert clipboard(page) == text

    # Edit, then mark as sent: logged once, to Chloe, with the edited words.
    edited = text + "\nP.S. Give Biscuit a scratch from me."
    fill(page, "today-draft", edited)
    page.locator("#today-sent").click()
    expect(page.locator("#today-status")).to_contain_text("Logged as sent to Chloe Park")
    [logged] = app.stores.records.interactions_for(people["chloe"].id)
    assert "Biscuit a scratch" in app.outreach.get_draft(
        app.outreach.history(contact_id=people["chloe"].id)[0].id).text
    assert logged.direction.value == "neutral"  # a plain check-in shares nothing: not a give
    expect(page.locator("#today-summary")).to_contain_text("1 small step")
    assert not any("Chloe" in c for c in choices(page))
    assert [i.name for i in app.outreach.cadences.due()] == ["Bo Chen"]
    assert not browser_page.requests.outside()


def test_drafts_first_names_no_stale_draft_and_mark_sent_once(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    people = seed(served_app)
    app = served_app.app
    page = browser_page.goto(served_app.url)
    open_tab(page, "Drafts")
    info = page.locator("#draft-info")

    # A first name works here as it does on the Contacts tab.
    fill(page, "draft-contact", "Bo")
    page.locator("#draft-write").click()
    expect(info).to_contain_text("Written by offline")
    assert value(page, "draft-text").split()[1].startswith("Bo")

    # A failed lookup clears the draft: "Mark as sent" cannot log Bo's draft by mistake.
    fill(page, "draft-contact", "Nobody Zzyzx")
    page.locator("#draft-write").click()
    expect(info).to_contain_text("Error")
    expect(page.locator("#draft-text textarea")).to_have_value("")
    page.locator("#draft-sent").click()
    toast(page, "Write a draft first.")
    assert app.stores.records.interactions_for(people["bo"].id) == []

    # Write again, mark as sent twice: one interaction, and Bo leaves the due list.
    fill(page, "draft-contact", "Bo Chen")
    page.locator("#draft-write").click()
    expect(info).to_contain_text("Written by offline")
    page.locator("#draft-sent").click()
    expect(page.locator("#draft-sent-info")).to_contain_text("Logged as sent to Bo Chen")
    page.locator("#draft-sent").click()
    expect(page.locator("#draft-sent-info")).to_contain_text("Already logged")
    assert len(app.stores.records.interactions_for(people["bo"].id)) == 1
    assert "Bo Chen" not in [i.name for i in app.outreach.cadences.due()]

    # The history lists both drafts to Bo; the sent one says so.
    history = page.locator("#drafts-history")
    expect(history).to_contain_text("Bo Chen")
    expect(history).to_contain_text("yes")
    assert not browser_page.requests.outside()
