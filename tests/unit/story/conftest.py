"""Fixtures for the story & pitch tests: real apps in a temp home, with Maya's story saved."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.app import Warmline
from tests.unit.story.stories import MAYA


@pytest.fixture
def app(app_factory: Callable[..., Warmline]) -> Warmline:
    """The offline app with Maya's profile saved."""
    built = app_factory()
    built.profiles.save(MAYA)
    return built
