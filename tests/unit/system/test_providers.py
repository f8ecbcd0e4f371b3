"""Provider registry and auto-detection against a real HTTP server on loopback."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.errors import ConfigError
from assistant.llm.chat import build_chat_backend
from assistant.llm.providers import ModelChoice, resolve_model
from assistant.settings import Provider, load_settings


class ModelsHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/v1/models":
            body = json.dumps({"data": [{"id": "tiny-model"}, {"id": "other"}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def model_server() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), ModelsHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_auto_without_key_or_server_is_offline() -> None:
    choice = resolve_model(load_settings(detect_ports=[free_port()]))
    assert choice.is_offline and choice.label == "offline"
    assert build_chat_backend(choice, load_settings()) is None


def test_auto_prefers_an_openai_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    choice = resolve_model(load_settings())
    assert choice.provider is Provider.OPENAI
    assert choice.label == "openai:gpt-4o-mini"


def test_auto_finds_a_local_server(model_server: int) -> None:
    choice = resolve_model(load_settings(detect_ports=[free_port(), model_server]))
    assert choice.provider is Provider.OPENAI_COMPATIBLE
    assert choice.base_url == f"http://127.0.0.1:{model_server}/v1"
    assert choice.label == "openai-compatible:tiny-model"
    assert "found" in choice.reason


def test_labels_name_the_runtime_by_port() -> None:
    assert (
        ModelChoice(Provider.OPENAI_COMPATIBLE, "http://127.0.0.1:11434/v1", "llama3.2").label
        == "ollama:llama3.2"
    )
    assert (
        ModelChoice(Provider.OPENAI_COMPATIBLE, "http://localhost:8080/v1", "smol").label
        == "llamacpp:smol"
    )


def test_compatible_takes_the_servers_first_model(model_server: int) -> None:
    settings = load_settings(
        provider="openai-compatible", base_url=f"http://127.0.0.1:{model_server}/v1"
    )
    assert resolve_model(settings).model == "tiny-model"


def test_explicit_providers_need_their_settings() -> None:
    with pytest.raises(ConfigError, match="needs an API key"):
        resolve_model(load_settings(provider="openai"))
    with pytest.raises(ConfigError, match="needs base_url"):
        resolve_model(load_settings(provider="openai-compatible"))


def test_auto_with_dead_base_url_falls_back_offline() -> None:
    choice = resolve_model(load_settings(base_url=f"http://127.0.0.1:{free_port()}/v1"))
    assert choice.is_offline and "no OpenAI-compatible server answers" in choice.reason


def test_backend_sets_explicit_timeout_and_retries(model_server: int) -> None:
    settings = load_settings(
        provider="openai-compatible",
        timeout_s=7,
        max_retries=0,
        base_url=f"http://127.0.0.1:{model_server}/v1",
    )
    backend = build_chat_backend(resolve_model(settings), settings)
    assert backend is not None
    model = backend.model
    assert model.request_timeout == 7  # type: ignore[attr-defined]
    assert model.max_retries == 0  # type: ignore[attr-defined]
