"""STAR analysis by heuristics: which parts an answer has, with the sentences that show them.

Cues, not understanding: time and context words for the situation, "my goal was" for the task,
first-person past-tense verbs for actions, outcome verbs and numbers for results. The follow-up
rules (``followup.py``) read this analysis to decide what to probe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.drafting.offline.clipping import split_sentences
from assistant.text import count_words

PARTS = ("situation", "task", "action", "result")
WORDS_PER_MINUTE = 140
RAMBLING_WORDS = 280  # about two minutes of speech


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + pattern + r")(?!\w)", re.IGNORECASE)


_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|sixty|hundred|thousand|million|billion|half|double|twice|triple"
    r"|percent|dozen)s?\b", re.IGNORECASE)
_SITUATION_STRONG = _rx(
    r"when I (?:was|joined|started|took over|moved)|while I was|at my (?:last|previous|old|first"
    r"|current) (?:job|role|company|team|employer|school|hospital)|in (?:19|20)\d\d|back in"
    r"|last (?:year|spring|summer|fall|autumn|winter|quarter|month)|(?:a|two|three|four|five|few"
    r"|couple of|\d+) (?:years?|months?|weeks?) ago|during (?:my|our|the|a)|at the time"
    r"|(?:our|the|my) (?:team|company|department|hospital|clinic|ward|unit|school|district|store"
    r"|startup|org\w*|customers?|users?|clients?|system|site|office|newsroom|warehouse|project)"
    r" (?:was|were|had|faced|kept|struggled|needed|lost|missed)|we were (?:facing|struggling"
    r"|losing|behind|dealing|short|running)|there (?:was|were) (?:an?|no|only|\d)"
    r"|the (?:problem|issue|challenge|situation|backlog|risk) was|faced (?:an?|with)"
    r"|was struggling|had been|kept (?:failing|breaking|missing|slipping)")
# Case matters here: "at Mercy Health" places the story, "at the end" does not.
_AT_PLACE = re.compile(r"\b(?:[Aa]t|[Ff]or|[Ww]ith) [A-Z][a-zA-Z'&.-]+")
_SITUATION_WEAK = _rx(r"team|company|project|problem|challenge|issue|backlog|clients?"
                      r"|customers?|deadline|situation|job|role")
_TASK_STRONG = _rx(
    r"my (?:goal|job|task|role|responsibility|mandate|assignment|objective|brief) was"
    r"|I was (?:asked|tasked|responsible|charged|assigned|hired|brought in|the one|on the hook)"
    r"|I (?:needed|had|wanted|set out|decided) to|(?:our|the) (?:goal|objective|target|task"
    r"|mission|ask) was|in charge of|it was (?:up to me|my job)|I owned|I took (?:on|ownership)")
_TASK_WEAK = _rx(r"goal|objective|target|needed to|had to|responsible|deadline|asked to")
_SKIP_VERBS = r"(?!(?:needed|wanted|hoped|liked|loved|felt|learned|noticed|was|were|used)\b)"
_PAST = (
    r"(?:\w+ly )?(?:also |then |first |personally |myself )?" + _SKIP_VERBS
    + r"(?:[\w-]{2,}ed|built|led|ran|wrote|rewrote|made|took|set|chose|drove|brought|taught|got|put"
    r"|found|met|spoke|gave|went|sat|began|sent|held|kept|spent|did|won|cut|rebuilt|sought"
    r"|bought|sold|paid|told|showed|pushed|pitched|drew|split|shadowed|mapped|ran|oversaw"
    r"|dug|stood|thought|read|fought|caught|undertook)"
)
_I_ACTION = re.compile(r"\bI " + _PAST + r"\b")
_CHAINED = re.compile(r"(?:\bI|,|\band) (?:then )?" + _PAST + r"\b")
_WE_ACTION = re.compile(r"\b[Ww]e " + _PAST + r"\b")
_RESULT_CUE = _rx(
    r"as a result|result(?:ed|s)? (?:in|was|were)|the result|outcomes?|(?:which|this|that|it)"
    r" (?:led to|meant|cut|reduced|increased|saved|improved|helped|brought|dropped|fell|rose"
    r"|went)|in the end|ended up|ultimately|by the end|afterwards|since then|cut|reduced"
    r"|increased|saved|grew|improved|decreased|dropped|fell|rose|raised|boosted|lowered"
    r"|eliminated|doubled|tripled|halved|shortened|sped up|got better|went (?:from|up|down)"
    r"|promoted|adopted|won|praised|recogni[sz]ed|award\w*|renewed|launched|shipped|passed"
    r"|beat|exceeded|met (?:the|our|its) (?:target|deadline|goal)|on time|under budget"
    r"|retained|finished|delivered|completed|went live|no longer|never again|zero"
    r"|(?:stayed|held|remained|stood) (?:at|above|below|under)|reached|hit|after that"
    r"|(?:a lot |much |far |a bit )?(?:quicker|faster|fewer|less|lower|higher|better|smoother"
    r"|more (?:reliable|accurate|consistent))")
# In a sentence whose subject is "I", "cut" and "launched" are usually actions; only these
# markers make it (also) a result.
_RESULT_MARKER = _rx(
    r"as a result|result(?:ed|s)? (?:in|was|were)|the result|outcomes?|(?:which|this|that|it)"
    r" (?:led to|meant|cut|reduced|increased|saved|improved|helped)|in the end|ended up"
    r"|ultimately|by the end|afterwards|since then|saving|went from|so that (?:we|the|our)")
_FROM_TO = re.compile(r"\bfrom \S*\d\S* (?:\w+ )?to \S*\d|\bby \d+(?:\.\d+)?\s?(?:%|percent)",
                      re.IGNORECASE)
_I_WORDS = re.compile(r"\b(?:I|I'm|I've|I'd|[Mm]e|[Mm]y|[Mm]yself)\b")
_WE_WORDS = re.compile(r"\b(?:we|we're|we've|we'd|us|our|ourselves|the team)\b", re.IGNORECASE)
_GENERIC = _rx(
    r"I (?:always|usually|generally|typically|normally|tend to|try to|like to|make sure"
    r"|believe|think|would|will|can|am|'m) |I'm (?:very|really|a|an|good|great|strong|someone)"
    r"|in general|generally|typically|usually|always|my (?:approach|style|philosophy) is"
    r"|I(?:'m| am) (?:the kind|someone|a person)|people (?:say|tell me)|whenever|every time"
    r"|any (?:project|team|situation)|no matter")
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b")
_FILLERS = (
    "um", "uh", "er", "erm", "you know", "basically", "literally", "sort of", "kind of",
    "i mean", "like,", "actually", "honestly", "stuff like that", "and so on", "or whatever",
    "so yeah", "anyway",
)
_FILLER = re.compile(
    r"(?<![\w'])(?:" + "|".join(re.escape(f) for f in _FILLERS) + r")(?![\w'])", re.IGNORECASE)


@dataclass
class PartScore:
    """One STAR part: 0 missing, 1 hinted, 2 clear; with the sentence that shows it."""

    name: str
    score: int
    evidence: str = ""


@dataclass
class StarAnalysis:
    """What one answer holds, part by part, and how it was said."""

    parts: dict[str, PartScore]
    words: int
    seconds: float
    fillers: list[str]
    i_actions: int
    we_actions: int
    mine: int
    ours: int
    has_numbers: bool
    result_numbers: bool
    generic: bool
    specificity: int
    sentences: list[str] = field(default_factory=list)
    by_part: dict[str, list[str]] = field(default_factory=dict)  # every sentence showing a part

    @property
    def rambling(self) -> bool:
        return self.words > RAMBLING_WORDS

    @property
    def we_only(self) -> bool:
        """Mostly "we", with no action the speaker owns."""
        if self.i_actions == 0 and (self.we_actions >= 1 or self.ours >= 3):
            return True
        return self.i_actions <= 1 and self.ours >= 3 and self.ours > 2 * self.mine

    def score(self, part: str) -> int:
        return self.parts[part].score

    @property
    def overall(self) -> float:
        """0-10: the four parts (0-2 each) plus specificity, less length and vagueness."""
        total = float(sum(p.score for p in self.parts.values()) + self.specificity)
        if self.rambling:
            total -= min(4.0, 2.0 + (self.words - RAMBLING_WORDS) / 60)
        if self.generic:
            total -= 2.0
        if self.words and len(self.fillers) / self.words > 0.04:
            total -= 1.0
        return round(max(0.0, min(10.0, total)), 1)


def _first(sentences: list[str], pattern: re.Pattern[str]) -> str:
    return next((s for s in sentences if pattern.search(s)), "")


def _graded(sentences: list[str], strong: re.Pattern[str], weak: re.Pattern[str]) -> PartScore:
    found = _first(sentences, strong)
    if found:
        return PartScore("", 2, found)
    found = _first(sentences, weak)
    return PartScore("", 1, found) if found else PartScore("", 0)


def _is_result(sentence: str, mine: bool) -> bool:
    if mine:
        return bool(_RESULT_MARKER.search(sentence) or _FROM_TO.search(sentence))
    return bool(_RESULT_CUE.search(sentence))


def fillers_in(text: str) -> list[str]:
    """The filler words and phrases in ``text``, lower-cased, in order."""
    return [m.group(0).lower().rstrip(",") for m in _FILLER.finditer(text)]


def analyse(answer: str) -> StarAnalysis:
    """The STAR parts of ``answer``, its length, fillers, ownership and numbers."""
    text = " ".join(answer.replace("’", "'").split())
    sentences = split_sentences(text)
    acting = [s for s in sentences if _I_ACTION.search(s) or _WE_ACTION.search(s)]
    # Context is what comes before the action: an answer that opens with "I called..." starts
    # mid-story, whatever nouns it mentions later.
    lead_in = [s for s in sentences if s not in acting]
    situation = _graded(sentences, _SITUATION_STRONG, _SITUATION_WEAK)
    if situation.score < 2:
        placed = next((s for s in sentences if _AT_PLACE.search(s)), "")
        if placed:
            situation = PartScore("", 2, placed)
        elif sentences and sentences[0] in lead_in and len(sentences[0].split()) >= 5:
            situation = PartScore("", 1, sentences[0])
        else:
            weak = next((s for s in lead_in if _SITUATION_WEAK.search(s)), "")
            situation = PartScore("", 1, weak) if weak else PartScore("", 0)
    task = _graded(sentences, _TASK_STRONG, _TASK_WEAK)
    i_sentences = [s for s in sentences if _I_ACTION.search(s)]
    we_sentences = [s for s in sentences if _WE_ACTION.search(s)]
    i_verbs = sum(len(_CHAINED.findall(s)) for s in i_sentences)
    if len(i_sentences) >= 2 or i_verbs >= 2:
        action = PartScore("", 2, i_sentences[0])
    elif i_sentences or we_sentences:
        action = PartScore("", 1, (i_sentences or we_sentences)[0])
    else:
        action = PartScore("", 0)
    # A result sentence is a cue that is not the opening context (which often says "had been").
    results = [s for s in sentences[1:] or sentences if _is_result(s, s in i_sentences)]
    last = sentences[-1] if len(sentences) >= 3 else ""
    if last and last not in results and last not in i_sentences and _NUMBER.search(last):
        results.append(last)  # a closing figure ("By July 81% were reading") is the outcome
    numbered = [s for s in results if _NUMBER.search(s)]
    if numbered:
        result = PartScore("", 2, numbered[-1])
    elif results:
        result = PartScore("", 1, results[-1])
    else:
        result = PartScore("", 0)
    parts = {"situation": situation, "task": task, "action": action, "result": result}
    for name, part in parts.items():
        part.name = name
    generic_hits = sum(1 for s in sentences if _GENERIC.search(s))
    past = len(i_sentences) + len(we_sentences)
    words = count_words(text)
    has_numbers = bool(_NUMBER.search(text))
    proper = len({m.group(0) for s in sentences for m in _PROPER.finditer(s)})
    specificity = min(2, int(has_numbers) + int(proper > 0 or situation.score == 2))
    by_part = {
        "situation": [s for s in sentences if _SITUATION_STRONG.search(s)
                      or _AT_PLACE.search(s)] or [situation.evidence],
        "task": [s for s in sentences if _TASK_STRONG.search(s)] or [task.evidence],
        "action": i_sentences + [s for s in we_sentences if s not in i_sentences],
        "result": numbered + [s for s in results if s not in numbered],
    }
    by_part = {k: [s for s in v if s] for k, v in by_part.items()}
    return StarAnalysis(
        by_part=by_part, parts=parts, words=words, seconds=round(words * 60 / WORDS_PER_MINUTE, 1),
        fillers=fillers_in(text), i_actions=len(i_sentences), we_actions=len(we_sentences),
        mine=len(_I_WORDS.findall(text)), ours=len(_WE_WORDS.findall(text)),
        has_numbers=has_numbers, result_numbers=bool(numbered),
        generic=past <= 1 and generic_hits >= max(1, past) and situation.score < 2,
        specificity=specificity, sentences=sentences,
    )
