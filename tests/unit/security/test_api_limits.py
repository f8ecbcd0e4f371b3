"""Searches and API calls too big or malformed to serve are refused first, in one line."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import gradio as gr
import pytest

from assistant.errors import InputError
from assistant.ui.server import one_line_errors


def test_a_megabyte_query_is_refused_before_any_work(app_factory: Callable[..., Any]) -> None:
    app = app_factory(provider="offline")
    app.contacts.add("Priya Nair", company="Northwind")
    started = time.monotonic()
    with pytest.raises(InputError, match="a search is at most 500 characters"):
        app.search.find("stripe " * 150_000)
    assert time.monotonic() - started < 1.0
    assert [r.name for r in app.search.find("Priya " * 80).results] == ["Priya Nair"]


@pytest.mark.parametrize(("options", "message"), [
    ({"k": 0}, "the number of results must be between 1 and 500, not 0"),
    ({"k": 10_000}, "the number of results must be between 1 and 500, not 10000"),
    ({"tag": "t" * 5000}, "a search filter is at most 200 characters"),
])
def test_limits_and_filters_are_bounded(
    app_factory: Callable[..., Any], options: dict[str, Any], message: str,
) -> None:
    app = app_factory(provider="offline")
    with pytest.raises(InputError) as error:
        app.search.search("Priya", **options)
    assert str(error.value) == message


def test_api_handlers_turn_any_failure_into_one_line() -> None:
    def search(query: str, limit: int = 20) -> dict[str, Any]:
        if query == "boom":
            raise RuntimeError("chroma said: internal internal internal")
        return {"n": int(limit)}

    wrapped = one_line_errors(search, "search_contacts")
    assert wrapped("x", "3") == {"n": 3}
    assert wrapped("x", 4.0) == {"n": 4}
    for bad in (("x", "many"), ("x", True), (5, 3), ("x", 3, "extra")):
        with pytest.raises(gr.Error, match="invalid arguments"):
            wrapped(*bad)
    with pytest.raises(gr.Error) as error:
        wrapped("x", "many")
    assert error.value.message == (
        "search_contacts: invalid arguments; expected (query: str, limit: int)")
    with pytest.raises(gr.Error) as error:
        wrapped("boom")
    assert error.value.message == (
        "search_contacts: internal error (RuntimeError); details in the server log")
    with pytest.raises(gr.Error, match="over 200,000 characters"):
        wrapped("x" * 200_001)
