"""Resume review: what the resume forgot from the user's own notes and profile, and line fixes."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from pydantic import BaseModel

from assistant.domain import Note, Profile
from assistant.services.story.profile import ProfileService, profile_texts
from assistant.services.story.resume_checks import bullet_issues, bullets, known_words, text_issues
from assistant.services.story.resume_text import read_resume_text
from assistant.storage.records import RecordStore

ACHIEVEMENT = re.compile(
    r"\b(?:led|built|launched|shipped|won|created|designed|organi[sz]ed|grew|cut|reduced|"
    r"increased|saved|trained|mentored|published|presented|delivered|founded|raised|improved|"
    r"started|ran|managed|wrote|taught|award\w*|promoted|certified|project)\b",
    re.IGNORECASE,
)
_STOP = frozenset("a an the and or of in at to for with on my i me is was be as by from into "
                  "that this it its our we".split())
MAX_PER_KIND = 40


class Finding(BaseModel):
    """One thing to fix or add, tied to a resume line or to the note it came from."""

    kind: str  # forgotten | weak-verb | no-result | typo | punctuation
    message: str
    text: str = ""
    line: int | None = None
    suggestion: str = ""
    source_id: str = ""


class ResumeReview(BaseModel):
    file: str
    words: int
    bullets: int
    findings: list[Finding]

    def counts(self) -> dict[str, int]:
        """How many findings of each kind."""
        return dict(Counter(f.kind for f in self.findings))

    def to_json(self) -> dict[str, object]:
        """The review with counts per kind."""
        return {**self.model_dump(mode="json"), "counts": self.counts()}


def _key_words(text: str) -> set[str]:
    words = re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower())
    return {w for w in words if w not in _STOP and len(w) > 2}


def mentioned(fact: str, resume: str) -> bool:
    """Whether the resume already covers a fact: one of its numbers, or most of its words."""
    numbers = [n.rstrip(".,") for n in re.findall(r"\d[\d,.]*%?", fact)]
    flat = resume.replace(",", "")
    if numbers and any(n.replace(",", "") in flat for n in numbers):
        return True
    wanted = _key_words(fact)
    return bool(wanted) and len(wanted & _key_words(resume)) * 2 >= len(wanted)


def forgotten(resume: str, profile: Profile, notes: list[Note]) -> list[Finding]:
    """Proof points, achievement notes and LinkedIn positions the resume leaves out."""
    found: list[Finding] = []
    for number, point in enumerate(profile.proof_points, 1):
        if point.strip() and not mentioned(point, resume):
            found.append(Finding(
                kind="forgotten", text=point, source_id=f"profile:proof:{number}",
                message="a proof point from your profile that the resume leaves out"))
    for note in notes:
        if ACHIEVEMENT.search(note.text) and not mentioned(note.text, resume):
            snippet = note.text if len(note.text) <= 200 else note.text[:199] + "…"
            found.append(Finding(kind="forgotten", text=snippet, source_id=note.id,
                                 message=f"an achievement in your note of {note.created} that "
                                 "the resume leaves out"))
    lower = resume.lower()
    for number, position in enumerate(profile.positions, 1):
        if position.company and position.company.lower() not in lower:
            role = f"{position.title} at {position.company}" if position.title else position.company
            found.append(Finding(kind="forgotten", text=role,
                                 source_id=f"profile:position:{number}",
                                 message="a position in your LinkedIn profile that the resume "
                                 "doesn't mention"))
    return found


def review_text(text: str, profile: Profile, notes: list[Note], name: str = "") -> ResumeReview:
    """Every check on a resume's text (pure: no files, no store)."""
    lines = text.split("\n")
    items = bullets(lines)
    findings = forgotten(text, profile, notes)
    own_words = known_words([*profile_texts(profile), *(n.text for n in notes)])
    facts = [*profile.proof_points, *(n.text for n in notes)]
    for issue in [*bullet_issues(items, facts), *text_issues(lines, own_words)]:
        findings.append(Finding(kind=issue.kind, message=issue.message, text=issue.text,
                                line=issue.line, suggestion=issue.suggestion))
    kept: list[Finding] = []
    seen: Counter[str] = Counter()
    for finding in findings:
        seen[finding.kind] += 1
        if seen[finding.kind] <= MAX_PER_KIND:
            kept.append(finding)
    return ResumeReview(file=name, words=len(text.split()), bullets=len(items), findings=kept)


class ResumeReviewService:
    """Reads a resume file and reviews it against the user's own story and notes."""

    def __init__(self, records: RecordStore, profiles: ProfileService) -> None:
        self.records = records
        self.profiles = profiles

    def review(self, path: Path) -> ResumeReview:
        """Review a PDF, DOCX, TXT or MD resume; ImportFileError if the file is unusable."""
        text = read_resume_text(path)
        own_notes = self.records.notes_for(None)  # free notes: the user's own, not a contact's
        return review_text(text, self.profiles.effective(), own_notes, path.name)
