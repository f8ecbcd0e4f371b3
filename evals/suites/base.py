"""What every suite shares: the run context, a case's result, and the metric directory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.domain import Profile
from assistant.drafting.guard import Guard, Limits

if TYPE_CHECKING:
    from assistant.app import Warmline
    from evals.judge import Judge
    from evals.seed import Dataset


@dataclass(frozen=True)
class MetricInfo:
    """How to read a metric: which way is better, and what it means."""

    higher_is_better: bool
    meaning: str


METRICS: dict[str, MetricInfo] = {
    "unsupported_entities": MetricInfo(
        False, "share of delivered drafts naming a person, company or number in no source"),
    "raw_unsupported_entities": MetricInfo(
        False, "share of raw model outputs (before the guard) with such an entity"),
    "within_limits": MetricInfo(True, "share of drafts within the channel's or kind's length"),
    "uses_personal_detail": MetricInfo(True, "share of check-ins using a remembered detail"),
    "give_first": MetricInfo(True, "share of drafts that ask the contact for nothing"),
    "avoids_forbidden": MetricInfo(True, "share of drafts free of the case's forbidden phrases"),
    "includes_required": MetricInfo(True, "share of drafts with the case's required facts"),
    "sources_listed": MetricInfo(True, "share of drafts saying their engine and sources"),
    "refuses_thin_profile": MetricInfo(True, "share of thin-profile rows handled as expected"),
    "injection_resisted": MetricInfo(True, "share of drafts with no canary or prompt leak"),
    "recall_at_k": MetricInfo(True, "mean share of the relevant contacts in the top k"),
    "mrr": MetricInfo(True, "mean reciprocal rank of the first relevant contact"),
    "followup_targets_gap": MetricInfo(
        True, "share of reference follow-ups the gap detector judges as expected"),
    "star_ranking": MetricInfo(True, "mean Kendall tau: STAR heuristic vs reference ranking"),
    "followup_on_gap": MetricInfo(
        True, "share of weak answers whose app follow-up targets the labelled gap"),
    "gap_choice": MetricInfo(True, "share of weak answers where the app names the labelled gap"),
    "strong_not_probed": MetricInfo(True, "share of strong answers the app lets pass unprobed"),
    "strong_above_twin": MetricInfo(True, "share of strong answers scored above their weak twin"),
    "questions_name_requirements": MetricInfo(
        True, "share of job descriptions whose questions name >= 2 requirements"),
    "requirements_named": MetricInfo(True, "mean requirements of a posting its questions name"),
    "questions_unique": MetricInfo(True, "share of sessions with no repeated question"),
    "judge_rubric": MetricInfo(True, "mean model-graded rubric score, 0-1 (--judge only)"),
    "joint_accuracy": MetricInfo(True, "share of utterances with right intent and slots"),
    "intent_accuracy": MetricInfo(True, "share of utterances routed to the right intent"),
    "slot_accuracy": MetricInfo(True, "share of rightly routed utterances with every slot right"),
    "unconfirmed_changes": MetricInfo(False, "share of turns that changed data without a yes"),
    "asks_confirmation": MetricInfo(True, "share of data-changing requests met with a yes/no"),
    "injection_tool_calls": MetricInfo(
        False, "share of injection rows where a note's text set off a tool call"),
    "copies_source": MetricInfo(False, "share of drafts lifting 7+ consecutive words of a note"),
    "cut_mid_phrase": MetricInfo(
        False, "share of drafts with a source sentence cut inside a phrase, or cut off"),
    "wrong_person": MetricInfo(
        False, "share of drafts speaking of the recipient in the third person or pasting a "
        "note's own voice"),
    "uses_hook": MetricInfo(True, "share of drafts using a hook the dataset marks for the contact"),
    "channel_distinct": MetricInfo(
        True, "share of cases whose four channels give different drafts, the email a subject"),
    "complete_sentences": MetricInfo(
        True, "share of drafts whose every sentence has a finite verb (parser-checked)"),
    "one_clear_ask": MetricInfo(
        True, "share of request drafts (info-interview, coffee) with an ask and an easy out"),
    "profile_accepted": MetricInfo(True, "share of prose profiles read without an error"),
    "proof_points_found": MetricInfo(
        True, "share of a profile's marked proof points found among the extracted ones"),
    "pitch_role_and_strongest": MetricInfo(
        True, "share of 30s pitches carrying the role and the two strongest proof points"),
}


@dataclass
class CaseResult:
    """One case's scores (metric -> value), why it failed, and how long the app took."""

    id: str
    suite: str
    tags: list[str]
    scores: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    latency_s: float = 0.0
    engine: str = ""
    text: str = ""
    notice: str = ""
    raw_outputs: int = 0
    raw_unsupported: int = 0
    raw_invented: list[str] = field(default_factory=list)  # what the raw outputs made up
    raw_rejected: int = 0  # raw outputs the guard turned down, for any reason
    task: str = ""  # what the app was asked to write: pitch, checkin...
    judge_reason: str = ""
    skipped: str = ""  # why the case could not run (a feature the app does not have yet)

    @property
    def passed(self) -> bool:
        return not self.failures and not self.skipped

    def check(self, metric: str, ok: bool, reason: str) -> None:
        """Record a pass/fail metric; a failure keeps ``reason``."""
        self.scores[metric] = 1.0 if ok else 0.0
        if not ok:
            self.failures.append(f"{metric}: {reason}")

    def to_json(self) -> dict[str, Any]:
        """One line of the report's JSONL."""
        return {
            "type": "case", "id": self.id, "suite": self.suite, "tags": self.tags,
            "passed": self.passed, "scores": self.scores, "failures": self.failures,
            "latency_s": round(self.latency_s, 4), "engine": self.engine, "text": self.text,
            "notice": self.notice, "raw_outputs": self.raw_outputs,
            "raw_unsupported": self.raw_unsupported, "raw_invented": self.raw_invented,
            "raw_rejected": self.raw_rejected, "task": self.task,
            "judge_reason": self.judge_reason,
            "skipped": self.skipped,
        }


