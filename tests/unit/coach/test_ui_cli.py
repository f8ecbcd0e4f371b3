"""The Coach tab (first, stable ids, the chat endpoint) and ``warmline chat``."""

from __future__ import annotations

import json
from collections.abc import Callable

from assistant.app import Warmline
from assistant.ui.shell import TABS, build_ui

ELEM_IDS = {"coach-chat", "coach-input", "coach-send", "coach-another", "coach-sent",
            "coach-open", "coach-new"}


def test_the_coach_tab_comes_first_with_its_ids_and_the_chat_endpoint(app: Warmline) -> None:
    assert TABS[0][0] == "Coach"
    config = build_ui(app).get_config_file()
    assert ELEM_IDS <= {c.get("props", {}).get("elem_id") for c in config["components"]}
    public = {d.get("api_name") for d in config["dependencies"]
              if d.get("api_visibility", "public") == "public"}
    assert "chat" in public
    assert not {name for name in public if name and name.startswith("on_")}


def test_warmline_chat_answers_one_line_as_json(
    run_cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, err = run_cli("contacts", "add", "--name", "Ana Ruiz", "--company", "Acme")
    assert code == 0, err
    code, out, err = run_cli("chat", "delete Ana Ruiz", "--json")
    assert code == 0, err
    answer = json.loads(out)
    assert (answer["kind"], answer["awaiting"], answer["changed"]) == ("confirm", "confirm", False)
    code, out, err = run_cli("chat", "no", "--json")
    assert json.loads(out)["reply"] == "OK, I changed nothing."
    code, out, err = run_cli("contacts", "list", "--json")
    assert [c["name"] for c in json.loads(out)["contacts"]] == ["Ana Ruiz"]
    code, out, err = run_cli("chat", "--forget", "--json")
    assert json.loads(out) == {"deleted_messages": 4}
