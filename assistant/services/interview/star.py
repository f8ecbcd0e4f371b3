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
    r"\d|(?<!\bno )(?<!\bthe )(?<!\bany )(?<!\bthat )(?<!\bthis )(?<!\bwhich )\bone\b(?! of\b)"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half"
    r"|double|twice|triple|percent|dozen|a third|two thirds|a quarter of)s?\b"
    r"|\b(?:doubl|tripl|halv|quadrupl)ed\b", re.IGNORECASE)
# Figures that only say when ("two weeks later", "in 2023", "after six months") are not results.
_WHEN_FIGURE = re.compile(
    r"\b(?:\w+|\d+) (?:days?|weeks?|months?|years?|quarters?) (?:later|after(?:wards)?|on)\b"
    r"|\b(?:after|over|for) (?:the )?(?:next |first |following )?(?:\w+|\d+) (?:days?|weeks?"
    r"|months?|years?|quarters?)\b|\b(?:in|by|since|of|from) (?:early |late |mid-?)?(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d\b|\bQ[1-4]\b", re.IGNORECASE)
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
# Spoken fillers between the speaker and the verb ("I, like, timed", "we um built").
_FILLED = r"(?:,? (?:um+|uh+|erm?|like|you know|basically|actually|honestly|literally|just|so),?)*"
_PAST = (
    r"(?:\w+ly )?(?:also |then |first |personally |myself |quickly |eventually |finally )?"
    + r"(?:just |then |also )?" + _SKIP_VERBS
    + r"(?:[\w-]{2,}ed|built|led|ran|wrote|rewrote|made|took|set|chose|drove|brought|taught|got|put"
    r"|found|met|spoke|gave|went|sat|began|sent|held|kept|spent|did|won|cut|rebuilt|sought"
    r"|bought|sold|paid|told|showed|pushed|pitched|drew|split|shadowed|mapped|ran|oversaw"
    r"|dug|stood|thought|read|fought|caught|undertook|rang|flew|hired|knew|left|saw|heard|threw"
    r"|dealt|meant|quit|shut|stuck|swept|understood|became|came|forgot|froze|grew|hid|hit|let"
    r"|overcame|rethought|sped|spread|shook|broke|fed|laid|lit|redid|redrew|remade|reran|reset"
    r"|retold|rode|swapped|withdrew|wound|co-wrote|took over|set up|sat down)"
)
_I_ACTION = re.compile(r"\bI" + _FILLED + " " + _PAST + r"\b")
_CHAINED = re.compile(r"(?:\bI|,|\band) (?:then )?" + _PAST + r"\b")
_WE_ACTION = re.compile(
    r"\b(?:[Ww]e|[Tt]he team|[Mm]y team|[Oo]ur team)" + _FILLED + " " + _PAST + r"\b")
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
        """0-10: the four parts (0-2 each) plus specificity, less each gap the answer shows.

        Every gap the interviewer would probe costs points of its own, so an answer with a gap
        never ties the same story told without it (a rambling or "we"-only answer can still
        touch all four parts).
        """
        total = float(sum(p.score for p in self.parts.values()) + self.specificity)
        if self.rambling:
            total -= min(5.0, 3.0 + (self.words - RAMBLING_WORDS) / 40)
        elif self.words > 200:
            total -= (self.words - 200) / 160  # a long answer costs a little before it rambles
        if self.generic:
            total -= 3.0
        if self.we_only:
            total -= 1.5
        elif self.i_actions + self.we_actions:
            total -= 0.5 * self.we_actions / (self.i_actions + self.we_actions)
        if self.parts["result"].score == 1:
            total -= 0.5  # a result without a figure
        if self.words:
            total -= min(1.0, 10 * len(self.fillers) / self.words)
        return round(max(0.0, min(10.0, total)), 1)


def _first(sentences: list[str], pattern: re.Pattern[str]) -> str:
    return next((s for s in sentences if pattern.search(s)), "")


def _graded(sentences: list[str], strong: re.Pattern[str], weak: re.Pattern[str]) -> PartScore:
    found = _first(sentences, strong)
    if found:
        return PartScore("", 2, found)
    found = _first(sentences, weak)
    return PartScore("", 1, found) if found else PartScore("", 0)


def _normalised(answer: str) -> str:
    """One line, straight quotes, and a lower-case "i" read as the speaker's "I"."""
    text = " ".join(answer.replace("’", "'").split())
    return re.sub(r"(?<![\w'])i(?=(?:'m|'ve|'d|'ll)?(?![\w']))", "I", text)


def _outcome_clauses(sentence: str) -> bool:
    """True when a clause after the speaker's action states an outcome ("..., and errors fell")."""
    clauses = re.split(r",\s*(?:and|so|which|but|then)\s+|;\s*|\s+-+\s+", sentence)[1:]
    return any(_RESULT_CUE.search(c) and not re.match(r"(?:I|we)\b", c)
               and not (_I_ACTION.search(c) or _WE_ACTION.search(c)) for c in clauses)


