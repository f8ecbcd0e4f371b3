"""Mock interviews: set-up, questions, adaptive follow-ups, feedback per answer, a summary.

Works fully offline (rules over a heuristic STAR analysis). With a model, the interviewer and
the evaluator are separate prompts whose JSON replies are parsed tolerantly and guarded; any
part that fails falls back to the rules.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.drafting.guard import Limits
from assistant.drafting.offline import interview as words
from assistant.drafting.writer import Writer, WriteRequest
from assistant.errors import InputError
from assistant.services.interview import followup
from assistant.services.interview.parse import (
    EvaluationGuard,
    ProbeGuard,
    parse_evaluation,
    parse_probe,
)
from assistant.services.interview.questions import KINDS, Question, load_bank, select_questions
from assistant.services.interview.session import (
    DIFFICULTIES,
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    PERSONAS,
    Feedback,
    PartFeedback,
    Session,
    Setup,
    Turn,
)
from assistant.services.interview.star import PARTS, StarAnalysis, analyse
from assistant.services.story.profile import ProfileService, profile_texts
from assistant.storage.interviews import InterviewStore

INTERVIEWER, EVALUATOR = "interview_interviewer", "interview_evaluator"
MAX_ANSWER_CHARS = 8000
MAX_JD_CHARS = 20000
EXAMPLE_LIMITS = Limits(max_words=words.EXAMPLE_MAX_WORDS + 30)
# The whole evaluator reply (scores, quotes, tip, example): bounds the tokens a model may spend.
EVALUATION_LIMITS = Limits(max_words=400)


def block(label: str, lines: list[str]) -> str:
    """A delimited data block: untrusted text the prompt says to treat as data."""
    body = "\n".join(line for line in lines if line.strip()) or "(none)"
    return f"<<<{label}\n{body}\n{label}>>>"


@dataclass
class Review:
    """One answer reviewed: feedback, the gap to probe (if any) and the follow-up question."""

    feedback: Feedback
    gap: str | None
    followup: str
    reason: str = ""
    analysis: StarAnalysis | None = None
    # For evals: what the model wrote before the guard, and what the guard said.
    raw_examples: list[str] = field(default_factory=list)
    raw_problems: list[list[str]] = field(default_factory=list)


class InterviewService:
    """Runs practice sessions and keeps them, with every answer's feedback, in the records."""

    def __init__(self, store: InterviewStore, profiles: ProfileService, writer: Writer,
                 knowledge_dir: Path) -> None:
        self.store = store
        self.profiles = profiles
        self.writer = writer
        self.knowledge_dir = knowledge_dir

    # -- sessions -------------------------------------------------------------------------

    def start(self, role: str, jd: str = "", persona: str = "manager",
              difficulty: str = "standard", count: int = 5,
              mix: list[str] | None = None) -> Session:
        """Set a session up, choose its questions, save it, and ask the first question."""
        setup = self._setup(role, jd, persona, difficulty, count, mix)
        session_id = "iv-" + uuid.uuid4().hex[:8]
        questions = select_questions(
            load_bank(self.knowledge_dir), setup.role, setup.jd, self.profiles.effective(),
            setup.count, setup.mix, seed=session_id, difficulty=setup.difficulty)
        if not questions:
            msg = "no questions fit that mix; include at least one of: " + ", ".join(KINDS)
            raise InputError(msg)
        session = Session(id=session_id, setup=setup, questions=questions,
                          engine=self.writer.engine)
        session.turns.append(self._ask(session, 0))
        self._save(session)
        return session

    def answer(self, session_id: str, text: str) -> tuple[Session, Turn]:
        """Record an answer, give feedback on it, then probe a gap or ask the next question."""
        session = self.get(session_id)
        if session.finished:
            msg = (f"session {session_id} is finished; see 'warmline interview summary "
                   f"{session_id}'")
            raise InputError(msg)
        text = _check_answer(text)
        index = session.current
        question = session.questions[index]
        so_far = " ".join([*session.answers_to(index), text])
        review = self.review(question.text, so_far, persona=session.setup.persona,
                             asked=session.probed(index), difficulty=session.setup.difficulty,
                             shows=question.shows, jd=session.setup.jd, kind=question.kind)
        turn = Turn(speaker="you", kind="answer", text=text, question=index,
                    feedback=review.feedback)
        session.turns.append(turn)
        session.engine = review.feedback.engine
        if review.gap:
            session.turns.append(Turn(speaker="interviewer", kind="followup",
                                      text=review.followup, question=index, gap=review.gap,
                                      reason=review.reason))
        elif index + 1 < len(session.questions):
            session.current = index + 1
            session.turns.append(self._ask(session, index + 1))
        else:
            session.finished = True
        self._save(session)
        return session, turn

    def get(self, session_id: str) -> Session:
        """A saved session."""
        return Session.model_validate(self.store.get(session_id.strip()))

    def sessions(self) -> list[dict[str, Any]]:
        """Every session, newest first: id, when, role, answers and average score."""
        out = []
        for data in reversed(self.store.all()):
            session = Session.model_validate(data)
            out.append({"session_id": session.id, "created": session.created,
                        "role": session.setup.role, "finished": session.finished,
                        "answered": len(_scores(session)), "average": _average(session)})
        return out

    def summary(self, session_id: str) -> dict[str, Any]:
        """Scores per question, the trend across sessions, three things to practise, transcript."""
        session = self.get(session_id)
        rows = []
        for i, question in enumerate(session.questions):
            feedback = session.final_feedback(i)
            if feedback is None:
                continue
            rows.append({
                "number": i + 1, "question": question.text, "kind": question.kind,
                "overall": feedback.overall, "star": feedback.star,
                "parts": {p.name: p.score for p in feedback.parts},
                "followups": session.probed(i), "improvement": feedback.improvement,
            })
        trend = [{"session_id": s["session_id"], "created": s["created"], "role": s["role"],
                  "average": s["average"]}
                 for s in reversed(self.sessions()) if s["average"] is not None]
        return {
            "session_id": session.id, "role": session.setup.role, "created": session.created,
            "persona": session.setup.persona, "difficulty": session.setup.difficulty,
            "engine": session.engine, "finished": session.finished,
            "answered": len(rows), "questions_total": len(session.questions),
            "average": _average(session), "questions": rows, "trend": trend,
            "practise_next": practise_next(session),
            "transcript": [t.model_dump(mode="json") for t in session.turns],
        }

    # -- one answer -----------------------------------------------------------------------

    def review(self, question: str, answer: str, *, facts: list[str] | None = None,
               persona: str = "manager", asked: list[str] | None = None,
               difficulty: str = "standard", shows: str = "", jd: str = "",
               kind: str = "behavioural") -> Review:
        """Feedback on ``answer`` and the follow-up to ask, without saving anything.

        ``facts`` are the user's own facts an example answer may use (default: the profile).
        """
        asked = list(asked or [])
        if facts is None:
            facts = profile_texts(self.profiles.effective())
        analysis = analyse(answer)
        gap = followup.choose_gap(analysis, asked, difficulty, kind)
        followup_text = (words.followup_question(gap, persona, question + answer, len(asked))
                         if gap else "")
        heuristic = self._heuristic(analysis, question, answer, facts, gap, shows)
        allowed = followup.NOT_STORIES.get(kind, followup.GAPS)
        heuristic.gaps = [g for g in heuristic.gaps if g in allowed]
        writer = Writer(self.writer.prompts, self.writer.backend,
                        EvaluationGuard(self.writer.guard, EXAMPLE_LIMITS))
        evaluation = writer.write(WriteRequest(
            task=EVALUATOR,
            variables={"question": question, "shows": shows or "a clear STAR story",
                       "answer": block("ANSWER", [answer]),
                       "profile": block("PROFILE", facts),
                       "analysis": _analysis_line(analysis)},
            offline=lambda: json.dumps(_heuristic_json(heuristic)),
            sources=[answer, question, *facts],
            limits=EVALUATION_LIMITS,
        )) if self.writer.backend else None
        review = Review(heuristic, gap, followup_text, followup.reason(gap, analysis)
                        if gap else "", analysis)
        if evaluation is not None:
            review.feedback = _merge(heuristic, evaluation.text, answer)
            review.feedback.engine, review.feedback.notice = evaluation.engine, evaluation.notice
            review.raw_examples = [_example_of(raw) for raw in evaluation.raw_outputs]
            review.raw_problems = evaluation.raw_problems
            if kind not in followup.NOT_STORIES:
                self._model_probe(review, question, answer, analysis, asked, difficulty, persona,
                                  jd)
        return review

    def _model_probe(self, review: Review, question: str, answer: str, analysis: StarAnalysis,
                     asked: list[str], difficulty: str, persona: str, jd: str) -> None:
        if len(asked) >= followup.MAX_FOLLOWUPS.get(difficulty, 2):
            return
        rule = {"probe": review.gap is not None, "gap": review.gap or "none",
                "question": review.followup}
        writer = Writer(self.writer.prompts, self.writer.backend, ProbeGuard(
            self.writer.guard.find_unsupported))
        result = writer.write(WriteRequest(
            task=INTERVIEWER,
            variables={"persona": words.PERSONAS.get(persona, persona), "role": "the role",
                       "question": question, "answer": block("ANSWER", [answer]),
                       "gaps": ", ".join(followup.gaps_in(analysis)) or "none",
                       "asked": ", ".join(asked) or "none", "job": block("JOB", [jd])},
            offline=lambda: json.dumps(rule),
            sources=[answer, question, jd],
            limits=Limits(max_words=40),
        ))
        parsed = parse_probe(result.text)
        if parsed is None or (parsed.gap and parsed.gap in asked):
            return
        review.gap, review.followup = parsed.gap, parsed.question
        review.reason = followup.reason(parsed.gap, analysis) if parsed.gap else ""

    @staticmethod
    def _heuristic(analysis: StarAnalysis, question: str, answer: str, facts: list[str],
                   gap: str | None, shows: str) -> Feedback:
        gaps = followup.gaps_in(analysis)
        weakest = min(PARTS, key=lambda p: (analysis.score(p), PARTS.index(p)))
        tip_gap = gap or (gaps[0] if gaps else None)
        if tip_gap is None and analysis.score(weakest) < 2:
            tip_gap = weakest
        example = words.example_answer(analysis.by_part, question, answer, facts, gap or
                                       (gaps[0] if gaps else None))
        return Feedback(
            parts=[PartFeedback(name=p.name, score=p.score, evidence=p.evidence)
                   for p in analysis.parts.values()],
            star=sum(p.score for p in analysis.parts.values()), overall=analysis.overall,
            specificity=analysis.specificity, words=analysis.words, seconds=analysis.seconds,
            fillers=analysis.fillers, gaps=gaps, improvement=words.improvement(tip_gap),
            example_answer=example, shows=shows,
        )

    # -- helpers --------------------------------------------------------------------------

    def _setup(self, role: str, jd: str, persona: str, difficulty: str, count: int,
               mix: list[str] | None) -> Setup:
        role = " ".join(role.split())
        if not role:
            msg = "give the target role (--role), e.g. 'Product manager'"
            raise InputError(msg)
        if persona not in PERSONAS:
            msg = f"unknown persona '{persona}'; choose one of: {', '.join(PERSONAS)}"
            raise InputError(msg)
        if difficulty not in DIFFICULTIES:
            msg = f"unknown difficulty '{difficulty}'; choose one of: {', '.join(DIFFICULTIES)}"
            raise InputError(msg)
        if not MIN_QUESTIONS <= count <= MAX_QUESTIONS:
            msg = f"ask for {MIN_QUESTIONS} to {MAX_QUESTIONS} questions, not {count}"
            raise InputError(msg)
        unknown = [k for k in mix or [] if k not in KINDS]
        if unknown:
            msg = f"unknown question kind {', '.join(unknown)}; choose from: {', '.join(KINDS)}"
            raise InputError(msg)
        if len(jd) > MAX_JD_CHARS:
            msg = f"the job description is {len(jd)} characters; the limit is {MAX_JD_CHARS}"
            raise InputError(msg)
        return Setup(role=role, jd=jd.strip(), persona=persona, difficulty=difficulty,
                     count=count, mix=list(mix or KINDS))

    @staticmethod
    def _ask(session: Session, index: int) -> Turn:
        question: Question = session.questions[index]
        return Turn(speaker="interviewer", kind="question", text=question.text, question=index)

    def _save(self, session: Session) -> None:
        self.store.save(session.id, session.setup.role, session.model_dump(mode="json"))


