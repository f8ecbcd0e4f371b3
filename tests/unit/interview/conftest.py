"""Fixtures for the interview tests: a real offline app in a temp home, with a story saved."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.app import Warmline
from assistant.domain import Profile

PROFILE = Profile(
    name="Maya Chen", now="Hospital pharmacist at Mercy Health",
    next="Product manager in health tech",
    proof_points=["Cut medication errors 30% by redesigning the order-verification workflow",
                  "Led migration of 40 clinics to a new EHR"],
)


@pytest.fixture
def app(app_factory: Callable[..., Warmline]) -> Warmline:
    """The offline app with Maya's profile saved."""
    built = app_factory()
    built.profiles.save(PROFILE)
    return built
