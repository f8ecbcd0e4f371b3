"""Story commands: ``profile set|show``, ``pitch``, ``sounding-board`` and ``review-resume``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from assistant.cli.common import console, emit, err_console, open_app
from assistant.cli.core import JSON
from assistant.domain import Profile
from assistant.drafting.guard import WORDS_PER_MINUTE
from assistant.errors import InputError
from assistant.services.story.pitch import KINDS, Pitch
from assistant.services.story.profile import STORY_FIELDS, missing
from assistant.services.story.profile_markdown import render_profile_markdown
from assistant.services.story.resume_review import ResumeReview
from assistant.services.story.sounding_board import Critique

profile_app = typer.Typer(help="Your story: set it from a Markdown file, or show it.",
                          no_args_is_help=True)
KIND_HELP = "|".join(KINDS)


def profile_set(
    file: Annotated[Path | None, typer.Option(
        "--file", help="Your story as you would write it: plain prose, a pasted LinkedIn About, "
        "bullets, or the sections '# Name', '## Now', '## Next', '## Strengths', "
        "'## Proof points', '## Target roles', '## Target companies', '## Audiences', "
        "'## Values', '## Voice sample' (see 'warmline profile show').")] = None,
    resume: Annotated[Path | None, typer.Option(
        "--resume", help="Add the resume's bullets with numbers to your proof points.")] = None,
    json_out: JSON = False,
) -> None:
    """Replace your story with a Markdown file (and/or add proof points from a resume)."""
    if file is None and resume is None:
        msg = "give --file FILE (your story, in prose or sections) or --resume FILE"
        raise InputError(msg)
    added: list[str] = []
    understood: dict[str, object] = {}
    with open_app() as app:
        if file is not None:
            understood = app.profiles.set_from_markdown(file).to_json()
        if resume is not None:
            added = app.profiles.add_resume_proof(resume)
        profile = app.profiles.get()
    emit(json_out, lambda: {"profile": _story(profile), "added_proof_points": added,
                            "missing": missing(profile, "30s"),
                            "sections": understood.get("sections", [])},
         lambda: _print_saved(profile, added))


def profile_show(json_out: JSON = False) -> None:
    """Show your story in the Markdown format 'profile set --file' reads."""
    with open_app() as app:
        saved = app.profiles.get()
        profile = app.profiles.effective()
    prefilled = [f for f in STORY_FIELDS if getattr(profile, f) != getattr(saved, f)]
    emit(json_out, lambda: {"profile": _story(profile), "prefilled": prefilled,
                            "missing": missing(profile, "30s")},
         lambda: _print_profile(profile, prefilled))


def pitch(
    kind: Annotated[str, typer.Option("--kind", help=KIND_HELP)] = "30s",
    audience: Annotated[str, typer.Option(
        "--audience", help="Who it is for: recruiter, peer in the target field, coffee chat, "
        "or your own words.")] = "",
    variant: Annotated[int, typer.Option("--variant", help="Another number, another version.",
                                         min=0)] = 0,
    json_out: JSON = False,
) -> None:
    """Write a pitch from your story: one-liner, 30s, 60s, brand, headline, about or tmay."""
    with open_app() as app, console.status("Writing your pitch…", spinner="dots") as status:
        if json_out or app.engine == "offline":
            status.stop()
        result = app.pitch.generate(kind, audience, variant)
    emit(json_out, result.to_json, lambda: _print_pitch(result))


def critique(
    text: Annotated[str | None, typer.Argument(help="The pitch to critique ('-' reads stdin).")]
    = None,
    file: Annotated[Path | None, typer.Option("--file", help="Read the pitch from a file.")]
    = None,
    kind: Annotated[str, typer.Option("--kind", help=KIND_HELP)] = "30s",
    json_out: JSON = False,
) -> None:
    """Get rubric scores, a friend's questions and a suggested revision for a pitch."""
    pitch_text = _read_pitch(text, file)
    with open_app() as app:
        result = app.sounding_board.critique(pitch_text, kind)
    emit(json_out, result.to_json, lambda: _print_critique(result))


