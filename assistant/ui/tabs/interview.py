"""Interview: mock interviews with adaptive follow-ups, feedback beside each answer, a summary."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.errors import InputError, WarmlineError
from assistant.services.interview.questions import KINDS
from assistant.services.interview.session import DIFFICULTIES, PERSONAS, Feedback, Session
from assistant.services.outreach.today import PRACTICE_DAYS
from assistant.ui.actions import require, wire

PERSONA_LABELS = {"friendly": "Friendly peer", "manager": "Hiring manager",
                  "panel": "Skeptical panel"}
KIND_LABELS = {"tmay": "Tell me about yourself", "role": "Role-specific",
               "behavioural": "Behavioural", "motivation": "Motivation"}
MAX_JD_FILE_BYTES = 200_000


def _error(e: WarmlineError) -> gr.Error:
    return gr.Error(str(e), print_exception=False)


def chat_messages(session: Session) -> list[dict[str, str]]:
    """The transcript as chat messages: the interviewer on the left, you on the right."""
    out = []
    for turn in session.turns:
        if turn.speaker == "you":
            out.append({"role": "user", "content": turn.text})
        else:
            label = ("**Follow-up:** " if turn.kind == "followup"
                     else f"**Question {turn.question + 1}/{len(session.questions)}:** ")
            out.append({"role": "assistant", "content": label + turn.text})
    if session.finished:
        out.append({"role": "assistant",
                    "content": "That's all my questions. Open the summary below."})
    return out


def feedback_markdown(feedback: Feedback, title: str) -> str:
    """One answer's feedback: STAR parts with evidence, length, fillers, a tip, a model answer."""
    lines = [f"#### {title}", f"**{feedback.overall}/10** · STAR {feedback.star}/8 · "
             f"{feedback.words} words (~{feedback.seconds:.0f} s) · {feedback.engine}"]
    if feedback.notice:
        lines.append(f"Note: {feedback.notice}")
    lines += ["", "| Part | Score | Evidence from your answer |", "|---|---|---|"]
    for part in feedback.parts:
        quote = f"“{part.evidence[:160]}”" if part.evidence else "—"
        lines.append(f"| {part.name} | {part.score}/2 | {quote} |")
    if feedback.fillers:
        lines.append(f"\nFiller words: {', '.join(feedback.fillers)}")
    lines.append(f"\n**Try:** {feedback.improvement}")
    lines.append(f"\n**A stronger version, from your own facts:**\n\n> {feedback.example_answer}")
    return "\n".join(lines)


def session_feedback(session: Session) -> str:
    """Feedback on every answer in the session, newest first."""
    blocks = []
    for number, turn in enumerate((t for t in session.turns if t.feedback is not None), 1):
        assert turn.feedback is not None  # noqa: S101 - filtered above
        blocks.append(feedback_markdown(turn.feedback,
                                        f"Answer {number} · question {turn.question + 1}"))
    return "\n\n---\n\n".join(reversed(blocks)) or "Feedback on each answer appears here."


def summary_markdown(data: dict[str, Any]) -> str:
    """The summary page: per-question scores, the trend, three things to practise next."""
    lines = [f"### Summary: {data['role']}",
             f"{data['answered']}/{data['questions_total']} answered · average "
             f"**{data['average'] if data['average'] is not None else '–'}/10** · "
             f"{PERSONA_LABELS.get(data['persona'], data['persona'])}, {data['difficulty']}",
             "", "| # | Question | Score | STAR | Follow-ups |", "|---|---|---|---|---|"]
    for row in data["questions"]:
        star = " ".join(f"{k[0].upper()}{v}" for k, v in row["parts"].items())
        lines.append(f"| {row['number']} | {row['question']} | {row['overall']}/10 | {star} | "
                     f"{', '.join(row['followups']) or '—'} |")
    if data["practise_next"]:
        lines += ["", "**Practise next**", *(f"1. {tip}" for tip in data["practise_next"])]
    if len(data["trend"]) > 1:
        trend = " → ".join(f"{t['average']}" for t in data["trend"][-8:])
        lines += ["", f"**Trend across sessions:** {trend}"]
    return "\n".join(lines)


