"""Environment hygiene for every test: a temp home, no real keys, no analytics."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.fakes import FakeChatModel, HashEmbeddings


@pytest.fixture(autouse=True)
def _hygiene(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("warmline-home")
    monkeypatch.setenv("WARMLINE_HOME", str(home))
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "WARMLINE_")) and name != "WARMLINE_HOME":
            monkeypatch.delenv(name, raising=False)
    # Tests never find a model server by accident; tests of auto-detection set their own ports.
    monkeypatch.setenv("WARMLINE_DETECT_PORTS", "[]")
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture
def home() -> Path:
    return Path(os.environ["WARMLINE_HOME"])


@pytest.fixture
def fake_model() -> FakeChatModel:
    return FakeChatModel()


@pytest.fixture
def embeddings() -> HashEmbeddings:
    return HashEmbeddings()


@pytest.fixture
def app_factory(embeddings: HashEmbeddings) -> Iterator:
    """Build real apps (real SQLite + Chroma in the temp home) with injectable fakes."""
    from assistant.app import build_app
    from assistant.settings import load_settings

    built = []

    def make(backend: object = None, **settings: object):  # type: ignore[no-untyped-def]
        app = build_app(load_settings(**settings), backend=backend, embeddings=embeddings)
        built.append(app)
        return app

    yield make
    for app in built:
        app.close()


@pytest.fixture
def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    embeddings: HashEmbeddings, tmp_path: Path,
) -> Callable[..., tuple[int, str, str]]:
    """Run ``warmline ARGS`` in-process (offline, hash embeddings); return (code, out, err)."""
    import assistant.cli
    import assistant.cli.common
    from assistant.app import build_app
    from assistant.settings import load_settings

    monkeypatch.setattr(assistant.cli.common, "build_app",
                        lambda **kw: build_app(load_settings(), backend=None,
                                               embeddings=embeddings, **kw))
    monkeypatch.setattr(assistant.cli, "configure_logging", lambda: tmp_path / "log")

    def invoke(*args: str) -> tuple[int, str, str]:
        code = 0
        try:
            assistant.cli.main(list(args))
        except SystemExit as e:
            code = int(e.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return invoke
