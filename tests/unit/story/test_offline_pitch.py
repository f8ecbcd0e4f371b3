"""The offline pitch writer: structure, limits, grounding, variants and the user's voice."""

from __future__ import annotations

import re

import pytest

from assistant.domain import Profile
from assistant.drafting.entities import unsupported_entities
from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.offline import pitch_phrases as phrases
from assistant.drafting.offline.pitch import audience_key, build_pitch
from assistant.drafting.offline.pitch_phrases import fields_of, fixed_words
from assistant.services.story.pitch import KINDS
from assistant.services.story.profile import profile_texts
from tests.unit.story.stories import MAYA


def pitch(kind: str, audience: str = "recruiter", variant: int = 0,
          profile: Profile = MAYA) -> tuple[str, list[str]]:
    result = build_pitch(profile, kind, audience, variant, PITCH_KINDS[kind].limits)
    return result.text, result.facts


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_fits_its_limits_and_invents_nothing(kind: str) -> None:
    for audience in ("recruiter", "peer in the target field", "coffee chat", ""):
        text, _ = pitch(kind, audience)
        assert PITCH_KINDS[kind].limits.problems(text) == [], (kind, audience, text)
        assert unsupported_entities(text, profile_texts(MAYA)) == [], text
        assert not re.search(r"[\[\]{}<>]", text), text


def test_thirty_seconds_follows_the_coach_structure() -> None:
    text, facts = pitch("30s", "recruiter")
    assert text == (
        "Today, I'm a hospital pharmacist at Mercy Health. I cut medication errors 30%. Along the "
        "way, I led the migration of 40 clinics to a new EHR. What carries over is translating "
        "clinical needs into clear requirements, the same skills a product manager relies on "
        "every day. Next, I'm looking for a role as a product manager in health tech. If you're "
        "hiring for product manager or clinical informatics PM roles, I'd love to talk."
    )
    # Present, two proof points (numbers first), bridge, future, a light ask.
    assert facts[:3] == ["profile:now", "profile:proof:3", "profile:proof:2"]
    assert {"profile:strengths", "profile:next", "profile:target_roles"} <= set(facts)


def test_the_strongest_proof_point_leads_and_numbers_come_first() -> None:
    text, facts = pitch("one-liner", "coffee chat")
    proof = [f for f in facts if f.startswith("profile:proof:")]
    assert proof == ["profile:proof:3"]  # "Cut medication errors 30%..." beats the committee
    assert "30%" in text and "committee" not in text


def test_each_thirty_second_pitch_uses_two_proof_points() -> None:
    for variant in range(6):
        _, facts = pitch("30s", "coffee chat", variant)
        assert len([f for f in facts if f.startswith("profile:proof:")]) >= 2


def test_another_variant_gives_a_different_grounded_version() -> None:
    texts = {pitch("30s", "peer in the target field", v)[0] for v in range(4)}
    assert len(texts) >= 3
    for text in texts:
        assert unsupported_entities(text, profile_texts(MAYA)) == []
        assert PITCH_KINDS["30s"].limits.problems(text) == []


def test_the_ask_suits_the_audience() -> None:
    assert "coffee" in pitch("30s", "coffee chat")[0]
    assert "hiring" in pitch("30s", "recruiter")[0] or "considered" in pitch("30s", "recruiter")[0]
    assert "coffee" not in pitch("30s", "recruiter")[0]
    assert audience_key("Hiring manager at Epic") == "interviewer"
    assert audience_key("someone at a meetup") == "coffee"


def test_headline_is_linkedin_shaped_and_about_has_paragraphs() -> None:
    headline, _ = pitch("headline")
    assert headline.startswith("Hospital pharmacist at Mercy Health → Product manager in health")
    assert " | " in headline and len(headline) <= 220
    about, facts = pitch("about")
    assert about.count("\n\n") >= 2
    assert len([f for f in facts if f.startswith("profile:proof:")]) == 4


def test_a_voice_without_contractions_gets_none() -> None:
    formal = MAYA.model_copy(update={"voice_sample": (
        "I am a careful and methodical person. I do not like to overstate results, and I would "
        "rather let the numbers speak. My colleagues describe me as calm and precise in my work.")})
    text, _ = pitch("30s", "coffee chat", profile=formal)
    assert "I am a hospital pharmacist" in text
    assert not re.search(r"\b(?:I'm|I'd|I've|that's)\b", text)
    assert PITCH_KINDS["30s"].limits.problems(text) == []


def test_brackets_and_braces_in_the_profile_never_reach_the_pitch() -> None:
    odd = MAYA.model_copy(update={
        "now": "Pharmacist [night shift] at {Mercy Health}",
        "proof_points": ["Cut errors 30% <internal>", "Led [40] clinic migrations"],
    })
    for kind in KINDS:
        text, _ = pitch(kind, profile=odd)
        assert not re.search(r"[\[\]{}<>]", text), text


def test_the_writers_own_words_hold_no_names_or_numbers() -> None:
    assert not any(re.search(r"\d", w) for w in fixed_words())
    for option in phrases._all_options():
        filled = option.format(**dict.fromkeys(fields_of(option), "x"))
        assert unsupported_entities(filled + ".", []) == [], option

