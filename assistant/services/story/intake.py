"""Story intake: a profile from anything a person writes, and what was understood from it.

The documented sections (``## Now``, ``## Proof points`` ...) are honoured where they are used;
every other line (a "# About me" paragraph, a pasted LinkedIn About, a bullet list, unknown
headings) is read sentence by sentence and sorted into now, next, strengths and proof points.
Prose is never refused; only an empty text is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.domain import Profile
from assistant.drafting.language import intake as lang
from assistant.drafting.language.person import spell_out
from assistant.drafting.language.story import role_noun
from assistant.drafting.language.story_lines import (
    SYMBOL_BULLET,
    is_next_label,
    is_salutation,
    is_sign_off,
    is_signature,
    third_person_name,
    to_first_person,
)
from assistant.drafting.offline.clipping import split_sentences
from assistant.drafting.offline.injection import looks_like_instruction
from assistant.errors import InputError
from assistant.services.story.profile_markdown import (
    ALIASES,
    LIST_SECTIONS,
    TEXT_SECTIONS,
    _items,
)

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•▪●◦‣]|\d+[.)])\s+")
_NOT_A_NAME = re.compile(r"\b(?:about|summary|profile|experience|me|story|bio|background|"
                         r"overview|intro\w*|resume|cv|linkedin)\b", re.I)
FIELD_LABELS = {"now": "What you do now", "next": "Where you want to go next",
                "strengths": "Strengths", "proof_points": "Proof points (achievements)",
                "voice_sample": "Voice sample"}


@dataclass
class Understood:
    """The profile read from a text, which sections were honoured, and what is still missing."""

    profile: Profile
    sections: list[str] = field(default_factory=list)  # sections taken as written
    missing: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """What ``profile set --json`` and the Story tab show."""
        return {"understood": {k: getattr(self.profile, k) for k in FIELD_LABELS},
                "name": self.profile.name, "sections": self.sections, "missing": self.missing}

    def markdown(self) -> str:
        """What was understood, field by field, and what to add, for the Story tab."""
        lines = ["**What I understood** (edit any field below to correct it)", ""]
        for key, label in FIELD_LABELS.items():
            value = getattr(self.profile, key)
            if isinstance(value, list):
                shown = "; ".join(value) if value else "—"
            else:
                shown = " ".join(str(value).split()) or "—"
            lines.append(f"- **{label}:** {shown}")
        if self.missing:
            lines += ["", "**Still missing:** " + "; ".join(self.missing)]
        return "\n".join(lines)


def _section(title: str) -> str | None:
    key = " ".join(title.lower().replace("-", " ").split()).rstrip(":")
    key = ALIASES.get(key, key)
    return key if key in TEXT_SECTIONS or key in LIST_SECTIONS else None


def _looks_like_name(title: str) -> bool:
    words = title.split()
    return (1 < len(words) <= 4 and not _NOT_A_NAME.search(title)
            and all(w[:1].isupper() for w in words))


def _prose_sentences(lines: list[str]) -> list[str]:
    """Sentences of free text: a bullet (or an emoji-led line) is one sentence; a line is one
    sentence unless the text was wrapped mid-sentence; greetings and sign-offs go."""
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.extend(split_sentences("\n".join(paragraph)))
            paragraph.clear()

    signed = False
    for raw in lines:
        line = raw.strip()
        if signed and line and is_signature(line):
            signed = False
            continue  # the name under "Sincerely," signs the letter; it says nothing more
        if line:
            signed = is_sign_off(line)
        if not line or is_salutation(line):
            flush()
        elif _BULLET.match(line) or SYMBOL_BULLET.match(line):
            flush()
            out.append(SYMBOL_BULLET.sub("", _BULLET.sub("", line)).strip())
        elif len(pieces := re.split(r"\s+[|·]\s+", line)) > 1:
            flush()  # "Store manager | 6 years in fashion retail | moving into ...": a headline
            out.extend(p.strip() for p in pieces if p.strip())
        elif paragraph and line[:1].islower() and not paragraph[-1].endswith((".", "!", "?", ":")):
            paragraph[-1] += " " + line  # a paragraph wrapped by hand
        else:
            paragraph.append(line)
    flush()
    kept = [_tidy(s) for s in out if s and not looks_like_instruction(s) and not is_salutation(s)]
    if name := third_person_name(kept):
        kept = [to_first_person(s, name) for s in kept]
    return kept


def _tidy(sentence: str) -> str:
    """ "i'm a teacher, been teaching for 11 yrs" -> "I'm a teacher, been teaching for 11 years"."""
    sentence = spell_out(sentence)
    sentence = re.sub(r"\b([iI])(m|ve)\b", lambda m: f"I'{m.group(2)}", sentence)
    return re.sub(r"\bi(?=(?:'m|'ve|'d|'ll|’m|’ve)?\b)", "I", sentence)


def read_story(text: str) -> Understood:
    """A profile from any text a person writes about themselves."""
    text = text.replace("\r\n", "\n").strip()
    if not text:
        msg = "the profile is empty: paste or write a few sentences about yourself"
        raise InputError(msg)
    name = ""
    sections: dict[str, list[str]] = {}
    prose: list[str] = []
    current: str | None = None
    aim = ""
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading:
            aim = ""
            title = heading.group(2).strip()
            key = _section(title) if len(heading.group(1)) > 1 or not _looks_like_name(title) \
                else None
            if len(heading.group(1)) == 1 and _looks_like_name(title) and not name:
                name, current = title, None
            elif key:
                current = key
                sections.setdefault(key, [])
            else:
                current = None  # "# About me", "## Experience": their text is prose
                prose.append("")
                # "## What I'm aiming for": the lines under it say where the writer is going.
                aim = title.rstrip(":") if is_next_label(title.rstrip(":")) else ""
            continue
        if current is not None:
            sections[current].append(line.rstrip())
        elif aim and line.strip():
            first, _, rest = line.strip().partition(" ")
            if first[1:].islower():  # "Content design roles" reads mid-sentence in lower case
                first = first.lower()
            prose.append(f"{aim}: {first} {rest}".rstrip())
            aim = ""
        else:
            prose.append(line)
    values: dict[str, object] = {}
    for key, lines in sections.items():
        if key in TEXT_SECTIONS and key != "voice sample":
            # A Now or Next section is its first paragraph; what follows is the story's prose.
            body = "\n".join(lines).strip().split("\n\n")
            values[TEXT_SECTIONS[key]] = body[0].strip()
            prose += ["", *"\n\n".join(body[1:]).split("\n")]
        elif key in TEXT_SECTIONS:
            values[TEXT_SECTIONS[key]] = "\n".join(lines).strip()
        else:
            values[LIST_SECTIONS[key]] = _items(lines)
    sentences = _prose_sentences(prose)
    found = lang.sort_sentences(sentences)
    name = name or lang.name_in(" ".join(sentences)) or third_person_name(_prose_sentences(prose))
    # The sentence that names a role leads; the rest of what they do now follows it.
    # Of two that name one, "I'm a growth marketing manager" says it better than a headline's
    # "Growth marketer".
    nows = sorted(found.now, key=lambda s: (not role_noun(s), not lang.IDENTITY.search(s)))[:3]
    _fill(values, "now", ". ".join(s.rstrip(".") for s in nows))
    now = str(values.get("now", ""))
    if now and found.now and not role_noun(now) and role_noun(found.now[0]) and \
            found.now[0] != now:
        # "Returning to finance after a break" says no role: the prose's "I was a senior
        # financial analyst at Vestas" does, so the pitch can say who they are.
        values["now"] = f"{now.rstrip('.')}. {found.now[0]}"
    _fill(values, "next", found.next[0] if found.next else "")
    _fill(values, "strengths", found.strengths)
    _fill(values, "proof_points", _dedupe(found.proof_points))
    first_person = [s for s in sentences if re.search(r"\b(?:I|I'm|I've|my)\b", s)]
    voice = list(dict.fromkeys([*found.voice, *first_person]))
    _fill(values, "voice_sample", " ".join(voice[:4]))
    profile = Profile.model_validate({"name": name, **values})
    return Understood(profile, [k for k in sections if sections[k]], gaps(profile))


def _fill(values: dict[str, object], key: str, value: object) -> None:
    if value and not values.get(key):
        values[key] = value


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = " ".join(item.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def gaps(profile: Profile) -> list[str]:
    """What a pitch still needs, said as what to add."""
    out = []
    if not profile.now.strip():
        out.append("what you do now (a role, and for how long)")
    if not profile.next.strip():
        out.append("where you want to go next (a role or field)")
    if not profile.proof_points:
        out.append("an achievement: what you did and what changed, with a number")
    elif not any(re.search(r"\d", p) for p in profile.proof_points):
        out.append("a number in one of your achievements (how many, how much, how fast)")
    return out
