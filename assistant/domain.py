"""Domain objects shared by every layer: contacts, notes, interactions, profile, drafts."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, field_validator

from assistant.text import clean_text, count_words

MAX_NAME_CHARS = 200  # a contact's name, wherever it comes from (CLI, UI, import, restore)


def new_id(prefix: str) -> str:
    """Return a short random id such as ``c_1a2b3c4d5e6f``."""
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def _one_line(value: Any) -> Any:
    """Strings (or lists of them) without control, bidi or invisible characters, on one line."""
    if isinstance(value, str):
        return clean_text(value, multiline=False)
    if isinstance(value, list):
        return [clean_text(v, multiline=False) if isinstance(v, str) else v for v in value]
    return value


def _multi_line(value: Any) -> Any:
    """Strings (or lists of them) without control, bidi or invisible characters; lines kept."""
    if isinstance(value, list):
        return [clean_text(v) if isinstance(v, str) else v for v in value]
    return clean_text(value) if isinstance(value, str) else value


class Tier(StrEnum):
    INNER = "inner"
    ACTIVE = "active"
    DORMANT = "dormant"
    ASPIRATIONAL = "aspirational"


class Direction(StrEnum):
    """Who benefited from an interaction: the user gave, the user asked, or neither."""

    GAVE = "gave"
    ASKED = "asked"
    NEUTRAL = "neutral"


class Contact(BaseModel):
    id: str = Field(default_factory=lambda: new_id("c"))
    name: str
    company: str = ""
    title: str = ""
    past_companies: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    linkedin_slug: str = ""
    location: str = ""
    tier: Tier = Tier.ACTIVE
    tags: list[str] = Field(default_factory=list)
    how_we_met: str = ""
    introduced_by: str = ""
    interests: list[str] = Field(default_factory=list)
    connected_on: date | None = None
    last_contacted: date | None = None
    cadence_days: int | None = None
    cadence_max_days: int | None = None  # None: the tier's maximum (or 1.5 x a custom ideal)
    snoozed_until: date | None = None
    sources: list[str] = Field(default_factory=list)

    # Imported names and companies reach terminals and pages: no escape sequences in them.
    _clean_lines = field_validator(
        "name", "company", "title", "past_companies", "emails", "phones", "urls",
        "linkedin_slug", "location", "tags", "introduced_by", "interests",
    )(_one_line)
    _clean_text = field_validator("how_we_met")(_multi_line)


class Note(BaseModel):
    id: str = Field(default_factory=lambda: new_id("n"))
    contact_id: str | None = None  # None: a free note about nobody in particular
    text: str
    created: date = Field(default_factory=date.today)
    source: str = "manual"

    _clean_text = field_validator("text")(_multi_line)


class Interaction(BaseModel):
    id: str = Field(default_factory=lambda: new_id("i"))
    contact_id: str
    when: date = Field(default_factory=date.today)
    channel: str = ""
    direction: Direction = Direction.NEUTRAL
    kind: str = ""
    summary: str = ""
    source: str = "manual"

    _clean_text = field_validator("summary")(_multi_line)
    _clean_lines = field_validator("channel", "kind")(_one_line)


class Position(BaseModel):
    company: str
    title: str = ""
    description: str = ""
    location: str = ""
    started_on: str = ""
    finished_on: str = ""

    _clean_lines = field_validator("company", "title", "location")(_one_line)
    _clean_text = field_validator("description")(_multi_line)


class Profile(BaseModel):
    """The user's own story: where they are now and where they are going next."""

    name: str = ""
    now: str = ""
    next: str = ""
    strengths: list[str] = Field(default_factory=list)
    proof_points: list[str] = Field(default_factory=list)
    target_roles: list[str] = Field(default_factory=list)
    target_companies: list[str] = Field(default_factory=list)
    audiences: list[str] = Field(default_factory=list)
    values: list[str] = Field(default_factory=list)
    voice_sample: str = ""
    headline: str = ""
    summary: str = ""
    positions: list[Position] = Field(default_factory=list)

    _clean_lines = field_validator(
        "name", "headline", "strengths", "target_roles", "target_companies", "audiences", "values",
    )(_one_line)
    _clean_text = field_validator("now", "next", "proof_points", "voice_sample", "summary")(
        _multi_line)


class Source(BaseModel):
    """A piece of the user's own material that a draft drew on."""

    id: str
    kind: str  # note | profile | contact | knowledge
    snippet: str


class Draft(BaseModel):
    """Any text Warmline writes for the user, with where it came from and who wrote it."""

    text: str
    kind: str
    channel: str = ""
    engine: str
    sources: list[Source] = Field(default_factory=list)
    notice: str = ""  # e.g. why the offline engine was used instead of the configured model
    subject: str = ""
    created: datetime = Field(default_factory=datetime.now)
    id: str = ""  # set once the draft is kept in the history
    contact_id: str = ""
    to_contact_id: str = ""  # an intro: the person the contact would be introduced to
    second_text: str = ""  # an intro: the introduction itself, after the double opt-in ask
    hook_id: str = ""  # the offline engine's hook (a remembered detail) the draft used
    ask_warning: str = ""  # the ask-guard: only asks lately, give something first
    sent: bool = False
    interaction_id: str = ""  # what "mark as sent" logged

    @property
    def char_count(self) -> int:
        return len(self.text)

    @property
    def word_count(self) -> int:
        return count_words(self.text)  # the guard's rule: "—" and "•" are not words

    def to_json(self) -> dict[str, object]:
        """The JSON shape promised by the interface contract."""
        data = self.model_dump(mode="json")
        data["char_count"] = self.char_count
        data["word_count"] = self.word_count
        return data
