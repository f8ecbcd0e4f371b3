"""Outreach quality: does a draft use a remembered detail, and does it give before it asks."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Words that carry no detail: "ran the Chicago marathon in October" is about chicago/marathon.
_FILLER = frozenset(
    """
    a an the and or but nor so of in on at to for from with by as into about over after before
    that this these those who which what when where why how it its he she they them their his her
    hers him we our us you your yours my me i is was were be been being am are has have had do does
    did done get gets got getting go goes went going gone make makes made take took taken ran run
    runs just really very also still now then soon recently currently new old said says told
    mentioned mentions loves love loved likes like liked wants want wanted named called start
    starts started starting some any all one last next first year years month months week weeks
    day days time ago big great good lot lots thing things stuff will would could should can hope
    there here out up down off back well
    """.split()
)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _stem(word: str) -> str:
    """A crude suffix stripper: marathons -> marathon, running -> run, planned -> plan."""
    for suffix, min_len in (("ing", 6), ("ed", 5), ("es", 5), ("s", 4)):
        if len(word) >= min_len and word.endswith(suffix) and not word.endswith("ss"):
            word = word[: -len(suffix)]
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]
            break
    return word


def key_words(text: str) -> set[str]:
    """Stemmed content words of a text, without filler words."""
    words = (w.lower().removesuffix("'s") for w in _WORD.findall(text.replace("’", "'")))
    return {
        _stem(w) for w in words if w not in _FILLER and "'" not in w and (len(w) > 2 or w.isdigit())
    }


def detail_matches(text: str, detail: str) -> bool:
    """Whether the text mentions the detail: two shared key words, or half of a short detail's."""
    wanted = key_words(detail)
    shared = wanted & key_words(text)
    return bool(shared) and (len(shared) >= 2 or len(shared) * 2 >= len(wanted))


def matched_details(text: str, details: Sequence[str]) -> list[str]:
    """The remembered details the text mentions, in the given order."""
    return [d for d in details if detail_matches(text, d)]


def uses_personal_detail(text: str, details: Sequence[str]) -> bool:
    """The draft mentions at least one remembered personal detail."""
    return bool(matched_details(text, details))


# Phrases that ask the contact for something: time, an intro, a referral, a job, help.
_ASK_PHRASES = (
    r"could you",
    r"would you mind",
    r"can you(?! believe| imagine)",
    r"would you be (?:open|willing|able|up for)",
    r"are you (?:open|willing|available|free)",
    r"would you (?:have|consider|like to chat)",
    r"(?:introduce|intro|connect|refer|recommend|vouch for) me",
    r"put me in touch",
    r"put in a good word",
    r"(?:a|an|any) (?:referral|intro(?:duction)? to (?:someone|anyone))",
    r"pass (?:along|on) my",
    r"forward my",
    r"keep me in mind",
    r"if you hear of",
    r"know (?:of )?any(?:one|body)? (?:who|at|hiring|that)",
    r"looking for (?:a |my next |new )?(?:new )?(?:job|role|position|opportunit\w*)",
    r"job (?:search|hunt)",
    r"any (?:openings|open roles|opportunities|positions)",
    r"open (?:roles|positions|reqs)",
    r"(?:you|you're|your team|they|y'all)(?: are| were)?(?: still)? hiring",
    r"hiring (?:for|right now|at the moment)",
    r"pick your brain",
    r"(?:grab|grabbing|get|getting|buy you) (?:a )?(?:coffee|drink|lunch)",
    r"(?:up for|open to) (?:a )?(?:coffee|drink|lunch|call|chat)",
    r"(?:15|20|30|quick|short|brief)[- ](?:min(?:ute)?s?[- ])?(?:call|chat|meeting|coffee)",
    r"(?:hop|jump) on a call",
    r"find (?:a )?time (?:to|for) (?:chat|talk|connect|meet|a call|coffee)",
    r"set up (?:a )?(?:call|meeting|chat)",
    r"your calendar",
    r"help me",
    r"any advice|your advice|advice on (?:my|how)|any tips|mentor me",
    r"(?:feedback on|review|look at|glance at) my (?:resume|cv|portfolio|profile|application|deck)",
    r"(?:a|one|an) (?:quick |small |big )?(?:favou?r|ask)",
    r"ask you (?:for|to|if you)",
    r"do me a",
)
_ASKS = re.compile(r"\b(?:" + "|".join(_ASK_PHRASES) + r")\b", re.IGNORECASE)


def find_asks(text: str) -> list[str]:
    """The phrases in the text that ask the contact for something."""
    return [m.group() for m in _ASKS.finditer(text.replace("’", "'"))]


def give_first(text: str) -> bool:
    """The draft asks for nothing: questions about the contact are fine, requests are not."""
    return not find_asks(text)
