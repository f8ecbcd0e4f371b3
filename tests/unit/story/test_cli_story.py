"""The story commands: JSON on stdout, one clear line on stderr and exit 1 on error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.services.story.profile_markdown import render_profile_markdown
from tests.unit.story.stories import MAYA


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    path = tmp_path / "me.md"
    path.write_text(render_profile_markdown(MAYA), encoding="utf-8")
    return path


def test_pitch_before_a_profile_is_one_clear_line(run_cli: Callable) -> None:
    code, out, err = run_cli("pitch", "--json")
    assert (code, out) == (1, "")
    assert err.startswith("warmline: your profile is missing Now (where you are today)")
    assert err.count("\n") == 1


def test_profile_set_show_and_pitch(run_cli: Callable, story_file: Path) -> None:
    code, out, err = run_cli("profile", "set", "--file", str(story_file), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["profile"]["proof_points"] == MAYA.proof_points
    code, out, _ = run_cli("profile", "show")
    assert code == 0 and out == render_profile_markdown(MAYA)
    shown = json.loads(run_cli("profile", "show", "--json")[1])
    assert shown["missing"] == [] and shown["prefilled"] == []
    code, out, err = run_cli("pitch", "--kind", "one-liner", "--audience", "coffee chat",
                         "--variant", "1", "--json")
    pitch = json.loads(out)
    assert (code, err, pitch["kind"], pitch["engine"], pitch["variant"]) == (
        0, "", "one-liner", "offline", 1)
    assert pitch["word_count"] <= 30 and pitch["sources"]
    code, out, _ = run_cli("pitch", "--kind", "30s")
    assert code == 0 and "words ·" in out and "at 140 wpm" in out and "profile:proof:3" in out


def test_critique_takes_text_or_a_file(run_cli: Callable, story_file: Path, tmp_path: Path) -> None:
    run_cli("profile", "set", "--file", str(story_file))
    code, out, err = run_cli("sounding-board", "I am a pharmacist. I want to be a PM.", "--json")
    result = json.loads(out)
    assert (code, err) == (0, "")
    assert [s["name"] for s in result["scores"]] == [
        "clarity", "evidence", "bridge", "ask", "sounds_like_you", "length"]
    assert result["revision"] and 2 <= len(result["questions"]) <= 3
    pitch = tmp_path / "pitch.txt"
    pitch.write_text("I cut medication errors 30%. Would you have time for a coffee?",
                     encoding="utf-8")
    code, out, _ = run_cli("sounding-board", "--file", str(pitch), "--kind", "one-liner")
    assert code == 0 and "Suggested revision" in out and "Changes since your last version" in out
    assert run_cli("sounding-board")[2] == (
        "warmline: give the pitch as an argument, with --file FILE, or '-' to read stdin\n")


def test_review_resume_json_and_bad_file(run_cli: Callable, tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text("- Responsible for managing the budget\n- Cut costs 12%\n",
                      encoding="utf-8")
    code, out, _ = run_cli("review-resume", str(resume), "--json")
    review = json.loads(out)
    assert code == 0 and review["counts"]["weak-verb"] == 1 and review["bullets"] == 2
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert run_cli("review-resume", str(empty)) == (1, "", "warmline: empty.pdf is empty\n")


def test_profile_set_needs_a_file(run_cli: Callable) -> None:
    code, _, err = run_cli("profile", "set")
    assert code == 1 and "give --file FILE" in err
