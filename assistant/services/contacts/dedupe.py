"""Merge rules: when two contact records are one person, and how their fields combine."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from assistant.domain import Contact
from assistant.text import normalize

MERGE_EVENT = "merge"
UNMERGE_EVENT = "unmerge"
JOB_CHANGE_EVENT = "job_change"
NAME_THRESHOLD = 90  # token_sort_ratio; "Jon Smith" ~ "John Smith" (95), "Ana Ruiz" !~ "Ana Ruth"
COMPANY_THRESHOLD = 85
_LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "llc", "llp", "ltd", "limited", "corp", "corporation", "co",
    "company", "gmbh", "plc", "sa", "ag", "bv", "pty", "srl",
})
_SCALARS = ("company", "title", "linkedin_slug", "location", "how_we_met", "introduced_by")
_LISTS = ("past_companies", "emails", "phones", "urls", "tags", "interests", "sources")


def company_key(company: str) -> str:
    """A company name without legal suffixes: 'Acme, Inc.' and 'ACME' share 'acme'."""
    tokens = normalize(company).split()
    while len(tokens) > 1 and tokens[-1] in _LEGAL_SUFFIXES:
        tokens.pop()
    if len(tokens) > 1 and tokens[0] == "the":
        tokens.pop(0)
    return " ".join(tokens)


def name_key(name: str) -> str:
    """Name tokens in sorted order, so 'Ruiz, Ana' and 'Ana Ruiz' agree."""
    return " ".join(sorted(normalize(name).split()))


def name_similarity(a: str, b: str) -> float:
    """0-100: how alike two person names are (order-free; a middle name is tolerated)."""
    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return 0.0
    score = fuzz.token_sort_ratio(na, nb)
    if min(len(na.split()), len(nb.split())) >= 2:
        score = max(score, fuzz.token_set_ratio(na, nb))
    return float(score)


def compatible(a: Contact, b: Contact) -> bool:
    """Two records with different LinkedIn slugs are two people, whatever their names."""
    return not (a.linkedin_slug and b.linkedin_slug and a.linkedin_slug != b.linkedin_slug)


@dataclass(frozen=True)
class Match:
    contact_id: str
    rule: str  # linkedin | email | name+company


class ContactMatcher:
    """An in-memory index of known contacts for the merge rules: slug, email, name + company."""

    def __init__(self, contacts: Iterable[Contact] = ()) -> None:
        self.contacts: dict[str, Contact] = {}
        self._slug: dict[str, str] = {}
        self._email: dict[str, str] = {}
        # Fuzzy blocks, keyed by (has a slug, ...): a record with a slug can only merge with
        # records without one (equal slugs match earlier), which keeps LinkedIn imports fast.
        self._blocks: dict[tuple[bool, str, str], set[str]] = {}  # (slug?, company, name word)
        self._name: dict[tuple[bool, str], set[str]] = {}  # (slug?, sorted name words)
        self._names: dict[str, str] = {}  # id -> normalized name, for fuzzy lookups
        self._tokens: dict[str, set[str]] = {}  # name word -> ids, to block fuzzy lookups
        self._by_name_cache: dict[str, str | None] = {}
        for contact in contacts:
            self.add(contact)

    def add(self, contact: Contact) -> None:
        """Index a contact (again, after it changed)."""
        if contact.id in self.contacts:
            self.remove(contact.id)
        self.contacts[contact.id] = contact
        self._names[contact.id] = normalize(contact.name)
        for token in self._names[contact.id].split():
            self._tokens.setdefault(token, set()).add(contact.id)
        self._by_name_cache.clear()
        if contact.linkedin_slug:
            self._slug.setdefault(contact.linkedin_slug, contact.id)
        for email in contact.emails:
            self._email.setdefault(email.strip().lower(), contact.id)
        for block in self._block_keys(contact):
            self._blocks.setdefault(block, set()).add(contact.id)
        if key := name_key(contact.name):
            self._name.setdefault((bool(contact.linkedin_slug), key), set()).add(contact.id)

    def remove(self, contact_id: str) -> None:
        """Forget a contact."""
        contact = self.contacts.pop(contact_id, None)
        if contact is None:
            return
        for block in self._block_keys(contact):
            self._blocks.get(block, set()).discard(contact_id)
        for token in self._names.pop(contact_id, "").split():
            self._tokens.get(token, set()).discard(contact_id)
        self._by_name_cache.clear()
        if self._slug.get(contact.linkedin_slug) == contact_id:
            del self._slug[contact.linkedin_slug]
        for email in contact.emails:
            if self._email.get(email.strip().lower()) == contact_id:
                del self._email[email.strip().lower()]
        self._name.get((bool(contact.linkedin_slug), name_key(contact.name)), set()).discard(
            contact_id)

    @staticmethod
    def _block_keys(contact: Contact) -> list[tuple[bool, str, str]]:
        key = company_key(contact.company)
        words = set(normalize(contact.name).split())
        return [(bool(contact.linkedin_slug), key, w) for w in words] if key else []

    def match(self, incoming: Contact) -> Match | None:
        """The known contact this record describes: by slug, then email, then name + company."""
        if incoming.linkedin_slug and (found := self._slug.get(incoming.linkedin_slug)):
            return Match(found, "linkedin")
        for email in incoming.emails:
            found = self._email.get(email.strip().lower())
            if found and compatible(self.contacts[found], incoming):
                return Match(found, "email")
        found = self._fuzzy(incoming)
        return Match(found, "name+company") if found else None

    def _fuzzy(self, incoming: Contact) -> str | None:
        key = company_key(incoming.company)
        if not key or not normalize(incoming.name):
            return None
        # Blocking keeps this cheap at 50k contacts: the same company and a shared name word,
        # then the same name at a similar company. Slots never hold a conflicting slug.
        slots = (False,) if incoming.linkedin_slug else (False, True)
        candidates = sorted({cid for _, _, word in self._block_keys(incoming) for slot in slots
                             for cid in self._blocks.get((slot, key, word), ())})
        best = process.extractOne(incoming.name, {c: self.contacts[c].name for c in candidates},
                                  scorer=_name_scorer, score_cutoff=NAME_THRESHOLD)
        if best:
            return str(best[2])
        for slot in slots:
            for cid in sorted(self._name.get((slot, name_key(incoming.name)), ())):
                if fuzz.ratio(company_key(self.contacts[cid].company), key) >= COMPANY_THRESHOLD:
                    return cid
        return None

    def by_name(self, name: str) -> str | None:
        """The one contact with this name (exact after normalizing, else clearly closest)."""
        if name not in self._by_name_cache:
            self._by_name_cache[name] = self._lookup_name(name)
        return self._by_name_cache[name]

    def _lookup_name(self, name: str) -> str | None:
        key = name_key(name)
        exact = sorted(self._name.get((False, key), set()) | self._name.get((True, key), set()))
        if len(exact) == 1:
            return exact[0]
        if exact or not normalize(name):
            return None  # two people share the name: attaching to either would be a guess
        # A typo rarely hits every word of a name: compare only names sharing a word.
        words = normalize(name).split()
        choices = {cid: self._names[cid] for w in words for cid in self._tokens.get(w, ())}
        found = process.extract(" ".join(words), choices, scorer=fuzz.token_sort_ratio,
                                score_cutoff=NAME_THRESHOLD, limit=2)
        if len(found) == 1 or (len(found) == 2 and found[0][1] > found[1][1]):
            return str(found[0][2])
        return None

    def by_slug(self, slug: str) -> str | None:
        """The contact with this LinkedIn slug."""
        return self._slug.get(slug.strip().lower())


def _name_scorer(a: str, b: str, **_: Any) -> float:
    return name_similarity(a, b)


def absorb(existing: Contact, incoming: Contact) -> tuple[Contact, list[str]]:
    """Merge another record of the same person: fill empty fields, join lists; keep the rest."""
    merged = existing.model_copy(deep=True)
    changed = []
    for name in _SCALARS:
        if not getattr(merged, name) and getattr(incoming, name):
            setattr(merged, name, getattr(incoming, name))
            changed.append(name)
    if merged.connected_on is None and incoming.connected_on is not None:
        merged.connected_on = incoming.connected_on
        changed.append("connected_on")
    if incoming.last_contacted and (
        merged.last_contacted is None or incoming.last_contacted > merged.last_contacted
    ):
        merged.last_contacted = incoming.last_contacted
        changed.append("last_contacted")
    if (
        incoming.company and merged.company
        and company_key(incoming.company) != company_key(merged.company)
        and _add_unique(merged.past_companies, [incoming.company])
    ):
        changed.append("past_companies")
    for name in _LISTS:
        if _add_unique(getattr(merged, name), getattr(incoming, name)) and name not in changed:
            changed.append(name)
    return merged, changed


def refresh(existing: Contact, newer: Contact) -> tuple[Contact, list[str], dict[str, str] | None]:
    """Apply a newer export of the same source: a changed company or title wins (a job change)."""
    updated = existing.model_copy(deep=True)
    changed: list[str] = []
    job: dict[str, str] | None = None
    new_company = newer.company and company_key(newer.company) != company_key(existing.company)
    new_title = newer.title and normalize(newer.title) != normalize(existing.title)
    if (new_company and existing.company) or (new_title and existing.title):
        job = {"old_company": existing.company, "new_company": newer.company or existing.company,
               "old_title": existing.title, "new_title": newer.title or existing.title}
    if new_company:
        if existing.company:
            _add_unique(updated.past_companies, [existing.company])
            changed.append("past_companies")
        updated.company = newer.company
        changed.append("company")
    elif newer.company and newer.company != existing.company:
        updated.company = newer.company  # same company, nicer spelling
    if new_title:
        updated.title = newer.title
        changed.append("title")
    if newer.location and newer.location != existing.location:
        updated.location = newer.location
        changed.append("location")
    rest, more = absorb(updated, newer.model_copy(update={"company": "", "title": ""}))
    changed += [name for name in more if name not in changed]
    return rest, changed, job


def _add_unique(target: list[str], values: Iterable[str]) -> bool:
    """Append values not already present (case-insensitively); True if any was added."""
    seen = {v.strip().casefold() for v in target}
    added = False
    for value in values:
        if value.strip() and value.strip().casefold() not in seen:
            target.append(value.strip())
            seen.add(value.strip().casefold())
            added = True
    return added
