"""What a phrase names: a job ("Marketing manager"), a field, or something being done."""

from __future__ import annotations

import re

# Words in -ing that name a field or a job ("Marketing manager"), not something being done.
_ING_NOUNS = frozenset(
    "marketing engineering nursing accounting banking manufacturing staffing computing "
    "publishing pricing housing lending catering clothing wellbeing consulting advertising "
    "fundraising merchandising underwriting".split()
)
# -ing words that describe a move under way ("Moving into UX research"), so "I'm ..." is true
# today; any other activity in "Next" ("Teaching English abroad") is still only a wish.
_TRANSITIONS = frozenset(
    "moving transitioning pivoting switching shifting heading looking seeking exploring aiming "
    "hoping planning preparing getting breaking returning learning studying retraining training "
    "applying interviewing searching stepping".split()
)
_ROLE_WORDS = frozenset(
    "manager designer engineer analyst scientist researcher developer lead director specialist "
    "consultant coordinator officer architect strategist writer pm owner partner marketer "
    "recruiter teacher trainer coach administrator associate representative executive head "
    "nurse pharmacist advisor adviser planner producer editor accountant controller generalist "
    "technologist instructor facilitator practitioner strategist founder cto ceo cfo coo vp "
    "cmo cpo cro cio ciso chro apm sre scientist clinician therapist".split()
)
ROLE_HEADS = _ROLE_WORDS | {"supervisor", "assistant", "tester", "worker", "officer", "clerk",
                           "mechanic", "technician", "hygienist", "paralegal", "teacher"}
_ROLE_CUT = re.compile(r"\s(?:in|at|for|with|within|on|of|focused|working|who)\s|,")
_MOVE = re.compile(r"^(?:mov(?:e|ing)|transition(?:ing)?|get(?:ting)?|break(?:ing)?|pivot(?:ing)?|"
                   r"switch(?:ing)?|step(?:ping)?|go(?:ing)?|shift(?:ing)?)\s+(?:in)?to\s+",
                   re.IGNORECASE)


def move_target(text: str) -> str:
    """What a move is into: "learning and development" from "Move (or Moving) into learning and
    development"."""
    return _MOVE.sub("", text) if _MOVE.match(text) else ""


def role_phrase(text: str) -> str:
    """The role part of a phrase: "product manager" from "Product manager in health tech"."""
    return _ROLE_CUT.split(text, maxsplit=1)[0].strip()


def is_role(text: str) -> bool:
    """Whether a phrase names a job ("product manager") rather than a field ("health tech")."""
    from assistant.drafting.language.story import ROLE_WORDS, is_person_noun  # noqa: PLC0415

    phrase = role_phrase(text)
    words = phrase.lower().split()
    doing = bool(words) and words[0].endswith("ing") and words[0] not in _ING_NOUNS
    if 0 < len(words) <= 4 and is_person_noun(phrase) and not doing:
        return True  # "Food Safety Auditor", "localization project manager"
    return bool(words) and words[-1].strip(".,") in _ROLE_WORDS | ROLE_WORDS | {
        "supervisor", "assistant", "tester", "administrator", "specialist"}


def is_activity(text: str) -> bool:
    """Whether a phrase opens with something being done ("Leading a team of 5"), rather than
    naming a job ("Marketing director at X") or a field ("Learning and development")."""
    words = text.split()
    head = words[0].lower().strip(",") if words else ""
    if not (head.endswith("ing") and len(head) > 4 and head.isalpha()):
        return False
    if head in _ING_NOUNS or is_role(text):
        return False
    # "Learning and development" is a field; "Teaching and mentoring nurses" is an activity.
    joined = len(words) > 2 and words[1].lower() in {"and", "&"}
    return not (joined and not words[2].lower().strip(",").endswith("ing"))


def is_transition(text: str) -> bool:
    """Whether an activity is a move already under way ("Moving into UX research")."""
    lower = text.lower()
    return (lower.split(" ", 1)[0] in _TRANSITIONS
            or lower.startswith(("working toward", "working on moving")))
