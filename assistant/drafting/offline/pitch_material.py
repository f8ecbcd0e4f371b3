"""The profile, pre-digested for the offline pitch writer: clauses in the first person, ranked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from assistant.domain import Profile
from assistant.drafting.language.story import current_role, present_clause, role_noun
from assistant.drafting.offline.clipping import split_sentences
from assistant.drafting.offline.injection import strip_instructions
from assistant.drafting.offline.phrasing import (
    as_gerund,
    clean,
    fact_key,
    first_person,
    identity,
    proper_words,
    rank_proof,
    soften,
    strength_score,
    uses_contractions,
)
from assistant.drafting.offline.pitch_goals import (
    is_activity,
    is_role,
    is_transition,
    role_phrase,
)

_VERBS = frozenset(
    "move transition become lead build join work get find help use bring run design teach start "
    "return launch grow manage pivot switch land shift apply make create go take develop break "
    "combine pursue step support own drive coach mentor open found scale".split()
)
AUDIENCE_WORDS = {
    "recruiter": ("recruit", "talent", "sourcer", "headhunt"),
    "interviewer": ("interview", "hiring manager", "panel"),
    "coffee": ("coffee", "informational", "chat", "networking", "event", "meetup"),
    "peer": ("peer", "in the field", "target field", "colleague", "practitioner"),
}

@dataclass
class Material:
    """The profile, pre-digested into clauses the builders arrange."""

    present: str
    present_form: str
    now_raw: str
    next_raw: str
    present_more: list[str]
    proofs: list[tuple[str, str, str]]  # (fact id, first-person clause, form), strongest first
    proof_raw: list[tuple[str, str]]  # (fact id, cleaned fragment as written)
    strengths: list[str]
    strengths_raw: list[str]
    values: list[str]
    next_text: str
    next_form: str  # role | field | verb | ongoing (a move under way) | aim | first
    roles: list[str]
    companies: list[str]
    spell_out: bool
    role: str = ""  # the role the user holds now, as a noun phrase
    voice: str = ""  # the voice sample, for a sentence in the user's own words


def audience_key(audience: str) -> str:
    """recruiter | interviewer | coffee | peer | general, from free text."""
    lower = audience.lower()
    for key, words in AUDIENCE_WORDS.items():
        if any(w in lower for w in words):
            return key
    return "general"


def _next_form(text: str) -> tuple[str, str]:
    words = text.split()
    head = words[0].lower() if words else ""
    if head in {"i", "i'm", "i'd", "i've", "my"}:
        return text, "first"
    if head == "to" and len(words) > 1:
        return " ".join(words[1:]), "verb"
    if head in _VERBS and _names_a_job(text):  # "Support operations manager", "Lead designer"
        return text, "role"
    if head in _VERBS:
        return head + (" " + " ".join(words[1:]) if len(words) > 1 else ""), "verb"
    if is_activity(text):  # "Marketing manager" is a job to get, not one the user holds
        form = "ongoing" if is_transition(text) else "aim"
        return head + (" " + " ".join(words[1:]) if len(words) > 1 else ""), form
    return text, "role" if is_role(text) else "field"


def _names_a_job(text: str) -> bool:
    """ "Support operations manager" names a job; "lead a team as a manager" is a plan."""
    words = role_phrase(text).lower().split()
    return is_role(text) and len(words) <= 5 and not {"a", "an", "the", "my", "as", "to", "our",
                                                        "and", "or"} & set(words)


def _now_extra(text: str, proper: set[str]) -> str:
    """More about now, in the first person: "8 years in oncology" -> "I bring 8 years in..."."""
    clause, form = first_person(text, proper)
    if form == "noun" and clause[:1].isdigit():
        return "I bring " + clause
    return clause if form != "noun" else text


def _present(now: str, proper: set[str]) -> tuple[str, str]:
    """Who the user is now, as a clause that names their role: their own sentence when it
    says it plainly, else the role and years rephrased ("I've been a kitchen manager for 9
    years" from "im jake, ive been a line cook and then kitchen manager for like 9 years, ...")."""
    clause, form = identity(now, proper)
    role = current_role(now)
    rephrased = present_clause(now)
    if not role or not rephrased:
        return clause, form
    head = role.lower().split()[-1]
    words = [w.strip(",.;:()").lower() for w in clause.split()]
    early = head in words[:9] and sum(w in {"i", "i'm", "i've"} for w in words[:9]) <= 1
    plain = form in {"first", "past", "present", "ongoing"} or not re.search(r"[,(;]", clause)
    if early and plain and len(words) <= 16:
        return clause, form
    return rephrased, "been" if " for " in rephrased else "noun"


def factual(profile: Profile) -> Profile:
    """The profile without sentences that try to instruct a model: they are data, not facts."""
    def keep(items: list[str]) -> list[str]:
        return [t for t in (strip_instructions(i) for i in items) if t.strip()]

    return profile.model_copy(update={
        "now": strip_instructions(profile.now), "next": strip_instructions(profile.next),
        "voice_sample": strip_instructions(profile.voice_sample),
        **{f: keep(getattr(profile, f)) for f in (
            "strengths", "proof_points", "target_roles", "target_companies", "audiences",
            "values")},
    })


def digest(profile: Profile, variant: int) -> Material:
    """Turn the profile into clauses; the variant may lead with the second-strongest proof."""
    texts = [profile.now, profile.next, profile.voice_sample, profile.summary, profile.headline,
             *profile.strengths, *profile.proof_points, *profile.target_roles,
             *profile.target_companies, *profile.values, profile.name]
    proper = proper_words(texts) | set(" ".join(profile.target_companies).split())
    now_sentences = [clean(s) for s in split_sentences(profile.now) if clean(s)]
    more = [_now_extra(s, proper) for s in now_sentences[1:]]
    present, present_form = _present(profile.now, proper)
    numbered: list[tuple[str, str]] = []
    for i, point in enumerate(profile.proof_points, 1):
        if fact_key(point) and not any(fuzz.token_set_ratio(fact_key(point), fact_key(t)) >= 85
                                       for _, t in numbered):  # a near-copy is said once
            numbered.append((f"profile:proof:{i}", clean(point)))
    order = {text: fid for fid, text in numbered}
    ranked = [(order[text], text) for text in rank_proof([t for _, t in numbered])]
    if variant % 2 == 1 and len(ranked) > 1 and strength_score(ranked[1][1]) >= 10:
        ranked[0], ranked[1] = ranked[1], ranked[0]
    proofs = []
    for fid, text in ranked:
        clause, form = first_person(text, proper)
        proofs.append((fid, clause, form))
    next_first = clean((split_sentences(profile.next) or [""])[0])
    next_text, next_form = _next_form(soften(next_first, proper))
    return Material(
        present=present, present_form=present_form, present_more=more,
        now_raw=now_sentences[0] if now_sentences else "", next_raw=next_first,
        proofs=proofs, proof_raw=ranked,
        strengths=[as_gerund(soften(clean(s), proper)) for s in profile.strengths if clean(s)],
        strengths_raw=[clean(s) for s in profile.strengths if clean(s)],
        values=[soften(clean(v), proper) for v in profile.values if clean(v)],
        next_text=next_text, next_form=next_form,
        roles=[soften(clean(r), proper) for r in profile.target_roles if clean(r)],
        companies=[clean(c) for c in profile.target_companies if clean(c)],
        spell_out=not uses_contractions(profile.voice_sample),
        voice=profile.voice_sample,
        role=current_role(profile.now) or next(
            (r for r in (role_noun(s) for s in now_sentences[1:]) if r), ""),
    )
