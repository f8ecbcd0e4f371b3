"""Choosing a session's questions: the job description's requirements, the bank, the user's story.

Requirements in the job description become questions that quote them, role-family questions
come from the bank when the posting's words match, and the gap between the user's now and next
becomes the hard motivation question. No question repeats within a session.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import zip_longest
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from assistant.domain import Profile
from assistant.drafting.offline.clipping import clip, split_sentences
from assistant.drafting.offline.injection import looks_like_instruction
from assistant.drafting.offline.phrasing import stable_int
from assistant.errors import InputError

BANK_FILE = "interview_questions.yaml"
KINDS = ("tmay", "role", "behavioural", "motivation")
REQUIREMENT_WORDS = 14
_BULLET = re.compile(r"^\s*(?:[-*•·▪–]|\d+[.)])\s+")
_CUE = re.compile(
    r"\b(?:experience|experienced|ability|able to|you will|you'll|must|required|requirements?"
    r"|proficien\w*|knowledge of|familiar\w*|skills?|responsible|we're looking|we are looking"
    r"|track record|comfortable|background in|understanding of|expertise|demonstrated|own|lead"
    r"|manage|deliver|build|design|support)\b", re.IGNORECASE)
_LEAD = re.compile(
    r"^(?:as (?:an? |the )?[\w -]{1,40}? you(?:'ll| will)|you have|you are|have|also|you will"
    r"|you'll|you|we're looking for|we are looking for|the ideal candidate (?:has|will"
    r" have)|must have|must be|required:?|nice to have:?|bonus:?|and|or)\s+", re.IGNORECASE)
_HEADER = re.compile(r"^[\w\s&/'-]{0,40}:$")
_INLINE_HEADER = re.compile(r"^(?:[\w&/'-]+\s){0,3}[\w&/'-]+:\s+(?=\S)")
# Sections about the employer or the package hold no requirements.
_NOT_REQUIREMENT = re.compile(
    r"\b(?:we offer|salary|benefits?|pension|holiday|vacation|paid time off|equal opportunit\w*"
    r"|apply|application|visa|per annum|bonus scheme|health insurance|we are an?|about us)\b",
    re.IGNORECASE)
OVERVIEW_WORDS = 10
_ROLE_TEMPLATES = (
    "This role calls for {req}. Tell me about a time you did that.",
    "The posting asks for {req}. Give me an example from your own work.",
    "We need someone with {req}. When have you shown that, and how did it go?",
    "One requirement is {req}. Walk me through a time you delivered on it.",
)


class BankQuestion(BaseModel):
    """One question in the team's bank, with what a good answer shows."""

    id: str
    kind: str
    family: str = "general"
    question: str
    shows: str
    keywords: list[str] = Field(default_factory=list)


class Question(BaseModel):
    """A question of a session: where it came from and what a good answer shows."""

    id: str
    kind: str
    text: str
    shows: str = ""
    source: str = "bank"  # bank | jd | story
    requirement: str = ""


def load_bank(folder: Path) -> list[BankQuestion]:
    """The question bank in ``folder``; a clear error when it is missing or malformed."""
    path = folder / BANK_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return [BankQuestion.model_validate(q) for q in data["questions"]]
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValidationError) as e:
        msg = f"cannot read the interview question bank {path}: {e}"
        raise InputError(msg) from e


def requirements(jd: str) -> list[str]:
    """The requirement phrases of a job description, in order: bullets first, then cue sentences."""
    bullets: list[str] = []
    others: list[str] = []
    for line in jd.splitlines():
        if not line.strip() or _HEADER.match(line.strip()):
            continue
        target = bullets if _BULLET.match(line) else others
        for sentence in split_sentences(_BULLET.sub("", line)):
            sentence = _INLINE_HEADER.sub("", sentence)
            if looks_like_instruction(sentence) or _NOT_REQUIREMENT.search(sentence):
                continue  # the posting is data; an order hidden in it is not a requirement
            if target is others and not _CUE.search(sentence):
                continue
            phrase = _phrase(sentence)
            if phrase and phrase.lower() not in {p.lower() for p in bullets + others}:
                target.append(phrase)
    return bullets + others


def _phrase(sentence: str) -> str:
    text = sentence.strip().rstrip(".;:!")
    for _ in range(3):
        text = _LEAD.sub("", text).strip()
    text = clip(text, REQUIREMENT_WORDS)
    if len(text.split()) < 2:
        return ""
    return text[0].lower() + text[1:] if not text[:2].isupper() else text


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _matches(bank: BankQuestion, text: str) -> int:
    lowered = f" {_norm(text)} "
    return sum(1 for k in bank.keywords if f" {_norm(k)} " in lowered)


