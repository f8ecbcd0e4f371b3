"""The interview commands in-process: a whole session as JSON, and one-line errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

ANSWERS = (
    "We rebuilt the reporting pipeline and we moved everything to dbt before the quarter closed.",
    "I wrote the dbt models for carrier invoices myself and I set up the tests.",
    "At Routewise the weekly run took 6 hours. I rewrote it in dbt. It dropped to 40 minutes.",
)


def test_a_session_through_the_cli(run_cli: Callable, tmp_path: Path) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text("Requirements:\n- Experience building data pipelines in dbt\n"
                  "- Strong SQL\n- Explaining analysis to non-technical colleagues\n",
                  encoding="utf-8")
    code, out, err = run_cli("interview", "start", "--role", "Analytics engineer", "--jd",
                             str(jd), "--questions", "3", "--json")
    assert (code, err) == (0, ""), err
    started = json.loads(out)
    sid = started["session_id"]
    assert started["next"]["text"] == started["questions"][0]["text"]
    assert any("data pipelines in dbt" in q["text"] for q in started["questions"])
    followups = 0
    for text in ANSWERS:
        code, out, err = run_cli("interview", "answer", sid, text, "--json")
        assert code == 0, err
        step = json.loads(out)
        assert {p["name"] for p in step["feedback"]["parts"]} == {
            "situation", "task", "action", "result"}
        followups += step["next"] is not None and step["next"]["kind"] == "followup"
    assert followups >= 1
    code, out, _ = run_cli("interview", "summary", sid, "--json")
    summary = json.loads(out)
    assert code == 0 and summary["session_id"] == sid
    assert [t["text"] for t in summary["transcript"] if t["speaker"] == "you"] == list(ANSWERS)


def test_errors_are_one_line(run_cli: Callable, tmp_path: Path) -> None:
    code, out, err = run_cli("interview", "summary", "iv-missing", "--json")
    assert (code, out) == (1, "") and err.count("\n") == 1
    assert err.startswith("warmline: no interview session 'iv-missing'")
    code, _, err = run_cli("interview", "start", "--role", "PM", "--jd",
                           str(tmp_path / "none.txt"))
    assert code == 1 and err.startswith("warmline: cannot read the job description")
