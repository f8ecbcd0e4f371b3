"""The grounding check: invented names, companies, numbers and credentials are flagged."""

from __future__ import annotations

import pytest

from assistant.drafting.entities import (
    SourceIndex,
    extract_entities,
    find_entities,
    unsupported_entities,
)

SOURCES = [
    "Maya Chen ran the Chicago marathon in October. She works at Stripe Inc. on payments.",
    "Priya Raman, PhD, leads data science at Stripe; her team grew revenue 37% to $2 million.",
]


def kinds(text: str) -> dict[str, str]:
    return {e.text: e.kind for e in find_entities(text)}


# --- extraction ---------------------------------------------------------------------------------


def test_extracts_names_companies_numbers_and_credentials() -> None:
    text = "I met Dr. Priya Raman at Stripe; she has a PhD and grew revenue 37% to $2M in 2019."
    assert kinds(text) == {
        "Priya Raman": "name",
        "Stripe": "name",
        "PhD": "credential",
        "37%": "number",
        "$2M": "number",
        "2019": "number",
    }


def test_common_capitalised_words_are_not_names() -> None:
    text = (
        "Hi Maya,\n\nThanks for the note! I saw your LinkedIn post on Monday in October. "
        "Hope the AI work is going well. Happy New Year.\n\nBest,\nDev"
    )
    assert extract_entities(text) == {"Maya"}


def test_single_capital_at_sentence_start_is_ignored_but_not_mid_sentence() -> None:
    assert extract_entities("Loved the race. Congrats again.") == set()
    assert extract_entities("It was fun to see Chicago again.") == {"Chicago"}


def test_sentence_start_word_counts_when_it_is_a_name_elsewhere() -> None:
    names = [e.text for e in find_entities("Acme is hiring. I love Acme. Loved it.")]
    assert names == ["Acme", "Acme"]


def test_sentence_start_names_with_a_signal_are_kept() -> None:
    assert extract_entities("Maya's team shipped it.") == {"Maya"}
    assert extract_entities("Maya, congrats on the launch.") == {"Maya"}
    assert extract_entities("IBM called. OpenAI too.") == {"IBM", "OpenAI"}
    assert extract_entities("Priya Raman called.") == {"Priya Raman"}


def test_multiword_names_connectors_initials_and_prefixes() -> None:
    text = "She left Bank of America for ex-Google founders, per Priya J. Raman and AT&T."
    assert extract_entities(text) == {"Bank of America", "Google", "Priya Raman", "AT&T"}


def test_separators_split_names() -> None:
    assert extract_entities("I met people from McKinsey/BCG and Stripe—Plaid.") == {
        "McKinsey",
        "BCG",
        "Stripe",
        "Plaid",
    }


def test_title_case_subject_line_is_not_a_name() -> None:
    assert extract_entities("Subject: Quick Question About Your Marathon") == set()


def test_credentials_variants() -> None:
    text = "She is a Pharm.D. and RN, an MBA, PMP, CFA and AWS Certified Solutions Architect."
    found = {e.text for e in find_entities(text) if e.kind == "credential"}
    assert found == {"Pharm.D", "RN", "MBA", "PMP", "CFA", "AWS Certified Solutions Architect"}


def test_number_words_are_not_numbers_and_urls_are_ignored() -> None:
    text = "Three years later, see https://stripe.com/jobs/12345 or mail maya99@example.com."
    assert [e for e in find_entities(text) if e.kind == "number"] == []


def test_emails_and_links_are_addresses_without_trailing_punctuation() -> None:
    text = "See https://stripe.com/jobs/12345, or mail Maya99@Example.com. (www.acme.io)"
    assert [(e.text, e.kind) for e in find_entities(text) if e.kind == "address"] == [
        ("https://stripe.com/jobs/12345", "address"), ("Maya99@Example.com", "address"),
        ("www.acme.io", "address")]


def test_an_invented_or_altered_address_is_flagged_a_given_one_passes() -> None:
    sources = ["Maya's email is maya@stripe.com; the posting: https://stripe.com/jobs/42."]
    assert unsupported_entities("Write to Maya@Stripe.com about https://stripe.com/jobs/42!",
                                sources) == []
    assert unsupported_entities("Mail maya@stripe.co or see https://stripe.com/jobs/43.",
                                sources) == ["maya@stripe.co", "https://stripe.com/jobs/43"]
    assert unsupported_entities("Her CV: https://maya.dev/cv.pdf", sources) == [
        "https://maya.dev/cv.pdf"]


