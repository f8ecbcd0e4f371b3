"""The lines of a story as people paste them: letters, labels, emoji bullets, bios in the third
person, and sentences that list several achievements at once.

Everything here prepares sentences for :mod:`assistant.drafting.language.intake`, which sorts
them. Nothing is invented: lines are dropped (a greeting, a sign-off), relabelled or split.
"""

from __future__ import annotations

import re

from assistant.drafting.language.parser import parse

# A letter's greeting and sign-off say nothing about the writer's story.
SALUTATION = re.compile(
    r"^(?:dear\b.*|to whom it may concern[:,]?|hi(?: there)?[,!]?|hello\b[^.!?]{0,40}[,!:]|"
    r"hey\b[^.!?]{0,30}[,!]|(?:best|kind|warm)?\s*regards,?|sincerely,?|yours (?:truly|sincerely)"
    r",?|best,|cheers,?|thank you(?: (?:for your|so much)[^.!?]*)?[,.!]?|thanks(?: so much)?[,.!]?|"
    r"ok(?:ay)? so here goes\W*|summary|about|about me)\s*$", re.I)
# Leading words that only open a letter or a brain-dump ("To whom it may concern: For twelve ...").
OPENER = re.compile(r"^(?:to whom it may concern[:,]\s*|ok(?:ay)?,? so\s+|so,?\s+(?=i\b)|"
                    r"well,?\s+|(?:hi|hey|hello)[,!]*\s+(?=my name|i'm|i am))", re.I)
# A short label before a colon: "Things I did: cut food waste ...", "Next: legal ops".
LABEL = re.compile(r"^([^:]{1,60}):\s+(\S.*)$")
NEXT_LABEL = re.compile(r"^(?:what i'?m (?:aiming|looking|hoping) for|what'?s next|"
                        r"next(?: step| up| move| role)?|looking (?:for|at)|"
                        r"what i'?m after(?: next)?|goals?|my goal|the goal|what i want(?: next)?|"
                        r"where i'?m heading|where i want to go|open to|seeking|wants?|"
                        r"hoping (?:for|to)|aiming for|target(?:ing)?|target roles?|"
                        r"dream (?:job|role)|ideally)\b", re.I)
# A line opened by an emoji or a symbol reads as a bullet.
SYMBOL_BULLET = re.compile(r"^\s*(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2190-\u21FF\u2B00-\u2BFF]"
                           r"\ufe0f?\s*)+")
_SEPARATORS = frozenset({",", ";", ":", ".", "-", "–", "—", "and"})
_THIRD_SUBJECT = re.compile(r"^(?:she|he)\b", re.I)


def is_salutation(line: str) -> bool:
    """Whether a line is only a letter's greeting or sign-off ("Dear Hiring Manager,")."""
    return bool(SALUTATION.match(line.strip()))


SIGN_OFF = re.compile(r"^(?:(?:best|kind|warm|warmest)?\s*regards|sincerely|yours (?:truly|"
                      r"sincerely|faithfully)|yours|best(?: wishes)?|cheers|thanks|thank you|"
                      r"all the best|talk soon)\s*[,.!]?\s*$", re.I)


def is_sign_off(line: str) -> bool:
    """Whether a line closes a letter ("Sincerely,"): the line after it is a signature."""
    return bool(SIGN_OFF.match(line.strip()))


def is_signature(line: str) -> bool:
    """A name alone on its line ("Grace Okafor", "Tomasz"): one to three capitalised words."""
    words = line.strip().rstrip(".").split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace("'", "")
                                       .isalpha() for w in words)


def strip_opener(sentence: str) -> str:
    """ "To whom it may concern: For twelve years ..." -> "For twelve years ..."."""
    out = OPENER.sub("", sentence.strip(), count=1)
    return out[:1].upper() + out[1:] if out != sentence.strip() else out


def split_label(sentence: str) -> tuple[str, str]:
    """ "Things I did: cut food waste" -> ("Things I did", "cut food waste"); else ("", it)."""
    match = LABEL.match(sentence)
    if not match:
        return "", sentence
    label, rest = match.group(1).strip(), match.group(2).strip()
    shortest = 1 if is_next_label(label) else 3  # "want: fraud analyst" says where, in two words
    if len(label.split()) > 7 or len(rest.split()) < shortest or re.search(r"\d$", label):
        return "", sentence
    return label, rest


def is_next_label(label: str) -> bool:
    """Whether a label announces where the writer wants to go ("What's next", "Looking for")."""
    return bool(NEXT_LABEL.match(label.strip()))


