"""Pitches: the user's story told for a kind and a listener, by the model or the offline engine."""

from __future__ import annotations

from collections.abc import Callable

from assistant.domain import Draft, Profile, Source
from assistant.drafting.guard import Limits
from assistant.drafting.kinds import PITCH_KIND_NAMES, PITCH_KINDS
from assistant.drafting.offline.injection import strip_instructions
from assistant.drafting.offline.pitch import OfflinePitch, build_pitch
from assistant.drafting.offline.pitch_material import factual
from assistant.drafting.writer import OFFLINE, Writer, WriteRequest
from assistant.errors import InputError
from assistant.services.story.profile import ProfileService, profile_sources, profile_texts, require
from assistant.storage.index import SearchIndex
from assistant.text import WORDS_PER_MINUTE, count_words, speaking_seconds

TASK = "story_pitch"
KINDS = PITCH_KIND_NAMES  # for the edges' menus
AUDIENCES = ("recruiter", "peer in the target field", "coffee chat")
MAX_AUDIENCE_CHARS = 200
MIN_NOTE_SCORE = 0.25
Retrieve = Callable[[str, int], list[Source]]


class Pitch(Draft):
    """A draft that is a pitch: it also says who it is for and how long it takes to say."""

    audience: str = ""
    variant: int = 0

    @property
    def seconds(self) -> float:
        return speaking_seconds(self.text)

    def to_json(self) -> dict[str, object]:
        """The draft JSON plus ``seconds`` (spoken at 140 words a minute)."""
        data = super().to_json()
        data["seconds"] = self.seconds
        return data


def note_retriever(index: SearchIndex, min_score: float = MIN_NOTE_SCORE) -> Retrieve:
    """Search the user's own free notes (not notes about contacts) for relevant projects."""

    def retrieve(query: str, k: int) -> list[Source]:
        hits = index.search("note", query, k=k, where={"contact_id": ""})
        # A note's orders to a model are not a project: they reach neither prompt nor sources.
        texts = [(h.id, strip_instructions(h.text).strip()[:300]) for h in hits
                 if h.score >= min_score]
        return [Source(id=i, kind="note", snippet=text) for i, text in texts if text]

    return retrieve


def length_rule(kind: str) -> str:
    """The length a prompt asks for, from the same limits the guard enforces."""
    spec = PITCH_KINDS[kind]
    limits = spec.limits
    spoken = f" ({spec.spoken} at {WORDS_PER_MINUTE} words a minute)" if spec.spoken else ""
    if limits.min_words and limits.max_words:
        return f"{limits.min_words} to {limits.max_words} words{spoken}"
    if limits.max_words:
        return f"at most {limits.max_words} words{spoken}"
    return f"at most {limits.max_chars} characters"


def block(label: str, lines: list[str]) -> str:
    """User data fenced off so the prompt can say it is data, not instructions."""
    body = "\n".join(f"- {line}" for line in lines if line.strip()) or "- (none)"
    return f"<<<{label}\n{body}\n{label}>>>"


class PitchService:
    """Writes pitches from the profile, with notes as extra grounding for the model."""

    def __init__(
        self, profiles: ProfileService, writer: Writer, retrieve: Retrieve | None = None
    ) -> None:
        self.profiles = profiles
        self.writer = writer
        self.retrieve = retrieve

    def generate(
        self, kind: str = "30s", audience: str = "", variant: int = 0,
        on_token: Callable[[str], None] | None = None,
    ) -> Pitch:
        """Write a ``kind`` pitch for ``audience``; another ``variant`` gives another version."""
        if kind not in KINDS:
            msg = f"unknown pitch kind '{kind}'; choose one of: {', '.join(KINDS)}"
            raise InputError(msg)
        if variant < 0:
            msg = f"variant must be 0 or more, not {variant}"
            raise InputError(msg)
        audience = " ".join(audience.split())[:MAX_AUDIENCE_CHARS]
        profile = factual(self.profiles.effective())
        require(profile, kind)
        limits = PITCH_KINDS[kind].limits
        built: list[OfflinePitch] = []

        def write_offline() -> str:
            # Built only when the offline engine writes: a model needs none of it.
            offline = build_pitch(profile, kind, audience, variant, limits)
            self._check_offline(offline.text, kind, limits, profile)
            built.append(offline)
            return offline.text

        facts = profile_sources(profile)
        notes = self.retrieve(_query(profile), 3) if self.retrieve else []
        result = self.writer.write(WriteRequest(
            task=TASK,
            variables=self._variables(kind, audience, variant, profile, notes, limits),
            offline=write_offline,
            sources=[*profile_texts(profile), *(n.snippet for n in notes), audience],
            limits=limits,
            on_token=on_token,
        ))
        if result.engine == OFFLINE:
            by_id = {s.id: s for s in facts}
            sources = [by_id[f] for f in built[-1].facts if f in by_id]
        else:
            sources = [*facts, *notes]
        return Pitch(text=result.text, kind=kind, engine=result.engine, sources=sources,
                     notice=result.notice, audience=audience, variant=variant)

    @staticmethod
    def _variables(
        kind: str, audience: str, variant: int, profile: Profile, notes: list[Source],
        limits: Limits,
    ) -> dict[str, str]:
        return {
            "kind": kind,
            "length": length_rule(kind),
            "variant": str(variant),
            "audience": block("LISTENER", [audience or "anyone"]),
            "profile": block("PROFILE", [
                f"now: {profile.now}", f"next: {profile.next}",
                "strengths: " + "; ".join(profile.strengths),
                "target roles: " + "; ".join(profile.target_roles),
                "target companies: " + "; ".join(profile.target_companies),
                "values: " + "; ".join(profile.values),
            ]),
            "proof": block("PROOF POINTS", list(profile.proof_points)),
            "notes": block("NOTES", [n.snippet for n in notes]),
            "voice": block("VOICE SAMPLE", [profile.voice_sample]),
        }

    @staticmethod
    def _check_offline(text: str, kind: str, limits: Limits, profile: Profile) -> None:
        """A profile too thin for the kind is the user's to fix, not a pitch to pad with air."""
        if limits.min_words is None or not Limits(min_words=limits.min_words).problems(text):
            return
        words = count_words(text)
        thin = [name for name, items, enough in (
            ("Proof points", profile.proof_points, 4), ("Strengths", profile.strengths, 3),
            ("Values", profile.values, 2), ("Target companies", profile.target_companies, 1),
        ) if len(items) < enough] or ["more detail in Now and Proof points"]
        msg = (f"your profile has material for {words} of the {limits.min_words} words a {kind} "
               f"pitch needs; add {', '.join(thin)}, or choose a shorter kind")
        raise InputError(msg)


def _query(profile: Profile) -> str:
    return " ".join([profile.next, *profile.target_roles, *profile.strengths])
