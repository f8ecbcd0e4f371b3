"""The Interview tab's views: the chat transcript, feedback beside answers, the summary page."""

from __future__ import annotations

from assistant.app import Warmline
from assistant.ui.tabs.interview import (
    chat_messages,
    past_choices,
    session_feedback,
    summary_markdown,
)

WE = ("At Mercy Health in 2022 we were rolling out barcode scanning on nine wards. We mapped "
      "the dispensing steps and we wrote quick-reference cards. Errors fell 30%.")


def test_chat_feedback_and_summary_show_the_session(app: Warmline) -> None:
    session = app.interview.start("Product manager", count=2, mix=["behavioural"])
    session, _ = app.interview.answer(session.id, WE)
    chat = chat_messages(session)
    assert [m["role"] for m in chat] == ["assistant", "user", "assistant"]
    assert chat[0]["content"] == f"**Question 1/2:** {session.questions[0].text}"
    assert chat[2]["content"].startswith("**Follow-up:** ")
    shown = session_feedback(session)
    assert "Answer 1 · question 1" in shown and "| action | 1/2 |" in shown
    assert "“Errors fell 30%.”" in shown  # the evidence is the user's own sentence
    page = summary_markdown(app.interview.summary(session.id))
    assert "### Summary: Product manager" in page and "i_vs_we" in page
    assert "Practise next" in page
    assert past_choices(app)[0][1] == session.id
