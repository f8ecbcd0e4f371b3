"""The offline interviewer's words: probes aimed at the gap, examples built only from facts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.drafting.entities import unsupported_entities
from assistant.drafting.offline.interview import FOLLOWUPS, example_answer, followup_question
from assistant.services.interview.star import analyse
from evals.interview import followup_targets_gap

FACTS = ["Hospital pharmacist at Mercy Health",
         "Cut medication errors 30% by redesigning the order-verification workflow"]


def test_every_followup_wording_targets_its_gap() -> None:
    for gap in FOLLOWUPS:
        if gap == "action":
            continue  # the detector files "what did you do" under i_vs_we and action alike
        for persona in ("friendly", "manager", "panel"):
            for attempt in (0, 1):
                question = followup_question(gap, persona, f"seed-{gap}", attempt)
                assert followup_targets_gap(question, gap), question


def test_the_second_probe_on_a_gap_is_worded_differently() -> None:
    assert followup_question("numbers", "manager", "s", 1) != followup_question(
        "numbers", "manager", "s", 2)


def test_the_detector_sees_which_parts_were_yours_as_asking_for_your_part() -> None:
    assert followup_targets_gap("Which parts of the rebuild were yours?", "i_vs_we")
    assert not followup_targets_gap("How long did the rebuild take?", "i_vs_we")


def test_a_vague_answer_borrows_a_related_numbered_fact_not_an_invented_one() -> None:
    answer = ("At the hospital I redesigned the order-verification workflow, and medication "
              "errors went down a lot after that.")
    found = analyse(answer)
    example = example_answer(found.by_part, "Tell me about a time you improved a process.",
                             answer, FACTS, "numbers")
    assert "30%" in example
    assert not unsupported_entities(example, [answer, *FACTS])


def test_a_rambling_answer_is_cut_down_and_loses_its_fillers() -> None:
    answer = ("So, um, at Routewise the weekly run took 6 hours, you know. I was asked to fix "
              "it. I basically rewrote the slowest models in dbt. I added tests. "
              + "It was, like, a long story honestly. " * 40
              + "In the end the run dropped from 6 hours to 40 minutes.")
    example = example_answer(analyse(answer).by_part, "q", answer, [], "rambling")
    assert len(example.split()) < len(answer.split()) // 3
    assert "um" not in example.lower().split() and "basically" not in example
    assert "40 minutes" in example


NAMES = st.sampled_from(["Acme", "Mercy Health", "Routewise", "Dana Ruiz", "Paystream"])
NUMBERS = st.sampled_from(["30%", "40", "$2M", "6 hours", "2021"])


@st.composite
def answers(draw: st.DrawFn) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 6))):
        template = draw(st.sampled_from([
            "At {n} we had a problem with {x} orders.", "I rebuilt the {n} pipeline.",
            "We cut costs by {x}.", "My goal was to help {n}.", "It grew to {x} users.",
            "I always try my best.", "Um, you know, it was {x} basically."]))
        sentences.append(template.format(n=draw(NAMES), x=draw(NUMBERS)))
    return " ".join(sentences)


@settings(max_examples=120, deadline=None)
@given(answers(), st.lists(st.builds(lambda n, x: f"Led {n} to {x} growth", NAMES, NUMBERS),
                           max_size=3),
       st.sampled_from([None, "numbers", "result", "example", "rambling", "i_vs_we"]))
def test_example_answers_never_name_anything_outside_the_answer_and_facts(
    answer: str, facts: list[str], gap: str | None,
) -> None:
    example = example_answer(analyse(answer).by_part, "Tell me about a time.", answer, facts, gap)
    assert example.strip()
    assert not unsupported_entities(example, [answer, *facts])
