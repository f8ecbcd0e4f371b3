"""Who the user is, in a few words that fit inside a sentence ("a hospital pharmacist")."""

from __future__ import annotations

import re

from assistant.domain import Profile
from assistant.drafting.language.clauses import shorten
from assistant.drafting.language.parser import parse

_VOWEL_SOUND = re.compile(r"^(?:[aeio]|u(?!ni|s[eu])|hour|honest|mba\b|md\b|rn\b)", re.I)


def article(noun_phrase: str) -> str:
    """ "pharmacist" -> "a pharmacist", "analyst" -> "an analyst", "FP&A lead" -> "an FP&A
    lead" (an acronym is read letter by letter)."""
    if not noun_phrase or noun_phrase.split()[0].lower() in {"a", "an", "the", "my"}:
        return noun_phrase
    first = re.split(r"[\s-]", noun_phrase)[0]
    if len(first) > 1 and first.replace("&", "").isupper() and first.isalpha() is False or \
            (len(first) > 1 and first.isupper()):
        return ("an " if first[0] in "AEFHILMNORSX" else "a ") + noun_phrase
    return ("an " if _VOWEL_SOUND.match(noun_phrase) else "a ") + noun_phrase


def role_noun(text: str) -> str:
    """The role a field names, as a noun phrase: "Hospital pharmacist at Mercy Health. 8 years
    in oncology" -> "hospital pharmacist"; "Data analyst, recently laid off" -> "data analyst"."""
    first = re.split(r"[.;,(]|\s[-–—]\s", text.strip(), maxsplit=1)[0].strip()
    if not first:
        return ""
    doc = parse(first)
    chunks = list(doc.noun_chunks)
    if not chunks:
        return ""
    # "I have spent nine years as a hospital pharmacist": the role follows "as".
    for chunk in chunks:
        if chunk.start and doc[chunk.start - 1].lower_ == "as":
            return _bare(chunk.text)
    # The first chunk that names a person's role ("Before my break I was a senior financial
    # analyst"); "Returning to work after a break" names none.
    for chunk in chunks:
        if chunk.root.pos_ != "PRON" and is_person_noun(_bare(chunk.text)):
            return _bare(chunk.text)
    return ""