def review_resume(
    file: Annotated[Path, typer.Argument(help="A PDF, DOCX, TXT or MD resume.")],
    json_out: JSON = False,
) -> None:
    """Review a resume against your story and notes: forgotten wins, weak bullets, typos."""
    with open_app() as app:
        review = app.resume.review(file)
    emit(json_out, review.to_json, lambda: _print_review(review))


def _read_pitch(text: str | None, file: Path | None) -> str:
    if file is not None:
        try:
            return file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            msg = f"cannot read {file}: {e}"
            raise InputError(msg) from e
    if text == "-":
        return sys.stdin.read()
    if not text:
        msg = "give the pitch as an argument, with --file FILE, or '-' to read stdin"
        raise InputError(msg)
    return text


def _story(profile: Profile) -> dict[str, Any]:
    return profile.model_dump(mode="json", include=set(STORY_FIELDS))


def _print_saved(profile: Profile, added: list[str]) -> None:
    console.print(f"Saved your story ({len(profile.proof_points)} proof points, "
                  f"{len(profile.strengths)} strengths).")
    console.print(f"  now: {escape(' '.join(profile.now.split()) or '-')}")
    console.print(f"  next: {escape(' '.join(profile.next.split()) or '-')}")
    for point in profile.proof_points:
        console.print(f"  proof point: {escape(point)}")
    for point in added:
        console.print(f"  added proof point: {escape(point)}")
    if gaps := missing(profile, "30s"):
        console.print(f"[yellow]Still missing for a 30s pitch:[/yellow] {'; '.join(gaps)}")


def _print_profile(profile: Profile, prefilled: list[str]) -> None:
    console.print(escape(render_profile_markdown(profile)), end="", soft_wrap=True)
    if prefilled:
        err_console.print(f"[dim]Prefilled from your LinkedIn import: {', '.join(prefilled)}. "
                          "Save with 'profile set --file' to keep them.[/dim]")


def _print_pitch(result: Pitch) -> None:
    if result.notice:
        console.print(f"[yellow]Note:[/yellow] {escape(result.notice)}")
    console.print(escape(result.text), soft_wrap=True)
    console.print(f"[dim]{result.word_count} words · {result.seconds:.0f} s at "
                  f"{WORDS_PER_MINUTE} wpm · {result.char_count} characters · {result.engine}"
                  "[/dim]")
    for source in result.sources:
        console.print(f"[dim]  {source.id}: {escape(source.snippet[:100])}[/dim]")


def _print_critique(result: Critique) -> None:
    if result.notice:
        console.print(f"[yellow]Note:[/yellow] {escape(result.notice)}")
    table = Table("criterion", "score", "why")
    for line in result.scores:
        table.add_row(line.name.replace("_", " "), f"{line.score}/5", escape(line.reason))
    console.print(table)
    console.print(f"Total {result.total}/{5 * len(result.scores)} · written by {result.engine}")
    console.print("[bold]Questions a friend would ask[/bold]")
    for question in result.questions:
        console.print(f"  • {escape(question)}")
    console.print("[bold]Suggested revision[/bold]")
    console.print(escape(result.revision), soft_wrap=True)
    if result.revision_note:
        console.print(f"[dim]{escape(result.revision_note)}[/dim]")
    if result.diff:
        console.print("[bold]Changes since your last version[/bold]")
        console.print(escape(result.diff))


def _print_review(review: ResumeReview) -> None:
    console.print(f"{review.file}: {review.words} words, {review.bullets} bullets, "
                  f"{len(review.findings)} findings")
    for finding in review.findings:
        where = f"line {finding.line}" if finding.line else finding.source_id
        console.print(f"[bold]{finding.kind}[/bold] ({where}): {escape(finding.message)}")
        if finding.text:
            console.print(f"    {escape(finding.text[:160])}")
        if finding.suggestion:
            console.print(f"    [green]{escape(finding.suggestion)}[/green]")


def register(cli: typer.Typer) -> None:
    profile_app.command(name="set")(profile_set)
    profile_app.command(name="show")(profile_show)
    cli.add_typer(profile_app, name="profile")
    cli.command()(pitch)
    cli.command("sounding-board")(critique)
    cli.command(name="review-resume")(review_resume)
