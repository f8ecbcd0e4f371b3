"""Settings, "What leaves your machine", in a real headless Chromium: the preview shows the
exact messages (with the user's note), the log shows what was sent, and Clear empties it."""

from __future__ import annotations

from playwright.sync_api import expect

from assistant.domain import Contact, Note
from assistant.storage.outbound import OUTBOUND_FILE
from tests.e2e.browser import fill, open_tab, value
from tests.e2e.conftest import BrowserPage, ServedApp

NOTE = "Ana ran the Chicago marathon in October."


def test_preview_show_and_clear_the_outbound_log(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    app = served_app.app
    ana = Contact(name="Ana Ruiz", company="Acme Health", title="Product Manager")
    app.stores.records.put_contact(ana)
    app.stores.records.put_note(Note(contact_id=ana.id, text=NOTE))
    app.stores.sync.reconcile()
    page = browser_page.goto(served_app.url)
    open_tab(page, "Settings")
    page.get_by_text("What leaves your machine").click()

    fill(page, "outbound-contact", "Ana Ruiz")
    page.locator("#outbound-preview").click()
    expect(page.locator("#outbound-summary")).to_contain_text("nothing is sent anywhere")
    body = value(page, "outbound-body")
    expected = app.outbound.preview_draft("checkin", "Ana Ruiz").messages
    assert NOTE in body
    assert all(m["content"] in body for m in expected), "the preview shows every message whole"

    app.outbound.log.record("https://api.example.com/v1", "openai:gpt-test",
                            [{"role": "user", "content": "Write to Ana about Chicago"}],
                            "completion")
    page.locator("#outbound-show").click()
    expect(page.locator("#outbound-summary")).to_contain_text("1 prompts sent")
    assert "Write to Ana about Chicago" in value(page, "outbound-body")
    assert "left this machine" in value(page, "outbound-body")

    page.locator("#outbound-clear").click()
    expect(page.locator("#outbound-summary")).to_contain_text("Deleted the outbound log (1")
    assert not (app.settings.home / OUTBOUND_FILE).exists()
    assert browser_page.requests.outside() == [], "the page itself loaded nothing from outside"
