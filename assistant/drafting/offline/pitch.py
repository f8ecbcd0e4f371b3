"""Offline pitches: present, proof, bridge, future and a light ask, built only from the profile.

Deterministic for a given profile, kind, audience and variant. The strongest proof points (those
with numbers) come first; fragments are rewritten into the first person; openers vary with the
variant; every clause is clipped or padded to the kind's limits. Nothing is invented: every name
and number in the output is in the profile.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.domain import Profile
from assistant.drafting.guard import Limits
from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.offline import pitch_phrases as phrases
from assistant.drafting.offline.clipping import (
    clip,
    clip_chars,
    number_floor,
    result_floor,
    split_sentences,
)
from assistant.drafting.offline.phrasing import (
    capitalise,
    join_list,
    pick,
    stable_int,
    with_article,
)
from assistant.drafting.offline.pitch_fit import Part, assemble, fit, used_facts
from assistant.drafting.offline.pitch_goals import move_target, role_phrase
from assistant.drafting.offline.pitch_material import Material, audience_key, digest
from assistant.drafting.offline.pitch_voice import read_voice, voiced


@dataclass
class OfflinePitch:
    """An offline pitch and the profile facts (``profile:proof:2``...) it drew on."""

    text: str
    facts: list[str] = field(default_factory=list)


FIELD_FACTS = {
    "roles": "profile:target_roles", "companies": "profile:target_companies",
    "strengths": "profile:strengths", "strength3": "profile:strengths",
    "values": "profile:values", "a_role": "profile:next", "field": "profile:next",
}


class _Builder:
    """Makes the sentences of one pitch for one seed."""

    def __init__(self, m: Material, kind: str, audience: str, seed: str) -> None:
        self.m = m
        self.kind = kind
        self.audience = audience
        self.seed = seed
        self.spec = PITCH_KINDS[kind]
        self.budget = self.spec.budgets
        short = self.spec.short
        role = clip(role_phrase(m.next_text), 5) if m.next_form == "role" else ""
        field = clip(m.next_text, 8) if m.next_form == "field" else ""
        moving = m.next_form in {"verb", "ongoing"}
        moving_into = clip(move_target(m.next_text), 8) if moving else ""
        aim = clip(m.next_text, 8) if m.next_form == "aim" else ""  # "teaching English abroad"
        few = self.spec.strengths
        strengths = [clip(x, 7 if short else 9) for x in m.strengths[:few]]
        self.values = {
            "a_role": with_article(role) if role else "",
            "field": field or moving_into,
            "roles": join_list([clip(r, 5) for r in m.roles[:2]], "or"),
            "next_step": field or moving_into or aim or "the work I want to do next",
            "strengths": join_list(strengths),
            "strength3": clip(m.strengths[2], 9) if len(m.strengths) > 2 else "",
            "values": join_list([clip(v, 6) for v in m.values[:2]]),
            "companies": join_list([clip(c, 4) for c in m.companies[:3]]),
        }

    def _pick(self, options: tuple[str, ...], slot: str) -> str:
        return pick(options, f"{self.seed}|{slot}")

    def _rotate(self, options: tuple[str, ...], index: int) -> str:
        """Distinct connectors for the second, third... proof point."""
        return options[(stable_int(self.seed + "|rot") + index - 1) % len(options)]

    def present(self, paragraph: int = 0) -> Part:
        words = len(self.m.present.split())
        if self.m.present_form == "been":  # "I've been a nurse for 7 years": keep the years
            floor = number_floor(self.m.present)
            return Part(10, "", self.m.present, floor=floor, facts=("profile:now",),
                        budget=self.budget["present"], paragraph=paragraph, hard_floor=floor)
        # "I have spent nine years as ..." is a sentence already: "Today, I have spent" is not.
        first_person = re.match(r"I(?:'ve|’ve| have| had| was| spent| worked|'d)\b",
                                self.m.present) is not None
        prefix = "" if self.spec.short or first_person else \
            self._pick(phrases.PRESENT, "present")
        numbered = number_floor(self.m.present, 8)
        floor = numbered if numbered <= 12 else min(words, 8)
        # Never clip the role itself away ("I've been an associate" for "... associate pastor").
        head = self.m.role.split()[-1].lower() if self.m.role else ""
        spoken = [w.strip(",.;:()").lower() for w in self.m.present.split()]
        role_end = spoken.index(head) + 1 if head in spoken else 4
        return Part(10, prefix, self.m.present, floor=max(floor, role_end), facts=("profile:now",),
                    budget=self.budget["present"], paragraph=paragraph, short_prefix="",
                    hard_floor=max(min(words, 4), role_end), keep=head if head in spoken else "")

    def proof(self, index: int, order: int, budget: int | None = None) -> Part | None:
        if index >= len(self.m.proofs):
            return None
        fid, clause, form = self.m.proofs[index]
        limit = budget or self.budget["proof"]
        if form == "noun" and index == 0:
            prefix = self._pick(phrases.PROOF_NOUN_FIRST, "proof0")
        elif form == "noun":
            prefix = self._rotate(phrases.PROOF_NOUN_NEXT, index)
        elif index == 0:
            table = phrases.PROOF_FIRST[:2] if self.spec.short else phrases.PROOF_FIRST
            prefix = self._pick(table, "proof0")
        else:
            prefix = self._rotate(phrases.PROOF_NEXT, index)
            if prefix == "I also " and form in {"past", "present"}:
                rest = clause[2:]
                return Part(order, prefix, rest, floor=result_floor(rest, 3), facts=(fid,),
                            budget=limit, short_prefix="I ", hard_floor=result_floor(rest, 2))
            if prefix == "I also ":
                prefix = "On top of that, "
        if prefix and form == "first" and not re.match(r"I\b", clause):
            clause = clause[:1].lower() + clause[1:]  # "Along the way, my series ..."
        return Part(order, prefix, clause, floor=result_floor(clause), facts=(fid,), budget=limit,
                    short_prefix="", hard_floor=result_floor(clause, 3))

    def future(self, order: int = 60) -> Part | None:
        if not self.m.next_text.strip():
            return None  # no "Now I'm moving into." when the story says nowhere yet
        form = self.m.next_form
        target = with_article(self.m.next_text) if form == "role" else self.m.next_text
        template = self._pick(phrases.FUTURE[form], "future")
        prefix, _, suffix = template.partition("{target}")
        words = len(target.split())
        return Part(order, prefix, target, suffix, floor=min(words, 10), facts=("profile:next",),
                    budget=self.budget["future"], hard_floor=min(words, 5),
                    short_prefix=phrases.FUTURE_SHORT[form] if not suffix else None)

    def fixed(self, order: int, options: tuple[str, ...], slot: str) -> Part | None:
        """A sentence from the writer's own phrases, filled only from the profile."""
        text, used = phrases.fill(options, self.values, f"{self.seed}|{slot}")
        if not text:
            return None
        facts = tuple(dict.fromkeys(FIELD_FACTS[f] for f in sorted(used) if f in FIELD_FACTS))
        return Part(order, "", text, floor=10_000, facts=facts, hard_floor=10_000)

    def bridge(self, order: int = 40) -> Part | None:
        if not self.m.strengths:
            return None  # with no strength to name, a bridge would only be filler
        table = phrases.BRIDGE["role"] if self.values["a_role"] else phrases.BRIDGE["other"]
        return self.fixed(order, table, "bridge")

    def ask(self, order: int = 80, key: str | None = None) -> Part | None:
        return self.fixed(order, phrases.ASKS[key or self.audience], "ask")

    def more_now(self, budget: int) -> list[Part]:
        return [Part(15, "", s, floor=5, facts=("profile:now",), budget=budget)
                for s in self.m.present_more if len(s.split()) >= 3]

    def own_words(self, order: int = 48) -> Part | None:
        """A sentence of the user's voice sample, in their own words ("I'd rather show a
        before-and-after than talk in generalities"): no number, first person, short."""
        for line in split_sentences(self.m.voice):
            text = line.strip().rstrip(".!")
            if re.match(r"I\b|I'|My\b", text) and 5 <= len(text.split()) <= 22 and \
                    not re.search(r"\d", text):
                return Part(order, "", text, floor=10_000, facts=("profile:voice_sample",),
                            hard_floor=10_000)
        return None

    def extras(self) -> list[Part | None]:
        """Optional sentences a longer pitch can use, in priority order."""
        return [
            self.proof(2, 32), self.own_words(),
            self.fixed(50, phrases.VALUES, "values"),
            self.fixed(70, phrases.COMPANIES, "companies"),
            self.fixed(45, phrases.STRENGTH_MORE, "s3"),
            self.fixed(65, phrases.ROLES, "roles"),
            self.proof(3, 33),
            self.proof(4, 34),
        ]


