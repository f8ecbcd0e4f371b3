"""The user's story ("now-you" to "next-you"): saved, set from Markdown, prefilled, checked."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from assistant.domain import Profile, Source
from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.offline.injection import strip_instructions
from assistant.drafting.offline.phrasing import distinct
from assistant.errors import ImportFileError, InputError
from assistant.importers.reading import read_bounded
from assistant.services.story.intake import Understood, read_story
from assistant.services.story.resume_text import read_resume_text
from assistant.storage.records import RecordStore

STORY_FIELDS = ("name", "now", "next", "strengths", "proof_points", "target_roles",
                "target_companies", "audiences", "values", "voice_sample")
LIST_FIELDS = ("strengths", "proof_points", "target_roles", "target_companies", "audiences",
               "values")
LABELS = {
    "now": "Now (where you are today)",
    "next": "Next (the role or field you are moving into)",
    "proof_points": "Proof points (achievements, ideally with numbers)",
    "strengths": "Strengths",
}
MAX_PROFILE_BYTES = 256 * 1024
FIX_IT = "add them to your story (the Story & Pitch tab, or a profile file)"
_BULLET = re.compile(r"^\s*(?:[-*+•▪●◦‣–]|\d+[.)])\s+")


class ProfileService:
    """Reads and writes the profile; everything else asks it for the effective story."""

    def __init__(self, records: RecordStore) -> None:
        self.records = records

    def get(self) -> Profile:
        """The profile exactly as saved."""
        return self.records.get_profile()

    def effective(self) -> Profile:
        """The saved profile with empty story fields prefilled from a LinkedIn import."""
        return prefill(self.get())

    def save(self, story: Profile) -> Profile:
        """Replace the story fields; LinkedIn's headline, summary and positions are kept."""
        current = self.get()
        merged = current.model_copy(update={f: _tidy(getattr(story, f)) for f in STORY_FIELDS})
        self.records.put_profile(merged)
        return merged

    def update(self, **fields: object) -> Profile:
        """Change some story fields (the UI's Save); list fields accept one item per line."""
        unknown = sorted(set(fields) - set(STORY_FIELDS))
        if unknown:
            msg = f"unknown profile field(s): {', '.join(unknown)}"
            raise InputError(msg)
        values = {k: (_lines(v) if k in LIST_FIELDS and isinstance(v, str) else v)
                  for k, v in fields.items()}
        story = self.get().model_copy(update=values)
        return self.save(Profile.model_validate(story.model_dump()))

    def set_from_markdown(self, path: Path) -> Understood:
        """Replace the story with a file: the documented sections, prose, or both."""
        try:
            data = read_bounded(path, MAX_PROFILE_BYTES, _too_big)
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            msg = f"{path.name} is not UTF-8 text; save it as UTF-8"
            raise InputError(msg) from e
        except ImportFileError as e:
            raise InputError(str(e)) from e
        return self.set_from_text(text)

    def set_from_text(self, text: str) -> Understood:
        """Replace the story with one read from any text: sections, prose, bullets."""
        understood = read_story(text)
        understood.profile = self.save(understood.profile)
        return understood

    def preview_resume_proof(self, path: Path, limit: int = 6) -> ProofPreview:
        """What adding the resume's numbered bullets would do, before anything is saved: the
        bullets to add, and those skipped (flagged weak, or a near-copy of a proof point)."""
        text = read_resume_text(path)
        found = resume_proof_points(text)
        if not found:
            msg = f"{path.name} has no bullet points with numbers to use as proof points"
            raise ImportFileError(msg)
        return preview_proof(found, self.get().proof_points, limit)

    def add_resume_proof(self, path: Path, limit: int = 6) -> list[str]:
        """Add the previewed bullets to the proof points; return the new ones."""
        added = self.preview_resume_proof(path, limit).add
        profile = self.get()
        if added:
            self.records.put_profile(profile.model_copy(
                update={"proof_points": [*profile.proof_points, *added]}))
        return added


NEAR_COPY = 85  # rapidfuzz token-set similarity at which two achievements are the same one


class ProofPreview(BaseModel):
    """Resume bullets that would become proof points, and the ones skipped, with why."""

    add: list[str] = []
    skipped: list[tuple[str, str]] = []  # (bullet, reason)

    def markdown(self) -> str:
        """The preview as the Story tab shows it."""
        lines = ["**Would add:**", *(f"- {p}" for p in self.add)] if self.add else \
            ["Nothing new to add."]
        if self.skipped:
            lines += ["", "**Skipped:**", *(f"- {b} ({why})" for b, why in self.skipped)]
        return "\n".join(lines)


