"""Mock-interview metrics: heuristic STAR scoring, and whether a follow-up probes the right gap."""

from __future__ import annotations

import re
from collections.abc import Sequence


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + pattern + r")(?!\w)", re.IGNORECASE)


# --- follow-up questions: keyword families per missing STAR part -----------------------------

_NUMBERS = (
    r"numbers?|quantif\w*|metrics?|measur\w*|how (?:much|many|big|long|fast|often)|by how much"
    r"|percent(?:age)?|data|figures?|kpis?|roi|baseline|before and after|dollars?|revenue"
    r"|how much (?:time|money)|hours? saved"
)
_RESULT = (
    _NUMBERS + r"|results?|outcomes?|impact|effects?|happened (?:next|after|in the end)"
    r"|end(?:ed)? up|in the end|turn(?:ed)? out|difference|what changed|success(?:ful)?"
    r"|achiev\w*|how did (?:it|that|this) go|did (?:it|that|this) work|pay off|benefits?"
)
_I_VS_WE = (
    r"you personally|you specifically|you yourself|you individually"
    r"|your (?:own |personal |individual )?(?:role|part|contribution|piece|responsibilit\w*)"
    r"|what did you (?:yourself )?(?:do|own|handle|contribute|decide|build)"
    r"|which (?:parts?|pieces?|bits?|steps?)(?: of [\w' -]{1,40}?)? (?:did you|were yours"
    r"|was yours|were you)|(?:were|was) (?:that |those |these )?yours|yours (?:specifically"
    r"|personally)|who did what|not the team|rather than the team|as opposed to the team"
    r"|instead of (?:we|the team)|what was yours"
)
_ACTION = (
    _I_VS_WE + r"|how did you|what did you|what steps|which steps|walk me through|step by step"
    r"|approach\w*|what actions?|how exactly|what exactly|decid\w*|decisions?|tactics?|methods?"
    r"|strateg\w*|how you (?:did|went about|handled|approached|solved|tackled)|trade-?offs?"
)
_SITUATION = (
    r"context|background|situation|set the scene|what was going on|what was happening|at the time"
    r"|where (?:were you|was this|did this happen)|when (?:was|did) (?:this|that)"
    r"|which (?:company|team|project|role|job)|what (?:company|team|project|kind of)"
    r"|tell me (?:more )?about the (?:team|company|project|org\w*)|circumstances|leading up"
    r"|what prompted|why was (?:it|this|that) (?:a problem|an issue|needed)"
    r"|how (?:big|large) was the (?:team|company|org\w*)"
)
_TASK = (
    r"your (?:goal|objective|task|mandate|assignment|brief|responsibilit\w*)"
    r"|what were you (?:asked|tasked|expected|trying|supposed|hired|responsible|on the hook)"
    r"|what (?:was|were) the (?:goals?|objectives?|tasks?|targets?|stakes|requirements?"
    r"|deadlines?|constraints?)|what did you need to|what needed to|needed to (?:achieve|deliver"
    r"|solve|fix)|why did (?:it|this|that) matter|what was at stake|what did success look like"
    r"|success criteria|who asked you"
)
_EXAMPLE = (
    r"(?:an?|one|specific|concrete|real|particular) (?:example|instance|occasion|case|story)"
    r"|for example|for instance|one (?:particular |specific )?time|a (?:specific |particular )?time"
    r" (?:when|you|it)|tell me about (?:a|one|the) (?:time|day|case)|when (?:did|was) that"
    r"|the last time|walk me through (?:a|one|the) (?:time|case)"
)
_RAMBLING = (
    r"in (?:one|two|three|a few|a couple of) sentences?|in \d+ (?:seconds|words)"
    r"|(?:the )?short version|briefly|in a nutshell|sum (?:it|that|this) up|summar\w*"
    r"|the headline|(?:the )?one thing|stop you there|shorter|concise\w*|bottom line"
    r"|key (?:point|takeaway)|if you had (?:\d+|thirty|sixty) seconds|cut (?:it|that) down"
)
GAP_PATTERNS: dict[str, re.Pattern[str]] = {
    "result": _rx(_RESULT),
    "numbers": _rx(_NUMBERS),
    "action": _rx(_ACTION),
    "i_vs_we": _rx(_I_VS_WE),
    "situation": _rx(_SITUATION),
    "task": _rx(_TASK),
    "example": _rx(_EXAMPLE),
    "rambling": _rx(_RAMBLING),
}
_GAP_ALIASES = {"ownership": "i_vs_we", "i-vs-we": "i_vs_we", "metrics": "numbers",
                "length": "rambling"}


def followup_targets_gap(followup_question: str, gap: str) -> bool:
    """The interviewer's follow-up probes the missing STAR part named by ``gap``."""
    name = _GAP_ALIASES.get(gap.lower(), gap.lower())
    if name not in GAP_PATTERNS:
        msg = f"unknown gap {gap!r}; expected one of {sorted(GAP_PATTERNS)}"
        raise ValueError(msg)
    return bool(GAP_PATTERNS[name].search(followup_question.replace("’", "'")))


# --- STAR scoring of an answer -----------------------------------------------------------------

