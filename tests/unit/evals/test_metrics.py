"""The metric registry, plus property tests that hold for every metric input."""

from __future__ import annotations

import string

from hypothesis import example, given, settings
from hypothesis import strategies as st

from evals.metrics import (
    METRICS,
    extract_entities,
    give_first,
    kendall_tau,
    recall_at_k,
    reciprocal_rank,
    unsupported_entities,
    uses_personal_detail,
    within_limits,
)

WORDS = """
    Maya Maya's Chen Stripe Bank of America Dr. Priya J. Raman PhD Ph.D. RN AWS Certified ex-Google
    OpenAI IBM AT&T the and Hi Thanks I Monday how did go ran marathon Chicago 40% 40 percent $2M $2
    million 1,200 1200 2019 3rd Q3 three José Inc. Co it's Let's New Year a Will McKinsey/BCG —
""".split()
SEPARATORS = [" ", " ", " ", ", ", ". ", "! ", "? ", "\n", ": ", "'s "]


@st.composite
def prose(draw: st.DrawFn) -> str:
    tokens = draw(st.lists(st.sampled_from(WORDS), max_size=25))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(tokens), max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, seps, strict=True))


texts = st.one_of(prose(), st.text(alphabet=string.printable, max_size=200))
ids = st.lists(st.integers(min_value=0, max_value=20), max_size=15)


def test_registry_names_callables() -> None:
    assert {"unsupported_entities", "within_limits", "give_first", "recall_at_k"} <= set(METRICS)
    assert all(callable(f) for f in METRICS.values())


@given(texts)
@example("AT&T J. Maya ")  # a single letter inside a name, not a middle initial
@settings(max_examples=300)
def test_text_is_grounded_in_itself(text: str) -> None:
    assert unsupported_entities(text, [text]) == []


@given(texts, texts, texts)
def test_more_sources_never_flag_more(output: str, a: str, b: str) -> None:
    assert set(unsupported_entities(output, [a, b])) <= set(unsupported_entities(output, [a]))


@given(texts)
def test_flagged_entities_are_extracted_entities(text: str) -> None:
    assert set(unsupported_entities(text, [])) <= extract_entities(text)


@given(ids, st.sets(st.integers(min_value=0, max_value=20), min_size=1), st.integers(1, 20))
def test_recall_is_a_fraction_and_grows_with_k(
    ranked: list[int], relevant: set[int], k: int
) -> None:
    recall = recall_at_k(ranked, relevant, k)
    assert 0.0 <= recall <= 1.0
    assert recall <= recall_at_k(ranked, relevant, k + 1)
    assert 0.0 <= reciprocal_rank(ranked, relevant) <= 1.0
    assert (reciprocal_rank(ranked, relevant) > 0) == (recall_at_k(ranked, relevant, 21) > 0)


@given(texts, st.integers(0, 60))
def test_within_limits_is_monotonic(text: str, limit: int) -> None:
    if within_limits(text, max_words=limit)[0]:
        assert within_limits(text, max_words=limit + 1)[0]
    if within_limits(text, min_words=limit + 1)[0]:
        assert within_limits(text, min_words=limit)[0]
    if within_limits(text, max_chars=limit)[0]:
        assert within_limits(text, max_chars=limit + 1)[0]
        assert within_limits(text[: len(text) // 2], max_chars=limit)[0]
    ok, reasons = within_limits(text, max_words=limit, max_chars=limit, min_words=limit // 2)
    assert ok == (reasons == [])


@given(st.lists(st.floats(0, 1), min_size=2, max_size=12))
def test_kendall_tau_is_bounded_and_antisymmetric(scores: list[float]) -> None:
    tau = kendall_tau(scores)
    assert -1.0 <= tau <= 1.0
    assert kendall_tau(scores[::-1]) == -tau


@given(texts)
def test_text_metrics_are_total(text: str) -> None:
    assert isinstance(give_first(text), bool)
    assert not uses_personal_detail(text, [])


def test_middle_initials_do_not_hide_a_name_from_its_own_source() -> None:
    assert unsupported_entities("Maya J. J. Maya ", ["Maya J. J. Maya "]) == []
    assert unsupported_entities("Priya Raman joined", ["Priya J. K. Raman"]) == []
    assert unsupported_entities("Priya Raman joined", ["Priya Jones, then Raman"]) == [
        "Priya Raman"]
