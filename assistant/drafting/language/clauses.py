"""Clauses: shortening at phrase boundaries, and whether a sentence is a sentence.

Shortening drops whole optional phrases (a trailing "in October", ", 100 miles around Lake
Tahoe", "which ...") from the right, never a word inside a phrase, and keeps the head nouns and
the numbers: "led a barcode rollout across 14 wards that cut errors by 38 percent" loses "across
14 wards" only when nothing else can go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.drafting.language.parser import parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Phrases that can go without breaking the clause (dependency labels, spaCy's English scheme).
OPTIONAL = frozenset({"prep", "advcl", "relcl", "appos", "npadvmod", "advmod", "acl", "conj",
                      "parataxis", "dep", "agent", "oprd", "intj"})
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


def has_finite_verb(sentence: str | Span | Doc) -> bool:
    """Whether a sentence has a finite verb (``VBD``/``VBP``/``VBZ`` or a modal)."""
    doc = parse(sentence) if isinstance(sentence, str) else sentence
    return any(t.tag_ in _FINITE_TAGS for t in doc)


def sentences(text: str) -> list[str]:
    """The text's sentences, as the parser splits them."""
    return [s.text.strip() for s in parse(text).sents if s.text.strip()]


# Modifiers that go only when no phrase is left to drop ("a ten-day silent retreat").
SECOND_TIER = frozenset({"amod", "advmod", "npadvmod"})
LIGHT_NOUNS = frozenset("end start beginning middle rest part top bottom side kind sort lot "
                        "number couple half bit piece".split())


def _removable(doc: Doc | Span, kept: set[int], tier: frozenset[str] = OPTIONAL) -> list[Token]:
    """Optional phrases whose head is still kept, rightmost first, numbers last."""
    out = []
    for tok in doc:
        if tok.i not in kept or tok.dep_ not in tier or tok.head.i == tok.i:
            continue
        if tok.dep_ == "prep" and tok.head.pos_ in {"VERB", "AUX"} and _first_prep(tok):
            continue  # "training *for the race*": the verb's first phrase carries the meaning
        if tok.dep_ == "prep" and (tok.head.lower_ in LIGHT_NOUNS or tok.lower_ == "of"):
            continue  # "at the end *of the year*": the phrase goes whole or not at all
        if tok.dep_ == "amod" and tok.like_num:
            continue
        if tok.dep_ in SECOND_TIER and (tok.pos_ == "PROPN" or tok.text.isupper()):
            continue  # "the CRCM exam": the name is the detail
        if tok.dep_ == "advmod" and tok.lower_ in {"back", "home", "away", "together", "up",
                                                   "down", "out", "off"} and \
                tok.head.pos_ in {"VERB", "AUX"}:
            continue  # "got back from Japan", "reports went down 25%" are one phrase
        if tok.dep_ == "prep" and tok.lower_ in {"from", "to"} and _in_range(tok):
            continue  # "from 80 to 1,100 donors": half a range misstates the result
        if tok.dep_ == "conj" and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN":
            continue  # "Mehta and Iyer Studio" is one name
        if tok.tag_ in {"WRB", "WP", "WDT"}:
            continue  # "changing how we prepped" without "how" is not a sentence
        if tok.lower_ in {"instead", "rather"}:
            continue  # "8 min instead of 15" without "instead" says something else
        if tok.dep_ == "conj" and not any(
                doc[j].dep_ == "cc" or doc[j].is_punct for j in range(tok.head.i + 1, tok.i)):
            continue  # "half marathon" misread as two verbs: no "and" between, so one phrase
        out.append(tok)
    has_number = {t.i: any(w.like_num for w in t.subtree) for t in out}
    outcome = {t.i: any(w.text in {"%", "$", "€", "£"} or w.lower_ in OUTCOME_WORDS
                        for w in t.subtree) for t in out}
    # The rightmost phrase first, and of those ending there the smallest ("at HelloFresh"
    # before "to procurement at HelloFresh"); phrases holding a number go last, and a result
    # ("that cut errors by 38 percent") the very last.
    return sorted(out, key=lambda t: (outcome[t.i], has_number[t.i], -t.right_edge.i,
                                      t.right_edge.i - t.left_edge.i))


OUTCOME_WORDS = frozenset("percent cut reduced increased saved grew doubled halved tripled "
                          "million billion faster fewer".split())