_SITUATION_STRONG = _rx(
    r"when I was|while I was|at my (?:last|previous|old|first|current) (?:job|role|company|team"
    r"|employer)|in (?:19|20)\d\d|back in|last (?:year|spring|summer|fall|winter|quarter)"
    r"|(?:our|the|my) (?:team|company|department|hospital|clinic|pharmacy|unit|startup|org\w*"
    r"|store|school|customers?|users?) (?:was|were|had|faced|kept|struggled)"
    r"|we were (?:facing|struggling|losing|behind|dealing)|there was an?"
    r"|the (?:problem|issue|challenge|situation) was|faced (?:an?|with)|was struggling|had been"
)
_SITUATION_WEAK = _rx(r"team|company|project|problem|challenge|issue|backlog|clients?|customers?")
_TASK_STRONG = _rx(
    r"my (?:goal|job|task|role|responsibility|mandate|assignment|objective) was"
    r"|I was (?:asked|tasked|responsible|charged|assigned|hired|brought in)"
    r"|I (?:needed|had|wanted|set out) to|(?:our|the) (?:goal|objective|target|task|mission) was"
    r"|in charge of|it was (?:up to me|my job)"
)
_TASK_WEAK = _rx(r"goal|objective|target|needed to|had to|responsible|deadline")
_NOT_ACTIONS = r"(?!(?:needed|wanted|hoped|liked|loved|felt|learned|noticed)\b)"
_VERB = (
    r"(?:\w+ly )?" + _NOT_ACTIONS + r"(?:\w{2,}ed|built|led|ran|wrote|rewrote|made|took|set|chose"
    r"|drove|brought|taught|got|put|found|met|spoke|gave|went|sat|began|sent|held|kept|spent|did"
    r"|won|cut|rebuilt|sought|bought|sold|paid|told|showed|pushed|pitched)"
)
_I_ACTION = re.compile(r"\bI " + _VERB + r"\b")
_WE_ACTION = re.compile(r"\b[Ww]e " + _VERB + r"\b")
_RESULT_CUE = _rx(
    r"as a result|result(?:ed|s)? (?:in|was|were)|the result|outcomes?|which (?:led to|meant|cut"
    r"|reduced|increased|saved|improved|helped)|(?:this|that|it) (?:led to|meant|cut|reduced"
    r"|increased|saved|improved|helped)|in the end|ended up|ultimately|by the end|cut|reduced"
    r"|increased|saved|grew|improved|decreased|dropped|raised|boosted|lowered|eliminated|doubled"
    r"|tripled|halved|shortened|sped up|got better|went from|got promoted|was promoted|adopted"
    r"|won|praised"
    r"|recogni[sz]ed|award\w*"
)
_I_WORDS = re.compile(r"\b(?:I|I'm|I've|I'd|[Mm]e|[Mm]y|[Mm]yself)\b")
_WE_WORDS = re.compile(r"\b(?:we|we're|we've|we'd|us|our|ourselves)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")

WEIGHTS = {"situation": 0.15, "task": 0.15, "action": 0.35, "result": 0.35}


def _graded(text: str, strong: re.Pattern[str], weak: re.Pattern[str]) -> float:
    return 1.0 if strong.search(text) else 0.5 if weak.search(text) else 0.0


def star_scores(answer: str) -> dict[str, float]:
    """Heuristic 0-1 scores per STAR part, plus ownership ("I" vs "we"), numbers and overall."""
    text = answer.replace("’", "'")
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    result_sentences = [s for s in sentences if _RESULT_CUE.search(s)]
    quantified = any(re.search(r"\d", s) for s in result_sentences)
    tail = " ".join(sentences[len(sentences) * 2 // 3 :])
    if result_sentences:
        result = 1.0 if quantified else 0.6
    else:
        result = 0.4 if re.search(r"\d", tail) else 0.0
    action = 1.0 if _I_ACTION.search(text) else 0.5 if _WE_ACTION.search(text) else 0.0
    mine, ours = len(_I_WORDS.findall(text)), len(_WE_WORDS.findall(text))
    scores = {
        "situation": _graded(text, _SITUATION_STRONG, _SITUATION_WEAK),
        "task": _graded(text, _TASK_STRONG, _TASK_WEAK),
        "action": action,
        "result": result,
        "ownership": mine / (mine + ours) if mine + ours else 0.0,
        "numbers": 1.0 if quantified else 0.0,
    }
    scores["overall"] = round(sum(scores[p] * w for p, w in WEIGHTS.items()), 6)
    return scores


def kendall_tau(scores_in_expected_order: Sequence[float]) -> float:
    """Agreement of scores with an expected best-first order: 1 same, -1 reversed, ties count 0."""
    n = len(scores_in_expected_order)
    if n < 2:
        msg = f"need at least two items to compare an order, got {n}"
        raise ValueError(msg)
    total = 0
    for i in range(n):
        for j in range(i + 1, n):
            a, b = scores_in_expected_order[i], scores_in_expected_order[j]
            total += (a > b) - (a < b)
    return total / (n * (n - 1) / 2)


def star_ranking(answers_ranked_by_humans: list[str]) -> float:
    """How well the STAR heuristic reproduces a human best-first ranking of answers (1.0 = same)."""
    return kendall_tau([star_scores(a)["overall"] for a in answers_ranked_by_humans])
