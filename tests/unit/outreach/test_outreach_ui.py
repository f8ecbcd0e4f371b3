"""The Today and Drafts tabs: stable element ids and the named API endpoints draft and due."""

from __future__ import annotations

from assistant.app import Warmline
from assistant.ui.shell import build_ui

ELEM_IDS = {
    "today-progress", "today-actions", "today-summary", "today-draft", "today-draft-info",
    "today-regenerate", "today-sent", "today-refresh", "today-status",
    "draft-contact", "draft-kind", "draft-channel", "draft-to", "draft-write", "draft-text",
    "draft-info", "draft-regenerate", "draft-sent", "draft-sent-info", "drafts-history",
    "history-contact", "history-kind", "history-sent", "history-show",
    "contacts-create-unmatched",
}


def test_tabs_have_stable_ids_and_the_draft_and_due_endpoints(app_factory) -> None:  # type: ignore[no-untyped-def]
    app: Warmline = app_factory()
    config = build_ui(app).get_config_file()
    ids = {c.get("props", {}).get("elem_id") for c in config["components"]}
    assert ELEM_IDS <= ids, ELEM_IDS - ids
    public = {d.get("api_name") for d in config["dependencies"]
              if d.get("api_visibility", "public") == "public"}
    assert {"draft", "due"} <= public
