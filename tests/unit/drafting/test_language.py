"""The language layer: clause shortening, second person, hooks, and the guard's voice checks."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.domain import Contact, Note
from assistant.drafting.language.clauses import has_finite_verb, shorten
from assistant.drafting.language.hooks import (
    LIFE_EVENT,
    NEED,
    PLAN,
    SHARED_HISTORY,
    hooks_for,
    pick_hook,
    written_date,
)
from assistant.drafting.language.person import spell_out, to_second_person
from assistant.drafting.offline.outreach import write
from assistant.drafting.voice import voice_problems

MARISOL = Contact(name="Marisol Ortega", company="Osakidetza", title="Nurse Informaticist")
NOTES = [
    Note(text="Met Marisol at the HIMSS regional meetup in Bilbao in March 2025.",
         created=date(2025, 3, 20)),
    Note(text="She is training for the San Sebastián half marathon in November. Looking for "
              "articles on alert fatigue in EHRs. Her daughter just started university in Lisbon.",
         created=date(2025, 9, 10)),
]
TODAY = date(2025, 10, 1)


@pytest.mark.parametrize(("fact", "said"), [
    ("She is training for the San Sebastián half marathon",
     "you are training for the San Sebastián half marathon"),
    ("Her daughter just started university in Lisbon",
     "your daughter just started university in Lisbon"),
    ("Training for the Chicago marathon", "you are training for the Chicago marathon"),
    ("Runs a monthly board-game night in Madison", "you run a monthly board-game night in Madison"),
    ("Met Marisol at the HIMSS meetup", "we met at the HIMSS meetup"),
    ("Promoted to assistant principal", "you were promoted to assistant principal"),
    ("Mentioned the food newsletter she writes", "you mentioned the food newsletter you write"),
])
def test_a_note_about_someone_becomes_words_to_them(fact: str, said: str) -> None:
    assert to_second_person(fact, "Marisol Ortega").text == said


def test_a_group_they_stays_the_group() -> None:
    said = to_second_person("Coaching his son's soccer team; they won their first game", "Raf")
    assert "your son's soccer team" in said.text and "they won their first game" in said.text


def test_shorthand_is_spelled_out() -> None:
    assert spell_out("hiking w/ her sister, nervous abt the snow lol!!") == (
        "hiking with her sister, nervous about the snow!")


def test_shorten_drops_whole_phrases_and_keeps_the_result() -> None:
    text = "Led a barcode rollout across 14 wards that cut dispensing errors by 38 percent"
    assert shorten(text, 20) == text
    short = shorten("you moved from produce sales to procurement at HelloFresh", 7)
    assert short == "you moved from produce sales to procurement"
    assert shorten("you were retiring at the end of the year after 30 years", 9) in {
        "you were retiring at the end of the year", ""}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(
    "she led a team of 12 nurses across three wards that cut errors by 30 percent in 2024 "
    "with the new tool and then moved to Lisbon for a role at Epic".split()), min_size=3,
    max_size=25), st.integers(3, 12))
def test_shorten_never_cuts_inside_a_word_or_adds_one(words: list[str], limit: int) -> None:
    text = " ".join(words)
    short = shorten(text, limit)
    assert short == "" or len([w for w in short.split() if any(c.isalnum() for c in w)]) <= limit
    source = text.split()
    for word in short.replace(",", " ").split():  # every kept word is a whole source word
        assert word in source


def test_finite_verbs_are_found_by_the_parser() -> None:
    assert has_finite_verb("I hope you're well.")
    assert not has_finite_verb("No need to reply, just thinking of you.")


def test_hooks_are_typed_ranked_and_said_to_the_contact() -> None:
    hooks = hooks_for(MARISOL, NOTES, TODAY)
    types = {h.type for h in hooks}
    assert {PLAN, NEED, LIFE_EVENT, SHARED_HISTORY} <= types
    assert hooks[0].type in {PLAN, NEED}  # an upcoming race or a need beats history
    history = next(h for h in hooks if h.type == SHARED_HISTORY)
    assert history.said.text.startswith("we met at the HIMSS")
    assert history.when == date(2025, 3, 1)  # "in March 2025" written in the note wins


def test_the_last_hook_is_not_reused() -> None:
    hooks = hooks_for(MARISOL, NOTES, TODAY)
    first = pick_hook(hooks)
    assert first is not None
    second = pick_hook(hooks, avoid=first.id)
    assert second is not None and second.id != first.id


def test_written_dates_are_read() -> None:
    assert written_date("met in March 2024 at a meetup") == date(2024, 3, 1)
    assert written_date("on 2024-05-07 she said") == date(2024, 5, 7)
    assert written_date("no date here") is None


@pytest.mark.parametrize("channel", ["linkedin-note", "linkedin-dm", "email", "text"])
def test_a_checkin_speaks_to_her_and_never_quotes_the_note(channel: str) -> None:
    draft = write("checkin", channel, MARISOL, NOTES, None, "Maya Chen", "s", today=TODAY)
    assert voice_problems(draft.text, MARISOL.name, [n.text for n in NOTES]) == []
    assert "Met Marisol" not in draft.text and "Last time you mentioned" not in draft.text
    assert draft.hook_id is not None
    limit = {"linkedin-note": 300, "text": 160}.get(channel)
    assert limit is None or len(draft.text) <= limit
    assert (channel == "email") == bool(draft.subject)


def test_the_four_channels_differ_and_regenerate_avoids_the_last_hook() -> None:
    texts = {write("checkin", c, MARISOL, NOTES, None, "Maya", "s", today=TODAY).text
             for c in ("linkedin-note", "linkedin-dm", "email", "text")}
    assert len(texts) == 4
    first = write("checkin", "linkedin-dm", MARISOL, NOTES, None, "Maya", "s", today=TODAY)
    again = write("checkin", "linkedin-dm", MARISOL, NOTES, None, "Maya", "s",
                  avoid_hook=first.hook_id, today=TODAY)
    assert again.hook_id != first.hook_id


def test_a_contact_with_no_notes_gets_no_invented_past() -> None:
    text = write("checkin", "linkedin-dm", Contact(name="Dee Okafor"), [], None, "Maya", "s").text
    assert "It's been a while" in text
    assert "last conversation" not in text and "you mentioned" not in text.lower()


@pytest.mark.parametrize("kind", ["info-interview", "coffee"])
def test_requests_have_one_ask_that_is_easy_to_decline(kind: str) -> None:
    text = write(kind, "linkedin-dm", MARISOL, NOTES, None, "Maya", "s", today=TODAY).text
    assert text.count("?") == 1
    assert any(p in text for p in ("no worries", "No pressure", "Totally fine"))


def test_an_intro_asks_first_and_writes_the_intro_apart() -> None:
    to = Contact(name="Tom Baker", company="Epic", title="PM")
    draft = write("intro", "email", MARISOL, NOTES, None, "Maya", "s", to=to, today=TODAY)
    assert "Would you be open to an intro?" in draft.text
    assert "Marisol, meet Tom Baker" in draft.second_text


@pytest.mark.parametrize(("text", "reason"), [
    ("Hi Ana, she is training for the Chicago marathon. How is it going?", "third person"),
    ("Hi Ana, training for the Chicago marathon in October, her first full marathon!",
     "copies the user's private note"),
    ("Hi Ana, I loved hearing about the marathon in the.", "stops mid-phrase"),
])
def test_the_guard_rejects_unsendable_model_drafts(text: str, reason: str) -> None:
    notes = ["Training for the Chicago marathon in October, her first full marathon."]
    assert any(reason in p for p in voice_problems(text, "Ana Ruiz", notes))


def test_the_guard_lets_a_good_draft_through() -> None:
    text = "Hi Ana, how is your daughter? I hope she loves Lisbon. Maya"
    assert voice_problems(text, "Ana Ruiz", ["Her daughter moved to Lisbon."]) == []


@pytest.mark.parametrize("seed", [f"seed-{i}" for i in range(12)])
def test_a_matching_resource_survives_every_phrasing_of_a_dm(seed: str) -> None:
    notes = [Note(text="Ran the Chicago marathon in October.", created=date(2025, 10, 20))]
    resource = ("Marathon running recovery", "Marathon running recovery: walk and refuel.")
    draft = write("checkin", "linkedin-dm", Contact(name="Ana Ruiz"), notes, resource, "Dev",
                  seed, today=TODAY)
    assert '"Marathon running recovery"' in draft.text, draft.text
    assert "Chicago marathon" in draft.text
