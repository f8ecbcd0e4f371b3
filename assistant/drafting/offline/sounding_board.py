"""The offline sounding board: a coach's rubric scored by heuristics, questions and a revision."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.domain import Profile
from assistant.drafting.guard import Limits
from assistant.drafting.kinds import PITCH_KINDS
from assistant.drafting.offline import pitch_phrases as phrases
from assistant.drafting.offline.clipping import clip
from assistant.drafting.offline.phrasing import (
    MIN_SAMPLE_WORDS,
    first_person,
    identity,
    proper_words,
    rank_proof,
    sentence,
    soften,
    with_article,
)
from assistant.drafting.offline.pitch_fit import clip_clause
from assistant.drafting.offline.pitch_goals import is_role, role_phrase
from assistant.text import WORDS_PER_MINUTE, count_chars, count_words

RUBRIC = ("clarity", "evidence", "bridge", "ask", "sounds_like_you", "length")
JARGON = {
    "leverage": "use", "leveraged": "used", "leveraging": "using", "utilize": "use",
    "utilized": "used", "utilizing": "using", "utilise": "use", "utilised": "used",
    "synergy": "", "synergies": "", "bandwidth": "", "ideate": "", "actionable": "",
    "learnings": "lessons", "operationalize": "", "best-in-class": "", "world-class": "",
    "cutting-edge": "", "game-changer": "", "seamless": "", "seamlessly": "", "empower": "",
    "holistic": "", "paradigm": "", "value-add": "", "results-driven": "", "self-starter": "",
    "go-getter": "", "rockstar": "", "ninja": "", "guru": "", "passionate": "",
    "wheelhouse": "", "disrupt": "", "disruptive": "",
}
# Plain rewrites a revision may make on its own; other buzzwords are only pointed out.
PLAIN = {k: v for k, v in JARGON.items() if v} | {"am passionate about": "care about",
                                                    "i'm passionate about": "I care about"}
JARGON_PHRASES = ("move the needle", "circle back", "low-hanging fruit", "deep dive",
                  "think outside the box", "hit the ground running", "touch base",
                  "core competency", "value proposition", "thought leader")
_ASK = re.compile(
    r"\b(?:i'd love|i would love|would you|could you|could i|can i|are you open|if you(?:'re| are)"
    r"|happy to|glad to|let's|open to|i'd be glad|i'd value|i'd welcome|any chance|"
    r"would it be|may i|love to (?:hear|connect|chat|talk))\b",
    re.IGNORECASE,
)
_PUSHY = re.compile(r"\b(?:hire me|give me a job|need a job|refer me|get me (?:a|an) (?:job|"
                    r"interview)|please (?:hire|refer))\b", re.IGNORECASE)
_BRIDGE = re.compile(
    r"\b(?:because|which is why|that's why|that is why|so now|carries over|carry over|taught me|"
    r"means i|prepared me|ready (?:to|for)|bring|transfer|translat\w+ into|same skills|"
    r"common thread|the thread|why i'm|why i am|makes me|made me|built my|that's what)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:next|want to|looking for|moving into|move into|aiming|hope to|"
                     r"transition|pivot|heading|goal)\b", re.IGNORECASE)
_CONTRACTION = re.compile(r"\b\w+'(?:m|s|re|ve|d|ll|t)\b")
_STOP = frozenset("a an the and or of in at to for with on my i me is am be as by from into "
                  "that this it its".split())


@dataclass(frozen=True)
class Score:
    name: str
    score: int
    reason: str


def sentences(text: str) -> list[str]:
    """The text split into sentences."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def jargon_in(text: str) -> list[str]:
    """The buzzwords a listener would tune out at."""
    lower = text.lower()
    words = re.findall(r"[a-z][a-z'-]*", lower)
    found = [w for w in words if w in JARGON]
    found += [p for p in JARGON_PHRASES if p in lower]
    return list(dict.fromkeys(found))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower().replace("’", "'"))


def _key_words(text: str) -> set[str]:
    return {w for w in _words(text) if w not in _STOP and len(w) > 2}


def _clamp(value: int) -> int:
    return max(1, min(5, value))


def clarity(text: str) -> Score:
    """Short sentences and plain words."""
    parts = sentences(text)
    average = len(text.split()) / max(1, len(parts))
    buzz = jargon_in(text)
    score = 5 - (2 if average > 24 else 1 if average > 18 else 0) - min(2, len(buzz))
    reason = f"sentences average {average:.0f} words"
    reason += f"; jargon: {', '.join(buzz)}" if buzz else "; plain words"
    return Score("clarity", _clamp(score), reason)


