"""A concrete rewrite for each weak resume bullet, built from the user's own facts.

The bullet is matched (rapidfuzz, on words) against the user's proof points and notes: when one
tells the same story with an action and a result, that is the rewrite. Otherwise the bullet is
led by a plain verb for what its weak phrase hid, and the result the user still has to supply
is named as a gap, never invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from assistant.drafting.offline.phrasing import clean

MIN_MATCH = 55  # token-set similarity (0-100) for a fact to tell the same story as a bullet
_WEAK_LEAD = re.compile(
    r"^(?:was\s+)?(responsible for|helped with|helped to|helped|worked on|assisted (?:with|in)|"
    r"involved in|participated in|duties included|tasked with|in charge of|contributed to)\s+",
    re.I)
_VERB_FOR = {"responsible for": "Ran", "in charge of": "Ran", "tasked with": "Delivered",
             "duties included": "Handled", "worked on": "Delivered", "helped with": "Supported",
             "helped to": "Helped", "helped": "Supported", "assisted with": "Supported",
             "assisted in": "Supported", "involved in": "Took part in",
             "participated in": "Took part in", "contributed to": "Contributed to"}
_STOP = frozenset("a an the and or of in at to for with on my our we i was".split())


def _words(text: str) -> str:
    return " ".join(w for w in re.findall(r"[a-z0-9%$]+", text.lower()) if w not in _STOP)


def matching_fact(bullet: str, facts: Sequence[str]) -> str:
    """The user's own fact (a proof point or note) that tells the bullet's story, or ""."""
    core = _WEAK_LEAD.sub("", bullet)
    best, score = "", 0.0
    for fact in facts:
        similarity = fuzz.token_set_ratio(_words(core), _words(fact))
        if similarity > score and re.search(r"\d", fact):
            best, score = fact, similarity
    return best if score >= MIN_MATCH else ""


def rewrite(bullet: str, facts: Sequence[str]) -> str:
    """ "Worked on the barcode rollout" -> "Led a barcode rollout across 14 wards that cut
    dispensing errors by 38 percent" (from the user's proof point); with no such fact,
    "Delivered the barcode rollout, which [result: what changed, by how much?]"."""
    fact = matching_fact(bullet, facts)
    if fact:
        text = clean(re.sub(r"^(?:I|we)\s+", "", clean(fact), flags=re.I))
        return text[:1].upper() + text[1:]
    match = _WEAK_LEAD.match(bullet)
    rest = clean(bullet[match.end():] if match else bullet)
    verb = _VERB_FOR.get(match.group(1).lower(), "Delivered") if match else ""
    lead = f"{verb} {rest}" if verb else rest[:1].upper() + rest[1:]
    return f"{lead}, which [result: what changed, and by how much?]"