def test_digits_glued_to_letters_are_not_numbers() -> None:
    assert [
        e.text for e in find_entities("Our B2B revenue in Q3 grew.") if e.kind == "number"
    ] == []


# --- unsupported ---------------------------------------------------------------------------------


def test_invented_person_company_and_figure_are_flagged() -> None:
    output = "Dr. Priya Raman at Stripe said 37% of users churned."
    assert unsupported_entities(output, ["Maya ran the Chicago marathon in October."]) == [
        "Priya Raman",
        "Stripe",
        "37%",
    ]


def test_same_entities_in_sources_pass() -> None:
    output = "Dr. Priya Raman at Stripe said revenue grew 37%."
    assert unsupported_entities(output, SOURCES) == []


def test_possessives_case_and_company_suffixes_pass() -> None:
    output = "How did Maya's CHICAGO marathon go? And how is stripe inc.'s payments team?"
    assert unsupported_entities(output, SOURCES) == []


@pytest.mark.parametrize(
    ("output", "source"),
    [
        ("We served 1,200 patients.", "served 1200 patients"),
        ("We served 1200 patients.", "served 1,200 patients"),
        ("Revenue grew 40 percent.", "revenue grew 40%"),
        ("Revenue grew 40%.", "revenue grew 40 per cent"),
        ("They raised $2M.", "they raised $2,000,000"),
        ("They raised $2 million.", "raised 2M"),
        ("Around 1.2k users.", "1200 users"),
        ("She finished 3rd.", "came 3"),
        ("A 40% drop.", "cut by 40 pct"),
    ],
)
def test_number_formats_are_equivalent(output: str, source: str) -> None:
    assert unsupported_entities(output, [source]) == []


@pytest.mark.parametrize(
    ("output", "source"),
    [
        ("We served 1,300 patients.", "served 1200 patients"),
        ("Revenue grew 40%.", "revenue grew by 40 patients"),
        ("They raised $2M.", "they raised $2,000"),
        ("In 2021 she joined.", "In 2019 she joined."),
    ],
)
def test_different_numbers_are_flagged(output: str, source: str) -> None:
    assert unsupported_entities(output, [source]) != []


def test_plain_number_is_backed_by_same_percentage() -> None:
    assert unsupported_entities("It went up 40 points.", ["up 40%"]) == []


def test_partial_name_is_supported_but_an_added_surname_is_not() -> None:
    assert unsupported_entities("Say hi to Raman for me.", ["Priya Raman"]) == []
    assert unsupported_entities("Say hi to Maya Patel.", ["Maya ran a marathon"]) == ["Maya Patel"]


def test_middle_initial_and_accents_are_tolerated() -> None:
    assert unsupported_entities("Great to meet Priya Raman.", ["Priya J. Raman"]) == []
    assert unsupported_entities("Great to meet José Núñez.", ["jose nunez, recruiter"]) == []


def test_invented_credential_is_flagged() -> None:
    sources = ["Maya Chen is a hospital pharmacist (PharmD)."]
    assert unsupported_entities("Maya Chen, PharmD, is great.", sources) == []
    assert unsupported_entities("Maya Chen, PharmD, MBA, is great.", sources) == ["MBA"]
    assert unsupported_entities("As an AWS Certified engineer, Maya...", sources) == [
        "AWS Certified"
    ]


def test_allowed_entities_are_not_flagged() -> None:
    output = "Free for a 15 minute call on LinkedIn with Warmline?"
    assert unsupported_entities(output, []) == ["15", "Warmline"]
    assert unsupported_entities(output, [], allowed=["Warmline", "15"]) == []


def test_each_unsupported_entity_is_reported_once_in_order() -> None:
    output = "I like Stripe and Plaid. Stripe again, 37% and 37 percent."
    assert unsupported_entities(output, []) == ["Stripe", "Plaid", "37%"]


def test_source_index_checks_many_outputs() -> None:
    index = SourceIndex(SOURCES)
    assert index.unsupported("Congrats, Maya Chen!") == []
    assert index.unsupported("Congrats on Acme Health, Maya Chen!") == ["Acme Health"]


def test_empty_output_and_sources() -> None:
    assert unsupported_entities("", []) == []
    assert unsupported_entities("hello there", []) == []