def _is_result(sentence: str, mine: bool) -> bool:
    if mine:
        return bool(_RESULT_MARKER.search(sentence) or _FROM_TO.search(sentence)
                    or _outcome_clauses(sentence))
    return bool(_RESULT_CUE.search(sentence))


def _has_figure(sentence: str) -> bool:
    """A number in ``sentence`` that is not just a date or a delay ("two weeks later")."""
    return bool(_NUMBER.search(_WHEN_FIGURE.sub(" ", sentence)))


def _situation(sentences: list[str], acting: list[str]) -> PartScore:
    """Context told before the first action: what was going on, where, when."""
    first = next((i for i, s in enumerate(sentences) if s in acting), len(sentences))
    before = sentences[:first]
    found = _first(before, _SITUATION_STRONG) or _first(before, _AT_PLACE)
    if not found and first < len(sentences):
        # "At Acme in 2022 I rebuilt..." and "When I joined..." set the scene as they act.
        opening = sentences[first]
        action = _I_ACTION.search(opening) or _WE_ACTION.search(opening)
        at = action.start() if action else 0
        if any(m.start() <= at for rx in (_SITUATION_STRONG, _AT_PLACE)
               for m in rx.finditer(opening)):
            found = opening
    if found:
        return PartScore("", 2, _whole(found, sentences))
    context = [s for s in before if not _TASK_STRONG.search(s) and len(s.split()) >= 5]
    if context:
        return PartScore("", 1, _whole(context[0], sentences))
    weak = next((s for s in before if _SITUATION_WEAK.search(s)), "")
    return PartScore("", 1, _whole(weak, sentences)) if weak else PartScore("", 0)


def _whole(part: str, sentences: list[str]) -> str:
    return next((s for s in sentences if s.startswith(part)), part)


def fillers_in(text: str) -> list[str]:
    """The filler words and phrases in ``text``, lower-cased, in order."""
    return [m.group(0).lower().rstrip(",") for m in _FILLER.finditer(text)]


def analyse(answer: str) -> StarAnalysis:
    """The STAR parts of ``answer``, its length, fillers, ownership and numbers."""
    text = _normalised(answer)
    sentences = split_sentences(text)
    i_sentences = [s for s in sentences if _I_ACTION.search(s)]
    we_sentences = [s for s in sentences if _WE_ACTION.search(s)]
    acting = [s for s in sentences if s in i_sentences or s in we_sentences]
    situation = _situation(sentences, acting)
    task = _graded(sentences, _TASK_STRONG, _TASK_WEAK)
    i_verbs = sum(len(_CHAINED.findall(s)) for s in i_sentences)
    if len(i_sentences) >= 2 or i_verbs >= 2:
        action = PartScore("", 2, i_sentences[0])
    elif i_sentences or we_sentences:
        action = PartScore("", 1, (i_sentences or we_sentences)[0])
    else:
        action = PartScore("", 0)
    # Outcomes come after the story starts: cues in the opening context ("sales were lower")
    # describe the problem, not its result.
    start = next((i for i, s in enumerate(sentences) if s in acting), 1)
    results = [s for s in sentences[max(1, start):] or sentences
               if _is_result(s, s in i_sentences)]
    last = sentences[-1] if len(sentences) >= 3 else ""
    if last and last not in results and last not in i_sentences and _has_figure(last):
        results.append(last)  # a closing figure ("By July 81% were reading") is the outcome
    numbered = [s for s in results if _has_figure(s)]
    if numbered:
        result = PartScore("", 2, numbered[-1])
    elif results:
        result = PartScore("", 1, results[-1])
    else:
        result = PartScore("", 0)
    parts = {"situation": situation, "task": task, "action": action, "result": result}
    plain = " ".join(answer.replace("\u2019", "'").split())
    for name, part in parts.items():
        part.name = name
        at = text.find(part.evidence) if part.evidence else -1
        if at >= 0:  # quote the answer as typed, lower-case "i" and all
            part.evidence = plain[at:at + len(part.evidence)]
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
    # A claim with no story: habits and traits in the present, at most one past action and no
    # outcome with a figure. A company name does not make it a story.
    generic = (past == 0 and generic_hits >= 1) or (
        past <= 1 and generic_hits >= 2 and not numbered)
    return StarAnalysis(
        by_part=by_part, parts=parts, words=words, seconds=round(words * 60 / WORDS_PER_MINUTE, 1),
        fillers=fillers_in(text), i_actions=len(i_sentences), we_actions=len(we_sentences),
        mine=len(_I_WORDS.findall(text)), ours=len(_WE_WORDS.findall(text)),
        has_numbers=has_numbers, result_numbers=bool(numbered),
        generic=generic, specificity=specificity, sentences=sentences,
    )