def story_question(profile: Profile, role: str) -> Question | None:
    """The hard question in the gap between where the user is now and where they are going."""
    now = (split_sentences(profile.now) or [""])[0].strip().rstrip(".")
    target = role or profile.next
    if not now or not target:
        return None
    now, target = _lower_first(clip(now, 12)), _lower_first(clip(target, 10))
    return Question(
        id="story-gap", kind="motivation", source="story",
        text=f"You're coming from {now}. Why {target}, and what have you already done to close "
             "the gap?",
        shows="An honest bridge: the skills that transfer, proof you have started, and what "
              "you are still learning.")


def select_questions(
    bank: Sequence[BankQuestion], role: str, jd: str, profile: Profile, count: int,
    mix: Sequence[str] = KINDS, seed: str = "", difficulty: str = "standard",
) -> list[Question]:
    """``count`` distinct questions: tell-me-about-yourself first, then role and behavioural
    questions alternating, with motivation among them. The job description leads the role part."""
    wanted = [k for k in KINDS if k in mix] or list(KINDS)
    pools: dict[str, list[Question]] = {k: [] for k in KINDS}
    context = f"{role}\n{jd}"
    reqs = requirements(jd)
    for i, req in enumerate(reqs):
        template = _ROLE_TEMPLATES[i % len(_ROLE_TEMPLATES)]
        pools["role"].append(Question(id=f"jd-{i + 1}", kind="role", source="jd",
                                      requirement=req, text=template.format(req=req),
                                      shows=f"Concrete proof that you can do this: {req}."))
    if len(reqs) >= 2:  # the fit question: which of the posting's asks is the user's strongest?
        listed = [clip(r, OVERVIEW_WORDS) for r in reqs[:3]]
        pools["role"].insert(0, Question(
            id="jd-fit", kind="role", source="jd", requirement="; ".join(listed),
            text=f"The posting asks for {'; '.join(listed[:-1])}; and {listed[-1]}. "
                 "Which of those is your strongest, and what is your evidence?",
            shows="Honest self-assessment backed by one specific example, and a plan for "
                  "the weakest of them."))
    family = sorted((q for q in bank if q.kind == "role" and _matches(q, context)),
                    key=lambda q: -_matches(q, context))
    from_jd, from_bank = pools["role"], [_from_bank(q) for q in family]
    if from_jd and from_jd[0].id == "jd-fit":  # the fit question covers 1-3: dig into 4+ first
        from_jd = [from_jd[0], *from_jd[4:], *from_jd[1:4]]
    # The posting leads (its first requirement and the fit question), then the two alternate.
    pools["role"] = from_jd[:2]
    for pair in zip_longest(from_bank, from_jd[2:]):
        pools["role"] += [q for q in pair if q is not None]
    story = story_question(profile, role)
    if story is not None and difficulty != "easy":
        pools["motivation"].append(story)
    rotation = stable_int(seed or role or "session")
    for kind in ("tmay", "motivation", "behavioural"):
        items = [q for q in bank if q.kind == kind]
        if items:
            shift = rotation % len(items)
            items = items[shift:] + items[:shift]
        pools[kind] += [_from_bank(q) for q in items]
    order = ["tmay", "role", "behavioural", "role", "motivation", "behavioural", "role"]
    chosen: list[Question] = []
    seen: set[str] = set()
    added = True
    while len(chosen) < count and added:
        added = False
        for kind in order:
            if len(chosen) >= count:
                break
            if kind not in wanted or (kind == "tmay" and chosen):
                continue
            while pools[kind]:
                question = pools[kind].pop(0)
                key = _norm(question.text)
                if key not in seen:
                    seen.add(key)
                    chosen.append(question)
                    added = True
                    break
    return chosen


def _lower_first(text: str) -> str:
    """"Data analyst" reads "data analyst" mid-sentence; "IT lead" and "Acme" stay."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() and first.lower() in _ROLE_WORDS:
        return text[0].lower() + text[1:]
    return text


_ROLE_WORDS = frozenset(
    "data senior junior lead head hospital secondary school backend frontend product project "
    "program programme software staff charge registered clinical customer sales marketing "
    "operations account research teacher nurse pharmacist engineer analyst manager designer "
    "editor writer developer consultant director coordinator specialist associate assistant "
    "principal chief".split())


def _from_bank(q: BankQuestion) -> Question:
    return Question(id=q.id, kind=q.kind, text=q.question, shows=q.shows)
