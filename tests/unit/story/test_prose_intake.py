"""Prose profiles in the shapes people paste them: the role, where next, and the results."""

from __future__ import annotations

import pytest

from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.language import intake as lang
from assistant.drafting.language.clauses import shorten
from assistant.drafting.language.story import current_role
from assistant.drafting.language.story_lines import to_first_person
from assistant.drafting.offline.clipping import result_floor
from assistant.drafting.offline.phrasing import change_ratio, rank_proof
from assistant.drafting.offline.pitch import build_pitch
from assistant.drafting.offline.pitch_fit import Part
from assistant.drafting.offline.pitch_material import _next_form
from assistant.services.story.intake import read_story
from evals.suites.story_intake import role_head


@pytest.mark.parametrize(("sentence", "now", "target"), [
    ("I've spent 8 years as a veterinary technician in Calgary, and I'm now moving into "
     "medical device sales.", "veterinary technician", "Medical device sales"),
    ("I've been front office manager at a hotel for 7 years, and what I want now is a revenue "
     "analyst job, ideally with a hotel group.", "front office manager", "Revenue analyst"),
    ("Court interpreter for 10 years (Spanish/English), transitioning to localization project "
     "manager.", "Court interpreter", "Localization project manager"),
])
def test_one_sentence_with_now_and_next_gives_both(sentence: str, now: str, target: str) -> None:
    profile = read_story(sentence + " I cut costs by 20%. I trained 12 new hires.").profile
    assert now.lower() in profile.now.lower()
    assert profile.next == target


def test_a_sentence_about_a_move_made_is_a_proof_point_not_a_wish() -> None:
    assert lang.kind_of("Over the past four years I led our department's move to blended "
                        "learning") == lang.PROOF
    assert lang.kind_of("I want to move into product management") == lang.NEXT


@pytest.mark.parametrize(("text", "target"), [
    ("I'm a bank teller, 6 years at a branch. want: fraud analyst. I cut review time by half.",
     "Fraud analyst"),
    ("- 6 years as a line mechanic\n- Cut groundings 40%\n- Looking at: reliability engineer "
     "or maintenance planner jobs", "Reliability engineer or maintenance planner"),
    ("# About me\n\nI work as a senior librarian in Harare.\n\n## What I'm aiming for\nContent "
     "design roles, especially on civic services.\n\n## Done\n- Cut form errors from 31% to 6%",
     "Content design"),
    ("Store manager | 6 years in fashion retail | moving into e-commerce merchandising\n\nI grew "
     "sales 27%.", "e-commerce merchandising"),
])
def test_where_next_is_found_under_labels_headings_and_headlines(text: str, target: str) -> None:
    assert read_story(text).profile.next == target


def test_a_letter_s_signature_and_boilerplate_are_not_the_story() -> None:
    profile = read_story(
        "Dear Hiring Team,\n\nI am writing to apply for the Analyst position. I am currently an "
        "inventory planner at Pike Hardware. I rebuilt the reorder rules, which reduced stockouts "
        "by 27%. I am passionate about supply chains, detail-oriented and committed to excellence. "
        "I am a quick learner and a team player who thrives in fast-paced environments.\n\n"
        "Sincerely,\nGrace Okafor").profile
    assert "Okafor" not in profile.now and "team player" not in profile.now
    assert not [p for p in profile.proof_points if "passionate" in p or "team player" in p]
    assert lang.kind_of("Grace Okafor") != lang.NOW  # "-or" names no role in a surname


def test_numbers_in_words_measure_a_result_but_years_in_a_role_do_not() -> None:
    assert lang.kind_of("Pass rates on the national exam rose from sixty-two percent to "
                        "eighty-one percent") == lang.PROOF
    assert lang.kind_of("For five years I've sat between the marketing team and the data") == \
        lang.NOW


def test_a_result_said_after_a_semicolon_stays_with_its_action() -> None:
    story = read_story("I'm a librarian.\n\n- Rewrote the membership forms in plain language; "
                       "completion errors dropped from 31% to 6%.\n- Wrote the station SOP; used "
                       "in the 2023 floods to evacuate 1,100 residents").profile
    assert any("plain language" in p and "31%" in p for p in story.proof_points)
    assert any("SOP" in p and "1,100" in p for p in story.proof_points)
    assert "31%" not in story.now


def test_two_measured_results_and_a_list_of_actions_are_split() -> None:
    story = read_story(
        "I'm a PE teacher. I started a fitness club that grew from 12 to 140 students, and after "
        "two years our absence rate dropped from 11% to 6%. In that time I grew our donor program "
        "from 80 to 1,100 donors, wrote the grant that brought in $450K, and moved our records "
        "into Salesforce. I mediate conflict daily, I trained 11 new starters.").profile
    points = story.proof_points
    assert any(p.startswith("Started a fitness club") and "140" in p and "11%" not in p
               for p in points)
    assert any("absence rate dropped from 11% to 6%" in p for p in points)
    assert any(p.startswith("Wrote the grant") for p in points)
    assert any(p.startswith("Trained 11 new starters") for p in points)


