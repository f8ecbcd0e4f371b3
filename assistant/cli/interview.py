"""Mock interview commands: ``interview start|answer|summary|list``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from assistant.cli.common import JSON, console, emit, open_app
from assistant.errors import InputError
from assistant.services.interview.questions import KINDS
from assistant.services.interview.session import DIFFICULTIES, PERSONAS, Feedback, Session, Turn

interview_app = typer.Typer(help="Mock interviews: questions, follow-ups, feedback, a summary.",
                            no_args_is_help=True)


def start(
    role: Annotated[str, typer.Option("--role", help="The role you are interviewing for.")],
    jd: Annotated[Path | None, typer.Option(
        "--jd", help="A text file with the job description ('-' reads stdin).")] = None,
    persona: Annotated[str, typer.Option("--persona", help="|".join(PERSONAS))] = "manager",
    difficulty: Annotated[str, typer.Option("--difficulty", help="|".join(DIFFICULTIES))]
    = "standard",
    questions: Annotated[int, typer.Option("--questions", help="How many questions.")] = 5,
    mix: Annotated[str, typer.Option(
        "--mix", help="Question kinds, comma-separated: " + ",".join(KINDS))] = ",".join(KINDS),
    json_out: JSON = False,
) -> None:
    """Start a practice session and print the first question."""
    jd_text = _read_jd(jd)
    kinds = [k.strip() for k in mix.split(",") if k.strip()]
    with open_app() as app:
        session = app.interview.start(role, jd_text, persona, difficulty, questions, kinds)
    emit(json_out, session.start_view, lambda: _print_next(session))


def answer(
    session_id: Annotated[str, typer.Argument(help="The session id 'interview start' printed.")],
    text: Annotated[str, typer.Argument(help="Your answer ('-' reads stdin).")],
    json_out: JSON = False,
) -> None:
    """Answer the current question: feedback, then a follow-up or the next question."""
    if text == "-":
        text = sys.stdin.read()
    with open_app() as app:
        session, turn = app.interview.answer(session_id, text)
    emit(json_out, lambda: session.answer_view(turn), lambda: _print_answer(session, turn))


def summary(
    session_id: Annotated[str, typer.Argument(help="The session id.")],
    json_out: JSON = False,
) -> None:
    """Scores per question, your trend, three things to practise next, and the transcript."""
    with open_app() as app:
        data = app.interview.summary(session_id)
    emit(json_out, lambda: data, lambda: _print_summary(data))


def list_sessions(json_out: JSON = False) -> None:
    """Your practice sessions, newest first."""
    with open_app() as app:
        sessions = app.interview.sessions()
    emit(json_out, lambda: {"sessions": sessions}, lambda: _print_sessions(sessions))


def _read_jd(path: Path | None) -> str:
    if path is None:
        return ""
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        msg = f"cannot read the job description {path}: {e}"
        raise InputError(msg) from e


def _print_next(session: Session) -> None:
    waiting = session.prompt()
    console.print(f"[dim]Session {session.id} · {session.setup.role} · "
                  f"question {session.current + 1}/{len(session.questions)}[/dim]")
    if waiting is None:
        console.print(f"Session finished. See: warmline interview summary {session.id}")
        return
    label = "Follow-up" if waiting.kind == "followup" else "Question"
    console.print(f"[bold]{label}:[/bold] {escape(waiting.text)}")
    console.print(f"[dim]Answer with: warmline interview answer {session.id} \"...\"[/dim]")


def _print_feedback(feedback: Feedback) -> None:
    parts = "  ".join(f"{p.name} {p.score}/2" for p in feedback.parts)
    console.print(f"[bold]STAR[/bold] {parts} · overall {feedback.overall}/10 · "
                  f"{feedback.words} words ({feedback.seconds:.0f} s)")
    if feedback.fillers:
        console.print(f"Filler words: {escape(', '.join(feedback.fillers))}")
    console.print(f"[bold]Try:[/bold] {escape(feedback.improvement)}")
    console.print(f"[bold]Stronger version:[/bold] {escape(feedback.example_answer)}")


def _print_answer(session: Session, turn: Turn) -> None:
    if turn.feedback is not None:
        _print_feedback(turn.feedback)
    _print_next(session)


def _print_summary(data: dict[str, Any]) -> None:
    console.print(f"[bold]{escape(data['role'])}[/bold] · {data['answered']}/"
                  f"{data['questions_total']} answered · average {data['average']}/10")
    for row in data["questions"]:
        console.print(f"{row['number']}. {escape(row['question'])} — {row['overall']}/10")
    if data["practise_next"]:
        console.print("[bold]Practise next:[/bold]")
        for tip in data["practise_next"]:
            console.print(f"- {escape(tip)}")


def _print_sessions(sessions: list[dict[str, Any]]) -> None:
    if not sessions:
        console.print("No sessions yet: warmline interview start --role ROLE")
    for s in sessions:
        console.print(f"{s['session_id']}  {s['created']}  {escape(s['role'])}  "
                      f"{s['answered']} answered  average {s['average']}")


def register(cli: typer.Typer) -> None:
    interview_app.command()(start)
    interview_app.command()(answer)
    interview_app.command()(summary)
    interview_app.command("list")(list_sessions)
    cli.add_typer(interview_app, name="interview")