def evidence(text: str, profile: Profile) -> Score:
    """Specific results, with numbers, and the user's own part in them."""
    numbers = re.findall(r"\d[\d,.]*%?", text)
    words = _words(text)
    we, me = words.count("we") + words.count("our"), words.count("i") + words.count("i'm")
    used = [p for p in profile.proof_points if len(_key_words(p) & _key_words(text)) >= 2]
    if len(numbers) >= 2:
        score, reason = 5, f"{len(numbers)} numbers back up your claims"
    elif numbers:
        score, reason = 4, "one number; a second result would make it stick"
    elif used:
        score, reason = 3, "a real project, but no number to show the result"
    else:
        score, reason = 1, "no specific result or number yet"
    if we > me:
        score -= 1
        reason += "; says 'we' more than 'I'"
    return Score("evidence", _clamp(score), reason)


def bridge(text: str, profile: Profile) -> Score:
    """Why the past makes the user good at what they want next."""
    target = _key_words(" ".join([profile.next, *profile.target_roles]))
    names_next = bool(target & _key_words(text)) or bool(_FUTURE.search(text))
    connects = bool(_BRIDGE.search(text))
    if names_next and connects:
        return Score("bridge", 5, "links what you've done to where you're going")
    if names_next:
        return Score("bridge", 3, "says where you're going, but not why you're a fit")
    if connects:
        return Score("bridge", 2, "explains a strength, but not the next step it leads to")
    return Score("bridge", 1, "no link from your past to what you want next")


def ask(text: str, kind: str) -> Score:
    """A clear, light ask that suits the listener."""
    if _PUSHY.search(text):
        return Score("ask", 3, "the ask is heavy for a first conversation; make it lighter")
    if _ASK.search(text) or text.rstrip().endswith("?"):
        return Score("ask", 5, "ends with a clear, light ask")
    if not PITCH_KINDS[kind].asks:
        return Score("ask", 5, f"a {kind} needs no ask")
    return Score("ask", 1, "no ask: the listener won't know how to help")


def voice(text: str, profile: Profile) -> Score:
    """Whether it sounds like the user (their voice sample) and like speech."""
    sample = profile.voice_sample
    first = bool(re.search(r"\b(?:I|I'm|I've|I'd|my)\b", text))
    buzz = jargon_in(text)
    if len(sample.split()) < MIN_SAMPLE_WORDS:
        score = 4 if first and not buzz else 3 if first else 2
        return Score("sounds_like_you", score, "add a voice sample to your profile to compare "
                     "against" + ("" if first else "; it isn't in the first person"))
    mismatches = []
    if bool(_CONTRACTION.search(text)) != bool(_CONTRACTION.search(sample)):
        mismatches.append("contractions")
    own = len(sample.split()) / max(1, len(sentences(sample)))
    here = len(text.split()) / max(1, len(sentences(text)))
    if abs(own - here) > 6:
        mismatches.append(f"sentence length ({here:.0f} words vs your usual {own:.0f})")
    if buzz:
        mismatches.append("buzzwords your sample doesn't use")
    if not first:
        mismatches.append("first person")
    reason = ("matches your voice sample" if not mismatches
              else "differs from your voice sample in " + ", ".join(mismatches))
    return Score("sounds_like_you", _clamp(5 - len(mismatches)), reason)


def length(text: str, kind: str, limits: Limits) -> Score:
    """Whether it fits the kind's length."""
    words, chars = count_words(text), count_chars(text)
    seconds = round(words * 60 / WORDS_PER_MINUTE)
    said = f"{words} words, about {seconds} s spoken" if limits.max_words else f"{chars} characters"
    if limits.max_chars:
        ratio = chars / limits.max_chars
        fits = ratio <= 1
        target = f"at most {limits.max_chars} characters"
    else:
        high = limits.max_words or words
        low = limits.min_words or 0
        ratio = words / high if words > high else (low / max(1, words) if words < low else 1.0)
        fits = ratio == 1.0
        target = f"{low}-{high} words" if low else f"at most {high} words"
    score = 5 if fits else 4 if ratio <= 1.1 else 3 if ratio <= 1.25 else 2 if ratio <= 1.5 else 1
    return Score("length", score, f"{said}; a {kind} is {target}")


def score_pitch(text: str, kind: str, limits: Limits, profile: Profile) -> list[Score]:
    """Every rubric line, in order."""
    return [clarity(text), evidence(text, profile), bridge(text, profile), ask(text, kind),
            voice(text, profile), length(text, kind, limits)]


def questions(text: str, scores: Sequence[Score], profile: Profile) -> list[str]:
    """Two or three questions a friend would ask, aimed at the weakest parts."""
    by_name = {s.name: s for s in scores}
    found: list[str] = []
    if by_name["evidence"].score <= 3:
        found.append("Which project are you proudest of, and what changed because of it? "
                     "Can you put a number on it?")
    if "'we'" in by_name["evidence"].reason:
        found.append("You say 'we' a lot. What was your part, in one sentence?")
    if by_name["bridge"].score <= 3:
        goal = clip(profile.next.strip(), 10)
        target = "a strong fit for what's next" + (f" ({goal})" if goal else "")
        found.append(f"Why does what you've done make you {target}? "
                     "What's one skill that carries straight over?")
    if by_name["ask"].score <= 3:
        found.append("What do you want this person to do after hearing it: a coffee, an intro, "
                     "advice?")
    if buzz := jargon_in(text):
        found.append(f"How would you say '{buzz[0]}' to a friend outside your field?")
    if by_name["length"].score <= 3:
        found.append("If you had to drop one sentence, which one would it be?")
    if by_name["sounds_like_you"].score <= 3:
        found.append("Would you say this out loud? Which phrase feels least like you?")
    found += ["Who is this for, and what do they care about most?",
              "What's the one thing you want them to remember about you?"]
    return found[:3]


