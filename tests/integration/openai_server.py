"""A real OpenAI-compatible HTTP server on loopback that records every request it is sent.

It speaks just enough of the API for Warmline: ``GET /v1/models`` and streaming
``POST /v1/chat/completions`` (server-sent events), answering with a scripted reply.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

MODEL = "fake-remote-model"


@dataclass
class RecordingServer:
    """The server's address, the reply it gives, and the JSON bodies it received."""

    port: int
    reply: str = "Hi Ana, how did the Chicago marathon in October go?"
    requests: list[dict[str, Any]] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def _handler(state: RecordingServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            body = json.dumps({"object": "list", "data": [
                {"id": MODEL, "object": "model", "owned_by": "test"}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length", "0"))
            state.requests.append(json.loads(self.rfile.read(length) or b"{}"))
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            half = len(state.reply) // 2
            for piece in (state.reply[:half], state.reply[half:]):
                chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0,
                         "model": MODEL, "choices": [{"index": 0, "finish_reason": None,
                                                      "delta": {"role": "assistant",
                                                                "content": piece}}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            done = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": MODEL,
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
            self.wfile.flush()

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def openai_server() -> Iterator[RecordingServer]:
    """A recording OpenAI-compatible server on a free loopback port."""
    state = RecordingServer(port=0)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
