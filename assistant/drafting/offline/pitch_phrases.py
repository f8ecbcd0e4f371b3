"""The offline pitch writer's own words: openers, bridges and asks, several of each per slot.

Fields in braces are filled only from the profile, and an option is used only when every field
it names has a value, so no slot is ever left showing. None of these words is a name or a number.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence

from assistant.drafting.offline.phrasing import pick

PRESENT = ("", "Right now, ", "Today, ")
# No "For example, ": after "I'm a pharmacist" it would follow nothing it exemplifies.
PROOF_FIRST = ("", "One result I'm proud of: ")
PROOF_NEXT = ("I also ", "Along the way, ", "On top of that, ")
PROOF_NOUN_FIRST = ("One highlight: ", "Something I'm proud of: ")
PROOF_NOUN_NEXT = ("Another highlight: ", "Another result: ")

FUTURE = {
    "role": (
        "Next, I'm looking for a role as {target}",
        "Now I'm aiming for a role as {target}",
        "What I want next is a role as {target}",
    ),
    "field": (
        "Next, I want to move into {target}",
        "Now I'm moving into {target}",
        "What I want next is to work in {target}",
    ),
    "verb": (
        "Next, I want to {target}",
        "Now I'd like to {target}",
        "What I want next is to {target}",
    ),
    "ongoing": ("Now I'm {target}", "These days I'm {target}"),
    # An activity the user wants to be doing, not one they already do ("teaching English abroad").
    "aim": ("Next, I want to be {target}", "What I'd love to be doing next is {target}"),
    "first": ("{target}",),
}

# The shortest way to say what's next, for when a pitch must lose words.
FUTURE_SHORT = {"role": "I want to be ", "field": "I'm moving into ", "verb": "I want to ",
                "ongoing": "I'm ", "aim": "I want to be ", "first": ""}

BRIDGE = {
    "role": (
        "The common thread is {strengths}, and that's exactly what {a_role} needs",
        "What carries over is {strengths}, the same skills {a_role} relies on every day",
        "Those results came from {strengths}, which is the heart of {a_role}'s job",
    ),
    "other": (
        "The common thread is {strengths}, and that carries straight into {next_step}",
        "What carries over is {strengths}, which is exactly what {next_step} calls for",
        "Those results came from {strengths}, and that's what I'd bring to {next_step}",
    ),
    "bare": (
        "That's the experience I'd bring to {next_step}",
        "I'd bring that same focus on results to {next_step}",
    ),
}

STRENGTH_MORE = ("Another strength I lean on is {strength3}", "I'm also known for {strength3}")
VALUES = ("I care a lot about {values}", "What matters to me is {values}")
ROLES = ("That could mean roles like {roles}", "Titles I'm targeting include {roles}")
COMPANIES = (
    "I'm especially drawn to teams like {companies}",
    "I'd love to contribute at places like {companies}",
)
KNOWN_FOR = ("I'm known for {strengths}", "People count on me for {strengths}")

ASKS = {
    "recruiter": (
        "If you're hiring for {roles} roles, I'd love to talk",
        "If you're working on {roles} searches, I'd be glad to compare notes",
        "If you know of teams hiring for that, I'd love to hear about them",
        "I'd love to be considered for anything in that space",
    ),
    "peer": (
        "I'd love to hear how you got into {field}, and what you'd do in my shoes",
        "I'd love to hear how you became {a_role}, and what you'd do in my shoes",
        "I'd really value your take on where someone with my background fits",
        "What would you tell someone making the move I'm making?",
    ),
    "coffee": (
        "Would you be open to a coffee sometime so I can hear about your path?",
        "I'd love to grab a coffee and hear how you got to where you are",
        "If you ever have time for a coffee, I'd love to hear your story",
    ),
    "interviewer": (
        "That's why this role stands out to me, and I'm happy to go deeper on any of that work",
        "I'd be glad to go into more detail on any of that",
        "That's the path that brought me here, and I'm excited to talk about how it fits this role",
    ),
    "general": (
        "I'd love to hear your perspective on where someone with my background could help most",
        "If anything I've said connects with your work, I'd love to hear about it",
    ),
}
ABOUT_ASKS = (
    "If you're working in {field}, I'd love to connect",
    "If you're building in this space, I'd love to connect and compare notes",
    "I'm always glad to connect with people who care about the same things",
)

_FORMATTER = string.Formatter()


def fields_of(template: str) -> set[str]:
    """The names of the ``{fields}`` a template uses."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


def fill(options: Sequence[str], values: Mapping[str, str], seed: str) -> tuple[str, set[str]]:
    """Pick an option whose every field has a value and fill it; also say which fields it used.

    Returns ``("", set())`` when no option can be filled.
    """
    usable = [o for o in options if all(values.get(f) for f in fields_of(o))]
    if not usable:
        return "", set()
    chosen = pick(usable, seed)
    return chosen.format(**{k: v for k, v in values.items() if v}), fields_of(chosen)


def _all_options() -> list[str]:
    found: list[str] = [*PRESENT, *PROOF_FIRST, *PROOF_NEXT, *PROOF_NOUN_FIRST, *PROOF_NOUN_NEXT,
                        *STRENGTH_MORE, *VALUES, *ROLES, *COMPANIES, *KNOWN_FOR, *ABOUT_ASKS]
    found.extend(FUTURE_SHORT.values())
    for table in (FUTURE, BRIDGE, ASKS):
        for options in table.values():
            found.extend(options)
    return found


def fixed_words() -> set[str]:
    """Every capitalised word the offline writer itself uses (none is a name or a number)."""
    words: set[str] = set()
    for option in _all_options():
        plain = re.sub(r"\{\w+\}", " ", option)
        words.update(re.findall(r"[A-Z][\w'’-]*", plain))
    return words