@dataclass
class Attempt:
    """One raw model output the writer's guard looked at."""

    text: str
    sources: list[str]
    problems: list[str]
    unsupported: list[str]


class RecordingGuard(Guard):
    """The app's guard, unchanged, that also remembers every raw model output it judged.

    Only model outputs reach the guard (the offline engine's text does not), so this counts
    raw model outputs for every service without the services having to expose them.
    """

    def __init__(self, inner: Guard, enforce: bool = True) -> None:
        super().__init__(inner.find_unsupported)
        self.inner = inner
        self.enforce = enforce  # False: judge and record, but let the model's first draft through
        self.attempts: list[Attempt] = []

    def problems(self, text: str, sources: Sequence[str], limits: Limits) -> list[str]:
        """The inner guard's verdict, recorded."""
        found = self.inner.problems(text, sources, limits)
        self.attempts.append(
            Attempt(text, list(sources), list(found), self.inner.unsupported(text, sources))
        )
        return found if self.enforce else []

    def voice(self, text: str, recipient: str, notes: Sequence[str]) -> list[str]:
        """The inner guard's voice check (copied note, third person, cut phrase), recorded."""
        found = self.inner.voice(text, recipient, notes)
        if found and self.attempts and self.attempts[-1].text == text:
            self.attempts[-1].problems.extend(found)
        return found if self.enforce else []

    def echoes(self, text: str, prompt: Sequence[str]) -> list[str]:
        """The inner guard's echo check; a copied prompt line also rejects the last attempt."""
        found = self.inner.echoes(text, prompt)
        if found and self.attempts and self.attempts[-1].text == text:
            self.attempts[-1].problems.extend(found)
        return found if self.enforce else []

    def take(self) -> list[Attempt]:
        """The attempts since the last call."""
        taken, self.attempts = self.attempts, []
        return taken


@dataclass
class EvalContext:
    """The built app on a seeded temp store, and how dataset keys map to records."""

    app: Warmline
    dataset: Dataset
    ids: dict[str, str]
    recorder: RecordingGuard
    judge: Judge | None = None
    search_app: Warmline | None = None  # a second store holding the retrieval network
    scratch_app: Callable[[], Warmline] | None = None  # a fresh offline store, closed at the end
    cache: dict[str, Any] = field(default_factory=dict)  # what a suite builds or loads once
    dataset_dir: Path = Path()  # where the run's datasets live

    def use_persona(self, persona: str, patch: dict[str, Any] | None = None) -> Profile:
        """Make ``persona`` the user (optionally with some fields replaced); return the profile."""
        profile = self.dataset.personas.get(persona, Profile())
        if patch:
            profile = profile.model_copy(update=patch)
        self.app.stores.records.put_profile(profile)
        return profile

    def contact_id(self, key: str) -> str:
        return self.ids[key]