def test_a_third_person_bio_is_in_the_first_person_wherever_the_name_stands() -> None:
    name = "Jordan Reyes"
    assert to_first_person("Over five years, Jordan has run 11 trials.", name) == \
        "Over five years, I have run 11 trials."
    assert to_first_person("Jordan's redesign raised enrollment.", name) == \
        "My redesign raised enrollment."
    assert to_first_person("Jordan oversees 45 grants and leads 5 people.", name) == \
        "I oversee 45 grants and lead 5 people."


def test_a_name_before_the_role_and_a_role_in_a_later_clause_are_read() -> None:
    story = read_story("Hey, I'm Sofia Lindgren 👋 senior graphic designer, 7 years, mostly "
                       "packaging. I want my next role to be junior front-end developer. I cut "
                       "load time from 6s to 1.8s.").profile
    assert story.now.startswith("I'm a senior graphic designer")
    assert story.next == "Junior front-end developer"
    assert current_role("I grew up on the farm, and for twelve years I've worked as a dairy "
                        "farmer there") == "dairy farmer"


def test_the_bigger_change_ranks_first_whatever_way_it_is_said() -> None:
    assert change_ratio("deflects 4 times as many tickets") == 4
    assert change_ratio("cut first response time from 11 hours to 90 minutes") > 7
    assert change_ratio("turnover takes 8 min instead of 15") > 1.8
    assert change_ratio("went from 9 non-conformities to zero") >= 10
    assert change_ratio("cut review time by like half") == 2
    assert change_ratio("raised CSAT from 82% to 94%") < 1.25
    ranked = rank_proof(["Raised our CSAT from 82% to 94% in eighteen months",
                         "Launched a help center that deflects 4 times as many tickets",
                         "Trained the two new hygienists"])
    assert ranked[0].startswith("Launched") and ranked[-1].startswith("Trained")


def test_a_clipped_proof_keeps_its_result_and_its_whole_range() -> None:
    clause = ("I led the design of a 140-unit housing block that cut projected energy use by 35% "
              "against the local baseline, and my team's strategy became the template")
    assert result_floor(clause) == 16
    assert shorten(clause, 16).endswith("by 35%")
    shorter = shorten("I got our orientation translated into Spanish and Polish, and incident "
                      "reports went down 25% after that", 16)
    assert "down 25%" in shorter and "and," not in shorter
    assert shorten("I cut food waste by 22% by changing how we prepped and labelled", 12) == \
        "I cut food waste by 22% by changing how we prepped"
    ranged = shorten("In that time I grew our monthly donor program from 80 to 1,100 donors, wrote "
                     "the grant that brought in $450K from the state", 12)
    assert "from 80" not in ranged or "1,100" in ranged


def test_the_present_sentence_never_loses_the_role() -> None:
    part = Part(10, "", "I've spent 8 years as a veterinary technician at a busy 24-hour "
                "emergency clinic in Calgary", budget=9, floor=3, keep="technician")
    assert "veterinary technician" in part.text()


def test_a_job_title_that_opens_with_a_verb_is_still_a_job() -> None:
    assert _next_form("Support operations manager") == ("Support operations manager", "role")
    assert _next_form("Lead a team as a manager")[1] == "verb"


def test_the_eval_reads_the_role_without_its_years() -> None:
    assert role_head("Court interpreter for 10 years") == "interpreter"
    assert role_head("licensed architect at Mehta & Iyer Studio") == "architect"


def test_a_pasted_story_gives_a_30s_pitch_with_the_role_and_both_results() -> None:
    profile = read_story(
        "I've spent 8 years as a veterinary technician at a busy 24-hour emergency clinic in "
        "Calgary, and I'm now moving into medical device sales. At the clinic I rebuilt our "
        "inventory system and cut expired-stock waste by 38% in a year. I trained 14 new techs "
        "on anaesthesia monitoring equipment.").profile
    text = build_pitch(profile, "30s", "", 0, PITCH_KINDS["30s"].limits).text
    assert "veterinary technician" in text and "38%" in text and "14 new techs" in text
    assert PITCH_KINDS["30s"].limits.problems(text) == []


def test_small_rules_that_keep_prose_readable() -> None:
    assert to_first_person("He ran 8 assessments, teaching himself the method.", "Rohan Iyer") == \
        "I ran 8 assessments, teaching myself the method."
    for budget in (8, 10, 12):
        short = shorten("I've been a licensed architect at Mehta and Iyer Studio for eleven years "
                        "in Pune", budget)
        assert "Mehta and Iyer Studio" in short or "Mehta" not in short, short
    assert lang.as_bullet("I have written curriculum since 2019") == \
        "I have written curriculum since 2019"
    assert lang.as_bullet("I led the rollout") == "Led the rollout"
    clause = ("I built the first outcomes database, which cut the time to compile annual funder "
              "reports from three weeks to four days")
    assert result_floor(clause) == len(clause.split())
    story = read_story("I'm a Spanish teacher. I designed a program that now serves 400 students, "
                       "and my pass rate rose from 61% to 89%.").profile
    assert "My pass rate rose from 61% to 89%" in story.proof_points
