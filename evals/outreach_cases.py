"""Write the dev set's outreach cases for the kinds beyond the check-in (``-o`` rows).

``python -m evals.outreach_cases`` adds, to ``datasets/outreach.jsonl``, cases over the dev
network until each kind has ``TARGETS[kind]`` dev cases, so that with the blind set every kind
has at least 40. Each case picks a contact (and, for an intro, a second person of the same
persona), rotates the four channels, and marks as ``details`` the note facts that fit the kind:
news for congratulations, what they did for the user for a thank-you, any hook for a request.
Rows from other authors are never changed; this script's own rows (ids ``<kind>-oNN``) are
written afresh on every run.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from evals.seed import DATASETS_DIR

CASES = DATASETS_DIR / "outreach.jsonl"
OWN_ID = re.compile(r"-o\d+$")
NETWORK = DATASETS_DIR / "network.jsonl"
CHANNELS = ("linkedin-dm", "email", "linkedin-note", "text")
# Dev cases per kind: the blind set holds 12 of each request/congrats/thanks, and no intros.
TARGETS = {"info-interview": 28, "coffee": 28, "congrats": 28, "thanks": 28, "intro": 40}
# Congratulations must be about news; any other draft may open with any remembered detail.
ANY_HOOK = ("life_event", "plan", "need", "shared_history")
HOOK_TYPES = {"congrats": ("life_event",), "thanks": ANY_HOOK, "info-interview": ANY_HOOK,
              "coffee": ANY_HOOK, "intro": ANY_HOOK}
NOTES = {
    "info-interview": "A short, specific request for about 20 minutes with {name}, opening with "
                      "one real detail; exactly one ask, easy to decline; no job or referral.",
    "coffee": "A low-pressure coffee invitation to {name}: one real detail said to them, one "
              "clear ask that is easy to decline.",
    "congrats": "Congratulate {name} on their news, said to them; no ask of any kind.",
    "thanks": "Thank {name} for something the notes say, said to them; ask for nothing.",
    "intro": "Double opt-in: ask {name} privately whether they would like an introduction to "
             "{other}, easy to decline; then the introduction itself, to both.",
}


def _details(contact: dict[str, Any], kind: str) -> list[str]:
    hooks = [h for h in contact.get("hooks", []) if h.get("type") in HOOK_TYPES[kind]]
    return [str(h["fact"]).rstrip(".") for h in hooks]


Row = dict[str, Any]


def build_rows(existing: list[Row], network: list[Row]) -> list[Row]:
    """The rows to add so each kind reaches its target (deterministic)."""
    have = Counter(str(r["inputs"].get("kind", "checkin")) for r in existing)
    taken = {(r["inputs"].get("contact"), r["inputs"].get("kind"), r["inputs"].get("channel"))
             for r in existing}
    by_persona: dict[str, list[dict[str, Any]]] = {}
    for contact in network:
        by_persona.setdefault(contact["persona"], []).append(contact)
    rows = []
    for kind, target in TARGETS.items():
        number = 0
        turn = 0
        while have[kind] < target and turn < 8 * len(network):
            contact = network[turn % len(network)]
            channel = CHANNELS[(turn // len(network) + turn) % len(CHANNELS)]
            turn += 1
            if (contact["key"], kind, channel) in taken:
                continue
            if kind == "congrats" and not _details(contact, kind):
                continue  # congratulations need news in the notes
            inputs: dict[str, Any] = {"contact": contact["key"], "channel": channel,
                                      "kind": kind}
            other = ""
            if kind == "intro":
                peers = [c for c in by_persona[contact["persona"]] if c["key"] != contact["key"]]
                if not peers:
                    continue
                peer = peers[turn % len(peers)]
                inputs["to"], other = peer["key"], peer["name"]
            number += 1
            details = _details(contact, kind)
            rows.append({
                "id": f"{kind}-o{number:02}", "persona": contact["persona"],
                "tags": [f"kind:{kind}", f"channel:{channel}", "outreach-extended"],
                "inputs": inputs,
                "must_include": {"details": details} if details else {},
                "must_not": {"asks": kind in {"congrats", "thanks"}, "phrases": []},
                "grading_notes": NOTES[kind].format(name=contact["name"], other=other),
            })
            taken.add((contact["key"], kind, channel))
            have[kind] += 1
    return rows


def main() -> None:
    """Append the missing rows to the dev set."""
    existing = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    network = [json.loads(line) for line in NETWORK.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    others = [r for r in existing if not OWN_ID.search(r["id"])]
    rows = build_rows(others, network)
    with Path(CASES).open("w", encoding="utf-8") as out:
        for row in [*others, *rows]:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"added {len(rows)} cases")  # noqa: T201


if __name__ == "__main__":
    main()
