"""Where the user is going, said truthfully: a job they want is never one they already hold."""

from __future__ import annotations

import re

import pytest

from assistant.domain import Profile
from assistant.drafting.entities import unsupported_entities
from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.offline.clipping import clip
from assistant.drafting.offline.phrasing import first_person
from assistant.drafting.offline.pitch import build_pitch
from assistant.drafting.offline.pitch_fit import clip_clause
from assistant.drafting.offline.pitch_goals import is_activity, is_transition
from assistant.drafting.offline.pitch_material import digest
from assistant.drafting.offline.sounding_board import revise, score_pitch
from assistant.services.story.pitch import KINDS
from assistant.services.story.profile import profile_texts
from tests.unit.story.stories import MAYA

SPOKEN = ("one-liner", "30s", "60s", "tmay", "brand", "about")
JOBS = [
    ("Marketing manager at a startup", "marketing manager"),
    ("Learning designer at an edtech company", "learning designer"),
    ("Engineering manager", "engineering manager"),
    ("Accounting lead at a nonprofit", "accounting lead"),
    ("Nursing director", "nursing director"),
]


def texts(profile: Profile, kinds: tuple[str, ...] = SPOKEN) -> list[str]:
    """Every spoken kind, for two audiences and three variants."""
    return [build_pitch(profile, kind, audience, variant, PITCH_KINDS[kind].limits).text
            for kind in kinds for audience in ("coffee chat", "recruiter")
            for variant in range(3)]


@pytest.mark.parametrize(("goal", "role"), JOBS)
def test_an_ing_job_title_is_a_role_to_get_not_one_already_held(goal: str, role: str) -> None:
    profile = MAYA.model_copy(update={"next": goal})
    assert digest(profile, 0).next_form == "role"
    assert not is_activity(goal)
    for text in texts(profile):
        claimed = rf"\bI(?:'m| am) (?:an? )?{role}|These days I'm|Now I'm {role}"
        assert not re.search(claimed, text, re.IGNORECASE), text
        assert role in text.lower(), text  # the goal is still said, as a goal
    assert "a role as a" in " ".join(texts(profile, ("60s",))).replace(" an ", " a ")


@pytest.mark.parametrize("goal", [
    "Moving into UX research", "Transitioning into product management",
    "Learning Python for data analysis",
])
def test_a_move_under_way_still_reads_as_what_the_user_is_doing(goal: str) -> None:
    profile = MAYA.model_copy(update={"next": goal})
    assert digest(profile, 0).next_form == "ongoing"
    said = goal[0].lower() + goal[1:]
    for text in texts(profile, ("one-liner", "30s", "60s")):
        assert f"I'm {said}" in text, text


def test_a_move_names_its_field_in_the_bridge() -> None:
    profile = MAYA.model_copy(update={"next": "Moving into UX research"})
    joined = " ".join(texts(profile, ("30s", "60s")))
    assert re.search(r"(?:carries straight into|exactly what|bring to) UX research", joined)
    assert "the work I want to do next" not in joined


@pytest.mark.parametrize("goal", ["Building tools for teachers", "Teaching English abroad"])
def test_an_activity_the_user_only_wants_is_said_as_a_wish(goal: str) -> None:
    profile = MAYA.model_copy(update={"next": goal})
    assert digest(profile, 0).next_form == "aim"
    said = goal[0].lower() + goal[1:]
    for kind in ("one-liner", "30s", "60s"):
        for text in texts(profile, (kind,)):
            assert f"I'm {said}" not in text, text
            assert re.search(rf"(?:I want to be|I'd love to be doing next is) {said}", text), text
            assert unsupported_entities(text, profile_texts(profile)) == [], text
            assert PITCH_KINDS[kind].limits.problems(text) == [], text


@pytest.mark.parametrize(("text", "activity", "moving"), [
    ("Leading a team of 6 pharmacists", True, False),
    ("Teaching and mentoring new nurses", True, False),
    ("Moving into UX research", True, True),
    ("Working toward a PMP", True, True),
    ("Marketing manager at a startup", False, False),
    ("Learning and development at a tech company", False, False),
    ("Consulting for small businesses", False, False),
    ("Nursing", False, False),
    ("Product manager", False, False),
])
def test_activities_jobs_and_fields(text: str, activity: bool, moving: bool) -> None:
    assert is_activity(text) is activity
    assert is_transition(text) is moving or not activity


def test_a_field_in_ing_is_not_something_the_user_is_doing_now() -> None:
    assert digest(MAYA.model_copy(update={"next": "Learning and development"}), 0).next_form == (
        "field")
    assert first_person("Learning and development lead at Acme", {"Acme"})[1] == "noun"
    assert first_person("Managing a team of 6 pharmacists", set())[0] == (
        "I'm managing a team of 6 pharmacists")


ROSA = Profile(
    name="Rosa Quill",
    now="Secondary-school chemistry teacher in Leeds, 9 years in the classroom.",
    next="Instructional designer at an edtech company",
    strengths=["explaining hard ideas simply", "writing clear lesson plans"],
    proof_points=["Raised GCSE chemistry pass rates from 61% to 84% in three years",
                  "Cut marking time 25% with a shared feedback bank",
                  "Mentored 12 trainee teachers"],
    target_roles=["Instructional designer"],
)


@pytest.mark.parametrize(("budget", "expected"), [
    (10, "I'm a teacher in Leeds, 9 years in the classroom"),
    (9, "I'm a teacher in Leeds"),
    (8, "I'm a teacher in Leeds"),
    (7, "I'm a teacher in Leeds"),
])
def test_a_clipped_clause_never_ends_on_a_bare_count(budget: int, expected: str) -> None:
    fragment = "I'm a teacher in Leeds, 9 years in the classroom"
    assert clip(fragment, 8) == "I'm a teacher in Leeds, 9 years"  # what plain clipping does
    assert clip_clause(fragment, budget) == expected


@pytest.mark.parametrize(("fragment", "budget", "expected"), [
    ("I'm a nurse in Leeds, 9 years; I lead night shifts", 7, "I'm a nurse in Leeds, 9 years"),
    ("I cut medication errors 30% by redesigning the workflow", 5, "I cut medication errors 30%"),
    ("I led a team, 12 nurses across the county", 6, "I led a team"),
    ("I taught 2,000 students in Leeds over nine years", 5, "I taught 2,000 students"),
])
def test_clip_clause_keeps_what_the_user_wrote_as_a_whole(
    fragment: str, budget: int, expected: str,
) -> None:
    assert clip_clause(fragment, budget) == expected


def test_the_teacher_in_leeds_keeps_her_years_or_the_clause_ends_cleanly() -> None:
    found = texts(ROSA, KINDS)
    assert found
    for text in found:
        assert not re.search(r"Leeds, 9 years(?! in the classroom)", text), text
        assert "in Leeds" in text, text
    assert any("Leeds, 9 years in the classroom" in t for t in found)  # kept when it fits


def test_the_sounding_board_revision_ends_a_proof_point_cleanly() -> None:
    profile = MAYA.model_copy(update={"proof_points": [
        "Ran the pharmacy for the whole north wing of the hospital and two satellite clinics, "
        "14 years across rotating night shifts and weekends"]})
    pitch = "I'm a pharmacist. I want to be a product manager. Would you chat?"
    scores = score_pitch(pitch, "60s", PITCH_KINDS["60s"].limits, profile)
    revision = revise(pitch, "60s", PITCH_KINDS["60s"].limits, profile, scores)
    assert ("I ran the pharmacy for the whole north wing of the hospital and two "
            "satellite clinics. ") in revision
    assert "For example" not in revision

