"""Story & Pitch in a real headless Chromium: edit the story, write, copy, critique, revise.

One page walks the whole flow on the offline engine, the way a user would, and every step
checks what the user sees against the profile they typed: nothing made up, nothing left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.text import WORDS_PER_MINUTE, count_chars, count_words
from tests.e2e.browser import (
    RENDER_TIMEOUT_MS,
    allow_clipboard,
    clipboard,
    fill,
    heading,
    open_tab,
    toast,
    value,
)
from tests.e2e.conftest import BrowserPage, ServedApp

# Without playwright the whole module skips, like the fixtures do, instead of failing to import.
expect = pytest.importorskip("playwright.sync_api").expect

# A synthetic person: a chemistry teacher moving into instructional design.
STORY = {
    "story-name": "Rosa Quill",
    "story-now": "Secondary-school chemistry teacher in Leeds, 9 years in the classroom.",
    "story-next": "Instructional designer at an edtech company",
    "story-strengths": "explaining hard ideas simply\nwriting clear lesson plans\n"
                       "reading classroom data",
    "story-proof": "Raised GCSE chemistry pass rates from 61% to 84% in three years\n"
                   "Built a 40-lesson online revision course used by 600 students\n"
                   "Mentored 12 trainee teachers\n"
                   "Cut marking time 25% with a shared feedback bank",
    "story-roles": "Instructional designer\nLearning experience designer",
    "story-companies": "Oak National Academy\nSeneca Learning",
    "story-values": "curiosity\nfairness",
    "story-voice": "I'd rather show than tell. Short sentences, one idea at a time, and a real "
                   "example from my classroom before any theory.",
}
PROOF = STORY["story-proof"].split("\n")
# A distinctive piece of each proof point: a grounded pitch repeats at least one of them.
PROOF_MARKERS = ("61% to 84%", "600 students", "12 trainee teachers", "25%")
RUBRIC = ("clarity", "evidence", "bridge", "ask", "sounds like you", "length")
ROUGH = "I'm a teacher and I leverage synergies across stakeholders. Now I want something new."
RESUME = """Rosa Quill
Chemistry teacher, Leeds

- Responsible for the year 10 timetable
- Raised GCSE chemistry pass rates from 61% to 84% in three years
- Planned lessons with collegues across the the science department
"""


@pytest.fixture(autouse=True)
def _patient_expect() -> Iterator[None]:
    """``expect`` waits 5 s by default; a loaded 2-core machine may need the page's full wait."""
    expect.set_options(timeout=RENDER_TIMEOUT_MS)
    yield
    expect.set_options(timeout=5_000)


def profile_text() -> str:
    return " ".join(STORY.values())


def assert_grounded(text: str) -> None:
    """A pitch a person could say: their own proof, their own numbers, no template left over."""
    assert text.strip(), "the pitch is empty"
    assert not re.search(r"[\[\]{}<>]|\(none\)|TODO|lorem", text, re.IGNORECASE), text
    assert any(marker in text for marker in PROOF_MARKERS), f"no proof point in: {text}"
    mine = profile_text()
    invented = [n for n in re.findall(r"\d+(?:[.,]\d+)?%?", text) if n not in mine]
    assert not invented, f"numbers that are not in the profile: {invented} in {text}"
    # The next role is where they're going, not a job they already hold.
    role = re.escape(STORY["story-next"].split(" at ")[0])
    assert not re.search(rf"\bI(?:'m| am) (?:an? )?{role}", text, re.IGNORECASE), text


def expect_counts(page: Any, text: str) -> None:
    """The counts line says what the text really is: words, seconds at 140 wpm, characters."""
    words = count_words(text)
    seconds = round(words * 60 / WORDS_PER_MINUTE)
    expect(page.locator("#pitch-counts")).to_have_text(
        f"{words} words · {seconds} s at {WORDS_PER_MINUTE} wpm · {count_chars(text)} characters"
        " · engine: offline")


def rubric(page: Any) -> dict[str, tuple[int, str]]:
    """The sounding board's table as {criterion: (score, reason)}."""
    rows = page.locator("#critique-result tbody tr")
    out = {}
    for i in range(rows.count()):
        name, score, reason = rows.nth(i).locator("td").all_inner_texts()
        found = re.fullmatch(r"([1-5])/5", score.strip())
        assert found, f"{name}: score {score!r}"
        out[name.strip()] = (int(found.group(1)), reason.strip())
    return out


def total(page: Any) -> int:
    found = re.search(r"Total (\d+)/30", page.locator("#critique-result").inner_text())
    assert found
    return int(found.group(1))


def critique(page: Any, text: str, version: int) -> dict[str, tuple[int, str]]:
    """Paste ``text`` on the sounding board, run it, wait for its version in the history."""
    fill(page, "critique-input", text)
    page.locator("#critique-run").click()
    expect(page.locator("#critique-history")).to_contain_text(f"Version {version}")
    return rubric(page)


