"""Merge rules: slug, then email, then fuzzy name + company; how fields combine."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from assistant.domain import Contact
from assistant.services.contacts.dedupe import (
    ContactMatcher,
    absorb,
    company_key,
    name_similarity,
    normalize,
    refresh,
)


def test_normalize_and_company_key_ignore_case_accents_and_legal_suffixes() -> None:
    assert normalize("  Zoë  Ångström-Okafor ") == "zoe angstrom okafor"
    assert company_key("Northwind Robotics, Inc.") == company_key("NORTHWIND ROBOTICS")
    assert company_key("The Acme Company") == "acme"
    assert company_key("Inc") == "inc"  # a name that is only a suffix is kept


@given(st.text(max_size=60))
def test_normalize_skips_decomposing_only_text_it_would_not_change(text: str) -> None:
    decomposed = unicodedata.normalize("NFKD", text)  # the long way, for every text
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    assert normalize(text) == " ".join(re.sub(r"[^\w]+", " ", plain.casefold())
                                       .replace("_", " ").split())


def test_name_similarity_tolerates_order_typos_and_middle_names() -> None:
    assert name_similarity("Ruiz, Ana", "Ana Ruiz") == 100
    assert name_similarity("Jon Smith", "John Smith") >= 90
    assert name_similarity("Ana María Ruiz", "Ana Ruiz") == 100
    assert name_similarity("Ana Ruiz", "Ana Lopez") < 90


def test_slug_wins_over_email_and_name() -> None:
    by_slug = Contact(name="A. Ruiz", linkedin_slug="ana-ruiz")
    by_email = Contact(name="Ana Ruiz", emails=["ana@example.com"], company="Acme")
    matcher = ContactMatcher([by_slug, by_email])
    found = matcher.match(Contact(name="Ana Ruiz", company="Acme", linkedin_slug="ana-ruiz",
                                  emails=["ana@example.com"]))
    assert found is not None and (found.contact_id, found.rule) == (by_slug.id, "linkedin")


def test_email_matches_case_insensitively_then_fuzzy_name_and_company() -> None:
    known = Contact(name="Ana Ruiz", company="Acme Inc", emails=["Ana@Example.com"])
    matcher = ContactMatcher([known])
    found = matcher.match(Contact(name="Someone Else", emails=["ana@example.com"]))
    assert found is not None and found.rule == "email"
    fuzzy = matcher.match(Contact(name="Ana Ruiz", company="ACME"))
    assert fuzzy is not None and (fuzzy.contact_id, fuzzy.rule) == (known.id, "name+company")
    typo = ContactMatcher([Contact(name="Kenji Dubois", company="Northwind Robotics")])
    assert typo.match(Contact(name="Kenji Duboiss", company="Northwind Robotics, Inc.")) is not None
    assert typo.match(Contact(name="Kenji Dubois", company="Northwind Robotic")) is not None


def test_no_match_without_company_or_with_different_slugs() -> None:
    known = Contact(name="Ana Ruiz", company="Acme", linkedin_slug="ana-ruiz")
    matcher = ContactMatcher([known])
    assert matcher.match(Contact(name="Ana Ruiz")) is None  # a name alone is not enough
    other_slug = Contact(name="Ana Ruiz", company="Acme", linkedin_slug="ana-ruiz-2")
    assert matcher.match(other_slug) is None
    assert matcher.match(Contact(name="Ana Ruiz", company="Globex")) is None


def test_by_name_refuses_to_guess_between_namesakes() -> None:
    one, two = Contact(name="Ana Ruiz", company="A"), Contact(name="Ana Ruiz", company="B")
    assert ContactMatcher([one, two]).by_name("ana ruiz") is None
    kenji = Contact(name="Kenji Dubois")
    matcher = ContactMatcher([one, kenji, Contact(name="Bob Lee")])
    assert matcher.by_name("ANA RUIZ") == one.id
    assert matcher.by_name("Kenji Duboiss") == kenji.id  # a typo, still clearly one person
    assert matcher.by_name("Ana Cruz") is None  # as close as a typo, but another person
    assert matcher.by_name("Carla Diaz") is None


def test_matcher_forgets_old_keys_when_a_contact_changes() -> None:
    contact = Contact(name="Ana Ruiz", emails=["old@example.com"])
    matcher = ContactMatcher([contact])
    matcher.add(contact.model_copy(update={"emails": ["new@example.com"]}))
    assert matcher.match(Contact(name="X", emails=["old@example.com"])) is None
    assert matcher.match(Contact(name="X", emails=["new@example.com"])) is not None


def test_absorb_fills_gaps_joins_lists_and_keeps_existing_values() -> None:
    existing = Contact(name="Ana Ruiz", company="Acme", emails=["a@x.com"], sources=["linkedin"])
    other = Contact(name="Ana R.", company="Globex", title="CTO", emails=["A@x.com", "b@x.com"],
                    phones=["+1 555"], connected_on=date(2024, 1, 2), sources=["google"])
    merged, changed = absorb(existing, other)
    assert (merged.id, merged.name, merged.company, merged.title) == (
        existing.id, "Ana Ruiz", "Acme", "CTO")
    assert merged.emails == ["a@x.com", "b@x.com"]
    assert merged.past_companies == ["Globex"]
    assert merged.sources == ["linkedin", "google"]
    assert set(changed) >= {"title", "emails", "phones", "connected_on", "sources"}
    assert absorb(merged, other)[1] == []  # merging the same record again changes nothing


def test_refresh_records_a_job_change_and_keeps_the_old_company() -> None:
    existing = Contact(name="Bob Lee", company="Globex", title="Engineer")
    newer = Contact(name="Bob Lee", company="Initech", title="Staff Engineer")
    updated, changed, job = refresh(existing, newer)
    assert (updated.company, updated.title, updated.past_companies) == (
        "Initech", "Staff Engineer", ["Globex"])
    assert job == {"old_company": "Globex", "new_company": "Initech",
                   "old_title": "Engineer", "new_title": "Staff Engineer"}
    assert {"company", "title"} <= set(changed)
    assert refresh(updated, newer)[1:] == ([], None)
    # Learning a company for the first time is not a job change; an empty cell erases nothing.
    assert refresh(Contact(name="X"), Contact(name="X", company="Acme"))[2] is None
    assert refresh(updated, Contact(name="Bob Lee"))[0].company == "Initech"
