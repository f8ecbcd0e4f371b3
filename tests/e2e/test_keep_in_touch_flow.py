"""The keep-in-touch UI in a real headless Chromium: a resource added in the library is offered
in a matching check-in; an interview date brings a practice step to Today; snooze; one click on
an intro pair gives a double opt-in draft; the ask-guard proposes a give first."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import expect

from assistant.domain import Contact, Direction, Interaction, Note, Tier
from tests.e2e.browser import fill, open_tab, value
from tests.e2e.conftest import BrowserPage, ServedApp


def test_a_resource_added_in_the_library_is_offered_in_a_matching_checkin(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    app = served_app.app
    ana = Contact(name="Ana Ruiz", tier=Tier.INNER, company="Acme",
                  interests=["marathon running", "trail races"])
    app.stores.records.put_contact(ana)
    app.stores.records.put_note(Note(contact_id=ana.id,
                                     text="Ana is training for the Berlin marathon."))
    app.stores.sync.reconcile()
    page = browser_page.goto(served_app.url)

    # Add it in the Drafts tab's library.
    open_tab(page, "Drafts")
    page.get_by_text("Your resource library").click()
    fill(page, "resource-title", "Marathon taper guide")
    fill(page, "resource-url", "https://example.org/taper")
    fill(page, "resource-topics", "marathon, running, race training")
    fill(page, "resource-note", "A three-week taper plan for marathon runners.")
    page.locator("#resource-save").click()
    expect(page.locator("#resource-status")).to_contain_text("Added “Marathon taper guide”")
    expect(page.locator("#resources-table")).to_contain_text("Marathon taper guide")
    [saved] = app.outreach.library.all()

    # Today's check-in with Ana offers it, and says it drew on it.
    open_tab(page, "Today")
    page.get_by_role("button", name="Refresh").click()
    page.locator("#today-actions label", has_text="Ana Ruiz").click()
    info = page.locator("#today-draft-info")
    expect(info).to_contain_text("Written by offline")
    expect(info).to_contain_text("resource")
    expect(info).to_contain_text("Marathon taper guide")
    draft = app.outreach.history(contact_id=ana.id)[0]
    assert saved.id in [s.id for s in draft.sources]
    text = value(page, "today-draft")
    assert "taper" in text.lower() or "example.org/taper" in text, text

    # Removing it from the library: the next draft no longer offers it.
    open_tab(page, "Drafts")
    page.locator("#resources-table [role=gridcell]", has_text="Marathon taper guide").first.click()
    expect(page.locator("#resource-save")).to_contain_text("Save changes")
    page.locator("#resource-remove").click()
    expect(page.locator("#resource-status")).to_contain_text("Removed")
    assert app.outreach.library.all() == []
    assert not browser_page.requests.outside()


def test_interview_date_snooze_intro_pairs_and_the_ask_guard(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    app = served_app.app
    mia = Contact(name="Mia Lund", tier=Tier.ACTIVE, title="Product Manager", company="Globex",
                  tags=["offers: product mentoring"],
                  last_contacted=date.today() - timedelta(days=100))
    raj = Contact(name="Raj Patel", tier=Tier.ACTIVE, title="Pharmacist",
                  tags=["seeking: product mentoring"], last_contacted=date.today())
    for person in (mia, raj):
        app.stores.records.put_contact(person)
    for days in (40, 10):  # only asks of Raj lately
        app.stores.records.put_interaction(Interaction(
            contact_id=raj.id, when=date.today() - timedelta(days=days),
            direction=Direction.ASKED, kind="coffee", summary="asked for a coffee"))
    app.stores.sync.reconcile()
    page = browser_page.goto(served_app.url)

    # An interview in three days: Today suggests practice.
    open_tab(page, "Interview")
    page.get_by_text("Upcoming interview").click()
    day = (date.today() + timedelta(days=3)).isoformat()
    fill(page, "iv-date", day)
    fill(page, "iv-date-role", "PM at Initech")
    page.locator("#iv-date-save").click()
    expect(page.locator("#iv-dates")).to_contain_text(f"{day}: PM at Initech")
    open_tab(page, "Today")
    page.get_by_role("button", name="Refresh").click()
    actions = page.locator("#today-actions")
    expect(actions).to_contain_text("Practise for PM at Initech")
    expect(actions).to_contain_text("Check in with Mia Lund")

    # Snooze Mia from Today: she leaves the list and the due list.
    page.locator("#today-actions label", has_text="Mia Lund").click()
    page.locator("#today-snooze").click()
    expect(page.locator("#today-status")).to_contain_text("Snoozed Mia Lund until")
    expect(actions).not_to_contain_text("Mia Lund")
    assert app.outreach.cadences.due() == []

    # One click on the pair gives a double opt-in intro draft.
    open_tab(page, "Drafts")
    page.get_by_text("Introductions worth making").click()
    pair = page.locator("#intro-suggestions label", has_text="Mia Lund")
    expect(pair).to_contain_text("product mentoring")
    pair.click()
    info = page.locator("#draft-info")
    expect(info).to_contain_text("Once they say yes, send the introduction")
    expect(info).to_contain_text("Written by offline")
    intro = app.outreach.history(kind="intro")[0]
    assert {intro.contact_id, intro.to_contact_id} == {mia.id, raj.id}
    assert value(page, "draft-text") == intro.text

    # Before a coffee ask to Raj: the ask-guard warns and proposes a give first.
    fill(page, "draft-contact", "Raj Patel")
    page.locator("#draft-kind input").first.click()
    page.get_by_role("option", name="coffee", exact=True).click()
    guard = page.locator("#draft-guard")
    expect(guard).to_contain_text("asks only with Raj Patel")
    page.locator("#draft-give-first").click()
    expect(info).to_contain_text("Written by offline")
    expect(guard).not_to_contain_text("Ask-guard")
    latest = app.outreach.history(contact_id=raj.id)[0]
    assert latest.kind == "checkin" and value(page, "draft-text") == latest.text
    assert not browser_page.requests.outside()