def _in_range(tok: Token) -> bool:
    """Whether a "from" or "to" phrase is one half of a numbered range ("from 80 to 1,100")."""
    other = "to" if tok.lower_ == "from" else "from"
    if tok.lower_ == "to" and tok.head.lower_ == "from":
        return True  # the parser may hang "to 1,100" under "from 80"
    return any(c.dep_ == "prep" and c.lower_ == other for c in tok.head.children) and \
        any(w.like_num for w in tok.subtree)


def _first_prep(tok: Token) -> bool:
    preps = [c for c in tok.head.rights if c.dep_ in {"prep", "dobj", "attr", "xcomp", "ccomp",
                                                      "oprd", "acomp"}]
    return bool(preps) and preps[0].i == tok.i


def shorten(text: str, max_words: int) -> str:
    """The clause in at most ``max_words`` words, dropping whole optional phrases from the right.

    Returns the text unchanged when it fits, and ``""`` when no phrase boundary gets it short
    enough (a caller then leaves the clause out rather than cut it mid-phrase).
    """
    doc = parse(text)
    kept = {t.i for t in doc if not t.is_space}
    while _word_count(doc, kept) > max_words:
        options = [t for t in _removable(doc, kept) if not _glued(doc, t, kept)] or \
            [t for t in _removable(doc, kept, SECOND_TIER) if not _glued(doc, t, kept)]
        if not options:
            return ""
        for t in options[0].subtree:
            if options[0].dep_ == "conj" and t.i < options[0].head.i:
                continue  # "how we prepped and labelled": "how" belongs to both, it stays
            kept.discard(t.i)
        before = min((t.i for t in options[0].subtree if t.i > options[0].head.i),
                     default=options[0].i) - 1 if options[0].dep_ == "conj" else \
            options[0].left_edge.i - 1
        while options[0].dep_ == "conj" and before >= 0 and before in kept and (
                doc[before].dep_ == "cc" or doc[before].text == ","):
            kept.discard(before)  # "Spanish and Polish" loses "and Polish", not only "Polish"
            before -= 1
        after = options[0].right_edge.i + 1
        # A word the parser misread as a bare conjunct ("half *marathon*") goes with its phrase.
        while after < len(doc) and after in kept and doc[after].dep_ in {"conj", "ccomp", "dep"} \
                and doc[after].head.i < options[0].left_edge.i and not list(doc[after].children):
            kept.discard(after)
            after += 1
        # A comma or conjunction left dangling before the dropped phrase goes with it.
        _drop_dangling(doc, kept)
    return render(doc, kept)


def _glued(doc: Doc, tok: Token, kept: set[int]) -> bool:
    """Whether the phrase is part of a word ("partner-sourced", "$3.2M"): never cut there."""
    left, right = tok.left_edge.i, tok.right_edge.i
    before = left > 0 and (left - 1) in kept and not doc[left - 1].whitespace_
    after = right + 1 < len(doc) and (right + 1) in kept and not doc[right].whitespace_ \
        and (not doc[right + 1].is_punct or doc[right + 1].text in {"-", "–", "/"})
    return before or after


def _word_count(doc: Doc, kept: set[int]) -> int:
    """Words as a reader (and the length limits) count them: "140-unit" and "35%" are one."""
    return len(render(doc, kept).split())


def _drop_dangling(doc: Doc, kept: set[int]) -> None:
    # ", nervous" left of ", nervous about the snow": a comma phrase cut to a word or two goes.
    ordered = sorted(kept)
    commas = [i for i in ordered if doc[i].text == ","]
    if commas and 0 < len([i for i in ordered if i > commas[-1]]) <= 2 and commas[-1] > 2:
        for i in [i for i in ordered if i >= commas[-1]]:
            kept.discard(i)
    while kept:
        last = max(kept)
        tok = doc[last]
        dangling = tok.dep_ in {"cc", "det", "case", "mark"} or tok.pos_ in {"ADP", "CCONJ"}
        if (tok.is_punct and tok.text not in {"%", ")", "”", "\""}) or dangling:
            kept.discard(last)
        else:
            break


def render(doc: Doc | Span, kept: set[int]) -> str:
    """The kept tokens with their original spacing, tidied of stray commas."""
    out = "".join(t.text_with_ws for t in doc if t.i in kept).strip()
    out = out.replace(" ,", ",").replace(",,", ",")
    return out.strip(" ,;:-–—")
