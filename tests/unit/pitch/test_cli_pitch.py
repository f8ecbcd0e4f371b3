"""The story commands: JSON on stdout, one clear line on stderr and exit 1 on error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import assistant.cli
import assistant.cli.common
from assistant.app import build_app
from assistant.services.profile_markdown import render_profile_markdown
from assistant.settings import load_settings
from tests.fakes import HashEmbeddings
from tests.unit.pitch.stories import MAYA


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> Callable[..., tuple[int, str, str]]:
    """Run ``warmline ARGS`` in-process (offline, hash embeddings); return (code, out, err)."""
    embeddings = HashEmbeddings()
    monkeypatch.setattr(assistant.cli.common, "build_app",
                        lambda: build_app(load_settings(), backend=None, embeddings=embeddings))
    monkeypatch.setattr(assistant.cli, "configure_logging", lambda: tmp_path / "log")

    def invoke(*args: str) -> tuple[int, str, str]:
        code = 0
        try:
            assistant.cli.main(list(args))
        except SystemExit as e:
            code = int(e.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    path = tmp_path / "me.md"
    path.write_text(render_profile_markdown(MAYA), encoding="utf-8")
    return path


def test_pitch_before_a_profile_is_one_clear_line(run: Callable) -> None:
    code, out, err = run("pitch", "--json")
    assert (code, out) == (1, "")
    assert err.startswith("warmline: your profile is missing Now (where you are today)")
    assert err.count("\n") == 1


def test_profile_set_show_and_pitch(run: Callable, story_file: Path) -> None:
    code, out, err = run("profile", "set", "--file", str(story_file), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["profile"]["proof_points"] == MAYA.proof_points
    code, out, _ = run("profile", "show")
    assert code == 0 and out == render_profile_markdown(MAYA)
    shown = json.loads(run("profile", "show", "--json")[1])
    assert shown["missing"] == [] and shown["prefilled"] == []
    code, out, err = run("pitch", "--kind", "one-liner", "--audience", "coffee chat",
                         "--variant", "1", "--json")
    pitch = json.loads(out)
    assert (code, err, pitch["kind"], pitch["engine"], pitch["variant"]) == (
        0, "", "one-liner", "offline", 1)
    assert pitch["word_count"] <= 30 and pitch["sources"]
    code, out, _ = run("pitch", "--kind", "30s")
    assert code == 0 and "words ·" in out and "at 140 wpm" in out and "profile:proof:3" in out


def test_critique_takes_text_or_a_file(run: Callable, story_file: Path, tmp_path: Path) -> None:
    run("profile", "set", "--file", str(story_file))
    code, out, err = run("critique", "I am a pharmacist. I want to be a PM.", "--json")
    result = json.loads(out)
    assert (code, err) == (0, "")
    assert [s["name"] for s in result["scores"]] == [
        "clarity", "evidence", "bridge", "ask", "sounds_like_you", "length"]
    assert result["revision"] and 2 <= len(result["questions"]) <= 3
    pitch = tmp_path / "pitch.txt"
    pitch.write_text("I cut medication errors 30%. Would you have time for a coffee?",
                     encoding="utf-8")
    code, out, _ = run("critique", "--file", str(pitch), "--kind", "one-liner")
    assert code == 0 and "Suggested revision" in out and "Changes since your last version" in out
    assert run("critique")[2] == (
        "warmline: give the pitch as an argument, with --file FILE, or '-' to read stdin\n")


def test_review_resume_json_and_bad_file(run: Callable, tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text("- Responsible for managing the budget\n- Cut costs 12%\n",
                      encoding="utf-8")
    code, out, _ = run("review-resume", str(resume), "--json")
    review = json.loads(out)
    assert code == 0 and review["counts"]["weak-verb"] == 1 and review["bullets"] == 2
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert run("review-resume", str(empty)) == (1, "", "warmline: empty.pdf is empty\n")


def test_profile_set_needs_a_file(run: Callable) -> None:
    code, _, err = run("profile", "set")
    assert code == 1 and "give --file FILE" in err
