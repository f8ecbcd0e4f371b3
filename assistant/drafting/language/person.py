"""Saying a note about someone to them: "she is training for ..." -> "you're training for ...".

The parser finds the subject, the verb that agrees with it and the pronouns that point at the
contact; only those words change, so the rest of the user's fact stays as they wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.drafting.language.parser import parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

THIRD_SUBJECTS = frozenset({"she", "he", "they"})
POSSESSIVES = {"her": "your", "his": "your", "their": "your"}
OBJECTS = {"her": "you", "him": "you", "them": "you"}
REFLEXIVES = {"herself": "yourself", "himself": "yourself", "themselves": "yourself"}
AGREE = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "'re", "’s": "’re",
         "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't"}
GROUPS = frozenset("team teams kids children family friends group club band parents class "
                   "students players orchestra company staff crew".split())
RELATIONS = frozenset("daughter son wife husband partner kids kid children child baby mom mother "
                      "dad father parents team dog cat family sister brother".split())


@dataclass(frozen=True)
class Said:
    """A fact re-said to the contact, with what a draft needs to frame it."""

    text: str  # "you're training for the Chicago marathon in October"
    voice: str  # "you" (about them), "we" (shared history), "i" (the user's own doing), "thing"
    tense: str  # "progressive" | "past" | "present" | "future" | "none" (no verb)


CALENDAR = frozenset("january february march april june july august september october november "
                     "december monday tuesday wednesday thursday friday saturday sunday".split())


def _names(contact_name: str) -> set[str]:
    return {p.lower() for p in contact_name.replace(".", " ").split() if len(p) > 1}


def _agree(tok: Token) -> str:
    """The verb form that agrees with "you"."""
    low = tok.text.lower()
    if low in AGREE:
        return _case(AGREE[low], tok.text)
    if tok.tag_ == "VBZ":
        return _case(tok.lemma_, tok.text)
    return tok.text


def _case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _verbs_of(root: Token) -> list[Token]:
    """The root and its auxiliaries, and verbs conjoined to it ("runs and swims")."""
    out = [root, *[c for c in root.children if c.dep_ in {"aux", "auxpass"}]]
    out += [c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
    return out


def _tense(root: Token, doc: Doc) -> str:
    words = {t.text.lower() for t in doc}
    if root.pos_ not in {"VERB", "AUX"}:
        return "none"
    if root.tag_ == "VBN" and "getting" in words:  # "is getting married in April"
        return "future"
    if {"will", "going", "plans", "planning"} & words and root.tag_ != "VBD":
        return "future"
    if root.tag_ == "VBG":
        return "progressive"
    if root.tag_ in {"VBD", "VBN"}:
        return "past"
    return "present"


_IRREGULAR_PAST = frozenset("met ran rode began took went got made became left won gave wrote sold "
                            "bought built found had was said told spoke flew drove swam hit put "
                            "set cut quit spent sent lent kept lost read led felt saw did "
                            "taught caught brought thought held grew knew threw".split())
PASSIVE_STARTS = frozenset("promoted born hired elected named appointed accepted admitted awarded "
                           "selected nominated featured recognized recognised diagnosed "
                           "laid let chosen invited".split())
_LEAD_ADVERBS = frozenset("just recently finally also now still already".split())
# Note shorthand, spelled out so the parser reads it (and a draft never says "w/" or "abt").
SHORTHAND = {"w/": "with", "w/o": "without", "abt": "about", "til": "until", "yrs": "years",
             "yr": "year", "mos": "months", "wks": "weeks", "wk": "week", "&": "and",
             "bc": "because", "b/c": "because", "govt": "government", "uni": "university",
             "approx": "about", "thru": "through", "tmrw": "tomorrow", "ppl": "people",
             "prob": "probably", "mgr": "manager", "dept": "department", "convo": "conversation",
             "bday": "birthday", "shes": "she's", "hes": "he's", "theyre": "they're",
             "doesnt": "doesn't", "dont": "don't", "cant": "can't", "wont": "won't",
             "isnt": "isn't", "wasnt": "wasn't", "didnt": "didn't"}
_SHORT = re.compile(r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len,
                                                                             reverse=True))
                    + r")(?![\w/])", re.I)


def spell_out(text: str) -> str:
    """Note shorthand spelled out: "w/ her sister" -> "with her sister"; "!!" -> "!"."""
    text = _SHORT.sub(lambda m: SHORTHAND[m.group(1).lower()], text)
    # Reported speech: "Lena said she's thinking of ..." is the fact "she's thinking of ...".
    text = re.sub(r"^(?:[A-Z]?[a-z]+\s+)?(?:said|says|mentioned|told me)\s+(?:that\s+)?(?=\w)",
                  "", text)
    # "Mentioned she's moving ..." (a fragment): only before a clause, never "Mentioned the ..."
    text = re.sub(r"^(?:Said|Says|Mentioned|Told me)\s+(?:that\s+)?(?=(?:she|he|they)\b)", "",
                  text)
    text = re.sub(r"([!?])\1+", r"\1", text)
    return re.sub(r"\s+lol\b|\s+haha\b|\s*:\)|\s*:-\)", "", text, flags=re.I)


def with_subject(fact: str) -> str:
    """A note fragment with the subject the user left out ("Training for X" -> "She is training
    for X"), so the parser reads it as the sentence it stands for; "Met Ana ..." is the user's."""
    words = fact.split()
    if not words:
        return fact
    lead = ""
    if len(words) > 1 and words[0].lower() in _LEAD_ADVERBS:
        lead, fact, words = words[0].lower() + " ", fact[len(words[0]):].lstrip(), words[1:]
    first = words[0].lower().strip(",")
    rest = fact[len(words[0]):]
    if first in {"met", "meet"}:
        return "I met" + rest
    if first in {"is", "was", "has", "had"} and len(words) > 1:
        return "She " + first + rest
    if first in PASSIVE_STARTS:
        return "She was " + lead + first + rest
    if first == "back" and rest.lstrip().lower().startswith("from"):
        return "She is back" + rest
    if len(words) > 1 and words[1].lower() in {"together", "alongside"}:
        return "We " + first + rest
    if first.endswith("ing") and len(first) > 4:
        return "She is " + lead + first + rest
    if first in _IRREGULAR_PAST or (first.endswith("ed") and len(first) > 3):
        return "She " + lead + first + rest
    if (first.endswith("s") and not first.endswith("ss") and len(first) > 3
            and parse(fact)[0].pos_ in {"VERB", "AUX"}):
        return "She " + lead + first + rest
    return lead + fact if lead else fact


def to_second_person(fact: str, contact_name: str) -> Said:
    """The fact said to the contact; the user's own voice ("Met Ana at ...") becomes "we"."""
    fact = spell_out(fact.strip())
    for part in _names(contact_name):  # "Dana's running her first 10k": "she is running"
        fact = re.sub(rf"^{re.escape(part)}['’]s (?=\w+ing\b)", "She's ", fact, flags=re.I)
        fact = re.sub(rf"^{re.escape(part)} (?=(?:is|was|has|will)\b)", "She ", fact, flags=re.I)
    doc = parse(with_subject(fact))
    if not len(doc):
        return Said("", "thing", "none")
    names = _names(contact_name)
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects:  # the parser hung the clause elsewhere: take the first subject it found
        subjects = [t for t in doc if t.dep_ in {"nsubj", "nsubjpass"}][:1]
        root = subjects[0].head if subjects else root
    out = {t.i: t.text for t in doc}
    prefix = ""
    voice = "you"
    tense = _tense(root, doc)
    subject = subjects[0] if subjects else None
    grouped = [t.i for t in doc if t.lower_ in GROUPS]
    about_contact = subject is not None and (
        subject.text.lower() in THIRD_SUBJECTS or subject.text.lower() in names) and not (
        subject.lower_ == "they" and grouped and grouped[0] < subject.i)
    if subject is not None and subject.text.lower() in {"i", "we"}:
        voice = "i" if subject.text.lower() == "i" else "we"
        if root.lemma_.lower() == "meet":  # "I met Ana at X": shared history, "we met at X"
            voice = "we"
            out[subject.i] = "we"
            for t in root.children:
                if t.dep_ in {"dobj", "npadvmod"} and (
                        t.lower_ in names or t.lower_ in OBJECTS or t.pos_ == "PROPN"):
                    for s in t.subtree:
                        out[s.i] = ""
    elif about_contact and subject is not None:
        for t in subject.subtree:
            out[t.i] = ""
        out[subject.i] = "you"
        for verb in _verbs_of(root):
            if verb.i > subject.i:
                out[verb.i] = _agree(verb)
    elif subject is None and root.pos_ in {"VERB", "AUX"} and root.i == doc[0].i:
        # A subjectless note ("Training for ...", "Met Ana at ...", "Moved to ...").
        if root.lemma_.lower() == "meet":
            voice = "we"
            prefix = "we"
            for t in root.children:
                if t.dep_ in {"dobj", "nsubj"} and (t.text.lower() in names or t.pos_ == "PROPN"):
                    for s in t.subtree:
                        out[s.i] = ""
        else:
            prefix = "you're" if root.tag_ == "VBG" else "you"
            for verb in _verbs_of(root):
                out[verb.i] = _agree(verb)
        out[root.i] = out[root.i][:1].lower() + out[root.i][1:]
    elif subject is None and doc[0].lower_ in RELATIONS:
        prefix = "your"
        out[doc[0].i] = doc[0].lower_
    elif subject is not None and subject.lower_ in RELATIONS and not any(
            c.dep_ == "poss" for c in subject.children):
        prefix_at = subject.left_edge.i
        out[prefix_at] = "your " + out[prefix_at][:1].lower() + out[prefix_at][1:]
    group = [t.i for t in doc if t.lower_ in GROUPS]
    for tok in doc:  # "the newsletter she writes": every clause about them, not just the first
        if tok.lower_ == "they" and group and group[0] < tok.i:
            continue
        if (tok.dep_ in {"nsubj", "nsubjpass"} and tok.lower_ in THIRD_SUBJECTS
                and (subject is None or tok.i != subject.i)):
            out[tok.i] = "you"
            for verb in _verbs_of(tok.head):
                if verb.i > tok.i:
                    out[verb.i] = _agree(verb)
    group = [t.i for t in doc if t.lower_ in GROUPS]
    for tok in doc:
        low = tok.text.lower()
        if low in {"they", "their", "them", "theirs"} and group and group[0] < tok.i:
            continue  # "the team ... they won": the group, not the contact
        if low in POSSESSIVES and tok.tag_ == "PRP$":
            out[tok.i] = _case(POSSESSIVES[low], tok.text) if tok.i else "your"
        elif low in OBJECTS and tok.tag_ == "PRP" and tok.dep_ not in {"nsubj", "nsubjpass"}:
            out[tok.i] = "you"
        elif low in REFLEXIVES:
            out[tok.i] = "yourself"
        elif low in names and tok.dep_ == "poss":
            out[tok.i] = "your" if tok.i else "Your"
            for child in tok.children:
                if child.dep_ == "case":
                    out[child.i] = ""
        elif low in names and tok.i != (subject.i if subject is not None else -1) and voice != "we":
            out[tok.i] = "you" if tok.dep_ in {"dobj", "pobj"} else tok.text
    if voice == "you" and subject is None and not prefix and tense == "none":
        voice = "thing"
    words = []
    for tok in doc:
        text = out[tok.i]
        if text and text == tok.text and tok.is_lower and (
                tok.lower_ in CALENDAR or tok.ent_type_ in {"GPE", "LOC", "NORP"}):
            text = text[:1].upper() + text[1:]  # notes say "japan", "april"; a message does not
        if text:
            words.append(text + tok.whitespace_)
        elif words and not tok.whitespace_:
            words[-1] = words[-1].rstrip()
        elif words and tok.whitespace_ and not words[-1].endswith(" "):
            words[-1] += tok.whitespace_  # "Al's knee" -> "your knee", not "yourknee"
    body = "".join(words).strip()
    body = " ".join(body.split()).rstrip(" .!,;")
    if body[:1].isupper() and not _proper_start(doc):
        body = body[:1].lower() + body[1:]
    if body.split(" ", 1)[0] in {"Your", "You"}:
        body = body[:1].lower() + body[1:]
    text = f"{prefix} {body}".strip() if prefix else body
    if voice == "you" and not prefix and about_contact is False and text.split()[0].lower() \
            not in {"you", "your", "you're"}:
        voice = "thing"
    return Said(text, voice, tense)


def _proper_start(doc: Doc) -> bool:
    return doc[0].pos_ == "PROPN" or doc[0].text == "I"
