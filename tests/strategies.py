"""Hypothesis strategies the property tests share: arbitrary JSON and mangled real files."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

JSON_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                | st.text(max_size=8))


def json_values(max_leaves: int = 8) -> st.SearchStrategy[Any]:
    """Any JSON value: scalars, lists and objects nested a few levels."""
    return st.recursive(
        JSON_SCALARS,
        lambda inner: st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3),
        max_leaves=max_leaves,
    )


@st.composite
def mangled_text(draw: st.DrawFn, seeds: Sequence[str]) -> str:
    """One of ``seeds`` with a few random mutations: cut, unquoted, header shuffled, junk, lines."""
    text = draw(st.sampled_from(seeds))
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["truncate", "quotes", "header", "insert", "lines"]))
        if op == "truncate" and text:
            text = text[: rng.randrange(len(text))]
        elif op == "quotes":
            text = "".join(c for c in text if c != '"' or rng.random() < 0.5)
        elif op == "header":
            lines = text.split("\n")
            index = next((i for i, line in enumerate(lines) if line.count(",") >= 3), 0)
            cells = lines[index].split(",")
            rng.shuffle(cells)
            lines[index] = ",".join(cells[: rng.randint(0, len(cells))])
            text = "\n".join(lines)
        elif op == "insert":
            junk = draw(st.text(max_size=20))
            at = rng.randint(0, len(text))
            text = text[:at] + junk + text[at:]
        else:
            lines = text.split("\n")
            rng.shuffle(lines)
            text = "\n".join(lines[: rng.randint(0, len(lines))])
    return text
