"""Settings, "Delete all my data", in a real headless Chromium: nothing goes without the typed
confirmation; with it, no file in the data dir holds a byte of what the user stored."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from assistant.domain import Contact, Note
from tests.e2e.browser import fill, open_tab, toast
from tests.e2e.conftest import BrowserPage, ServedApp

MARKERS = (b"Zarathustra", b"Quillfeather", b"QX7731", b"Tarifa")


def holding(home: Path) -> list[str]:
    """Files in ``home`` that still contain any marker (in any page, free or not)."""
    return [str(p) for p in home.rglob("*") if p.is_file()
            and any(m in p.read_bytes() for m in MARKERS)]


def test_delete_all_my_data_from_settings(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    app = served_app.app
    home = app.settings.home
    person = Contact(name="Zarathustra Quillfeather", company="Acme Health")
    app.stores.records.put_contact(person)
    app.stores.records.put_note(Note(contact_id=person.id,
                                     text="Kite-surfing in Tarifa every spring, QX7731"))
    app.stores.sync.reconcile()
    app.outreach.draft("checkin", person.id, "email")
    assert holding(home), "the markers are stored before the erase"

    page = browser_page.goto(served_app.url)
    open_tab(page, "Settings")
    page.get_by_text("Delete all my data").first.click()
    fill(page, "erase-confirm", "delete")  # not the word asked for
    page.locator("#erase-button").click()
    toast(page, "Type DELETE in the box to confirm; nothing was deleted.")
    assert holding(home), "without the confirmation nothing is deleted"

    fill(page, "erase-confirm", "DELETE")
    page.locator("#erase-button").click()
    expect(page.locator("#erase-result")).to_contain_text("Deleted all your Warmline data")
    assert holding(home) == []
    left = {p.name for p in home.rglob("*") if p.is_file()}
    assert left <= {".warmline.lock", ".warmline.pid"}, left  # held until the server stops
    assert browser_page.requests.outside() == [], "the page itself loaded nothing from outside"
