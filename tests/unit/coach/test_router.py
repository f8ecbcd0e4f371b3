"""The offline router: intents and slots from plain words, names through the contacts."""

from __future__ import annotations

import pytest

from assistant.app import Warmline
from assistant.services.coach.names import AMBIGUOUS, NameResolver, Person

PEOPLE = [Person("1", "Ana Ruiz", "Acme"), Person("2", "Ana Lima", "Zeta"),
          Person("3", "Marisol Vega", "Northwind"), Person("4", "Will Turner", "Epic")]


@pytest.mark.parametrize(("text", "intent", "slots"), [
    ("who should I get back in touch with this week?", "due", {}),
    ("write something to Marisol, she's training for a half marathon", "draft",
     {"contact": "Marisol Vega"}),
    ("email Ana Lima a thank-you note", "draft",
     {"contact": "Ana Lima", "kind": "thanks", "channel": "email"}),
    ("who do I know in clinical decision support?", "search",
     {"query": "clinical decision support"}),
    ("give me a 30 second pitch for a recruiter", "pitch",
     {"kind": "30s", "audience": "recruiter"}),
    ("make it shorter", "revise", {"action": "shorter"}),
    ("another one", "revise", {"action": "another"}),
    ("quiz me for the APM interview on Thursday", "interview", {"role": "APM"}),
    ("I had coffee with Ana today, she's moving to Oslo", "log",
     {"contact": AMBIGUOUS, "kind": "coffee", "note": "she's moving to Oslo"}),
    ("move Marisol to my inner circle", "edit",
     {"contact": "Marisol Vega", "field": "tier", "value": "inner"}),
    ("delete Ana Ruiz", "edit", {"contact": "Ana Ruiz", "field": "delete"}),
    ("who can get me into Stripe?", "path", {"target": "Stripe"}),
    ("show my network map", "map", {}),
    ("what can you do?", "help", {}),
    ("book me a flight to Oslo", "unsupported", {}),
    # Thanking someone for an intro is a thank-you, not an introduction.
    ("Can you draft an email to Marisol thanking her for the intro?", "draft",
     {"contact": "Marisol Vega", "kind": "thanks", "channel": "email"}),
    ("msg to will turner", "draft", {"contact": "Will Turner"}),
    ("60 sec pitch, audience is a VP of product", "pitch",
     {"kind": "60s", "audience": "VP of product"}),
    ("note that Marisol is moving to Berlin", "log",
     {"contact": "Marisol Vega", "kind": "other", "note": "is moving to Berlin"}),
])
def test_routes_plain_words(app: Warmline, text: str, intent: str, slots: dict[str, str]) -> None:
    app.contacts.add("Will Turner", company="Epic")
    route = app.coach.router.route(text)
    assert (route.intent, route.slots) == (intent, slots)


def test_a_typo_in_a_name_still_finds_the_person() -> None:
    [match] = NameResolver(PEOPLE).find("reach out to Marisl about coffee")
    assert match.slot() == "Marisol Vega"


def test_a_shared_first_name_is_ambiguous_until_a_company_picks_one() -> None:
    resolver = NameResolver(PEOPLE)
    [bare] = resolver.find("write to Ana")
    assert bare.slot() == AMBIGUOUS
    assert {p.name for p in bare.people} == {"Ana Ruiz", "Ana Lima"}
    [narrowed] = resolver.find("write to Ana at Zeta")
    assert narrowed.slot() == "Ana Lima"
    assert resolver.choose("the one at Acme", bare.people) == PEOPLE[0]


def test_a_common_word_is_a_name_only_when_capitalised() -> None:
    resolver = NameResolver(PEOPLE)
    assert resolver.find("I will write to her") == []
    assert resolver.find("write to Will")[0].slot() == "Will Turner"