def preview_proof(found: list[str], existing: list[str], limit: int = 6) -> ProofPreview:
    """Which bullets to add: not flagged weak by resume review, not a near-copy of an existing
    proof point or of another bullet."""
    from rapidfuzz import fuzz  # noqa: PLC0415

    from assistant.services.story.resume_checks import WEAK, bullet_issues  # noqa: PLC0415

    preview = ProofPreview()
    weak = {t for _, t, k in ((i.line, i.text, i.kind) for i in bullet_issues(
        list(enumerate(found, 1)))) if k in {"weak-verb", "no-result"}}
    kept = list(existing)
    for bullet in found:
        twin = next((k for k in kept if fuzz.token_set_ratio(bullet.lower(), k.lower())
                     >= NEAR_COPY), "")
        if bullet in weak or WEAK.search(bullet):
            preview.skipped.append((bullet, "flagged as weak: rewrite it first"))
        elif twin:
            preview.skipped.append((bullet, f"the same achievement as “{twin}”"))
        elif len(preview.add) >= limit:
            preview.skipped.append((bullet, f"only {limit} are added at a time"))
        else:
            preview.add.append(bullet)
            kept.append(bullet)
    return preview


def prefill(profile: Profile) -> Profile:
    """Fill empty story fields from LinkedIn data: now, proof points and a voice sample."""
    update: dict[str, object] = {}
    current = next((p for p in profile.positions if not p.finished_on.strip()), None)
    if not profile.now.strip():
        if current and current.title:
            update["now"] = f"{current.title} at {current.company}"
        elif profile.headline.strip():
            update["now"] = profile.headline.strip()
    if not profile.proof_points:
        described = " ".join(p.description for p in profile.positions)
        points = [s for s in _sentences(described) if re.search(r"\d", s)]
        if points:
            update["proof_points"] = points[:4]
    if not profile.voice_sample.strip() and len(profile.summary.split()) >= 25:
        update["voice_sample"] = profile.summary.strip()
    return profile.model_copy(update=update) if update else profile


def missing(profile: Profile, kind: str) -> list[str]:
    """What the profile lacks for a ``kind`` pitch, as labels a user recognises."""
    gaps = [LABELS[f] for f in ("now", "next") if not re.search(r"\w", getattr(profile, f))]
    needed = PITCH_KINDS[kind].min_proof if kind in PITCH_KINDS else 1
    have = len(distinct(profile.proof_points))  # near-copies count once, as pitches say them
    if kind == "brand" and not profile.strengths and not have:
        gaps.append("Strengths or Proof points")
    elif have < needed:
        gaps.append(f"{LABELS['proof_points']}: at least {needed}, you have {have}")
    return gaps


def require(profile: Profile, kind: str) -> None:
    """Raise InputError naming what to fill in when the profile cannot carry a ``kind`` pitch."""
    gaps = missing(profile, kind)
    if gaps:
        msg = f"your profile is missing {'; '.join(gaps)}. To write a {kind} pitch, {FIX_IT}"
        raise InputError(msg)


def profile_sources(profile: Profile) -> list[Source]:
    """Every profile fact a pitch may draw on, with stable ids such as ``profile:proof:2``."""
    out = [Source(id="profile:now", kind="profile", snippet=profile.now),
           Source(id="profile:next", kind="profile", snippet=profile.next)]
    out += [Source(id=f"profile:proof:{i}", kind="profile", snippet=p)
            for i, p in enumerate(profile.proof_points, 1) if p.strip()]
    for attr in ("strengths", "target_roles", "target_companies", "values"):
        items = getattr(profile, attr)
        if items:
            out.append(Source(id=f"profile:{attr}", kind="profile", snippet="; ".join(items)))
    return [s for s in out if s.snippet.strip()]


def profile_texts(profile: Profile) -> list[str]:
    """All the user's own words in the profile: what any name or number must come from."""
    texts = [profile.name, profile.now, profile.next, profile.voice_sample, profile.headline,
             profile.summary, *profile.strengths, *profile.proof_points, *profile.target_roles,
             *profile.target_companies, *profile.audiences, *profile.values]
    for position in profile.positions:
        texts += [position.company, position.title, position.description, position.location]
    return [t for t in texts if t.strip()]


def resume_proof_points(text: str) -> list[str]:
    """Bullets with a number in them: the resume's measurable achievements."""
    points = []
    for line in text.split("\n"):
        if _BULLET.match(line) and re.search(r"\d", line):
            # A resume is untrusted text too: no order, and no link (a pitch is spoken).
            point = _unlinked(strip_instructions(_BULLET.sub("", line))).strip().rstrip(".;,")
            if len(point.split()) >= 4:
                points.append(point)
    return points


def _unlinked(text: str) -> str:
    """``[label](url)`` becomes its label; bare URLs and images go."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?:https?://|www\.)\S+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+([;,.])", r"\1", " ".join(text.split()))


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+|\s+[•▪●]\s+", text)
    return [_BULLET.sub("", p).strip().rstrip(".") for p in parts if len(p.split()) >= 4]


def _lines(text: str) -> list[str]:
    return [_BULLET.sub("", line).strip() for line in text.split("\n") if line.strip()]


def _tidy(value: object) -> object:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return value


def _too_big(name: str, size: int, max_bytes: int) -> str:
    return f"{name} is too large for a profile (the limit is {max_bytes // 1024} KB)"
