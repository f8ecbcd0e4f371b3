"""The Story & Pitch tab: stable element ids, named endpoints and what the markdown shows."""

from __future__ import annotations

from assistant.app import Warmline
from assistant.services.story.resume_review import review_text
from assistant.ui.shell import build_ui
from assistant.ui.tabs.story import (
    counts_line,
    history_markdown,
    review_markdown,
    rubric_markdown,
    sources_markdown,
)
from tests.unit.story.stories import MAYA

ELEM_IDS = {
    "story-name", "story-now", "story-next", "story-strengths", "story-proof", "story-roles",
    "story-companies", "story-audiences", "story-values", "story-voice", "story-save",
    "story-status", "pitch-kind", "pitch-audience", "pitch-variant", "pitch-generate",
    "pitch-regenerate", "pitch-text", "pitch-counts", "pitch-sources", "pitch-notice",
    "pitch-to-critique", "critique-input", "critique-kind", "critique-run", "critique-result",
    "critique-questions", "critique-revision", "critique-revise", "critique-history",
    "resume-file", "resume-review", "resume-preview-proof", "resume-add-proof", "resume-report",
}


def test_tab_has_stable_ids_and_the_named_endpoints(app: Warmline) -> None:
    config = build_ui(app).get_config_file()
    ids = {c.get("props", {}).get("elem_id") for c in config["components"]}
    assert ELEM_IDS <= ids
    public = {d.get("api_name") for d in config["dependencies"]
              if d.get("api_visibility", "public") == "public"}
    assert {"pitch", "sounding_board"} <= public


def test_profile_fields_load_the_saved_story(app: Warmline) -> None:
    config = build_ui(app).get_config_file()
    by_id = {c["props"].get("elem_id"): c for c in config["components"] if "props" in c}
    # Values are callables run on page load; the config holds their first result.
    assert by_id["story-now"]["props"]["value"] == MAYA.now
    assert by_id["story-proof"]["props"]["value"] == "\n".join(MAYA.proof_points)


def test_counts_sources_rubric_history_and_review_render(app: Warmline) -> None:
    pitch = app.pitch.generate("30s", "recruiter")
    line = counts_line(pitch)
    assert line == (f"{pitch.word_count} words · {pitch.seconds:.0f} s at 140 wpm · "
                    f"{pitch.char_count} characters · engine: **offline**")
    assert "`profile:proof:3` Cut medication errors 30%" in sources_markdown(pitch)
    critique = app.sounding_board.critique("I am a pharmacist. I want product work.")
    table = rubric_markdown(critique)
    assert "| evidence | 1/5 | no specific result or number yet |" in table
    assert f"**Total {critique.total}/30** · scored by offline" in table
    app.sounding_board.critique(critique.revision)
    history = history_markdown(app.sounding_board.history())
    assert history.index("**Version 2**") < history.index("**Version 1**")
    assert "```diff" in history
    review = review_text("- Responsible for the budget\n- Cut costs 12%\n", MAYA, [], "cv.txt")
    report = review_markdown(review)
    assert "#### Weak verbs" in report and "#### Forgotten wins" in report
