"""The outreach CLI: draft (email has a subject), due, today, log, snooze, drafts list|sent."""

from __future__ import annotations

import json


def setup(run_cli) -> None:  # type: ignore[no-untyped-def]
    for args in (("contacts", "add", "--name", "Chloe Park", "--tier", "inner"),
                 ("contacts", "add", "--name", "Bo Chen", "--tier", "active"),
                 ("note", "add", "--contact", "Chloe Park",
                  "Chloe adopted a rescue greyhound named Biscuit.")):
        code, _, err = run_cli(*args)
        assert code == 0, err


def test_draft_email_json_has_subject_and_a_first_name_works(run_cli) -> None:  # type: ignore[no-untyped-def]
    setup(run_cli)
    code, out, err = run_cli("draft", "checkin", "--contact", "Chloe", "--channel", "email",
                             "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["subject"] and data["kind"] == "checkin" and data["channel"] == "email"
    assert data["engine"] == "offline" and data["id"].startswith("d_")
    assert {"text", "char_count", "word_count", "sources"} <= data.keys()


def test_intro_takes_to(run_cli) -> None:  # type: ignore[no-untyped-def]
    setup(run_cli)
    code, out, err = run_cli("draft", "intro", "--contact", "Chloe", "--to", "Bo Chen",
                             "--json")
    assert code == 0, err
    assert json.loads(out)["second_text"]
    code, _, err = run_cli("draft", "intro", "--contact", "Chloe")
    assert code == 1
    assert err.strip() == "warmline: an intro needs the second person: --to NAME_OR_ID"


def test_due_draft_sent_and_the_contact_leaves_the_due_list(run_cli) -> None:  # type: ignore[no-untyped-def]
    setup(run_cli)
    code, out, _ = run_cli("due", "--json")
    assert code == 0 and [d["name"] for d in json.loads(out)["due"]] == ["Chloe Park", "Bo Chen"]
    _, out, _ = run_cli("draft", "checkin", "--contact", "Chloe Park", "--json")
    draft_id = json.loads(out)["id"]
    code, out, err = run_cli("drafts", "sent", draft_id, "--json")
    assert code == 0, err
    sent = json.loads(out)
    assert sent["draft"]["sent"] is True and sent["interaction"]["direction"] == "neutral"
    code, out, _ = run_cli("drafts", "sent", draft_id, "--json")
    assert json.loads(out)["interaction"]["id"] == sent["interaction"]["id"]
    _, out, _ = run_cli("due", "--json")
    assert [d["name"] for d in json.loads(out)["due"]] == ["Bo Chen"]
    _, out, _ = run_cli("drafts", "list", "--sent", "yes", "--json")
    assert [d["id"] for d in json.loads(out)["drafts"]] == [draft_id]
    _, out, _ = run_cli("contacts", "show", "Chloe Park", "--json")
    assert len(json.loads(out)["interactions"]) == 1


def test_log_snooze_and_today(run_cli) -> None:  # type: ignore[no-untyped-def]
    setup(run_cli)
    code, out, err = run_cli("log", "--contact", "Bo Chen", "--kind", "coffee", "--direction",
                             "asked", "talked about Globex", "--json")
    assert code == 0, err
    assert json.loads(out)["direction"] == "asked"
    code, out, _ = run_cli("snooze", "--contact", "Chloe", "--days", "10", "--json")
    assert code == 0 and json.loads(out)["snoozed_until"]
    _, out, _ = run_cli("today", "--json")
    today = json.loads(out)
    assert [(a["kind"], a["name"]) for a in today["actions"]] == [("follow-up", "Bo Chen")]
    assert today["progress"]["this_week"] == 1
    code, out, _ = run_cli("ledger", "--contact", "Bo", "--json")
    book = json.loads(out)
    assert code == 0 and len(book["asked"]) == 1 and book["balance"] == -1
    code, out, _ = run_cli("intros", "--json")
    assert code == 0 and json.loads(out) == {"intros": []}


def test_mistakes_are_one_line(run_cli) -> None:  # type: ignore[no-untyped-def]
    setup(run_cli)
    for args, message in (
        (("draft", "poem", "--contact", "Chloe"), "unknown draft kind 'poem'"),
        (("draft", "checkin", "--contact", "Chloe", "--channel", "fax"), "unknown channel"),
        (("drafts", "sent", "d_nope"), "no draft with id 'd_nope'"),
        (("log", "--contact", "Chloe", "--kind", "call", "--direction", "took"),
         "direction must be one of"),
        (("drafts", "list", "--sent", "maybe"), "--sent takes yes or no"),
        (("draft", "checkin", "--contact", "Nobody Here"), "no contact named"),
    ):
        code, _, err = run_cli(*args)
        assert code == 1 and err.count("\n") == 1 and message in err, (args, err)