def _clean_parts(parts: Sequence[Part | None]) -> list[Part]:
    return [p for p in parts if p is not None]


def _spoken(b: _Builder, kind: str, limits: Limits) -> list[Part]:
    if kind == "one-liner":
        short = _clean_parts([b.present(), b.proof(0, 30), b.future()])
        return fit(short, [], limits, spell_out=b.m.spell_out)
    ask_key = "interviewer" if kind == "tmay" and b.audience == "general" else b.audience
    required = _clean_parts([b.present(), b.proof(0, 30), b.proof(1, 31), b.bridge(),
                             b.future(), b.ask(key=ask_key)])
    # All of Now is said: its other sentences come right after the first, and one that names
    # the role the first leaves out ("Before my break I was a financial analyst") is required.
    more = b.more_now(14)
    if more and b.m.role and b.m.role.split()[-1].lower() not in b.m.present.lower():
        required.insert(1, more.pop(0))
    if kind == "30s":
        optional = _clean_parts([*more[:1], b.proof(2, 32),
                                 b.fixed(70, phrases.COMPANIES, "companies"),
                                 b.fixed(65, phrases.ROLES, "roles")])
        bridge = [p for p in required if p.order == 40]  # what gives way before the evidence
        return fit(required, optional, limits, spell_out=b.m.spell_out, droppable=bridge)
    optional = _clean_parts([*more, *b.extras()])
    return fit(required, optional, limits, target=PITCH_KINDS[kind].target_words,
               spell_out=b.m.spell_out)


