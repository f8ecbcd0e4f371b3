"""Every named API endpoint, called with the wrong type in each argument, answers one clear
line: never Python's or Gradio's internals, never a traceback (raw HTTP, like any script)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.app import build_app
from assistant.settings import load_settings
from assistant.ui.server import start_server
from tests.integration.llm_server import free_port

INTERNALS = ("object at 0x", "Traceback", "invalid literal", "pydantic", "api_component",
             "NoneType", "has no attribute", "KeyError", "TypeError", "ValueError",
             "internal error", "Something went wrong")
# A value of the wrong type for each kind of parameter the API documents.
WRONG = {"str": {"not": "a string"}, "int": "many", "float": "lots", "bool": {"x": 1},
         "list": 7, "dict": "not an object"}


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("api-home")
    app = build_app(load_settings(provider="offline", home=Path(home)))
    port = free_port()
    blocks = start_server(app, "127.0.0.1", port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        blocks.close()
        app.close()


def endpoints(url: str) -> dict[str, list[dict[str, Any]]]:
    info = httpx.get(f"{url}/gradio_api/info", timeout=30).json()
    return {name.strip("/"): spec["parameters"] for name, spec in info["named_endpoints"].items()}


def wrong_for(param: dict[str, Any]) -> Any:
    kind = str(param.get("python_type", {}).get("type", "str")).split("|")[0].strip()
    return WRONG.get(kind, 12345)


def call(url: str, name: str, data: list[Any]) -> str:
    """The text a raw caller gets back: the refusal or the event stream."""
    answer = httpx.post(f"{url}/gradio_api/call/{name}", json={"data": data}, timeout=60)
    if answer.status_code != 200:
        return answer.text
    event = answer.json()["event_id"]
    return httpx.get(f"{url}/gradio_api/call/{name}/{event}", timeout=120).text


def error_line(stream: str) -> str | None:
    lines = stream.splitlines()
    for number, line in enumerate(lines):
        if line.strip() == "event: error":
            payload = lines[number + 1].removeprefix("data:").strip()
            return str(json.loads(payload)) if payload not in ("", "null") else ""
    return None


def test_every_endpoint_refuses_each_wrong_type_in_one_clear_line(url: str) -> None:
    named = endpoints(url)
    assert {"pitch", "draft", "search_contacts", "import_file", "interview_start",
            "interview_answer", "due", "chat"} <= set(named)
    problems = []
    for name, params in sorted(named.items()):
        for position, param in enumerate(params):
            data = [p.get("parameter_default") if p.get("parameter_has_default") else "x"
                    for p in params]
            data[position] = wrong_for(param)
            stream = call(url, name, data)
            message = error_line(stream)
            leaked = [i for i in INTERNALS if i in stream]
            if message is None or not message or "\n" in message or leaked:
                problems.append(f"{name}({param['parameter_name']}={data[position]!r}): "
                                f"{message!r} {leaked}")
    assert not problems, "\n".join(problems)
