"""Story & Pitch: the profile, pitches, the sounding board and resume review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr

from assistant.app import Warmline
from assistant.domain import Profile
from assistant.services.story.pitch import AUDIENCES, KINDS, Pitch
from assistant.services.story.profile import missing
from assistant.services.story.resume_review import ResumeReview
from assistant.services.story.sounding_board import Critique, Revision
from assistant.text import WORDS_PER_MINUTE
from assistant.ui.actions import api_action, require, wire

# (profile field, label, lines, elem_id); list fields are edited one item per line.
FIELDS = (
    ("name", "Name (for sign-offs)", 1, "story-name"),
    ("now", "Now: where you are today", 2, "story-now"),
    ("next", "Next: the role or field you're moving into", 2, "story-next"),
    ("strengths", "Strengths (one per line)", 3, "story-strengths"),
    ("proof_points", "Proof points: achievements, ideally with numbers (one per line)", 4,
     "story-proof"),
    ("target_roles", "Target roles (one per line)", 2, "story-roles"),
    ("target_companies", "Target companies (one per line)", 2, "story-companies"),
    ("audiences", "Audiences (one per line)", 2, "story-audiences"),
    ("values", "Values (one per line)", 2, "story-values"),
    ("voice_sample", "Voice sample: a paragraph you wrote, so pitches sound like you", 3,
     "story-voice"),
)


def counts_line(pitch: Pitch) -> str:
    """Words · seconds at 140 wpm · characters · engine."""
    return (f"{pitch.word_count} words · {pitch.seconds:.0f} s at {WORDS_PER_MINUTE} wpm · "
            f"{pitch.char_count} characters · engine: **{pitch.engine}**")


def saved_markdown(profile: Profile, gaps: list[str], kind: str) -> str:
    """The save confirmation, and what a pitch still needs when the story is too thin."""
    saved = (f"Saved: {len(profile.proof_points)} proof points, "
             f"{len(profile.strengths)} strengths.")
    if not gaps:
        return saved
    return f"{saved}\n\nBefore you can write a {kind} pitch, fill in: {'; '.join(gaps)}."


def sources_markdown(pitch: Pitch) -> str:
    """Where each sentence could come from: the profile facts and notes used."""
    if not pitch.sources:
        return ""
    return "**Drew on:**\n" + "\n".join(f"- `{s.id}` {s.snippet[:120]}" for s in pitch.sources)


def rubric_markdown(critique: Critique) -> str:
    """The rubric as a table, with the total and who scored it."""
    rows = ["| Criterion | Score | Why |", "|---|---|---|"]
    rows += [f"| {s.name.replace('_', ' ')} | {s.score}/5 | {s.reason} |" for s in critique.scores]
    notice = f"Note: {critique.notice}\n\n" if critique.notice else ""
    total = f"**Total {critique.total}/{5 * len(critique.scores)}** · scored by {critique.engine}"
    return notice + "\n".join(rows) + "\n\n" + total


def history_markdown(history: list[Revision]) -> str:
    """Every version, newest first, with the diff from the version before it."""
    if not history:
        return "No versions yet: critique a pitch to start its history."
    blocks = []
    for number, rev in reversed(list(enumerate(history, 1))):
        total = sum(rev.scores.values())
        head = f"**Version {number}** · {rev.created} · {rev.kind} · total {total}"
        body = f"```diff\n{rev.diff}```" if rev.diff else f"> {rev.text}"
        blocks.append(f"{head}\n\n{body}")
    return "\n\n".join(blocks)


def review_markdown(review: ResumeReview) -> str:
    """The resume review grouped by kind of finding."""
    counts = ", ".join(f"{n} {kind}" for kind, n in review.counts().items()) or "nothing to fix"
    lines = [f"**{review.file}**: {review.words} words, {review.bullets} bullets · {counts}"]
    titles = {"forgotten": "Forgotten wins", "weak-verb": "Weak verbs",
              "no-result": "Bullets without a result", "typo": "Typos",
              "punctuation": "Punctuation"}
    for kind, title in titles.items():
        items = [f for f in review.findings if f.kind == kind]
        if not items:
            continue
        lines.append(f"\n#### {title}")
        for f in items:
            where = f"line {f.line}" if f.line else f"`{f.source_id}`"
            extra = f" — {f.suggestion}" if f.suggestion else ""
            lines.append(f"- ({where}) {f.message}: “{f.text[:140]}”{extra}")
    return "\n".join(lines)


def build(app: Warmline) -> None:
    gr.Markdown("### Your story\nWhere you are now, where you're going next, and the proof.")
    paste = gr.Textbox(label="Paste your story as you'd write it: a few paragraphs, your "
                       "LinkedIn About, bullets, or the sections", lines=5,
                       elem_id="story-paste")
    read = gr.Button("Read my story", elem_id="story-read")
    understood = gr.Markdown(elem_id="story-understood")
    boxes = []
    with gr.Row():
        for column in (FIELDS[:5], FIELDS[5:]):
            with gr.Column():
                for attr, label, lines, elem_id in column:
                    def initial(attr: str = attr) -> str:
                        value = getattr(app.profiles.effective(), attr)
                        return "\n".join(value) if isinstance(value, list) else str(value)

                    boxes.append(gr.Textbox(value=initial, label=label, lines=lines,
                                            elem_id=elem_id))
    save = gr.Button("Save story", variant="primary", elem_id="story-save")
    status = gr.Markdown(elem_id="story-status")

    gr.Markdown("### Pitch studio")
    with gr.Row():
        kind = gr.Dropdown(list(KINDS), value="30s", label="Kind", elem_id="pitch-kind")
        audience = gr.Dropdown(list(AUDIENCES), value=AUDIENCES[0], label="Audience",
                               allow_custom_value=True, elem_id="pitch-audience")
        variant = gr.Number(0, label="Version", precision=0, minimum=0, elem_id="pitch-variant")
    with gr.Row():
        generate = gr.Button("Write pitch", variant="primary", elem_id="pitch-generate")
        regenerate = gr.Button("Another version", elem_id="pitch-regenerate")
    notice = gr.Markdown(elem_id="pitch-notice", elem_classes="wl-notice", visible=False)
    text = gr.Textbox(label="Pitch", lines=6, buttons=["copy"], elem_id="pitch-text")
    counts = gr.Markdown(elem_id="pitch-counts")
    sources = gr.Markdown(elem_id="pitch-sources")
    to_board = gr.Button("Rehearse this on the sounding board", elem_id="pitch-to-critique")

    gr.Markdown("### Sounding board\nPaste a pitch: scores, a friend's questions, a revision.")
    critique_input = gr.Textbox(label="Your pitch", lines=5, elem_id="critique-input")
    with gr.Row():
        critique_kind = gr.Dropdown(list(KINDS), value="30s", label="Judge it as",
                                    elem_id="critique-kind")
        run = gr.Button("Get feedback", variant="primary", elem_id="critique-run")
    result = gr.Markdown(elem_id="critique-result")
    questions = gr.Markdown(elem_id="critique-questions")
    revision = gr.Textbox(label="Suggested revision", lines=5, buttons=["copy"],
                          elem_id="critique-revision")
    revise = gr.Button("Use this revision", elem_id="critique-revise")
    with gr.Accordion("Revision history", open=False):
        history = gr.Markdown(value=lambda: history_markdown(app.sounding_board.history()),
                              elem_id="critique-history")

    gr.Markdown("### Resume review\nForgotten wins from your notes, weak bullets, typos.")
    upload = gr.File(label="Resume (PDF, DOCX, TXT or MD)", file_types=[".pdf", ".docx", ".txt",
                     ".md"], elem_id="resume-file")
    with gr.Row():
        review_btn = gr.Button("Review resume", variant="primary", elem_id="resume-review")
        preview_proof = gr.Button("Add its numbered bullets to my proof points",
                                  elem_id="resume-preview-proof")
    report = gr.Markdown(elem_id="resume-report")
    add_proof = gr.Button("Yes, add these", elem_id="resume-add-proof", visible=False)

    def on_save(*values: str) -> str:
        *texts, kind_ = values
        fields = {attr: value for (attr, *_), value in zip(FIELDS, texts, strict=True)}
        profile = app.profiles.update(**fields)
        return saved_markdown(profile, missing(app.profiles.effective(), kind_), kind_)

    def write(kind_: str, audience_: str, variant_: float,
              progress: gr.Progress) -> tuple[Any, ...]:
        progress(0, desc=f"Writing with {app.engine}…")
        pitch = app.pitch.generate(kind_, audience_ or "", int(variant_ or 0))
        shown = gr.update(value=f"Note: {pitch.notice}", visible=bool(pitch.notice))
        return pitch.text, counts_line(pitch), sources_markdown(pitch), shown

    def on_generate(
        k: str, a: str, v: float, progress: gr.Progress = gr.Progress()  # noqa: B008
    ) -> tuple[Any, ...]:
        return write(k, a, v, progress)

    def on_regenerate(
        k: str, a: str, v: float, progress: gr.Progress = gr.Progress()  # noqa: B008
    ) -> tuple[Any, ...]:
        following = int(v or 0) + 1
        return (following, *write(k, a, following, progress))

    def on_critique(
        pitch_text: str, kind_: str, progress: gr.Progress = gr.Progress()  # noqa: B008
    ) -> tuple[str, str, str, str]:
        progress(0, desc=f"Scoring with {app.engine}…")
        critique = app.sounding_board.critique(pitch_text, kind_)
        asked = "**Questions a friend would ask**\n" + "\n".join(f"- {q}"
                                                                for q in critique.questions)
        if critique.revision_note:
            asked += f"\n\n*{critique.revision_note}*"
        return (rubric_markdown(critique), asked, critique.revision,
                history_markdown(app.sounding_board.history()))

    def on_review(file: str | None) -> str:
        require(file, "Upload a resume first.")
        return review_markdown(app.resume.review(Path(str(file))))

    def on_preview_proof(file: str | None) -> tuple[str, Any]:
        require(file, "Upload a resume first.")
        preview = app.profiles.preview_resume_proof(Path(str(file)))
        return preview.markdown(), gr.update(visible=bool(preview.add))

    def on_add_proof(file: str | None) -> tuple[Any, str, Any]:
        require(file, "Upload a resume first.")
        added = app.profiles.add_resume_proof(Path(str(file)))
        proof = "\n".join(app.profiles.effective().proof_points)
        return proof, f"Added {len(added)} proof point(s) from the resume.", \
            gr.update(visible=False)

    @api_action
    def api_pitch(kind: str = "30s", audience: str = "", variant: int = 0) -> dict[str, Any]:
        """Write a pitch (the scripted ``pitch`` endpoint): the pitch JSON."""
        return app.pitch.generate(kind, audience, int(variant)).to_json()

    @api_action
    def api_critique(text: str, kind: str = "30s") -> dict[str, Any]:
        """Score a pitch on the sounding board (the ``sounding_board`` endpoint)."""
        return app.sounding_board.critique(text, kind).to_json()

    private: dict[str, Any] = {"api_visibility": "private"}
    wire(save.click, on_save, [*boxes, kind], status)

    def on_read(text: str) -> tuple[Any, ...]:
        result = app.profiles.set_from_text(text)
        values = []
        for attr, *_ in FIELDS:
            value = getattr(result.profile, attr)
            values.append("\n".join(value) if isinstance(value, list) else str(value))
        return (result.markdown(), *values)

    wire(read.click, on_read, [paste], [understood, *boxes])
    outputs = [text, counts, sources, notice]
    wire(generate.click, on_generate, [kind, audience, variant], outputs)
    wire(regenerate.click, on_regenerate, [kind, audience, variant], [variant, *outputs])
    to_board.click(lambda t, k: (t, k), [text, kind], [critique_input, critique_kind], **private)
    scored = [result, questions, revision, history]
    wire(run.click, on_critique, [critique_input, critique_kind], scored)
    # Using the revision scores it too, so it becomes the next version in the history.
    wire(revise.click(lambda r, k: (r, k), [revision, critique_kind],
                      [critique_input, critique_kind], **private).success,
         on_critique, [critique_input, critique_kind], scored)
    wire(review_btn.click, on_review, upload, report)
    wire(preview_proof.click, on_preview_proof, upload, [report, add_proof])
    wire(add_proof.click, on_add_proof, upload, [boxes[4], report, add_proof])
    gr.api(api_pitch, api_name="pitch")
    gr.api(api_critique, api_name="sounding_board")