def test_story_and_pitch_flow(
    served_app: ServedApp, browser_page: BrowserPage, tmp_path: Path,
) -> None:
    page = browser_page.goto(served_app.url)
    allow_clipboard(page, served_app.url)
    open_tab(page, "Story & Pitch")
    heading(page, "Your story").wait_for(state="visible")
    status = page.locator("#story-status")

    # 1a. An empty story saves, and says what a pitch still needs; writing one names the gaps.
    page.locator("#story-save").click()
    expect(status).to_contain_text("Before you can write a 30s pitch, fill in")
    for gap in ("Now", "Next", "Proof points"):
        assert gap in status.inner_text()
    page.locator("#pitch-generate").click()
    error = toast(page, "your profile is missing").inner_text()
    assert "Now (where you are today)" in error and "Proof points" in error, error
    assert value(page, "pitch-text") == "", "a pitch was made up from an empty profile"

    # 1b. Edit the story and save it: the page confirms, the profile service holds it.
    for elem_id, text in STORY.items():
        fill(page, elem_id, text)
    page.locator("#story-save").click()
    expect(status).to_contain_text("Saved: 4 proof points, 3 strengths.")
    assert "Before you can write" not in status.inner_text()
    saved = served_app.app.profiles.get()
    assert (saved.name, saved.now, saved.next) == (
        STORY["story-name"], STORY["story-now"], STORY["story-next"])
    assert saved.proof_points == PROOF
    assert saved.target_companies == ["Oak National Academy", "Seneca Learning"]

    # 2. Write a 30-second pitch: grounded, counted, by the offline engine.
    expect(page.locator("#pitch-kind input")).to_have_value("30s")
    page.locator("#pitch-generate").click()
    expect(page.locator("#pitch-text textarea")).not_to_have_value("")
    first = value(page, "pitch-text")
    assert_grounded(first)
    expect_counts(page, first)
    assert "profile:proof:" in page.locator("#pitch-sources").inner_text()
    assert not page.locator("#pitch-notice").is_visible()
    assert "offline" in page.locator("#wl-engine").inner_text()

    # 3. Copy it: the clipboard holds exactly the pitch.
    copy = page.locator("#pitch-text").get_by_role("button", name="Copy")
    copy.click()
    page.locator("#pitch-text").get_by_role("button", name="Copied").wait_for()
    assert clipboard(page) == first

    # 4. Another version: different words, the same facts.
    page.locator("#pitch-regenerate").click()
    expect(page.locator("#pitch-variant input")).to_have_value("1")
    expect(page.locator("#pitch-text textarea")).not_to_have_value(first)
    second = value(page, "pitch-text")
    assert_grounded(second)
    expect_counts(page, second)

    # 5. The sounding board: the copied pitch, pasted, gets every score with a reason.
    page.get_by_text("Revision history").click()
    page.locator("#critique-input textarea").click()
    page.keyboard.press("ControlOrMeta+V")
    expect(page.locator("#critique-input textarea")).to_have_value(first)
    page.locator("#critique-run").click()
    expect(page.locator("#critique-history")).to_contain_text("Version 1")
    scores = rubric(page)
    assert set(scores) == set(RUBRIC), scores
    assert all(reason for _, reason in scores.values()), scores
    assert "scored by offline" in page.locator("#critique-result").inner_text()
    questions = page.locator("#critique-questions li").all_inner_texts()
    assert len(questions) >= 2 and all(q.strip().endswith("?") for q in questions), questions

    # 6. A rough draft of their own scores low; using the suggested revision scores higher,
    # and the history keeps every version with what changed.
    rough = critique(page, ROUGH, version=2)
    assert rough["evidence"][0] <= 2 and rough["ask"][0] <= 2, rough
    rough_total = total(page)
    suggestion = value(page, "critique-revision")
    assert suggestion and suggestion != ROUGH
    assert any(marker in suggestion for marker in PROOF_MARKERS), suggestion
    assert "leverage" not in suggestion.lower()  # jargon with a plain word is swapped for it
    page.locator("#critique-revise").click()
    history = page.locator("#critique-history")
    expect(history).to_contain_text("Version 3")
    assert value(page, "critique-input") == suggestion
    assert total(page) > rough_total
    lines = history.inner_text()
    assert lines.index("Version 3") < lines.index("Version 2") < lines.index("Version 1")
    assert re.search(r"^\+.*(?:61% to 84%|600 students|12 trainee|25%)", lines, re.MULTILINE), \
        lines
    assert re.search(r"^-.*leverage", lines, re.MULTILINE), lines
    assert len(served_app.app.sounding_board.history()) == 3

    # 7. Resume review of a small TXT upload: forgotten wins, weak verbs, typos.
    resume = tmp_path / "rosa-resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    # The uploaded file's row names it in an aria-label; its text is split into stem and
    # extension spans, so matching "rosa-resume.txt" as text finds only the uploading state.
    page.locator("#resume-file input[type=file]").set_input_files(str(resume))
    page.locator('#resume-file [aria-label="rosa-resume.txt"]').wait_for(timeout=60_000)
    page.locator("#resume-review").click()
    report = page.locator("#resume-report")
    expect(report).to_contain_text("rosa-resume.txt")
    shown = report.inner_text()
    assert "Forgotten wins" in shown and "600 students" in shown, shown
    assert "Weak verbs" in shown and "Responsible for" in shown, shown
    assert "Typos" in shown and "'collegues' is misspelled" in shown, shown
    assert "repeated word 'the'" in shown, shown

    outside = browser_page.requests.outside()
    assert not outside, "requests that would leave the machine:\n" + "\n".join(outside)