def past_choices(app: Warmline) -> list[tuple[str, str]]:
    """Past sessions for the dropdown: (label, id), newest first."""
    return [(f"{s['created'][:16].replace('T', ' ')} · {s['role']} · "
             f"{s['answered']} answered · avg {s['average'] if s['average'] is not None else '–'}"
             f" · {s['session_id']}",
             s["session_id"]) for s in app.interview.sessions()]


def dates_markdown(found: list[tuple[date, str]], today: date) -> str:
    """Upcoming interviews, soonest first, and when Today starts suggesting practice."""
    if not found:
        return "No interview dates yet."
    lines = ["**Coming up**"]
    for day, role in found:
        start = max(today, day - timedelta(days=PRACTICE_DAYS))
        lines.append(f"- {day}: {role or 'an interview'} (Today suggests practice from {start})")
    return "\n".join(lines)


def upcoming(app: Warmline) -> None:
    """Interview dates: Today suggests a mock session in the week before each one."""
    with gr.Accordion("Upcoming interview", open=False):
        with gr.Row():
            day = gr.Textbox(label="Date (YYYY-MM-DD)", placeholder="2026-03-12",
                             elem_id="iv-date", scale=1)
            role = gr.Textbox(label="Role and company", elem_id="iv-date-role", scale=2)
            save = gr.Button("Remember it", elem_id="iv-date-save", scale=1)
        listed = gr.Markdown(elem_id="iv-dates")

    def shown() -> str:
        return dates_markdown(app.outreach.today.upcoming_interviews(), app.outreach.clock())

    def on_save(typed: str, what: str) -> tuple[str, str, str]:
        require((typed or "").strip(), "Type the interview date, e.g. 2026-03-12.")
        app.outreach.today.schedule_interview(typed or "", what or "")
        return "", "", shown()

    wire(save.click, on_save, [day, role], [day, role, listed])
    root = gr.context.Context.root_block
    if root is not None:
        wire(root.load, shown, None, listed)


