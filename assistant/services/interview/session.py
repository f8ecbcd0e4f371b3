"""What a practice session holds: its set-up, questions, transcript and per-answer feedback."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field

from assistant.services.interview.questions import KINDS, Question

PERSONAS = ("friendly", "manager", "panel")
DIFFICULTIES = ("easy", "standard", "hard")
MIN_QUESTIONS, MAX_QUESTIONS = 1, 12


class Setup(BaseModel):
    """How the user set the session up."""

    role: str
    jd: str = ""
    persona: str = "manager"
    difficulty: str = "standard"
    count: int = 5
    mix: list[str] = Field(default_factory=lambda: list(KINDS))


class PartFeedback(BaseModel):
    name: str
    score: int = Field(ge=0, le=2)
    evidence: str = ""


class Feedback(BaseModel):
    """Feedback on the answer so far to one question (the answer plus any follow-up replies)."""

    parts: list[PartFeedback]
    star: int  # 0-8: the four parts
    overall: float  # 0-10: parts, specificity, less rambling and vagueness
    specificity: int
    words: int
    seconds: float
    fillers: list[str]
    gaps: list[str]
    improvement: str
    example_answer: str
    shows: str = ""
    engine: str = "offline"
    notice: str = ""


class Turn(BaseModel):
    """One line of the transcript."""

    speaker: str  # interviewer | you
    kind: str  # question | followup | answer
    text: str
    question: int  # index into the session's questions
    gap: str = ""  # what a follow-up probes
    reason: str = ""  # why it probes that
    feedback: Feedback | None = None


class Session(BaseModel):
    """A whole practice session, as stored."""

    id: str
    created: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    setup: Setup
    questions: list[Question]
    turns: list[Turn] = Field(default_factory=list)
    current: int = 0
    finished: bool = False
    engine: str = "offline"

    def answers_to(self, index: int) -> list[str]:
        """The user's replies to question ``index`` (the answer and follow-up replies)."""
        return [t.text for t in self.turns if t.question == index and t.speaker == "you"]

    def probed(self, index: int) -> list[str]:
        """The gaps already probed on question ``index``."""
        return [t.gap for t in self.turns
                if t.question == index and t.kind == "followup" and t.gap]

    def final_feedback(self, index: int) -> Feedback | None:
        """The feedback on the last reply to question ``index``."""
        found = [t.feedback for t in self.turns
                 if t.question == index and t.feedback is not None]
        return found[-1] if found else None

    def prompt(self) -> Turn | None:
        """What the interviewer is waiting for an answer to."""
        asked = [t for t in self.turns if t.speaker == "interviewer"]
        return None if self.finished or not asked else asked[-1]

    def view(self) -> dict[str, Any]:
        """The JSON the CLI and API return after each step."""
        waiting = self.prompt()
        return {
            "session_id": self.id, "role": self.setup.role, "persona": self.setup.persona,
            "difficulty": self.setup.difficulty, "engine": self.engine,
            "question_number": min(self.current + 1, len(self.questions)),
            "questions_total": len(self.questions), "finished": self.finished,
            "next": waiting.model_dump(exclude={"feedback"}) if waiting else None,
        }

    def answer_view(self, turn: Turn) -> dict[str, Any]:
        """The JSON after an answer: the session's state and the answer's feedback."""
        feedback = turn.feedback.model_dump() if turn.feedback else None
        return {**self.view(), "answer": turn.text, "feedback": feedback}

    def start_view(self) -> dict[str, Any]:
        """The JSON after set-up: the session's state and every question it will ask."""
        return {**self.view(), "questions": [q.model_dump() for q in self.questions]}
