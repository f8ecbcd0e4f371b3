"""The page in a real headless Chromium: every tab renders, nothing is fetched from outside."""

from __future__ import annotations

from pathlib import Path

from assistant.domain import Contact, Note
from tests.e2e.browser import TAB_HEADINGS, fill, heading, open_tab
from tests.e2e.conftest import BrowserPage, ServedApp

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshot.png"
NOTE = "Ana ran the Chicago marathon in October"


def test_every_tab_renders_and_nothing_leaves_the_machine(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    page = browser_page.goto(served_app.url)
    assert page.title() == "Warmline"
    assert "offline" in page.locator("#wl-engine").inner_text()

    for label, title in TAB_HEADINGS:
        open_tab(page, label)
        heading(page, title).wait_for(state="visible")

    assert browser_page.requests.urls, "the page made no requests at all?"
    outside = browser_page.requests.outside()
    assert not outside, "requests that would leave the machine:\n" + "\n".join(outside)


def test_settings_shows_the_offline_engine_and_tests_the_connection(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    page = browser_page.goto(served_app.url)
    open_tab(page, "Settings")
    assert "Engine in use: offline" in page.locator("#settings-engine").inner_text()

    page.locator("#settings-provider").get_by_label("offline", exact=True).check()
    page.locator("#settings-test").click()
    result = page.locator("#settings-result")
    result.get_by_text("offline engine").wait_for(state="visible")
    assert result.inner_text().startswith("OK: offline engine")
    assert not browser_page.requests.outside()


def test_a_draft_in_the_browser_and_the_readme_screenshot(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    records = served_app.app.stores.records
    contact = Contact(name="Ana Ruiz", company="Acme Health", title="Product Manager",
                      interests=["running"])
    records.put_contact(contact)
    records.put_note(Note(contact_id=contact.id, text=NOTE))
    served_app.app.stores.sync.reconcile()

    page = browser_page.goto(served_app.url)
    open_tab(page, "Drafts")
    fill(page, "draft-contact", "Ana Ruiz")
    page.locator("#draft-write").click()
    info = page.locator("#draft-info")
    info.get_by_text("Written by").wait_for(state="visible")

    text = page.locator("#draft-text textarea").input_value()
    assert "Chicago marathon" in text
    assert "Written by offline" in info.inner_text()
    assert NOTE[:40] in info.inner_text()  # "Drew on:" lists the note

    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    assert not browser_page.requests.outside()