def _bare(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in {"a", "an", "the", "my", "i"}:
        words.pop(0)
    out = " ".join(words)
    if out and out.split()[0][1:].islower():
        out = out[:1].lower() + out[1:]
    return out


def role_phrase(profile: Profile) -> str:
    """ "a hospital pharmacist" from the profile's now, or its headline."""
    noun = role_noun(profile.now) or role_noun(profile.headline)
    return article(noun) if noun else ""


def target_phrase(profile: Profile) -> str:
    """ "product management in health tech": where the user is going, short enough for a clause."""
    source = profile.next or (profile.target_roles[0] if profile.target_roles else "")
    if not source:
        return ""
    first = re.split(r"[.;]\s|\n", source.strip(), maxsplit=1)[0].strip().rstrip(".")
    first = re.sub(r"^(?:i want to (?:move|get|go|transition) into|moving into|move into|"
                   r"transition(?:ing)? (?:in)?to|next:?)\s+", "", first, flags=re.I)
    short = shorten(first, 8) or first
    short = short[:1].lower() + short[1:] if short[1:2].islower() else short
    return short


PERSON_NOUNS = re.compile(
    r"(?:er|or|ist|ian|lead|head|pm|manager|engineer|designer|analyst|consultant|scientist|"
    r"architect|director|officer|specialist|associate|accountant|assistant|administrator|"
    r"coordinator|strategist|developer|owner|partner|nurse|chef|teacher|founder)s?$")
NOT_PERSON = frozenset({"center", "cancer", "sector", "order", "water", "computer", "paper",
                        "matter", "border", "corner", "power"})


# Roles whose names end in none of the usual suffixes.
ROLE_WORDS = frozenset("paralegal barista clerk cook agent aide medic mechanic pilot intern "
                       "student apprentice fellow postdoc attorney lawyer physio dentist "
                       "hygienist vet paramedic surgeon physician doctor rep sre sdet pm pastor "
                       "chaplain priest rabbi imam artist musician chemist biologist "
                       "attendant tech technician cashier".split())


def is_person_noun(phrase: str) -> bool:
    """Whether a role phrase names a person ("product manager") rather than a field ("product
    management", "learning and development")."""
    head = phrase.split(" in ")[0].split(" at ")[0].split(" for ")[0].split()
    word = head[-1].lower().strip(".,;:()") if head else ""
    if word in ROLE_WORDS:
        return True
    return bool(PERSON_NOUNS.search(word)) and word not in NOT_PERSON


def move_phrase(profile: Profile) -> str:
    """ "moving into product management" or "moving into a role as a product manager"."""
    target = target_phrase(profile)
    if not target:
        return ""
    return f"moving into a role as {article(target)}" if is_person_noun(target) else \
        f"moving into {target}"


_YEARS = re.compile(
    r"\b((?:over |nearly |almost |about |like |more than )?(?:\d+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\+? (?:years?|yrs))\b",
    re.I)
_CURRENT = re.compile(r"\b(?:currently|now|most recently|these days|today)\b", re.I)


def current_role(text: str) -> str:
    """The role someone holds now: after "currently" or "most recently" when they say so
    ("a line cook and then kitchen manager ..., currently kitchen manager at ..."), else the
    role the first sentence names."""
    first = re.split(r"(?<=[.!?])\s+|\n", text.strip(), maxsplit=1)[0]
    for match in _CURRENT.finditer(first):
        later = role_noun(re.sub(r"^(?:\s*(?:as|a|an|the|i'm|i am)\b)+", "",
                                 first[match.end():].lstrip(" ,:"), flags=re.I))
        if later:
            return later
    found = role_noun(re.sub(r"\([^)]*\)", "", first))
    if found:
        return found
    # "I grew up on the farm, and for twelve years I've worked as a dairy farmer there": the
    # role is in a later clause of the sentence.
    for piece in re.split(r",\s*(?:and\s+|but\s+)?|;\s*|\s+and\s+(?=I\b)", first)[1:]:
        later = role_noun(piece)
        if later and re.search(r"\b(?:as|I'm|I am|I've been|I have been)\b", piece, re.I):
            return later
    return ""


def present_clause(now: str) -> str:
    """Where the user is, said in their own role and years: "I've been a development
    coordinator for 6 years" from "For 6 years I've been the development coordinator at
    Harbor Food Bank in Tacoma"; "" when the text names no role."""
    role = current_role(now)
    if not role:
        return ""
    first = re.split(r"(?<=[.!?])\s+|\n", now.strip(), maxsplit=1)[0]
    years = _YEARS.search(first)
    at = first.lower().find(role.lower())
    # The place they say it is ("in Leeds", "at Mercy Health") stays with the role.
    where = re.match(r"\s+((?:at|in|with) (?:the )?[A-Z][\w&'.-]*(?: (?:[A-Z][\w&'.-]*|of|and)"
                     r")*)", first[at + len(role):]) if at >= 0 else None
    place = f" {where.group(1).rstrip(' ,')}" if where and len(where.group(1).split()) <= 5 \
        else ""
    after = first[at + len(role) + where.end():] if where and at >= 0 else ""
    if re.match(r"\s*[a-z]", after) and not re.match(r"\s*(?:for|since|and|in|at|where|who|"
                                                     r"with|on)\b", after):
        place = ""  # "with the Auckland metro service": not "with the Auckland"
    if years and not re.search(r"\b(?:ago|old|kids?|children)\b", first[years.end():][:12]):
        span = re.sub(r"^like ", "", years.group(1)).replace("yrs", "years")
        return f"I've been {article(role)}{place} for {span}"
    return f"I'm {article(role)}{place}"
