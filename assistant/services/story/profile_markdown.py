"""The profile as a Markdown file, for ``warmline profile set --file`` and ``profile show``.

The format (headings are case-insensitive; every section is optional)::

    # Maya Chen                      <- your name, used to sign messages
    ## Now
    Hospital pharmacist at Mercy Health. 8 years in oncology.
    ## Next
    Product manager in health tech
    ## Strengths                     <- one bullet per item (also for the sections below)
    - translating clinical needs into clear requirements
    ## Proof points                  <- achievements, ideally with numbers
    - Led migration of 40 clinics to a new EHR
    ## Target roles
    ## Target companies
    ## Audiences
    ## Values
    ## Voice sample                  <- a paragraph you wrote, so pitches sound like you

``Now``, ``Next`` and ``Voice sample`` are free text; the others are bullet lists (``-``, ``*``,
``+`` or ``1.``). An indented line continues the bullet above it.
"""

from __future__ import annotations

import re

from assistant.domain import Profile
from assistant.errors import InputError

TEXT_SECTIONS = {"now": "now", "next": "next", "voice sample": "voice_sample"}
LIST_SECTIONS = {
    "strengths": "strengths",
    "proof points": "proof_points",
    "target roles": "target_roles",
    "target companies": "target_companies",
    "audiences": "audiences",
    "values": "values",
}
ALIASES = {
    "proof": "proof points", "achievements": "proof points", "wins": "proof points",
    "voice": "voice sample", "roles": "target roles", "companies": "target companies",
    "audience": "audiences", "strength": "strengths", "value": "values",
}
TITLES = {k: k.capitalize() for k in [*TEXT_SECTIONS, *LIST_SECTIONS]}
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def _section_key(title: str) -> str:
    key = " ".join(title.lower().replace("-", " ").split()).rstrip(":")
    key = ALIASES.get(key, key)
    if key not in TEXT_SECTIONS and key not in LIST_SECTIONS:
        known = ", ".join(TITLES[k] for k in [*TEXT_SECTIONS, *LIST_SECTIONS])
        msg = f"unknown profile section '## {title}'; use: {known}"
        raise InputError(msg)
    return key


def _items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if _BULLET.match(line) or not items or not line[:1].isspace():
            items.append(_BULLET.sub("", line).strip())
        else:
            items[-1] = f"{items[-1]} {line.strip()}"
    return [i for i in items if i]


def parse_profile_markdown(text: str) -> Profile:
    """Read a profile from the documented Markdown format; InputError if it has no story."""
    name = ""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            name = heading.group(2).strip()
            current = None
            continue
        if heading:
            current = _section_key(heading.group(2))
            if current in sections:
                msg = f"line {number}: the section '## {heading.group(2)}' appears twice"
                raise InputError(msg)
            sections[current] = []
            continue
        if current is not None:
            sections[current].append(line.rstrip())
        elif line.strip():
            msg = (f"line {number}: text before the first '## Section' heading; "
                   "put it under '## Now' or another section")
            raise InputError(msg)
    if not sections and not name:
        msg = "the profile file has no '## Now', '## Next' or other sections"
        raise InputError(msg)
    values: dict[str, object] = {"name": name}
    for key, lines in sections.items():
        if key in TEXT_SECTIONS:
            values[TEXT_SECTIONS[key]] = "\n".join(lines).strip()
        else:
            values[LIST_SECTIONS[key]] = _items(lines)
    return Profile.model_validate(values)


def render_profile_markdown(profile: Profile) -> str:
    """The profile in the same Markdown format, so ``show`` output can be edited and ``set``."""
    out = [f"# {profile.name}", ""] if profile.name else []
    for key, attr in TEXT_SECTIONS.items():
        out += [f"## {TITLES[key]}", str(getattr(profile, attr)).strip(), ""]
        if key == "next":
            for list_key, list_attr in LIST_SECTIONS.items():
                out.append(f"## {TITLES[list_key]}")
                out += [f"- {item}" for item in getattr(profile, list_attr)]
                out.append("")
    return "\n".join(out).rstrip() + "\n"
