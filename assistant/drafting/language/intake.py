"""Reading a story as people write it: prose, a LinkedIn About, bullets or the sections.

Each sentence (or bullet) is sorted by what it does: says what the person does now, where they
want to go next, what they are good at, or an achievement. A proof point is an achievement: an
action verb with an outcome, ideally a number ("led a barcode rollout across 14 wards that cut
dispensing errors by 38 percent"). Said in the first person, it is kept as a bullet would say it
("Led a barcode rollout ..."), never cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.drafting.language.parser import parse

NOW, NEXT, STRENGTH, PROOF, VOICE, OTHER = "now", "next", "strength", "proof", "voice", "other"
ACTION_VERBS = frozenset(
    """lead led build built cut reduce reduced grow grew launch launched design designed create
    created deliver delivered drive drove improve improved increase increased save saved train
    trained manage managed run ran ship shipped migrate migrated automate automated rebuild rebuilt
    redesign redesigned develop developed implement implemented negotiate negotiated raise raised
    win won scale scaled found founded start started establish established mentor mentored
    coach coached teach taught write wrote publish published halve halved double doubled
    triple tripled streamline streamlined organize organised organized roll rolled lower lowered
    boost boosted speed sped introduce introduced turn turned analyze analyzed analysed spearhead
    spearheaded oversee oversaw set hire hired onboard onboarded close closed sell sold find found
    identify identified uncover uncovered recover recovered catch caught fix fixed
    generate generated present presented secure secured expand expanded consolidate consolidated
    resolve resolved eliminate eliminated own owns co-led co-founded coordinate coordinated plan
    planned supervise supervised qualify qualified recruit recruited handle handled carry carried
    make made open opened close closed rewrite rewrote redo redid""".split())
# Verbs that say how someone feels or what they wish, not what they did.
NOT_ACTIONS = frozenset("be have do want like love hope say think feel need wish try seem look "
                        "get go come keep know believe enjoy call help".split())
CHANGE = re.compile(
    r"\b(?:fell|dropped|drop|rose|went (?:up|down)|up|down|increased|decreased|improved|grew|"
    r"doubled|tripled|halved|cut|saved|reduced|raised|lowered|from \S+ (?:\w+ )?(?:down )?to|"
    r"under budget|ahead of|zero)\b", re.I)
# Numbers people write in words ("eleven new techs", "sixty-two percent", "three thousand").
NUMBER_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|two|three|"
               r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               r"sixteen|seventeen|eighteen|nineteen|hundred|thousand|million|billion|dozen)")
OUTCOME = re.compile(
    r"\d|\b(?:percent|per cent|half|double[ds]?|triple[ds]?|fewer|faster|saved?|cut|reduc\w+|"
    rf"increas\w+|grew|growth|from \w+ to|won|award\w*|zero|first|{NUMBER_WORD})\b", re.I)
NEXT_CUE = re.compile(
    r"\b(?:want(?:s|ed)? (?:to|an?)|would like to|i'd like to|hope to|hoping to|aim(?:ing)? to|"
    r"plan(?:ning)? "
    r"to|looking (?:to|for)|open to|(?:i'd|i would) love to (?:become|be|move|work|get|join)|"
    r"apply(?:ing)? for|eager to bring|next step|next role|my goal|goal is|"
    r"transition(?:ing)? (?:in)?to|"
    r"what i (?:really )?want (?:now |next )?is|take (?:those|these|my|that|this) (?:skills|"
    r"experience) (?:in)?to|"
    r"move (?:in)?to|moving (?:in)?to|pivot(?:ing)? (?:in)?to|seeking|aspire|excited to (?:move|"
    r"join|grow)|ready for|ready to)\b", re.I)
NOW_CUE = re.compile(
    r"\b(?:i am an?|i'm an?|i work as|i work at|i've been an?|i have been an?|currently|"
    r"(?:have )?spent \w+ (?:years|months)|for (?:the (?:last|past) )?\w+ years|years as an?|"
    r"years in|my role|my job|by day|these days|today i)\b", re.I)
STRENGTH_CUE = re.compile(
    r"\b(?:good at|great at|strong at|strength|skilled|known for|taught myself|self-taught|"
    r"fluent in|comfortable with|experienced (?:in|with)|expert in|i'm the person|people come to "
    r"me|my superpower|i bring|i'm good|i am good)\b", re.I)
VOICE_CUE = re.compile(r"\b(?:honestly|i love|i enjoy|the best part|i'd rather|i like)\b", re.I)


@dataclass
class Sorted:
    """The sentences of a story, by what they say."""

    name: str = ""
    now: list[str] = field(default_factory=list)
    next: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    proof_points: list[str] = field(default_factory=list)
    voice: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)


def _past_word(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and word.isalpha() and word not in {
        "need", "based", "skilled", "detailed", "experienced", "dedicated", "motivated",
        "certified", "licensed", "seasoned", "qualified", "hundred", "talented", "retired"}


def _has_action(sentence: str) -> bool:
    """Whether the writer did something: a verb in the past (or a bullet's opening verb) whose
    subject is "I", "we" or left out, and which is not a wish or a feeling."""
    doc = parse(sentence)
    words = [t for t in doc if not t.is_punct]
    if words and (words[0].lower_ in ACTION_VERBS or _past_word(words[0].lower_)):
        return True
    for t in doc:
        if t.pos_ not in {"VERB", "AUX"} or t.lemma_.lower() in NOT_ACTIONS:
            continue
        subjects = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and subjects[0].lower_ not in {"i", "we"}:
            continue
        if t.lemma_.lower() in ACTION_VERBS or t.tag_ in {"VBD", "VBN"}:
            return True
    return False


IDENTITY = re.compile(r"\b(?:i am an?|i'm an?|i (?:\w+ly )?work as|years as an?|i've been an?|"
                      r"i have been an?|i was an?|i've worked as|i have worked as|i (?:\w+ )?"
                      r"served as|i'm \w+, an?|i am \w+, an?|most recently as|i've been the|"
                      r"i have been the|i(?:'m| am) working (?:as|like)|i work(?:ed)? like)\b|"
                      r"^as (?:an? |the )?[\w-]+(?: [\w-]+)?,? (?:for|at|in)\b",
                      re.I)
MEASURED = re.compile(rf"\d|\b(?:zero|half|a third|a quarter|twice|double|{NUMBER_WORD})\b", re.I)
_TENURE = re.compile(rf"\b(?:for|over|in|after)\s+(?:the\s+)?(?:last\s+|past\s+)?{NUMBER_WORD}\s+"
                     r"(?:years?|months?)\b", re.I)
# "I led our department's move to blended learning": a move made, not a move wished for.
_MOVE_MADE = re.compile(r"\b(?:'s|’s|the|our|their|its|his|her|this|that)\s+(?:move|"
                        r"transition|shift|pivot|switch)\s+(?:in)?to\b", re.I)
# What a cover letter says of anyone: no achievement, no role, no target ("I am a quick learner
# and a team player", "I believe my experience makes me a strong fit").
BOILERPLATE = re.compile(
    r"\b(?:passionate about|team player|quick learner|self-starter|detail-oriented|"
    r"committed to (?:excellence|quality|making)|thrives? in (?:a )?fast-paced|fast-paced "
    r"environments?|(?:strong|great|good|perfect|ideal) (?:fit|match|candidate)|"
    r"i am writing to|i'm writing to|i would welcome|i'd welcome|i would be grateful|"
    r"thank you for|look forward to|opportunity to discuss|hard-working|results-driven|"
    r"go-getter|wear many hats)\b", re.I)


def kind_of(sentence: str) -> str:
    """What a sentence of a story says: now, next, strength, proof, voice or other."""
    if BOILERPLATE.search(sentence) and not re.search(r"\d", sentence) and not (
            NEXT_CUE.search(sentence) and has_target(sentence)):
        return OTHER
    if NEXT_CUE.search(_MOVE_MADE.sub(" ", sentence)) and has_target(sentence):
        return NEXT
    if IDENTITY.search(sentence) or _role_fragment(sentence):
        return NOW
    action = _has_action(sentence)
    measured = _TENURE.sub(" ", sentence)  # "For five years I've sat ..." measures no result
    if action and OUTCOME.search(measured):
        return PROOF
    if MEASURED.search(measured) and CHANGE.search(sentence):
        return PROOF  # "readmissions fell 12% in the pilot units"
    if re.search(r"\d+\s*%|[$€£]\s*\d", sentence) and not re.search(r"\bI\b", sentence):
        return PROOF  # a bullet of results: "140% of quota in 2023, President's Club twice"
    if STRENGTH_CUE.search(sentence) and not re.search(r"\bnot (?:very |that |so )?(?:good|great|"
                                                        r"strong)", sentence, re.I):
        return STRENGTH
    if NOW_CUE.search(sentence):
        return NOW
    if action:
        return PROOF
    if VOICE_CUE.search(sentence):
        return VOICE
    return OTHER


def _role_fragment(sentence: str) -> bool:
    """ "Senior backend engineer, 12 years, ..." or "Data analyst who turns ...": a role first."""
    from assistant.drafting.language.story import is_person_noun  # noqa: PLC0415

    doc = parse(sentence)
    chunks = list(doc.noun_chunks)
    if not chunks or chunks[0].start != 0 or chunks[0].root.pos_ == "PRON":
        return False
    starts_clause = not any(t.tag_ in {"VBD", "VBP", "VBZ"} and t.i < chunks[0].end for t in doc)
    last = chunks[0].text.split()[-1]
    if chunks[0].root.tag_ in {"NNS", "NNPS"}:
        return False  # "completion errors dropped ...": a role fragment names one person
    if last[:1].isupper() and not _known_role_word(last):
        return False  # "Grace Okafor" signs a letter; "Okafor" only looks like "counselor"
    return starts_clause and is_person_noun(chunks[0].text) and doc[0].lower_ not in {"my", "the"}


def _known_role_word(word: str) -> bool:
    """A capitalised word that names a role by itself ("Analyst", "Nurse"), unlike a surname."""
    from assistant.drafting.language.story import ROLE_WORDS  # noqa: PLC0415
    from assistant.drafting.offline.pitch_goals import ROLE_HEADS  # noqa: PLC0415

    return word.lower().strip(".,;:") in ROLE_WORDS | ROLE_HEADS


# What introduces a target, anywhere in a sentence ("Getting out in March, want to work as ...").
_TARGET_CUE = re.compile(
    r"\b(?:(?:i'?m |i am |am )?(?:really )?(?:want(?:s|ed)?|would like|'d like|like|hope|hoping|"
    r"aim(?:ing)?|plan(?:ning)?|looking|ready|excited|eager|keen|seeking|pursuing|open|"
    r"interested)(?: to| for| in)?\s+(?:(?:a )?(?:move|get|go|transition|pivot|step|return|"
    r"break|work|bring this|moving)\s+(?:(?:in)?to|as|in|back to)\s+|become\s+|be\s+|join\s+|"
    r"find(?: a)?(?: job| role| position)?(?: as)?\s+|land\s+|a move into\s+|get into\s+|"
    r"take (?:those|these|my|that|this) (?:skills|experience)\s+(?:in)?to\s+)?|"
    r"goal is(?: to (?:become|be|move into|get into))?\s+|my goal(?: is)?:?\s+|"
    r"what i (?:really )?want (?:now |next )?is(?: to (?:become|be|move into|get into|find))?\s+|"
    r"take (?:those|these|my|that|this) (?:skills|experience) (?:in)?to\s+|"
    r"(?:move|moving|transition(?:ing)?|pivot(?:ing)?|step(?:ping)?)\s+(?:in)?to\s+|"
    r"(?:i'd|i would) love to (?:become|be|move into|work as|get into|join)\s+|"
    r"apply(?:ing)? for (?:the )?|turned aspiring\s+|aspiring\s+)", re.I)
_TARGET_LEAD = re.compile(r"^(?:my next (?:role|job|step|position) (?:to be|as|in|is)\s+)?"
                          r"(?:(?:a|an|the)\s+)?(?:(?:new |full-time |part-time )?(?:role|"
                          r"position|job|career) (?:as|in)\s+)?(?:(?:a|an|the)\s+)?", re.I)
_TARGET_END = re.compile(r",|\s(?:where|so that|so|because|since|while|remote|if possible|"
                         r"or maybe|probably|maybe|ideally|building (?:on|up|my|a|an|the)|"
                         r"part-time|which)\b|"
                         r"\s[-–—]\s|"
                         r"\s\(", re.I)
_ROLE_WORD = re.compile(r"\s+(?:roles?|positions?|jobs?|opportunit(?:y|ies))\b(?=\s+(?:in|at|on|"
                        r"for|with|within)\b|\s*$)", re.I)
_VAGUE = frozenset("something else change work back it this new challenge step thing things "
                   "opportunity more".split())


def clean_target(text: str) -> str:
    """A target as a phrase that fits a sentence: "a FP&A analyst role in tech" -> "FP&A
    analyst in tech"; "research ops lead role, where I can ..." -> "research ops lead"."""
    target = _TARGET_END.split(text.strip().rstrip(".!"), maxsplit=1)[0].strip()
    target = _TARGET_LEAD.sub("", target, count=1)
    target = _ROLE_WORD.sub("", target).strip()
    return target


def next_target(sentence: str) -> str:
    """ "I want to move into health-tech product management." -> "health-tech product
    management"; "Getting out in March, want to work as a field service engineer" -> "field
    service engineer"."""
    text = sentence.strip().rstrip(".!")
    match = _TARGET_CUE.search(text)
    rest = text[match.end():] if match and match.end() < len(text) else text
    target = clean_target(rest)
    joined = re.match(r"(?:an? )?(.+?) as (?:an? )?(.+)$", target)
    if joined and target != text:  # "join a platform team as a staff engineer"
        target = f"{joined.group(2)} on {joined.group(1)}" if "team" in joined.group(1) \
            else joined.group(2)
    if not target:
        target = text
    return target[:1].upper() + target[1:] if target[1:2].islower() or len(target) == 1 \
        else target


def has_target(sentence: str) -> bool:
    """Whether a wish names somewhere to go ("ready for something else" names nowhere)."""
    target = next_target(sentence)
    if target.rstrip(".") == sentence.strip().rstrip(".!"):
        return False
    doc = parse(target)
    return any(t.pos_ in {"NOUN", "PROPN"} and t.lower_ not in _VAGUE for t in doc)


def as_bullet(sentence: str) -> str:
    """A first-person achievement as a bullet says it: "I led X" -> "Led X"."""
    text = sentence.strip().rstrip(".!")
    text = re.sub(r"^(?:and |then |so |also )", "", text, flags=re.I)
    # "I have written ..." keeps its subject: "Have written ..." reads as an order.
    text = re.sub(r"^(?:i|we)\s+(?:also\s+|then\s+)?(?!(?:have|has|had|am|was|were|'ve)\b)", "",
                  text, flags=re.I)
    return text[:1].upper() + text[1:]


def _clauses(sentence: str) -> list[str]:
    """A sentence with several achievements split into them: at "and I", a semicolon or a
    spaced dash, then at verbs that each carry their own object ("I grew X, wrote Y")."""
    from assistant.drafting.language.story_lines import achievement_pieces  # noqa: PLC0415

    parts: list[str] = []
    # "I mediate conflict daily, I trained 11 new starters": two sentences run together.
    spliced = r"(?<=\w),\s+(?=I\s)" if re.match(r"(?:I|We)\s+\w+", sentence) else r"(?!)"
    for piece in (p.strip() for p in re.split(
            rf",?\s+and\s+(?=I\s)|;\s+|\s[-–—]\s|{spliced}", sentence)):
        if piece and parts and _continues(piece, parts[-1]):
            parts[-1] += "; " + piece  # "Wrote the SOP; used in the floods to evacuate 1,100"
        elif piece:
            parts.append(piece)
    parts = [q for p in parts for q in _two_results(p)]
    out: list[str] = []
    for part in parts:
        pieces = achievement_pieces(part) if kind_of(part) == PROOF else [part]
        if kind_of(part) == PROOF:
            pieces = [q for p in pieces for q in _listed_actions(p)]
        if len(pieces) > 1 and sum(kind_of(p) == PROOF or _has_action(p) for p in pieces) \
                == len(pieces):
            out.extend(pieces)
        else:
            out.append(part)
    return out


# Where a sentence that says who someone is turns to where they are going: "I've spent 8 years
# as a vet tech in Calgary, and I'm now moving into ...", "Court interpreter for 10 years,
# transitioning to ...", "I'm a social worker, and what I want now is ...".
_TURN = re.compile(r"(?:,|;|\s[-–—|])\s*(?:and\s+|but\s+|so\s+)?(?=(?:I'm|I am|I'd|I would|I want|"
                   r"I hope|I plan|what I|now\b|transitioning|moving|pivoting|looking|hoping|"
                   r"ready|keen|seeking|aiming|planning|want)\b)", re.I)


def now_and_next(sentence: str) -> list[str]:
    """A sentence that says both who someone is and where they are going, as the two."""
    kind = kind_of(sentence)
    if kind not in {NOW, NEXT}:
        return [sentence]
    for match in _TURN.finditer(sentence):
        head, tail = sentence[: match.start()].strip(), sentence[match.end():].strip()
        if len(head.split()) >= 2 and kind_of(head) == NOW and kind_of(tail) == NEXT:
            return [head, tail]
    return [sentence]


_OWN_NAME = re.compile(r"^(?:I'm|I am|my name is)\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}\s*"
                       r"(?:[,:;.–—-]|\s[\U0001F000-\U0001FAFF\u2600-\u27BF]\ufe0f?)+\s*", re.I)


def without_own_name(sentence: str) -> str:
    """ "I'm Sofia Lindgren 👋 senior graphic designer, 7 years" -> "I'm a senior graphic
    designer, 7 years": the name introduces the role, which is what the sentence says."""
    from assistant.drafting.language.story import article  # noqa: PLC0415

    match = _OWN_NAME.match(sentence)
    if not match:
        return sentence
    rest = sentence[match.end():].strip()
    if not rest or not _role_fragment(rest):
        return sentence
    return f"I'm {article(rest[:1].lower() + rest[1:] if rest[1:2].islower() else rest)}"


_PAST_ACTION = "|".join(sorted((v for v in ACTION_VERBS if v.endswith("ed") or v in {
    "led", "built", "cut", "grew", "ran", "wrote", "won", "taught", "drove", "sold", "made",
    "rebuilt", "oversaw", "found", "caught", "sped", "shipped", "set"}), key=len, reverse=True))


def _listed_actions(sentence: str) -> list[str]:
    """ "I grew the donor program from 80 to 1,100, wrote the grant that brought in $450K, and
    moved our records to Salesforce": a list of actions the parser did not chain, split at the
    commas before each past-tense action verb; one piece unless every piece is an action."""
    pieces = [p.strip() for p in re.split(rf",\s+(?:and\s+)?(?=(?:{_PAST_ACTION})\s)", sentence)]
    if len(pieces) < 2 or any(len(p.split()) < 3 or not _has_action(p) for p in pieces):
        return [sentence]
    return pieces


def _continues(piece: str, before: str) -> bool:
    """A piece that says what became of the one before it: with no doer of its own ("used in
    the 2023 floods to evacuate 1,100 residents"), or as the measured result of an action that
    gave no number ("Rewrote the forms in plain language; completion errors dropped from 31%
    to 6%")."""
    doc = parse(piece)
    if len(doc) > 1 and doc[0].tag_ == "VBN" and doc[0].lemma_.lower() not in ACTION_VERBS \
            and doc[1].pos_ == "ADP":
        return True
    subjects = [t for t in doc if t.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and subjects[0].lower_ not in {"i", "we"} and \
        bool(re.search(r"\d", piece)) and bool(CHANGE.search(piece)) and \
        not re.search(r"\d", before) and _has_action(before)


def _two_results(sentence: str) -> list[str]:
    """ "I started a club that grew from 12 to 140 students, and after two years our absence
    rate dropped from 11% to 6%": two measured results, said as two proof points."""
    pieces = re.split(r",\s+(?:and|while)\s+", sentence)
    if len(pieces) != 2 or not re.search(r"\d", pieces[0]) or not (
            re.search(r"\d", pieces[1]) and CHANGE.search(pieces[1])):
        return [sentence]
    second = parse(pieces[1])
    has_subject = any(t.dep_ in {"nsubj", "nsubjpass"} for t in second)
    return pieces if has_subject and _has_action(pieces[0]) else [sentence]


def sort_sentences(sentences: list[str]) -> Sorted:
    """Sort a story's sentences into its fields."""
    from assistant.drafting.language.story_lines import (  # noqa: PLC0415
        is_next_label,
        split_label,
        strip_opener,
    )

    out = Sorted()
    for whole in sentences:
        label, sentence = split_label(without_own_name(strip_opener(whole)))
        if label and is_next_label(label) and not NEXT_CUE.search(sentence):
            out.next.append(next_target("I want to move into " + clean_target(sentence)))
            continue
        for clause in [c for whole_clause in _clauses(sentence)
                       for c in now_and_next(whole_clause)]:
            kind = kind_of(clause)
            if kind == PROOF:
                out.proof_points.append(as_bullet(clause))
            elif kind == NEXT:
                out.next.append(next_target(clause))
            elif kind == NOW:
                out.now.append(clause.rstrip("."))
            elif kind == STRENGTH:
                out.strengths.append(strength_phrase(clause))
            elif kind == VOICE:
                out.voice.append(clause)
            else:
                out.other.append(clause)
    return out


def strength_phrase(sentence: str) -> str:
    """ "I taught myself SQL and Python" -> "SQL and Python (self-taught)"; else the sentence."""
    m = re.search(r"taught myself (.+?)(?:\s+(?:to|so|in order|because|and then)\b|[.,;]|$)",
                  sentence, re.I)
    if m:
        return f"{m.group(1).strip()} (self-taught)"
    m = re.search(r"(?:good at|great at|strong at|skilled (?:in|at)|known for|fluent in|"
                  r"comfortable with|experienced (?:in|with)|expert in)\s+(.+)", sentence, re.I)
    if m:
        return m.group(1).strip().rstrip(".")
    return sentence.strip().rstrip(".")


def name_in(text: str) -> str:
    """ "I'm Maya Chen" / "My name is Maya Chen" -> "Maya Chen"."""
    m = re.search(r"\b(?:my name is|i'm|i am)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){1,2})\b(?!\s+at)",
                  text)
    if not m:
        return ""
    doc = parse(m.group(1))
    return m.group(1) if all(t.pos_ == "PROPN" for t in doc) else ""