def build(app: Warmline) -> None:
    gr.Markdown("### Mock interview\nPractise the night before: questions from the job "
                "description and your story, follow-ups on anything vague, and feedback.")
    upcoming(app)
    with gr.Row():
        role = gr.Textbox(label="Target role", elem_id="iv-role", scale=2)
        persona = gr.Dropdown([(PERSONA_LABELS[p], p) for p in PERSONAS], value="manager",
                              label="Interviewer", elem_id="iv-persona")
        difficulty = gr.Dropdown(list(DIFFICULTIES), value="standard", label="Difficulty",
                                 elem_id="iv-difficulty")
        count = gr.Number(5, label="Questions", precision=0, minimum=1, maximum=12,
                          elem_id="iv-count")
    mix = gr.CheckboxGroup([(KIND_LABELS[k], k) for k in KINDS], value=list(KINDS),
                           label="Question mix", elem_id="iv-mix")
    with gr.Row():
        jd = gr.Textbox(label="Job description (pasted)", lines=5, elem_id="iv-jd", scale=3)
        jd_file = gr.File(label="…or upload it (.txt, .md)", file_types=[".txt", ".md"],
                          elem_id="iv-jd-file", scale=1)
    start = gr.Button("Start the interview", variant="primary", elem_id="iv-start")
    session_id = gr.Textbox(label="Session", interactive=False, elem_id="iv-session")
    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(label="Interview", height=420, elem_id="iv-chat")
            answer = gr.Textbox(label="Your answer", lines=4, elem_id="iv-answer",
                                placeholder="Type your answer as you would say it.")
            send = gr.Button("Answer", variant="primary", elem_id="iv-send")
        with gr.Column(scale=2):
            feedback = gr.Markdown("Feedback on each answer appears here.",
                                   elem_id="iv-feedback")
    summary_btn = gr.Button("Show the summary", elem_id="iv-summary-btn")
    summary = gr.Markdown(elem_id="iv-summary")
    with gr.Accordion("Past sessions", open=False):
        with gr.Row():
            past = gr.Dropdown(choices=[], label="Session", elem_id="iv-past", scale=3)
            refresh = gr.Button("Refresh", elem_id="iv-past-refresh", scale=1)
        open_past = gr.Button("Open this session", elem_id="iv-past-open")

    def on_jd_file(file: str | None) -> str | Any:
        if not file:
            return gr.update()
        path = Path(file)
        try:
            if path.stat().st_size > MAX_JD_FILE_BYTES:
                msg = f"{path.name} is larger than {MAX_JD_FILE_BYTES // 1000} KB"
                raise InputError(msg)
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise gr.Error(f"cannot read {path.name}: {e}", print_exception=False) from e
        except WarmlineError as e:
            raise _error(e) from e

    def on_start(role_: str, jd_: str, persona_: str, difficulty_: str, count_: float,
                 mix_: list[str]) -> tuple[Any, ...]:
        try:
            session = app.interview.start(role_ or "", jd_ or "", persona_, difficulty_,
                                          int(count_ or 5), list(mix_ or []))
        except WarmlineError as e:
            raise _error(e) from e
        return (session.id, chat_messages(session), session_feedback(session), "",
                gr.update(choices=past_choices(app), value=session.id))

    def on_answer(sid: str, text: str) -> tuple[Any, ...]:
        if not sid:
            raise gr.Error("Start an interview first.", print_exception=False)
        try:
            session, _ = app.interview.answer(sid, text or "")
        except WarmlineError as e:
            raise _error(e) from e
        return chat_messages(session), session_feedback(session), ""

    def on_summary(sid: str) -> str:
        if not sid:
            raise gr.Error("Start or open a session first.", print_exception=False)
        try:
            return summary_markdown(app.interview.summary(sid))
        except WarmlineError as e:
            raise _error(e) from e

    def on_open(sid: str | None) -> tuple[Any, ...]:
        if not sid:
            raise gr.Error("Pick a past session first.", print_exception=False)
        try:
            session = app.interview.get(sid)
            data = app.interview.summary(sid)
        except WarmlineError as e:
            raise _error(e) from e
        return sid, chat_messages(session), session_feedback(session), summary_markdown(data)

    def api_start(role: str, jd: str = "", persona: str = "manager",
                  difficulty: str = "standard", questions: int = 5,
                  mix: str = ",".join(KINDS)) -> dict[str, Any]:
        """Start a session (the ``interview_start`` endpoint): its id and first question.

        ``mix`` is a comma-separated list of question kinds."""
        kinds = [k.strip() for k in mix.split(",") if k.strip()]
        try:
            return app.interview.start(role, jd, persona, difficulty, int(questions),
                                       kinds).start_view()
        except WarmlineError as e:
            raise _error(e) from e

    def api_answer(session_id: str, text: str) -> dict[str, Any]:
        """Answer (the ``interview_answer`` endpoint): feedback and the next question."""
        try:
            session, turn = app.interview.answer(session_id, text)
        except WarmlineError as e:
            raise _error(e) from e
        return session.answer_view(turn)

    def api_summary(session_id: str) -> dict[str, Any]:
        """A session's summary (the ``interview_summary`` endpoint)."""
        try:
            return app.interview.summary(session_id)
        except WarmlineError as e:
            raise _error(e) from e

    private: dict[str, Any] = {"api_visibility": "private"}
    jd_file.change(on_jd_file, jd_file, jd, **private)
    start.click(on_start, [role, jd, persona, difficulty, count, mix],
                [session_id, chat, feedback, summary, past], **private)
    send.click(on_answer, [session_id, answer], [chat, feedback, answer], **private)
    answer.submit(on_answer, [session_id, answer], [chat, feedback, answer], **private)
    summary_btn.click(on_summary, session_id, summary, **private)
    refresh.click(lambda: gr.update(choices=past_choices(app)), None, past, **private)
    open_past.click(on_open, past, [session_id, chat, feedback, summary], **private)
    gr.api(api_start, api_name="interview_start")
    gr.api(api_answer, api_name="interview_answer")
    gr.api(api_summary, api_name="interview_summary")
