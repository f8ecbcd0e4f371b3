"""The named ``pitch`` API on a real Gradio server, called through ``gradio_client``."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from assistant.domain import Profile
from assistant.drafting.entities import unsupported_entities
from assistant.services.story.profile import profile_texts

PROFILE = Profile(
    name="Maya Chen",
    now="Hospital pharmacist at Mercy Health",
    next="Product manager in health tech",
    strengths=["translating clinical needs into clear requirements", "calm under pressure"],
    proof_points=["Led migration of 40 clinics to a new EHR",
                  "Cut medication errors 30% by redesigning the order-verification workflow",
                  "Trained 120 nurses on the new dosing tool"],
    target_roles=["Product manager"],
    target_companies=["Epic", "Flatiron Health"],
    values=["patient safety"],
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(app_factory: Callable[..., Any]) -> Iterator[tuple[Any, Any]]:
    from gradio_client import Client

    from assistant.ui.server import start_server

    app = app_factory()
    port = free_port()
    blocks = start_server(app, "127.0.0.1", port)
    try:
        yield app, Client(f"http://127.0.0.1:{port}/", verbose=False)
    finally:
        blocks.close()


def test_pitch_endpoint_returns_the_pitch_json(served: tuple[Any, Any]) -> None:
    app, client = served
    app.profiles.save(PROFILE)
    result = client.predict(kind="30s", audience="recruiter", variant=0, api_name="/pitch")
    assert {"text", "kind", "channel", "char_count", "word_count", "engine", "sources",
            "seconds", "audience", "notice"} <= set(result)
    assert (result["kind"], result["channel"], result["engine"]) == ("30s", "", "offline")
    assert 60 <= result["word_count"] <= 75
    assert result["seconds"] == round(result["word_count"] * 60 / 140, 1)
    assert result["char_count"] == len(result["text"])
    proof_ids = [s["id"] for s in result["sources"] if s["id"].startswith("profile:proof:")]
    assert len(proof_ids) >= 2
    assert unsupported_entities(result["text"], profile_texts(PROFILE)) == []


def test_another_variant_is_a_different_grounded_version(served: tuple[Any, Any]) -> None:
    app, client = served
    app.profiles.save(PROFILE)
    first = client.predict(kind="one-liner", audience="coffee chat", variant=0,
                           api_name="/pitch")
    second = client.predict(kind="one-liner", audience="coffee chat", variant=1,
                            api_name="/pitch")
    assert first["text"] != second["text"]
    assert second["word_count"] <= 30
    assert second["variant"] == 1


def test_missing_profile_is_one_clear_error(served: tuple[Any, Any]) -> None:
    _, client = served
    with pytest.raises(Exception, match=r"missing Now .*Next"):
        client.predict(kind="30s", audience="", variant=0, api_name="/pitch")

