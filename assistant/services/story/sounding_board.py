"""The sounding board: rubric scores, a friend's questions, a revision, and the revision history."""

from __future__ import annotations

import difflib
import json
import re

from pydantic import BaseModel, Field

from assistant.domain import Profile
from assistant.drafting.guard import Limits
from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.offline import sounding_board as offline
from assistant.drafting.offline.pitch_material import factual
from assistant.drafting.writer import Writer, WriteRequest
from assistant.errors import InputError
from assistant.services.story.pitch import KINDS, block, length_rule
from assistant.services.story.profile import ProfileService, profile_texts
from assistant.services.story.sounding_board_parse import CritiqueGuard, parse_critique
from assistant.storage.records import RecordStore
from assistant.text import count_chars, count_words, speaking_seconds

TASK = "story_sounding_board"
EVENT = "pitch_revision"  # revisions are events: append-only, no schema change needed
MAX_PITCH_CHARS = 5000


class RubricLine(BaseModel):
    name: str
    score: int = Field(ge=1, le=5)
    reason: str


class Critique(BaseModel):
    """The sounding board's answer for one pasted pitch."""

    text: str
    kind: str
    scores: list[RubricLine]
    questions: list[str]
    revision: str
    engine: str
    notice: str = ""
    revision_note: str = ""  # set when the revision is the pitch itself: says why, plainly
    revision_id: int | None = None
    diff: str = ""  # from the previous revision in the same thread

    @property
    def total(self) -> int:
        return sum(s.score for s in self.scores)

    def to_json(self) -> dict[str, object]:
        """Scores, questions and revision, plus counts like a draft's."""
        data = self.model_dump(mode="json")
        data.update(total=self.total, word_count=count_words(self.text),
                    char_count=count_chars(self.text), seconds=speaking_seconds(self.text))
        return data


class Revision(BaseModel):
    """One saved version of a pitch, with its scores and the diff from the one before."""

    id: int
    created: str
    text: str
    kind: str
    scores: dict[str, int]
    engine: str
    diff: str = ""


def diff_text(old: str, new: str) -> str:
    """A unified diff, one sentence per line, so a changed sentence reads as one change."""
    def lines(text: str) -> list[str]:
        return [s + "\n" for s in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if s]

    return "".join(difflib.unified_diff(lines(old), lines(new), "before", "after", n=1))


def unchanged_note(critique: Critique) -> str:
    """Why the suggested revision is the pitch itself, in one plain line."""
    out_of = 5 * len(critique.scores)
    weak = [s for s in critique.scores if s.score <= 3]
    if not weak:
        return f"No changes suggested: it already scores {critique.total}/{out_of}."
    worth = "; ".join(f"{s.name.replace('_', ' ')} ({s.score}/5: {s.reason})" for s in weak)
    return (f"No changes suggested: nothing in your pitch or profile gives a better wording; "
            f"still worth a look yourself: {worth}.")


class SoundingBoard:
    """Critiques pasted pitches and keeps every version the user tried."""

    def __init__(self, records: RecordStore, profiles: ProfileService, writer: Writer) -> None:
        self.records = records
        self.profiles = profiles
        self.writer = writer

    def critique(
        self, text: str, kind: str = "30s", thread: str = "default", save: bool = True
    ) -> Critique:
        """Score ``text`` as a ``kind`` pitch, ask questions, suggest a revision, save it."""
        text = text.strip()
        if not text:
            msg = "paste a pitch to get feedback on"
            raise InputError(msg)
        if len(text) > MAX_PITCH_CHARS:
            msg = (f"that is {len(text)} characters; the sounding board takes up to "
                   f"{MAX_PITCH_CHARS}")
            raise InputError(msg)
        if kind not in KINDS:
            msg = f"unknown pitch kind '{kind}'; choose one of: {', '.join(KINDS)}"
            raise InputError(msg)
        profile = factual(self.profiles.effective())
        limits = PITCH_KINDS[kind].limits
        heuristic = self._heuristic(text, kind, limits, profile)
        sources = [text, *profile_texts(profile)]
        writer = Writer(self.writer.prompts, self.writer.backend,
                        CritiqueGuard(self.writer.guard, Limits(max_words=limits.max_words,
                                                                max_chars=limits.max_chars)))
        result = writer.write(WriteRequest(
            task=TASK,
            variables={
                "kind": kind, "length": length_rule(kind),
                "pitch": block("PITCH", [text]),
                "profile": block("PROFILE", [f"now: {profile.now}", f"next: {profile.next}",
                                             *(f"proof: {p}" for p in profile.proof_points)]),
                "voice": block("VOICE SAMPLE", [profile.voice_sample]),
            },
            offline=lambda: json.dumps(heuristic),
            sources=sources,
        ))
        critique = self._merge(text, kind, result.text, heuristic)
        critique.engine, critique.notice = result.engine, result.notice
        if " ".join(critique.revision.split()) == " ".join(text.split()):
            critique.revision, critique.revision_note = text, unchanged_note(critique)
        if save:
            self._save(critique, thread)
        return critique

    def history(self, thread: str = "default") -> list[Revision]:
        """Every saved version in a thread, oldest first, each with its diff from the last."""
        events = [e for e in reversed(self.records.events(kind=EVENT))
                  if e["data"].get("thread") == thread]
        out: list[Revision] = []
        for event in events:
            data = event["data"]
            previous = out[-1].text if out else ""
            out.append(Revision(
                id=event["id"], created=event["created"], text=data["text"], kind=data["kind"],
                scores=data.get("scores", {}), engine=data.get("engine", ""),
                diff=diff_text(previous, data["text"]) if previous else "",
            ))
        return out

    def _save(self, critique: Critique, thread: str) -> None:
        history = self.history(thread)
        if history and history[-1].text == critique.text and history[-1].kind == critique.kind:
            critique.revision_id = history[-1].id  # the same text again is not a new version
            return
        self.records.add_event(EVENT, {
            "thread": thread, "text": critique.text, "kind": critique.kind,
            "scores": {s.name: s.score for s in critique.scores}, "engine": critique.engine,
        })
        latest = self.history(thread)[-1]
        critique.revision_id = latest.id
        critique.diff = latest.diff

    @staticmethod
    def _heuristic(text: str, kind: str, limits: Limits, profile: Profile) -> dict[str, object]:
        scores = offline.score_pitch(text, kind, limits, profile)
        return {
            "scores": {s.name: {"score": s.score, "reason": s.reason} for s in scores},
            "questions": offline.questions(text, scores, profile),
            "revision": offline.revise(text, kind, limits, profile, scores),
        }

    @staticmethod
    def _merge(text: str, kind: str, reply: str, heuristic: dict[str, object]) -> Critique:
        """The model's critique, with any part it left out taken from the heuristics."""
        parsed = parse_critique(reply)
        fallback = parse_critique(json.dumps(heuristic))
        assert fallback is not None  # noqa: S101 - our own JSON always parses
        parsed = parsed or fallback
        scores = []
        for name in offline.RUBRIC:
            score, reason = parsed.scores.get(name) or fallback.scores[name]
            scores.append(RubricLine(name=name, score=score, reason=reason or
                                     fallback.scores[name][1]))
        questions = (parsed.questions + [q for q in fallback.questions
                                         if q not in parsed.questions])[:3]
        return Critique(text=text, kind=kind, scores=scores, questions=questions,
                        revision=parsed.revision or fallback.revision, engine="")