def _check_answer(text: str) -> str:
    text = text.strip()
    if not text:
        msg = "type an answer first"
        raise InputError(msg)
    if len(text) > MAX_ANSWER_CHARS:
        msg = f"that answer is {len(text)} characters; the limit is {MAX_ANSWER_CHARS}"
        raise InputError(msg)
    return text


def _analysis_line(analysis: StarAnalysis) -> str:
    parts = ", ".join(f"{name} {analysis.score(name)}/2" for name in PARTS)
    return (f"{parts}; {analysis.words} words; 'I' {analysis.mine} times, 'we' {analysis.ours}; "
            f"numbers: {'yes' if analysis.has_numbers else 'no'}")


def _heuristic_json(feedback: Feedback) -> dict[str, Any]:
    return {"scores": {p.name: {"score": p.score, "evidence": p.evidence}
                       for p in feedback.parts},
            "improvement": feedback.improvement, "example_answer": feedback.example_answer}


def _example_of(raw: str) -> str:
    parsed = parse_evaluation(raw)
    return parsed.example_answer if parsed else raw


def _quoted(evidence: str, answer: str) -> bool:
    return bool(evidence) and " ".join(evidence.lower().split()).strip(' ."') in " ".join(
        answer.lower().split())


def _merge(heuristic: Feedback, reply: str, answer: str) -> Feedback:
    """The model's evaluation, with any part it left out (or misquoted) taken from the rules."""
    parsed = parse_evaluation(reply)
    if parsed is None:
        return heuristic
    parts = []
    for fallback in heuristic.parts:
        score, evidence = parsed.scores.get(fallback.name, (fallback.score, fallback.evidence))
        if evidence and not _quoted(evidence, answer):
            evidence = fallback.evidence  # evidence must be the user's own words
        parts.append(PartFeedback(name=fallback.name, score=score, evidence=evidence))
    merged = heuristic.model_copy(update={
        "parts": parts, "star": sum(p.score for p in parts),
        "improvement": parsed.improvement or heuristic.improvement,
        "example_answer": parsed.example_answer or heuristic.example_answer,
    })
    return merged


def _scores(session: Session) -> list[float]:
    found = (session.final_feedback(i) for i in range(len(session.questions)))
    return [f.overall for f in found if f is not None]


def _average(session: Session) -> float | None:
    scores = _scores(session)
    return round(sum(scores) / len(scores), 1) if scores else None


def practise_next(session: Session) -> list[str]:
    """The three things to practise next: the gaps seen most often, then the weakest parts."""
    counts: Counter[str] = Counter()
    part_totals: Counter[str] = Counter()
    answered = 0
    for i in range(len(session.questions)):
        feedback = session.final_feedback(i)
        if feedback is None:
            continue
        answered += 1
        counts.update(set(session.probed(i)) | set(feedback.gaps))
        part_totals.update({p.name: 2 - p.score for p in feedback.parts})
    if not answered:
        return []
    order = [*followup.GAPS, *PARTS]
    ranked = sorted(counts, key=lambda g: (-counts[g], order.index(g)))
    ranked += sorted((p for p in part_totals if part_totals[p] and p not in ranked),
                     key=lambda p: (-part_totals[p], PARTS.index(p)))
    tips = [words.improvement(gap) for gap in ranked]
    tips += [words.improvement(None)]
    unique = list(dict.fromkeys(tips))
    return unique[:3]
