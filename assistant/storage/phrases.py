"""A contact's meaning as short phrases (role, interests, how we met), one vector per phrase.

Phrases are shared: everyone who is a "Nurse at Acme Health" or likes "chess" points at the
same vector, so an import embeds each distinct phrase once and a search scores a contact by
its best phrase instead of one blurred vector of everything about them.

A role is embedded from its parts: the vector of "Nurse at Acme Health" is the normalised sum
of the vectors of "Nurse" and "Acme Health". Titles repeat and a company's people share its
name, so 50,000 contacts need a few thousand model calls instead of one each; measured on the
retrieval set, role queries find the same people as with the whole phrase embedded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.domain import Contact

FIELDS = ("role", "interest", "met")


@dataclass(frozen=True)
class Phrase:
    field: str
    text: str
    parts: tuple[str, ...] = ()  # texts whose vectors add up to this one's (a role's)

    @property
    def id(self) -> str:
        """Stable vector id: the same field and text (any case or spacing) share one id."""
        key = f"{self.field}\x1f{' '.join(self.text.casefold().split())}"
        return "p_" + hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:24]


def contact_phrases(
    title: str, company: str, interests: Iterable[str], how_we_met: str
) -> list[Phrase]:
    """The phrases that say what a contact does, likes and how we know them."""
    title, company, met = title.strip(), company.strip(), how_we_met.strip()
    if title and company:
        phrases = [Phrase("role", f"{title} at {company}", (title, company))]
    else:
        phrases = [Phrase("role", title or company)] if title or company else []
    phrases += [Phrase("interest", i.strip()) for i in interests if i.strip()]
    if met:
        phrases.append(Phrase("met", met))
    return list(dict.fromkeys(phrases))


def phrases_of(contact: Contact) -> list[Phrase]:
    """A contact's phrases."""
    return contact_phrases(contact.title, contact.company, contact.interests, contact.how_we_met)
