"""The Map tab's helpers: which draft kind the intro button asks for, the goals text."""

from __future__ import annotations

import pytest

from assistant.services.network.goals import align
from assistant.services.network.paths import PathFinder
from assistant.ui.tabs import network as tab
from tests.unit.network.helpers import network, person


def test_intro_button_asks_for_an_info_interview_once_outreach_has_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tab, "KINDS", ("checkin",))
    assert tab.intro_kind() == "checkin"
    monkeypatch.setattr(tab, "KINDS", ("checkin", "info-interview", "intro"))
    assert tab.intro_kind() == "info-interview"


def test_goals_markdown_lists_contacts_gaps_and_nurture() -> None:
    net = network(person("a", "Ana Ruiz", "Acme", "dormant"),
                  person("t", "Tara Singh", "Hooli", "aspirational", introduced_by="Ana Ruiz"),
                  companies=("Acme", "Hooli"))
    text = tab.goals_markdown(align(PathFinder(net), ["Acme", "Hooli"], []))
    assert "- Ana Ruiz works at Acme now (dormant tier)" in text
    assert "- Gap: No one at Hooli yet; 1 second-degree candidate (through Ana Ruiz)" in text
    assert "- **Ana Ruiz** (dormant): Acme: Ana Ruiz works at Acme now" in text
    assert "add target companies" in tab.goals_markdown(align(PathFinder(net), [], []))
