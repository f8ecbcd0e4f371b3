"""Classify a message the user sent as giving, asking, or neither (a cheap keyword heuristic)."""

from __future__ import annotations

import re

from assistant.domain import Direction

# (pattern, weight). Strong signals weigh 2 so that "Congrats! Could you refer me?" is an ask
# and "Would you like me to introduce you?" is a give despite its question mark.
_ASK_SIGNALS: tuple[tuple[str, int], ...] = (
    (r"\brefer\s+me\b|\breferral\s+(?:for|to)\s+me\b", 2),
    (r"\b(?:get|ask\s+for|request|need)\s+(?:a|your)\s+referral\b", 2),
    (r"\b(?:can|may|could)\s+i\s+ask\b", 2),
    (r"\b(?:introduce|intro|connect)\s+me\b", 2),
    (r"\b(?:an?|the)\s+(?:warm\s+)?intro(?:duction)?\s+to\b", 2),
    (r"\b(?:could|can|would|will)\s+you\b(?!\s+(?:like|want)\s+me\b)", 2),
    (r"\bwould\s+you\s+be\s+(?:open|willing|up\s+for|available)\b", 2),
    (r"\bwould\s+you\s+mind\b|\bany\s+chance\b|\bis\s+there\s+any\s+way\b", 2),
    (r"\bpick\s+your\s+brain\b|\bput\s+in\s+a\s+(?:good\s+)?word\b", 2),
    (r"\bdo\s+you\s+know\s+(?:anyone|someone|anybody)\b", 2),
    (r"\b(?:i'?d|i\s+would)\s+(?:love|appreciate|be\s+grateful)\b", 1),
    (r"\b(?:your\s+)?(?:advice|feedback|guidance|thoughts)\s+on\b", 1),
    (r"\b(?:quick|short|brief)\s+(?:call|chat|coffee)\b|\bcoffee\s+chat\b", 1),
    (r"\b(?:i'?m|i\s+am)\s+(?:looking|applying|searching)\b", 1),
)
_GIVE_SIGNALS: tuple[tuple[str, int], ...] = (
    (r"\bthought\s+(?:you\s+might|you'?d|of\s+you)\b", 2),
    (r"\b(?:happy|glad|delighted)\s+to\s+(?:help|intro(?:duce)?|connect|share|refer|give)\b", 2),
    (r"\b(?:would\s+you\s+like|do\s+you\s+want|want)\s+me\s+to\b", 2),
    (r"\b(?:i\s+can|i'?ll|let\s+me)\s+(?:introduce|intro|connect|refer)\s+you\b", 2),
    (r"\b(?:can|may|shall)\s+i\s+(?:introduce|intro|connect|refer|help)\b", 2),
    (r"\b(?:give|send|offer)\s+you\s+a\s+referral\b|\brefer\s+you\b", 2),
    (r"\blet\s+me\s+know\s+(?:if|how)\s+i\s+can\s+help\b|\bhow\s+can\s+i\s+help\b", 2),
    (r"\bcongrat(?:s|ulations)?\b|\bwell\s+deserved\b", 1),
    (r"\b(?:sharing|shared|passing\s+(?:this\s+)?along|check\s+(?:this|it)\s+out)\b", 1),
    (r"\b(?:article|post|paper|talk|podcast|video)\b.{0,40}\bhttps?://|https?://\S+", 1),
    (r"\b(?:recommend(?:ed)?|endorsed)\s+you\b|\bhappy\s+birthday\b", 1),
)
# A question mark only counts as an ask when a request verb comes with it.
_REQUEST_VERBS = re.compile(r"\b(?:help|refer|introduce|intro|share|review|chat|call|meet)\b")
_ASK_PATTERNS = tuple((re.compile(p, re.IGNORECASE), w) for p, w in _ASK_SIGNALS)
_GIVE_PATTERNS = tuple((re.compile(p, re.IGNORECASE), w) for p, w in _GIVE_SIGNALS)


def classify_direction(text: str) -> Direction:
    """Return ASKED, GAVE or NEUTRAL for a message written by the user."""
    text = text.replace("\u2019", "'")  # typographic apostrophes: "I’d love"
    asks = _score(text, _ASK_PATTERNS)
    gives = _score(text, _GIVE_PATTERNS)
    if "?" in text and asks == 0 and gives == 0 and _REQUEST_VERBS.search(text.lower()):
        asks = 1
    if asks > gives:
        return Direction.ASKED
    if gives > asks:
        return Direction.GAVE
    return Direction.NEUTRAL


def _score(text: str, patterns: tuple[tuple[re.Pattern[str], int], ...]) -> int:
    """Sum the weights of the signal patterns found in `text`."""
    return sum(weight for pattern, weight in patterns if pattern.search(text))
