"""The moves of an outreach draft, each with several phrasings: a hook said to the contact, an
opener, a resource, an ask that is easy to decline, a closer."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date

from assistant.drafting.language.clauses import shorten
from assistant.drafting.language.hooks import LIFE_EVENT, NEED, PLAN, Hook

COPY_RUN = 7  # a draft never lifts this many consecutive words from a note
_WORD = re.compile(r"[\w'’#]+")
_GOOD_NEWS = re.compile(
    r"\b(?:baby|born|married|engaged|promot\w*|new (?:role|job|position)|joined|launch\w*|"
    r"publish\w*|won|award\w*|graduat\w*|finished|opened|started|bought|moved|got)\b", re.I)
_HARD_NEWS = re.compile(
    r"\b(?:passed away|died|funeral|surgery|sick|ill|illness|hospital\w*|laid off|lost (?:her|his|"
    r"their|your) job|divorce|recovering)\b", re.I)
_GAVE = re.compile(r"\b(?:offered|introduced|intro'?d|helped|sent|shared|gave|invited|recommended|"
                   r"referred|connected|reviewed|spent)\b", re.I)


def pick(options: Sequence[str], seed: str) -> str:
    """A stable choice: the same seed always picks the same option."""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def words(text: str) -> list[str]:
    """Lower-case word tokens, as the copy check counts them."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def longest_copied_run(text: str, source: str) -> int:
    """The longest run of consecutive words the text shares with the source."""
    a, b = words(text), words(source)
    best = 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def clause(hook: Hook, max_words: int) -> str:
    """The hook's clause, short enough and never a long lift of the note's own words."""
    text = hook.said.text
    for limit in range(max_words, 2, -1):
        short = shorten(text, limit)
        if short and longest_copied_run(short, hook.fact) < COPY_RUN:
            return short
    return ""


def _past(text: str) -> str:
    """ "you are training" -> "you were training" (the note is older than the question)."""
    return re.sub(r"^you(?: are|'re|’re) ", "you were ", text)


def _still(text: str) -> str:
    """ "you run a board-game night" -> "do you still run a board-game night" """
    body = text.removeprefix("you ")
    if body.startswith(("are ", "'re ")):
        return "are you still " + body.split(" ", 1)[1]
    if body.startswith("have "):
        return "do you still have " + body.split(" ", 1)[1]
    return "do you still " + body


def hook_line(hook: Hook, seed: str, today: date, max_words: int = 12,
              resource_fits: bool = False) -> str:
    """The hook said to the contact as a question or remark, in the tense its date calls for."""
    said = clause(hook, max_words)
    if not said:
        return ""
    tense = hook.said.tense
    stale = (today - hook.when).days > 45
    if hook.said.voice == "we":
        return pick([f"It's been a while since {said}.", f"I keep thinking back to when {said}."],
                    seed + "we")
    if hook.said.voice != "you":
        return ""
    if hook.type == NEED:
        follow = "" if resource_fits else " " + pick(
            ["Did you find what you were after?", "Have you found any good ones since?",
             "How is that search going?"], seed + "nf")
        return pick([f"You mentioned {_past(said)}.", f"I remember {_past(said)}."],
                    seed + "n") + follow
    if tense in {"progressive", "future"}:
        if stale or hook.type == PLAN and hook.when < today:
            return pick([f"Last I heard, {_past(said)}. How did it go?",
                         f"You mentioned {_past(said)}. How did it all go?",
                         f"I remember {_past(said)}. How did it turn out?"], seed + "pp")
        return pick([f"You mentioned {said}. How is it going?",
                     f"I remember {said}. How is it coming along?",
                     f"Last I heard, {said}. How is it going so far?"], seed + "pf")
    if tense == "present":
        return pick([f"{_still(said)[:1].upper()}{_still(said)[1:]}?",
                     f"I remember {said}. Is that still going?"], seed + "pr")
    if tense == "past":
        if _HARD_NEWS.search(hook.fact):
            return f"I've been thinking of you since I heard {said}. I hope you're doing okay."
        if hook.type == LIFE_EVENT and _GOOD_NEWS.search(hook.fact):
            return pick([f"I was so glad to hear {said}. How is it going?",
                         f"I loved hearing {said}. How has it been?",
                         f"It was great to hear {said}. How are things now?"], seed + "le")
        return pick([f"I remember {said}. How has it been since?",
                     f"I was thinking about how {said}. How did it feel?"], seed + "pa")
    return ""


def congrats_line(hook: Hook | None, seed: str, title: str, company: str) -> str:
    """What the congratulations are for: the news in the notes, else their role."""
    if hook is not None and hook.said.voice == "you":
        said = clause(hook, 12)
        if said:
            return pick([f"I just heard {said}. Congratulations!",
                         f"Congratulations! I was so happy to hear {said}."], seed + "cg")
    if title and company:
        return f"Congratulations on your work as {title} at {company}!"
    return "Congratulations! I was really happy to hear your news."


def thanks_line(hooks: Sequence[Hook], seed: str) -> tuple[str, Hook | None]:
    """What the thanks are for: something the contact gave, from the notes."""
    for hook in hooks:
        if hook.said.voice == "you" and _GAVE.search(hook.fact):
            said = clause(hook, 14)
            if said:
                return pick([f"Thank you: {said}, and it meant a lot.",
                             f"I wanted to say thank you. {said[:1].upper()}{said[1:]}, and I "
                             "really appreciated it."], seed + "th"), hook
    return pick(["I wanted to say thank you for being so generous with your time.",
                 "I just wanted to say thank you; it meant a lot to me."], seed + "tg"), None


def resource_line(title: str, summary: str, url: str, seed: str, room: int) -> str:
    """The resource, whole (title and why) or as a title and link, never cut off."""
    link = f" {url}" if url else ""
    whole = pick([f'This made me think of you: "{title}".{link} {summary}',
                  f'I came across "{title}" and thought of you.{link} {summary}'], seed + "r")
    if len(whole) <= room and summary:
        return whole.strip()
    short = pick([f'This made me think of you: "{title}".{link}',
                  f'I came across "{title}" and thought of you.{link}'], seed + "r")
    return short if len(short) <= room else ""


OPENERS_NO_NOTES = ("It's been a while, so I wanted to say hello.",
                    "It's been a while since we've been in touch, so I wanted to say hi.",
                    "It's been a while! I wanted to say hello.")
OPENERS = ("You came to mind this week.", "I was thinking of you the other day.",
           "You popped into my head today.")
CLOSERS = ("No need to reply, just wanted to say hi.", "Hope the rest of your week is good.",
           "Hope all is well with you.", "No need to write back, just thinking of you.")
TEXT_CLOSERS = ("No need to reply!", "Hope all's well!", "Hope you're good!")
INFO_ASKS = (
    "Would you be open to a 20-minute call in the next few weeks so I could hear how you got "
    "into {field}?",
    "Would you have 20 minutes sometime this month for me to ask a few questions about {field}?",
)
COFFEE_ASKS = ("Would you be up for a coffee sometime in the next couple of weeks?",
               "Could I buy you a coffee sometime soon?")
EASY_OUTS = ("If things are busy, no worries at all.", "Totally fine to say no if now isn't "
             "a good time.", "No pressure at all if the timing is off.")