def third_person_name(sentences: list[str]) -> str:
    """The name a bio is written about ("Elena Vasquez is a ..."), when it never says "I"."""
    mine = [s for s in sentences if re.search(r"\b(?:I|I'm|I've|my|me)\b", s)]
    if len(mine) > len(sentences) // 4:  # a bio may end "Reach me at ...", no more
        return ""
    for sentence in sentences[:2]:
        match = re.match(r"^([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s+(?:is|has|was)\b", sentence)
        if match and all(t.pos_ == "PROPN" for t in parse(match.group(1))):
            return match.group(1)
    return ""


def to_first_person(sentence: str, name: str) -> str:
    """A bio's sentence in the writer's own voice: "Elena is now ..." -> "I am now ...",
    "She designed ..." -> "I designed ...", "her pass rate" -> "my pass rate", "Over five years,
    Jordan has run ..." -> "Over five years, I have run ...", "Ana oversees" -> "I oversee",
    "Jordan's redesign" -> "my redesign"."""
    first = name.split()[0]
    names = rf"(?:{re.escape(name)}|{re.escape(first)})"
    text = re.sub(rf"\b{names}['’]s\b", "my", sentence)
    text = _subjects_to_i(text, name)
    text = re.sub(rf"^{names}\s+is\b", "I am", text)
    text = re.sub(rf"^{names}\s+has\b", "I have", text)
    text = re.sub(rf"^{names}\s+was\b", "I was", text)
    text = re.sub(rf"^{names}\s+(?=[a-z]+ed\b)", "I ", text)
    text = _THIRD_SUBJECT.sub("I", text)
    text = re.sub(r"\b(?:she|he) (is|was|has)\b", lambda m: {"is": "I am", "was": "I was",
                                                              "has": "I have"}[m.group(1)], text)
    text = re.sub(r"(?<=[,;] and )(?:she|he)\b|(?<=, )(?:she|he)\b", "I", text)
    text = re.sub(r"\b[Hh]er\b(?= \w+)|\b[Hh]is\b", "my", text)
    text = re.sub(r"\b(?:him|her)self\b", "myself", text)
    return re.sub(r"^my\b", "My", text)


_FIRST_PERSON_VERB = {"is": "am", "has": "have", "does": "do", "'s": "am"}


def _subjects_to_i(sentence: str, name: str) -> str:
    """The bio's name or "she"/"he" as a subject becomes "I", and its verb agrees with it
    ("Ana oversees a portfolio" -> "I oversee a portfolio")."""
    first = name.split()[0]
    doc = parse(sentence)
    out = [t.text_with_ws for t in doc]
    for tok in doc:
        if tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        span = doc[tok.left_edge.i: tok.right_edge.i + 1].text
        if span not in {name, first} and tok.lower_ not in {"she", "he"}:
            continue
        for i in range(tok.left_edge.i, tok.right_edge.i + 1):
            out[i] = ""
        out[tok.right_edge.i] = "I" + doc[tok.right_edge.i].whitespace_
        heads = [tok.head, *(c for c in tok.head.children if c.dep_ == "conj"
                             and c.pos_ in {"VERB", "AUX"}
                             and not any(g.dep_.startswith("nsubj") for g in c.children))]
        verbs = [*heads, *(c for h in heads for c in h.children if c.dep_ in {"aux", "auxpass"})]
        for verb in verbs:
            if verb.tag_ == "VBZ":
                base = _FIRST_PERSON_VERB.get(verb.lower_, verb.lemma_)
                out[verb.i] = base + verb.whitespace_
    return "".join(out)


def achievement_pieces(sentence: str) -> list[str]:
    """A sentence listing several actions ("I grew X, wrote Y, and moved Z") as its actions,
    each with its own object; one piece when the verbs do not each carry one."""
    doc = parse(sentence)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots or roots[0].pos_ not in {"VERB", "AUX"}:
        return [sentence]
    chain: list[int] = []
    todo = [roots[0]]
    while todo:
        head = todo.pop()
        for child in head.children:
            if child.dep_ == "conj" and child.pos_ == "VERB" and child.i > roots[0].i:
                chain.append(child.i)
                todo.append(child)
    if not chain:
        return [sentence]
    starts = [0, *sorted(doc[i].left_edge.i for i in chain)]
    pieces = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(doc)
        words = [t for t in doc[start:end]]
        while words and (words[-1].text in _SEPARATORS or words[-1].dep_ == "cc"):
            words.pop()
        while words and (words[0].text in _SEPARATORS or words[0].dep_ == "cc"):
            words.pop(0)
        if not words:
            return [sentence]
        pieces.append(doc[words[0].i: words[-1].i + 1].text)
    # Every piece must be an action of its own, with its own object ("wrote the grant ..."):
    # "planned the offsite and came in under budget" is one achievement, not two.
    verbs = [roots[0], *(doc[i] for i in sorted(chain))]
    if any(len(p.split()) < 3 for p in pieces) or not all(
            any(c.dep_ in {"dobj", "attr", "prt"} for c in v.children) for v in verbs):
        return [sentence]
    return pieces
