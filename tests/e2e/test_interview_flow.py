"""A mock interview in a real headless Chromium: set up, three answers with follow-ups, the
summary, and the session back from the past-sessions list. Offline engine, loopback only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from evals.interview import followup_targets_gap
from tests.e2e.browser import RENDER_TIMEOUT_MS, fill, heading, open_tab, toast
from tests.e2e.conftest import BrowserPage, ServedApp

expect = pytest.importorskip("playwright.sync_api").expect

JD = ("Requirements:\n- Experience building data pipelines in dbt\n- Strong SQL and data "
      "modelling\n- Explaining analysis to non-technical colleagues\n")
ANSWERS = (
    "We rebuilt the reporting pipeline and we moved everything to dbt, and we got it done "
    "before the quarter closed.",
    "I wrote the dbt models for carrier invoices myself and I set up the tests on them.",
    "At Routewise the weekly run took 6 hours and kept failing. I was asked to fix it. "
    "I rewrote the slowest models and I scheduled incremental runs. After that it was faster.",
)


@pytest.fixture(autouse=True)
def _patient_expect() -> Iterator[None]:
    expect.set_options(timeout=RENDER_TIMEOUT_MS)
    yield
    expect.set_options(timeout=5_000)


def bubbles(page: Any) -> list[str]:
    """The chat's message texts, in order."""
    return [t.strip() for t in page.locator("#iv-chat .message").all_inner_texts() if t.strip()]


def test_interview_flow(served_app: ServedApp, browser_page: BrowserPage) -> None:
    page = browser_page.goto(served_app.url)
    open_tab(page, "Interview")
    heading(page, "Mock interview").wait_for(state="visible")

    # Answering before starting is a clear error, not a crash.
    page.locator("#iv-send").click()
    toast(page, "Start an interview first")

    fill(page, "iv-role", "Analytics engineer")
    fill(page, "iv-jd", JD)
    fill(page, "iv-count", "3")
    page.locator("#iv-mix").get_by_label("Tell me about yourself").uncheck()
    page.locator("#iv-mix").get_by_label("Motivation").uncheck()
    page.locator("#iv-start").click()
    expect(page.locator("#iv-session input, #iv-session textarea").first).not_to_have_value("")
    sid = page.locator("#iv-session input, #iv-session textarea").first.input_value()
    session = served_app.app.interview.get(sid)
    expect(page.locator("#iv-chat")).to_contain_text(session.questions[0].text)
    assert sum(k in session.questions[0].text for k in ("dbt", "SQL", "non-technical")) >= 2

    for number, text in enumerate(ANSWERS, 1):
        fill(page, "iv-answer", text)
        page.locator("#iv-send").click()
        expect(page.locator("#iv-feedback")).to_contain_text(f"Answer {number} ·")
        expect(page.locator("#iv-chat")).to_contain_text(text[:40])
    session = served_app.app.interview.get(sid)
    probes = [t for t in session.turns if t.kind == "followup"]
    assert len(probes) >= 2 and all(followup_targets_gap(t.text, t.gap) for t in probes)
    chat = " ".join(bubbles(page))
    for probe in probes:
        assert probe.text in chat
    feedback = page.locator("#iv-feedback").inner_text()
    for part in ("situation", "task", "action", "result"):
        assert part in feedback
    assert "A stronger version, from your own facts" in feedback

    page.locator("#iv-summary-btn").click()
    expect(page.locator("#iv-summary")).to_contain_text("Practise next")
    summary = served_app.app.interview.summary(sid)
    for row in summary["questions"]:
        expect(page.locator("#iv-summary")).to_contain_text(f"{row['overall']}/10")

    # Start a second session, then browse back to the first from the past sessions.
    page.locator("#iv-start").click()
    expect(page.locator("#iv-session input, #iv-session textarea").first).not_to_have_value(sid)
    page.get_by_text("Past sessions").click()
    page.locator("#iv-past-refresh").click()
    page.locator("#iv-past input").first.click()
    page.get_by_role("option").filter(has_text=sid).first.click()
    page.locator("#iv-past-open").click()
    expect(page.locator("#iv-session input, #iv-session textarea").first).to_have_value(sid)
    expect(page.locator("#iv-chat")).to_contain_text(ANSWERS[2][:40])
    assert not browser_page.requests.outside()
