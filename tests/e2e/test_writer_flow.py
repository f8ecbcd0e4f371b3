"""The offline writer in a real headless Chromium: a pasted prose story, and a copied check-in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from assistant.domain import Contact, Note
from tests.e2e.browser import (
    RENDER_TIMEOUT_MS,
    allow_clipboard,
    clipboard,
    fill,
    heading,
    open_tab,
    value,
)
from tests.e2e.conftest import BrowserPage, ServedApp

expect = pytest.importorskip("playwright.sync_api").expect

PROSE = """# About me

I have spent nine years as a hospital pharmacist. I led a barcode rollout across 14 wards that
cut dispensing errors by 38 percent. I taught myself SQL and Python, and I built a dashboard that
nurses now use every shift. I want to move into health-tech product management."""
NOTES = (
    "Met Marisol at the HIMSS regional meetup in Bilbao in March 2025.",
    "She's training for the San Sebastián half marathon in November. Her daughter just "
    "started university in Lisbon.",
)


@pytest.fixture(autouse=True)
def _patient_expect() -> Iterator[None]:
    expect.set_options(timeout=RENDER_TIMEOUT_MS)
    yield
    expect.set_options(timeout=5_000)


def test_a_pasted_prose_story_is_read_and_pitched(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    page = browser_page.goto(served_app.url)
    open_tab(page, "Story & Pitch")
    heading(page, "Your story").wait_for(state="visible")
    fill(page, "story-paste", PROSE)
    page.locator("#story-read").click()
    understood = page.locator("#story-understood")
    expect(understood).to_contain_text("What I understood")
    # What was understood is shown, and the fields are filled so the user can correct them.
    expect(page.locator("#story-proof textarea")).to_have_value(
        "Led a barcode rollout across 14 wards that cut dispensing errors by 38 percent\n"
        "Built a dashboard that nurses now use every shift")
    assert "hospital pharmacist" in value(page, "story-now")
    assert "health-tech product management" in value(page, "story-next").lower()
    page.locator("#pitch-generate").click()
    expect(page.locator("#pitch-counts")).to_contain_text("engine: offline")
    pitch = value(page, "pitch-text")
    assert "hospital pharmacist" in pitch and "38 percent" in pitch, pitch
    assert "Today, I have" not in pitch and "Right now, I have" not in pitch
    assert not browser_page.requests.outside()


def test_a_checkin_copied_from_the_drafts_tab_speaks_to_her(
    served_app: ServedApp, browser_page: BrowserPage,
) -> None:
    records = served_app.app.records
    marisol = Contact(name="Marisol Ortega", company="Osakidetza", title="Nurse Informaticist")
    records.put_contact(marisol)
    for day, text in zip((date(2025, 3, 20), date(2025, 9, 10)), NOTES, strict=True):
        records.put_note(Note(contact_id=marisol.id, text=text, created=day))
    served_app.app.sync.reconcile()

    page = browser_page.goto(served_app.url)
    allow_clipboard(page, served_app.url)
    open_tab(page, "Drafts")
    fill(page, "draft-contact", "Marisol Ortega")
    page.locator("#draft-write").click()
    page.locator("#draft-info").get_by_text("Written by").wait_for(state="visible")
    text = value(page, "draft-text")
    page.locator("#draft-text").get_by_role("button", name="Copy").click()
    copied = clipboard(page)
    assert copied == text
    assert copied.startswith(("Hi Marisol", "Hey Marisol", "Hello Marisol"))
    assert "Met Marisol" not in copied and "Last time you mentioned" not in copied
    assert " she " not in f" {copied.lower()} ".replace("\n", " ")
    assert any(k in copied for k in ("half marathon", "daughter", "Lisbon", "San Sebastián"))
    assert not browser_page.requests.outside()
