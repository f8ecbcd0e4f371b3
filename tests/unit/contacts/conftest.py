"""Fixtures for the contacts tests: a real app (SQLite + Chroma in a temp home, hash embeddings)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.app import Warmline


@pytest.fixture
def app(app_factory: Callable[..., Warmline]) -> Warmline:
    return app_factory()

