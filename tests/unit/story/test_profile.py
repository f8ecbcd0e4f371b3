"""The profile: the Markdown format, saving, LinkedIn prefill, resume proof points, gaps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.app import Warmline
from assistant.domain import Position, Profile
from assistant.errors import ImportFileError, InputError
from assistant.services.story.profile import missing, prefill, profile_sources
from assistant.services.story.profile_markdown import (
    parse_profile_markdown,
    render_profile_markdown,
)
from tests.unit.story.stories import MAYA

MARKDOWN = """# Maya Chen

## Now
Hospital pharmacist at Mercy Health.
8 years in oncology.

## Next
Product manager in health tech

## Strengths
- translating clinical needs
  into clear requirements
* calm under pressure

## Proof points
1. Led migration of 40 clinics to a new EHR
2) Cut medication errors 30%

## Target roles
- Product manager

## Target companies
- Epic

## Audiences
- recruiter

## Values
- patient safety

## Voice sample
I'm direct.

I like showing a before-and-after.
"""


def test_markdown_format_reads_every_section() -> None:
    profile = parse_profile_markdown(MARKDOWN)
    assert profile.name == "Maya Chen"
    assert profile.now == "Hospital pharmacist at Mercy Health.\n8 years in oncology."
    assert profile.strengths == ["translating clinical needs into clear requirements",
                                 "calm under pressure"]
    assert profile.proof_points == ["Led migration of 40 clinics to a new EHR",
                                    "Cut medication errors 30%"]
    assert (profile.target_roles, profile.target_companies) == (["Product manager"], ["Epic"])
    assert profile.voice_sample == "I'm direct.\n\nI like showing a before-and-after."


def test_show_output_reads_back_as_the_same_story() -> None:
    assert parse_profile_markdown(render_profile_markdown(MAYA)).model_dump() == (
        MAYA.model_dump())


@pytest.mark.parametrize(("text", "message"), [
    ("## Hobbies\n- chess", r"unknown profile section '## Hobbies'; use: Now, Next"),
    ("## Now\nx\n## now\ny", "appears twice"),
    ("Hospital pharmacist\n## Now\nx", "line 1: text before the first '## Section' heading"),
    ("", "no '## Now', '## Next' or other sections"),
])
def test_bad_markdown_is_one_clear_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_profile_markdown(text)


def test_aliases_are_accepted() -> None:
    profile = parse_profile_markdown("## Achievements\n- Won X\n## Companies\n- Acme\n## Voice\nHi")
    assert (profile.proof_points, profile.target_companies, profile.voice_sample) == (
        ["Won X"], ["Acme"], "Hi")


def test_set_from_file_replaces_the_story_but_keeps_linkedin_data(
    app_factory: Callable[..., Warmline], tmp_path: Path,
) -> None:
    app = app_factory()
    app.stores.records.put_profile(Profile(headline="Pharmacist", summary="About me",
                                    positions=[Position(company="Mercy Health")],
                                    strengths=["old strength"]))
    path = tmp_path / "me.md"
    path.write_text("## Now\nHospital pharmacist\n## Next\nPM\n", encoding="utf-8")
    saved = app.profiles.set_from_markdown(path).profile
    assert (saved.now, saved.next, saved.strengths) == ("Hospital pharmacist", "PM", [])
    stored = app.stores.records.get_profile()
    assert stored.headline == "Pharmacist" and stored.positions[0].company == "Mercy Health"


def test_unreadable_profile_files_change_nothing(
    app_factory: Callable[..., Warmline], tmp_path: Path,
) -> None:
    app = app_factory()
    app.profiles.save(MAYA)
    bad = tmp_path / "me.md"
    bad.write_bytes("## Now\nPharmacist \xe9".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        app.profiles.set_from_markdown(bad)
    with pytest.raises(InputError, match="cannot read"):
        app.profiles.set_from_markdown(tmp_path / "missing.md")
    assert app.profiles.get() == MAYA


def test_update_takes_one_list_item_per_line(app: Warmline) -> None:
    saved = app.profiles.update(strengths="- calm\n\n  SQL  \n", now="  Analyst ")
    assert (saved.strengths, saved.now) == (["calm", "SQL"], "Analyst")
    with pytest.raises(InputError, match="unknown profile field"):
        app.profiles.update(salary="lots")


def test_linkedin_import_prefills_empty_story_fields() -> None:
    imported = Profile(
        headline="Pharmacist | Health tech", summary=" ".join(["I like clear work."] * 8),
        positions=[Position(company="Mercy Health", title="Hospital Pharmacist",
                            description="Led migration of 40 clinics. Mentored staff weekly on "
                                        "safety. Cut errors 30% across the oncology unit."),
                   Position(company="CVS", title="Pharmacist", finished_on="2019")],
    )
    filled = prefill(imported)
    assert filled.now == "Hospital Pharmacist at Mercy Health"
    assert filled.proof_points == ["Led migration of 40 clinics",
                                   "Cut errors 30% across the oncology unit"]
    assert filled.voice_sample.startswith("I like clear work.")
    assert prefill(MAYA) == MAYA  # a user's own words are never replaced


def test_missing_names_the_gaps_per_kind() -> None:
    empty = Profile()
    assert missing(empty, "headline") == ["Now (where you are today)",
                                          "Next (the role or field you are moving into)"]
    one = Profile(now="x", next="y", proof_points=["a", "A."])  # the same point twice
    assert missing(one, "30s") == [
        "Proof points (achievements, ideally with numbers): at least 2, you have 1"]
    assert missing(one, "one-liner") == []


def test_resume_bullets_with_numbers_become_proof_points(app: Warmline, tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text("Experience\n- Led migration of 40 clinics to a new EHR\n"
                      "- Built a formulary tracker used by 300 staff\n- Helped with audits\n",
                      encoding="utf-8")
    added = app.profiles.add_resume_proof(resume)
    assert added == ["Built a formulary tracker used by 300 staff"]  # the other one is known
    assert app.profiles.get().proof_points[-1] == "Built a formulary tracker used by 300 staff"
    plain = tmp_path / "plain.txt"
    plain.write_text("- Helped with audits\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="no bullet points with numbers"):
        app.profiles.add_resume_proof(plain)


def test_sources_have_stable_ids() -> None:
    ids = [s.id for s in profile_sources(MAYA)]
    assert ids[:3] == ["profile:now", "profile:next", "profile:proof:1"]
    assert "profile:target_companies" in ids


def test_adding_resume_bullets_is_previewed_and_skips_weak_and_near_copies(
    app: Warmline, tmp_path: Path
) -> None:
    app.profiles.update(proof_points="Cut medication errors 30% by redesigning order verification")
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Experience\n- Cut medication errors by 30% by redesigning the order verification\n"
        "- Responsible for the audit program across 12 sites\n"
        "- Built a formulary tracker used by 300 staff\n"
        "- Built formulary tracker used by 300 staff members\n", encoding="utf-8")
    preview = app.profiles.preview_resume_proof(resume)
    assert preview.add == ["Built a formulary tracker used by 300 staff"]
    reasons = dict(preview.skipped)
    assert "weak" in reasons["Responsible for the audit program across 12 sites"]
    assert "same achievement" in reasons[
        "Cut medication errors by 30% by redesigning the order verification"]
    assert "same achievement" in reasons["Built formulary tracker used by 300 staff members"]
    assert len(app.profiles.get().proof_points) == 1  # a preview saves nothing
    assert "Would add" in preview.markdown() and "Skipped" in preview.markdown()
    assert app.profiles.add_resume_proof(resume) == preview.add
    assert len(app.profiles.get().proof_points) == 2
