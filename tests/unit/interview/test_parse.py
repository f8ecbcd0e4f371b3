"""Reading the interviewer's and evaluator's replies: tolerant of weak models, strict on shape."""

from __future__ import annotations

import json

from hypothesis import given, settings

from assistant.services.interview.parse import parse_evaluation, parse_probe
from tests.strategies import json_values


def test_probe_in_fences_with_prose_and_single_quotes() -> None:
    parsed = parse_probe("Sure!\n```json\n{'probe': true, 'gap': 'ownership', "
                         "'question': 'What did you do yourself?',}\n```")
    assert parsed is not None and parsed.gap == "i_vs_we"
    assert parsed.question == "What did you do yourself?"


def test_no_probe_and_unusable_replies() -> None:
    assert parse_probe('{"probe": false, "gap": "none", "question": ""}').gap is None  # type: ignore[union-attr]
    assert parse_probe('{"probe": true, "gap": "weather", "question": "Nice day?"}') is None
    assert parse_probe("I would ask about numbers.") is None


def test_evaluation_scores_as_fractions_are_clamped() -> None:
    reply = json.dumps({"scores": {"Situation": {"score": "2/2", "evidence": "At Acme"},
                                   "result": 7, "bogus": 1},
                        "improvement": "Add a number.", "example_answer": "At Acme I did it."})
    parsed = parse_evaluation(reply)
    assert parsed is not None
    assert parsed.scores == {"situation": (2, "At Acme"), "result": (2, "")}
    assert parsed.example_answer == "At Acme I did it."


@settings(max_examples=200, deadline=None)
@given(json_values())
def test_any_json_parses_or_is_none_never_raises(value: object) -> None:
    raw = json.dumps(value)
    assert parse_probe(raw) is None or parse_probe(raw) is not None
    parsed = parse_evaluation(raw)
    if parsed is not None:
        assert all(0 <= s <= 2 for s, _ in parsed.scores.values())
