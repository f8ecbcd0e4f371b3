"""Issue #11 point 5: pitches without padding or dangling openers, all of Now said, field text
rephrased, the strongest results chosen by measured change, and a sounding board that keeps
what works."""

from __future__ import annotations

import re

import pytest

from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.offline.phrasing import rank_proof
from assistant.drafting.offline.pitch import build_pitch
from assistant.drafting.offline.sounding_board import CONNECTIVE, revise, score_pitch
from assistant.services.story.intake import read_story
from tests.unit.story.stories import MAYA

PADDING = ("short version of my story", "results I'm proudest of", "results I am proudest of",
           "That's my starting point", "That is my starting point", "in a nutshell",
           "Thanks for listening", "stand out", "where I am today", "what comes next")
SPOKEN = ("30s", "60s", "tmay", "about", "one-liner")


def _pitch(profile: object, kind: str, variant: int = 0, audience: str = "recruiter") -> str:
    return build_pitch(profile, kind, audience, variant, PITCH_KINDS[kind].limits).text  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", SPOKEN)
def test_no_pitch_is_padded_or_opens_a_sentence_with_for_example(kind: str) -> None:
    for variant in range(4):
        for audience in ("recruiter", "coffee chat", ""):
            text = _pitch(MAYA, kind, variant, audience)
            assert not [p for p in PADDING if p.lower() in text.lower()], text
            assert "For example" not in text, text
            assert not CONNECTIVE.match(text), text


def test_longer_pitches_say_all_of_now() -> None:
    for kind in ("60s", "tmay", "about"):
        text = _pitch(MAYA, kind)
        assert "pharmacist" in text and "oncology" in text, (kind, text)


def test_a_now_whose_first_sentence_names_no_role_still_gives_the_role() -> None:
    profile = MAYA.model_copy(update={
        "now": "Returning to finance after a five-year career break. Before my break I was a "
               "senior financial analyst at Vestas."})
    text = _pitch(profile, "30s")
    assert "returning to finance" in text.lower() and "analyst" in text, text


def test_a_buried_role_is_rephrased_not_pasted() -> None:
    profile = MAYA.model_copy(update={
        "now": "For 6 years I've been the development coordinator at Harbor Food Bank in Tacoma"})
    text = _pitch(profile, "30s")
    assert text.startswith(("I've been a development coordinator", "Right now, I've been a "
                            "development coordinator", "Today, I've been a development")), text
    assert "been a for" not in text


def test_field_text_with_a_label_is_rephrased_to_fit() -> None:
    profile = MAYA.model_copy(update={"next": "What's next: I'm looking to move into a fundraising "
                                               "operations or CRM manager role at a larger org"})
    story = read_story("I'm a development coordinator. I grew monthly donors from 80 to 1,100. "
                       "I wrote a grant that brought in $450K.\n\n" + profile.next)
    assert story.profile.next == "Fundraising operations or CRM manager at a larger org"
    text = _pitch(MAYA.model_copy(update={"next": story.profile.next}), "30s")
    assert "What's next" not in text and "role role" not in text, text


def test_measured_change_beats_size_alone() -> None:
    ranked = rank_proof(["Manage the lab's $500K equipment budget",
                         "Cut screening time from 8 weeks to 10 days with a new method",
                         "Supervised a team of 12 sailors"])
    assert ranked[0].startswith("Cut screening time")
    assert ranked[-1].startswith("Supervised")


def test_a_letter_with_greeting_and_sign_off_is_read_as_a_story() -> None:
    story = read_story("Dear Hiring Manager,\n\nI currently work as a warehouse shift supervisor "
                       "at a Kroger distribution center. I reduced mis-picks by 31% by "
                       "reorganizing slotting, and I built an Excel model that cut overtime "
                       "costs by $120,000 a year.\n\nSincerely,\nKwame Mensah")
    assert "supervisor" in story.profile.now
    assert "Dear" not in " ".join([story.profile.now, *story.profile.proof_points])
    assert len(story.profile.proof_points) == 2


def test_a_third_person_bio_becomes_first_person() -> None:
    story = read_story("Elena Vasquez is a high school Spanish teacher with 14 years in the "
                       "classroom. She designed a dual-language program that now serves 400 "
                       "students. Elena is now pursuing a move into corporate learning and "
                       "development.")
    assert story.profile.now.startswith("I am a high school Spanish teacher")
    assert story.profile.proof_points == [
        "Designed a dual-language program that now serves 400 students"]
    assert story.profile.next.lower() == "corporate learning and development"


def test_a_list_of_achievements_in_one_sentence_is_split_and_emoji_lines_are_bullets() -> None:
    story = read_story("Development coordinator at a food bank for 6 years. I grew our monthly "
                       "donor program from 80 to 1,100 donors, and moved all our donor records "
                       "into Salesforce.\n📈 140% of goal in 2023\n🤝 Wrote the grant that "
                       "brought in $450K")
    points = story.profile.proof_points
    assert any("1,100" in p and "Salesforce" not in p for p in points), points
    assert any(p.startswith("140%") for p in points) and any("$450K" in p for p in points)


def test_the_revision_replaces_cliches_keeps_now_and_opens_cleanly() -> None:
    pitch = ("I'm a hospital pharmacist at Mercy Health. I'm a hard worker and a team player. "
             "I want to be a product manager in health tech.")
    limits = PITCH_KINDS["30s"].limits
    revision = revise(pitch, "30s", limits, MAYA, score_pitch(pitch, "30s", limits, MAYA))
    assert "hard worker" not in revision and "team player" not in revision
    assert "30%" in revision  # the user's own strongest result took the cliche's place
    assert revision.startswith("I'm a hospital pharmacist at Mercy Health.")
    assert "product manager" in revision
    first = re.split(r"(?<=[.!?])\s+", revision)[0]
    assert not CONNECTIVE.match(first)


def test_a_revision_of_a_pitch_without_now_adds_it_and_never_opens_with_a_connective() -> None:
    pitch = "For example, I trained 120 nurses. Also, I want to be a product manager."
    limits = PITCH_KINDS["30s"].limits
    revision = revise(pitch, "30s", limits, MAYA, score_pitch(pitch, "30s", limits, MAYA))
    assert revision.startswith("I'm a hospital pharmacist"), revision
    assert "120 nurses" in revision