def _plain(text: str) -> str:
    for word, plain in sorted(PLAIN.items(), key=lambda kv: -len(kv[0])):
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        text = pattern.sub(plain, text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _mentioned(point: str, text: str) -> bool:
    numbers = re.findall(r"\d[\d,.]*%?", point)
    if numbers:
        return any(n in text for n in numbers)
    return len(_key_words(point) & _key_words(text)) >= 2


CLICHES = re.compile(
    r"\b(?:hard[- ]?worker|hard[- ]working|team player|people person|go-getter|self-starter|"
    r"detail[- ]oriented|results[- ]driven|think outside the box|wear many hats|"
    r"passionate about|fast learner|quick learner|perfectionist|give (?:it )?110|"
    r"go above and beyond|track record of success|dynamic professional)\b", re.I)
# Openers that only make sense after something they refer back to.
CONNECTIVE = re.compile(r"^(?:for example|for instance|also|and|but|so|plus|on top of that|"
                        r"along the way|that's why|that is why|because of that|as a result|"
                        r"in addition|additionally|moreover|however|then)\b,?\s*", re.I)


def drop_dangling_opener(text: str) -> str:
    """The first sentence never opens with a connective that follows nothing."""
    stripped = CONNECTIVE.sub("", text, count=1)
    return stripped[:1].upper() + stripped[1:] if stripped != text else text


def _says_now(part: str, profile: Profile) -> bool:
    role = _key_words(profile.now.split(".")[0])
    return bool(re.match(r"(?:I'm|I am|I've been|I have been|Right now|Today)\b", part)) or \
        len(role & _key_words(part)) >= 2


def revise(text: str, kind: str, limits: Limits, profile: Profile, scores: Sequence[Score]) -> str:
    """A suggested revision built from the pitch and the profile only: nothing new is invented.

    What works stays; a cliche ("hard worker and team player") gives way to the user's own
    strongest unused result; no sentence opens with a connective that follows nothing, and
    what the user does now is never the sentence dropped to fit.
    """
    by_name = {s.name: s for s in scores}
    parts = [_plain(s) for s in sentences(text)]
    proper = proper_words([text, *profile.proof_points, profile.now, profile.next])
    unused = [p for p in rank_proof(profile.proof_points) if not _mentioned(p, text)]
    facts = [sentence(clip_clause(first_person(p, proper)[0], 20)) for p in unused]
    for i, part in enumerate(parts):
        if CLICHES.search(part):
            parts[i] = facts.pop(0) if facts else ""
    parts = [p for p in parts if p]
    if not any(_says_now(p, profile) for p in parts) and profile.now.strip():
        present, _ = identity(profile.now, proper)
        parts.insert(0, sentence(clip_clause(present, 16)))
    if by_name["evidence"].score <= 3 and facts:
        parts.insert(min(1, len(parts)), facts.pop(0))
    if by_name["bridge"].score <= 3 and profile.strengths and profile.next.strip():
        goal = soften(clip(profile.next.strip(), 8), proper)
        values = {"strengths": soften(clip(profile.strengths[0], 8), proper), "next_step": goal,
                  "a_role": with_article(clip(role_phrase(goal), 5)) if is_role(goal) else ""}
        table = phrases.BRIDGE["role"] if values["a_role"] else phrases.BRIDGE["other"]
        text_bridge, _ = phrases.fill(table, values, "revise")
        if text_bridge:
            parts.insert(max(len(parts) - 1, 1), sentence(text_bridge))
    if by_name["ask"].score <= 1 and PITCH_KINDS[kind].asks:
        parts.append(sentence(phrases.ASKS["general"][0]))
    revision = " ".join(parts)
    cap = limits.max_words
    while cap and count_words(revision) > cap and len(parts) > 2:
        # Drop the sentence that carries least: no number, no "I", from the middle.
        middle = [i for i in range(1, len(parts) - 1) if not _says_now(parts[i], profile)]
        if not middle:
            break
        weakest = min(middle, key=lambda i: (
            bool(re.search(r"\d", parts[i])), bool(re.search(r"\bI\b", parts[i])), -len(parts[i])))
        parts.pop(weakest)
        revision = " ".join(parts)
    parts = [drop_dangling_opener(parts[0]), *parts[1:]] if parts else parts
    return " ".join(parts)