def _brand(b: _Builder, limits: Limits) -> list[Part]:
    middle = b.fixed(20, phrases.KNOWN_FOR, "known") if b.m.strengths else b.proof(0, 20)
    required = _clean_parts([b.present(), middle, b.future(30)])
    optional = _clean_parts([b.fixed(40, phrases.VALUES, "values")])
    return fit(required, optional, limits, target=limits.max_words, spell_out=b.m.spell_out)


def _in_paragraph(part: Part | None, number: int) -> Part | None:
    if part is not None:
        part.paragraph = number
    return part


def _about(b: _Builder, limits: Limits) -> list[Part]:
    proofs = [_in_paragraph(b.proof(i, 30 + i, budget=40), 1) for i in range(5)]
    required = _clean_parts([b.present(), proofs[0], _in_paragraph(b.future(), 3)])
    optional = _clean_parts([
        *proofs[1:3],
        _in_paragraph(b.bridge(), 2), _in_paragraph(b.fixed(50, phrases.VALUES, "values"), 2),
        *b.more_now(40),
        _in_paragraph(b.fixed(65, phrases.ROLES, "roles"), 3),
        _in_paragraph(b.fixed(70, phrases.COMPANIES, "companies"), 3),
        _in_paragraph(b.fixed(80, phrases.ABOUT_ASKS, "about_ask"), 3), *proofs[3:],
    ])
    return fit(required, optional, limits, target=PITCH_KINDS["about"].target_words,
               spell_out=b.m.spell_out)


def headline(m: Material, seed: str, max_chars: int) -> OfflinePitch:
    """A LinkedIn headline: now → next, then a proof point and strengths, while they fit."""
    now = re.split(r";|\s[-–—]\s", m.now_raw)[0]
    first = f"{capitalise(clip_chars(now, 80))} → {clip_chars(m.next_raw, 70)}"
    segments: list[tuple[str, tuple[str, ...]]] = [(first, ("profile:now", "profile:next"))]
    if m.proof_raw:
        index = 1 if len(m.proof_raw) > 1 and pick(("a", "b"), seed + "|proof") == "b" else 0
        fid, text = m.proof_raw[index]
        segments.append((capitalise(clip_chars(text, 70)), (fid,)))
    for count in (3, 2, 1):
        if len(m.strengths_raw) >= count:
            listed = " · ".join(capitalise(clip_chars(s, 40)) for s in m.strengths_raw[:count])
            segments.append((listed, ("profile:strengths",)))
            break
    if len(segments) == 3 and pick(("proof", "strengths"), seed + "|order") == "strengths":
        segments[1], segments[2] = segments[2], segments[1]
    chosen: list[tuple[str, tuple[str, ...]]] = []
    for text, used in segments:
        while " · " in text and len(" | ".join(s for s, _ in [*chosen, (text, used)])) > max_chars:
            text = text.rsplit(" · ", 1)[0]  # fewer strengths before none
        if len(" | ".join(s for s, _ in [*chosen, (text, used)])) <= max_chars:
            chosen.append((text, used))
    if not chosen:
        chosen = [(clip_chars(first, max_chars), segments[0][1])]
    facts = [f for _, fs in chosen for f in fs]
    return OfflinePitch(" | ".join(s for s, _ in chosen), list(dict.fromkeys(facts)))


def build_pitch(
    profile: Profile, kind: str, audience: str, variant: int, limits: Limits
) -> OfflinePitch:
    """Write one pitch of ``kind`` for ``audience``; the caller has checked the essentials.

    The text may still break ``limits.min_words`` when the profile is thin; callers check.
    """
    m = digest(profile, variant)
    seed = f"{variant}|{kind}|{audience_key(audience)}"
    if kind == "headline":
        return headline(m, seed, limits.max_chars or 220)
    builder = _Builder(m, kind, audience_key(audience), seed)
    if kind == "brand":
        parts = _brand(builder, limits)
    elif kind == "about":
        parts = _about(builder, limits)
    else:
        parts = _spoken(builder, kind, limits)
    parts = voiced(parts, read_voice(profile.voice_sample), limits, m.spell_out)
    return OfflinePitch(assemble(parts, m.spell_out), used_facts(parts))
