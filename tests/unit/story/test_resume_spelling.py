"""Resume typos: a built-in list, plus a shipped English word list used only where it is sure."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.app import Warmline
from assistant.services.story.resume_checks import (
    english_words,
    known_words,
    text_issues,
)


def typos(
    line: str, known: frozenset[str] = frozenset(), dictionary: bool = True,
) -> dict[str, str]:
    """{word: suggested word} for every spelling finding on one line."""
    out = {}
    for issue in text_issues([line], known, dictionary=dictionary):
        if issue.kind == "typo" and not issue.message.startswith("repeated"):
            out[issue.message.split("'")[1]] = issue.suggestion.strip("'")
    return out


@pytest.mark.parametrize(("line", "expected"), [
    ("Fixed teh rota for nights", {"teh": "the"}),
    ("Worked wiht 3 teams adn shipped taht fast", {"wiht": "with", "adn": "and", "taht": "that"}),
    ("Recieved the award; Teh team grew", {"Recieved": "received", "Teh": "the"}),
])
def test_the_built_in_list_catches_swapped_letters_without_any_dictionary(
    line: str, expected: dict[str, str],
) -> None:
    assert typos(line, dictionary=False) == expected


def test_the_built_in_list_alone_does_not_guess() -> None:
    assert typos("Improved custmer reprots with a new budegt", dictionary=False) == {}


needs_words = pytest.mark.skipif(english_words() is None, reason="pyspellchecker not installed")


@needs_words
@pytest.mark.parametrize(("word", "meant"), [
    ("improvment", "improvement"), ("leadrship", "leadership"), ("custmer", "customer"),
    ("reprots", "reports"), ("budegt", "budget"), ("coordinted", "coordinated"),
    ("implmented", "implemented"), ("begginning", "beginning"), ("colleauges", "colleagues"),
    ("deliverd", "delivered"), ("anaylsis", "analysis"),
])
def test_the_word_list_catches_slips_of_the_keyboard(word: str, meant: str) -> None:
    assert typos(f"Led the {word} work for 2 years") == {word: meant}


@needs_words
@pytest.mark.parametrize("line", [
    # Names and acronyms: only lower-case words are checked.
    "Built Figma prototypes for Adyen and Finlo with the EHR team; tracked KPIs and OKRs",
    # Work jargon one slip away from a real word.
    "Led onboarding, roadmap and backend work; upskilled devops staff on repos and linting",
    "Ran frontend chunking tests; designed canva templates and a proto of the intro flow",
    # British spellings the American word list lacks.
    "Organised the programme, analysed colour data and travelled to the centre for modelling",
    "Counsellor who prioritised licence renewals and labelled the catalogue",
    # Addresses, handles, versions and codes.
    "rosa.quill@example.com · linkedin.com/in/rosaqxx · python3 · v2.1 · cross-functional",
])
def test_the_word_list_leaves_names_jargon_and_british_spelling_alone(line: str) -> None:
    assert typos(line) == {}


@needs_words
def test_the_users_own_words_are_never_typos() -> None:
    line = "Launched the reprots dashboard and the budegt tracker"
    assert typos(line) == {"reprots": "reports", "budegt": "budget"}
    known = known_words(["We call the tool reprots", "Budegt: our planning app"])
    assert typos(line, known) == {}


def test_without_the_package_the_word_list_is_simply_absent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "spellchecker", None)  # as if it were not installed
    assert english_words.__wrapped__() is None


def test_the_review_reports_a_swapped_word(app: Warmline, tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_text("Maya Chen\n- Led teh migration of 40 clinics\n- Cut errors 30%\n",
                    encoding="utf-8")
    found = [(f.line, f.message, f.suggestion) for f in app.resume.review(path).findings
             if f.kind == "typo"]
    assert found == [(2, "'teh' is misspelled", "'the'")]


def test_the_review_never_calls_the_users_own_words_typos() -> None:
    from assistant.domain import Note, Profile
    from assistant.services.story.resume_review import review_text

    resume = "- Led the clincal trials desk that cut delays by 20%\n"

    def typos(notes: list[Note]) -> list[str]:
        return [f.message for f in review_text(resume, Profile(), notes).findings
                if f.kind == "typo"]

    assert typos([]) == ["'clincal' looks like a typo"]
    # The team really is called "Clincal" in the user's notes: their word, not a typo.
    assert typos([Note(text="Moved to the clincal desk in March")]) == []
