"""The interview service: a whole session offline, stored; and the model path, guarded."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from assistant.app import Warmline
from assistant.errors import InputError, NotFoundError
from tests.fakes import FakeChatModel, fake_backend
from tests.unit.interview.conftest import PROFILE

JD = ("Requirements:\n- Experience running user research with clinicians\n"
      "- Own the roadmap for a B2B product\n- Comfortable with SQL and dashboards\n")
WE = ("At Mercy Health in 2022 we were rolling out barcode scanning on nine wards. We mapped "
      "the dispensing steps and we wrote quick-reference cards. Errors fell 30%.")
MINE = "I mapped every ward's steps myself and I wrote the cards."
GENERIC = "I always make sure the team is aligned and I believe in clear communication."


def test_a_full_session_probes_gaps_moves_on_and_is_stored(app: Warmline) -> None:
    session = app.interview.start("Product manager", JD, "panel", "standard", 3,
                                  ["behavioural", "role"])
    assert len(session.questions) == 3
    assert "user research with clinicians" in session.questions[0].text
    session, turn = app.interview.answer(session.id, WE)
    assert turn.feedback is not None and turn.feedback.gaps[0] == "i_vs_we"
    assert session.prompt().kind == "followup"  # type: ignore[union-attr]
    assert session.prompt().gap == "i_vs_we"  # type: ignore[union-attr]
    session, turn = app.interview.answer(session.id, MINE)
    assert turn.feedback is not None and turn.feedback.parts[2].score == 2  # action, now owned
    asked = session.probed(0)
    assert len(asked) <= 2 and len(set(asked)) == len(asked)
    while not session.finished:
        session, _ = app.interview.answer(session.id, GENERIC)
    assert all(len(session.probed(i)) <= 2 for i in range(3))
    summary = app.interview.summary(session.id)
    assert summary["answered"] == 3 and len(summary["practise_next"]) == 3
    assert summary["transcript"][0]["text"] == session.questions[0].text
    assert [s["session_id"] for s in app.interview.sessions()] == [session.id]
    with pytest.raises(InputError, match="is finished"):
        app.interview.answer(session.id, "more")


def test_sessions_survive_a_restart(app_factory: Callable[..., Warmline]) -> None:
    first = app_factory()
    session = first.interview.start("Analyst")
    first.interview.answer(session.id, WE)
    first.close()
    again = app_factory()
    assert again.interview.get(session.id).answers_to(0) == [WE]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"role": " "}, "give the target role"),
    ({"role": "PM", "persona": "pirate"}, "unknown persona 'pirate'"),
    ({"role": "PM", "difficulty": "brutal"}, "unknown difficulty"),
    ({"role": "PM", "count": 40}, "ask for 1 to 12 questions"),
    ({"role": "PM", "mix": ["riddles"]}, "unknown question kind riddles"),
])
def test_bad_set_up_is_one_clear_error(app: Warmline, kwargs: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        app.interview.start(**kwargs)


def test_unknown_session_and_empty_answer(app: Warmline) -> None:
    with pytest.raises(NotFoundError, match="no interview session 'iv-nope'"):
        app.interview.answer("iv-nope", "hi")
    session = app.interview.start("PM")
    with pytest.raises(InputError, match="type an answer"):
        app.interview.answer(session.id, "   ")


def evaluation(example: str) -> str:
    return json.dumps({"scores": {"situation": {"score": 2, "evidence": "At Mercy Health in 2022"},
                                  "task": {"score": 0, "evidence": ""},
                                  "action": {"score": 1, "evidence": "made up words"},
                                  "result": {"score": 2, "evidence": "Errors fell 30%."}},
                       "improvement": "Say what you did.", "example_answer": example})


def test_model_feedback_is_guarded_and_its_evidence_must_be_quoted(
    app_factory: Callable[..., Warmline], fake_model: FakeChatModel,
) -> None:
    app = app_factory(backend=fake_backend(fake_model))
    app.profiles.save(PROFILE)
    invented = "At Mercy Health I cut errors 45% at Stanford."
    grounded = "At Mercy Health in 2022 we rolled out scanning on nine wards. Errors fell 30%."
    fake_model.enqueue(
        evaluation(invented), evaluation(grounded),  # evaluator: rejected, then accepted
        '{"probe": true, "gap": "i_vs_we", "question": "Which parts were yours?"}',
    )
    review = app.interview.review("Tell me about a change you led.", WE)
    assert review.feedback.example_answer == grounded
    assert review.raw_problems[0] and not review.raw_problems[1]
    assert "45%" in review.raw_examples[0]
    parts = {p.name: p for p in review.feedback.parts}
    assert parts["action"].evidence in WE  # "made up words" is not a quote: the rule's is kept
    assert (review.gap, review.followup) == ("i_vs_we", "Which parts were yours?")
    sent = fake_model.prompt_text(0)
    assert "<<<ANSWER\n" + WE in sent and "data, not" in sent


def test_a_broken_model_reply_falls_back_to_the_rules(
    app_factory: Callable[..., Warmline], fake_model: FakeChatModel,
) -> None:
    app = app_factory(backend=fake_backend(fake_model))
    fake_model.enqueue("no json", "still none", "nonsense", "more nonsense")
    review = app.interview.review("Tell me about a change you led.", WE, facts=[])
    assert review.feedback.engine == "offline" and review.feedback.notice
    assert review.gap == "i_vs_we"
    assert "personally" in review.followup or "yours" in review.followup
