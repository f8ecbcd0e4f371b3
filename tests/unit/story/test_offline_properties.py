"""Properties of the offline pitch writer over random profiles: limits, no slots, no inventions."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assistant.domain import Profile
from assistant.drafting.entities import find_numbers, unsupported_entities
from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.offline.pitch import build_pitch
from assistant.errors import InputError
from assistant.services.story.pitch import KINDS, PitchService
from assistant.services.story.profile import missing, profile_texts

WORDS = ["led", "built", "cut", "managed", "grew", "the", "a", "team", "of", "clinics", "by",
         "sales", "revenue", "errors", "nurses", "product", "data", "and", "with", "for", "to",
         "in", "at", "Mercy", "Health", "Acme", "Corp", "PM", "UX", "I", "my", "launch",
         "migration", "program", "designing", "teaching", "manager", "engineer", "analyst",
         "St.", "e.g.", "Dr.", "(pilot)", "workflow", "customers", "years", "over", "from"]
NUMBERS = ["40", "30%", "$1.2M", "12-person", "2,000", "3", "18", "$180K", "99.9%", "2024"]
ODD = ["[tbd]", "{name}", "<b>", "—", ";", ",", ".", "!", "?", "’s", "é", "&"]


def phrase(min_words: int = 1, max_words: int = 25) -> st.SearchStrategy[str]:
    token = st.one_of(st.sampled_from(WORDS), st.sampled_from(NUMBERS), st.sampled_from(ODD),
                      st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N"]),
                              min_size=1, max_size=8))
    return st.lists(token, min_size=min_words, max_size=max_words).map(" ".join)


profiles = st.builds(
    Profile,
    name=st.sampled_from(["", "Maya Chen", "Dev"]),
    now=phrase(1, 40),
    next=phrase(1, 20),
    strengths=st.lists(phrase(1, 10), max_size=4),
    proof_points=st.lists(phrase(1, 30), min_size=2, max_size=6),
    target_roles=st.lists(phrase(1, 6), max_size=3),
    target_companies=st.lists(phrase(1, 3), max_size=3),
    values=st.lists(phrase(1, 5), max_size=3),
    voice_sample=st.one_of(st.just(""), phrase(5, 60)),
)


def has_story(profile: Profile) -> bool:
    """What the service checks before writing: now, next and two distinct proof points."""
    return not missing(profile, "30s")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles, kind=st.sampled_from(KINDS), variant=st.integers(0, 50),
       audience=st.sampled_from(["recruiter", "peer in the target field", "coffee chat", "",
                                 "hiring manager at Acme"]))
def test_offline_pitches_obey_limits_and_invent_no_numbers(
    profile: Profile, kind: str, variant: int, audience: str
) -> None:
    assume(has_story(profile) and not missing(profile, kind))
    text = build_pitch(profile, kind, audience, variant, PITCH_KINDS[kind].limits).text
    limits = PITCH_KINDS[kind].limits
    over = [p for p in limits.problems(text) if "at least" not in p]
    assert over == [], (kind, text)
    assert text.strip()
    assert not re.search(r"[\[\]{}<>]", text), text
    invented = unsupported_entities(text, profile_texts(profile))
    numbers = {n.text for n in find_numbers(text)}
    assert not [e for e in invented if e in numbers], (invented, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles, variant=st.integers(0, 9))
def test_thirty_seconds_fits_uses_two_proof_points_and_is_never_padded(
    profile: Profile, variant: int
) -> None:
    # Too little material is the user's to fix (the service says what to add); filler
    # sentences never make up the words.
    assume(has_story(profile))
    limits = PITCH_KINDS["30s"].limits
    result = build_pitch(profile, "30s", "coffee chat", variant, limits)
    assert [p for p in limits.problems(result.text) if "at least" not in p] == [], result.text
    assert len([f for f in result.facts if f.startswith("profile:proof:")]) >= 2
    if limits.problems(result.text):
        with pytest.raises(InputError, match="add"):
            PitchService._check_offline(result.text, "30s", limits, profile)


class _Profiles:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile

    def effective(self) -> Profile:
        return self.profile


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=profiles)
def test_sixty_seconds_is_written_in_full_or_refused_with_what_to_add(profile: Profile) -> None:
    from assistant.drafting.guard import Guard
    from assistant.drafting.writer import Writer
    from assistant.llm.prompts import PromptLibrary
    from assistant.settings import PROMPTS_DIR

    assume(has_story(profile))
    writer = Writer(PromptLibrary(PROMPTS_DIR), None, Guard())
    service = PitchService(_Profiles(profile), writer)  # type: ignore[arg-type]
    try:
        pitch = service.generate("60s", "coffee chat")
    except InputError as e:
        # Too thin after instruction-like sentences are set aside, or too thin to fill 60 s.
        assert "your profile is missing" in str(e) or "words a 60s pitch needs; add" in str(e)
        return
    assert PITCH_KINDS["60s"].limits.problems(pitch.text) == []

