"""A whole mock interview (start, 3 answers with follow-ups, summary) through the real CLI in a
subprocess and through ``gradio_client`` on a real Gradio server."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from evals.interview import followup_targets_gap
from tests.integration.conftest import CliRun

JD = """Analytics engineer

Requirements:
- Experience building data pipelines in dbt
- Strong SQL and data modelling
- Explaining analysis to non-technical colleagues
"""
# Each answer leaves a different gap open, so the interviewer has something to dig into.
ANSWERS = (
    "We rebuilt the reporting pipeline and we moved everything to dbt, and we got it done "
    "before the quarter closed.",
    "I wrote the dbt models for carrier invoices myself and I set up the tests on them.",
    "At Routewise the weekly run took 6 hours and kept failing. I was asked to fix it. "
    "I rewrote the slowest models and I scheduled incremental runs. After that it was faster.",
)


def run_session(answer: Callable[[str, str], dict[str, Any]], sid: str) -> list[dict[str, Any]]:
    """Answer the three answers in order; return every step's JSON."""
    return [answer(sid, text) for text in ANSWERS]


def check_steps(steps: list[dict[str, Any]]) -> None:
    followups = [s["next"] for s in steps if s["next"] and s["next"]["kind"] == "followup"]
    assert len(followups) >= 2, steps
    for probe in followups:  # each follow-up aims at the gap it names
        assert followup_targets_gap(probe["text"], probe["gap"]), probe
    for step in steps:
        assert 0 <= step["feedback"]["overall"] <= 10
        assert step["feedback"]["example_answer"].strip()


def check_summary(summary: dict[str, Any], sid: str) -> None:
    assert summary["session_id"] == sid and summary["answered"] >= 1
    assert any(q["followups"] for q in summary["questions"]), summary["questions"]
    assert [t["text"] for t in summary["transcript"] if t["speaker"] == "you"] == list(ANSWERS)
    assert 1 <= len(summary["practise_next"]) <= 3


def test_a_session_through_the_cli(cli: Callable[..., CliRun], tmp_path: Path) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text(JD, encoding="utf-8")
    run = cli("interview", "start", "--role", "Analytics engineer", "--jd", str(jd),
              "--questions", "3", "--mix", "role,behavioural", "--json")
    assert run.returncode == 0 and run.stderr == "", run
    started = run.json()
    sid = started["session_id"]
    texts = [q["text"] for q in started["questions"]]
    assert len(set(texts)) == len(texts) == 3
    assert sum(k in " ".join(texts) for k in ("dbt", "SQL", "non-technical")) >= 2

    def answer(session_id: str, text: str) -> dict[str, Any]:
        step = cli("interview", "answer", session_id, text, "--json")
        assert step.returncode == 0, step
        return dict(step.json())

    check_steps(run_session(answer, sid))
    summary = cli("interview", "summary", sid, "--json")
    assert summary.returncode == 0, summary
    check_summary(summary.json(), sid)
    missing = cli("interview", "answer", "iv-none", "hello")
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert "Traceback" not in missing.stderr


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def client(app_factory: Callable[..., Any]) -> Iterator[Any]:
    from gradio_client import Client

    from assistant.ui.server import start_server

    app = app_factory()
    port = free_port()
    blocks = start_server(app, "127.0.0.1", port)
    try:
        yield Client(f"http://127.0.0.1:{port}/", verbose=False)
    finally:
        blocks.close()


def test_a_session_through_the_api(client: Any) -> None:
    started = client.predict(role="Analytics engineer", jd=JD, persona="panel",
                             difficulty="standard", questions=3, mix="role,behavioural",
                             api_name="/interview_start")
    sid = started["session_id"]
    assert started["next"]["kind"] == "question" and started["questions_total"] == 3

    def answer(session_id: str, text: str) -> dict[str, Any]:
        return dict(client.predict(session_id=session_id, text=text,
                                   api_name="/interview_answer"))

    check_steps(run_session(answer, sid))
    check_summary(client.predict(session_id=sid, api_name="/interview_summary"), sid)
    with pytest.raises(Exception, match="no interview session"):
        client.predict(session_id="iv-none", text="hi", api_name="/interview_answer")
