"""The offline interviewer's words: follow-up questions, one improvement, an example answer.

The example answer is rebuilt only from the user's own sentences and profile facts, reordered
into situation, task, action, result: it never adds an achievement, name or number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.drafting.offline.clipping import split_sentences
from assistant.drafting.offline.injection import looks_like_instruction
from assistant.drafting.offline.phrasing import first_person, pick, proper_words

PERSONAS = {
    "friendly": "friendly peer",
    "manager": "hiring manager",
    "panel": "skeptical panel",
}
_OPENERS = {
    "friendly": ("Nice.", "I like that.", "OK, that helps."),
    "manager": ("OK.", "Thanks.", "Got it."),
    "panel": ("Hold on.", "I'm not convinced yet.", "Let's be precise."),
}
FOLLOWUPS: dict[str, tuple[str, ...]] = {
    "numbers": (
        "By how much did it change? Give me a number, even a rough one: before and after.",
        "Can you put a figure on that result: how many, how much time or money?",
    ),
    "result": (
        "What was the result in the end? What changed because of it?",
        "How did it turn out: what was the outcome, ideally in numbers?",
    ),
    "i_vs_we": (
        "You said 'we' a lot. What did you personally do, as opposed to the team?",
        "Which parts of that were yours specifically?",
    ),
    "action": (
        "Walk me through what you did, step by step. What was your own part?",
        "What exactly did you do yourself? Take me through the steps.",
    ),
    "situation": (
        "Set the scene for me: where were you, and what was going on at the time?",
        "What was the context: which team or project, and why was it a problem?",
    ),
    "example": (
        "Can you give me a specific example: one time it happened, what you did, and how it "
        "went?",
        "Tell me about one particular time you did that. What was the situation?",
    ),
    "rambling": (
        "Let me stop you there. In two sentences: what did you do, and what was the result?",
        "If you had 30 seconds, what's the one thing you did and what came of it?",
    ),
}
IMPROVEMENTS = {
    "rambling": "Cut it to about 90 seconds: one sentence of context, your two or three key "
                "actions, then the result. Drop the side stories.",
    "example": "Swap the general claim for one specific time: where you were, what you did, "
               "what happened.",
    "i_vs_we": "Say 'I' for what you did yourself: name the decisions and the work that were "
               "yours, then credit the team.",
    "action": "Spend most of the answer on your actions: two or three concrete steps you took.",
    "situation": "Open with one sentence of context: where you were, when, and what was wrong.",
    "result": "End with the outcome: what changed because of your work.",
    "numbers": "Put one number on the result: before and after, or time or money saved.",
    "task": "Say in one sentence what you were asked to achieve, so the actions have a goal.",
    "none": "Strong answer. To make it land harder, lead with the result in your first "
            "sentence, then tell the story.",
}
_FILLER_DROP = re.compile(
    r"(?<![\w'])(?:um+|uh+|erm|er|you know|basically|literally|i mean|so yeah|or whatever"
    r"|stuff like that|and so on|honestly|actually|anyway)(?![\w'])[,]?\s*", re.IGNORECASE)
_WORDS = re.compile(r"[a-z0-9]{4,}")
_COMMON = frozenset("that this with from they them were have been what when where which their "
                    "there about would could should into over also just very really more".split())
EXAMPLE_MAX_WORDS = 170


def followup_question(gap: str, persona: str, seed: str, attempt: int = 0) -> str:
    """The interviewer's probe for ``gap``, in the persona's voice, varied by ``seed``."""
    options = FOLLOWUPS[gap]
    question = options[attempt % len(options)] if attempt else pick(options, seed)
    opener = pick(_OPENERS.get(persona, _OPENERS["manager"]), seed + gap)
    return f"{opener} {question}"


def improvement(gap: str | None) -> str:
    """One concrete improvement for the most telling gap (``None``: the answer is strong)."""
    return IMPROVEMENTS[gap or "none"]


def tidy(sentence: str) -> str:
    """A spoken sentence without filler words, capitalised and closed."""
    text = " ".join(_FILLER_DROP.sub("", sentence).split()).strip(" ,")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _content(text: str) -> set[str]:
    return {w for w in _WORDS.findall(text.lower()) if w not in _COMMON}


def related_fact(facts: Sequence[str], text: str, need_number: bool) -> str:
    """The profile fact that shares most words with ``text`` (at least two), or ''."""
    words = _content(text)
    best, best_overlap = "", 1
    for fact in facts:
        if looks_like_instruction(fact) or (need_number and not re.search(r"\d", fact)):
            continue
        overlap = len(words & _content(fact))
        if overlap > best_overlap:
            best, best_overlap = fact, overlap
    return best


def example_answer(
    parts: dict[str, list[str]], question: str, answer: str, facts: Sequence[str],
    gap: str | None,
) -> str:
    """A stronger version of the answer from its own sentences, in STAR order, plus at most one
    related profile fact for a missing result or example. Never invents a fact."""
    proper = proper_words(facts)
    chosen: list[str] = []
    for part, cap in (("situation", 1), ("task", 1), ("action", 3), ("result", 2)):
        for sentence in parts.get(part, [])[:cap]:
            clean = tidy(sentence)
            if clean and clean not in chosen and not looks_like_instruction(clean):
                chosen.append(clean)
    if gap in {"example", "result", "numbers"} or not chosen:
        fact = related_fact(facts, f"{question} {answer}", need_number=gap != "example")
        if fact:
            clause = tidy(first_person(fact, proper)[0])
            lead = "For example: " if gap == "example" or not chosen else "The result: "
            chosen.append(lead + clause[0].lower() + clause[1:] if clause[:2] != "I " else
                          lead + clause)
    if not chosen:  # nothing of the user's own to build on: say so rather than make it up
        chosen = [tidy(s) for s in split_sentences(answer)[:3]]
    out: list[str] = []
    for sentence in chosen:
        if out and sum(len(s.split()) for s in out) + len(sentence.split()) > EXAMPLE_MAX_WORDS:
            break
        out.append(sentence)
    return " ".join(out)
