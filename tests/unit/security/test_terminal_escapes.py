"""Names with terminal escapes, bidi overrides or invisible characters: cleaned on the way in,
escaped on the way out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.cli.common import safe
from assistant.domain import Contact, Note
from assistant.text import clean_text, escape_for_terminal
from tests.exports import Person, linkedin_connections_csv

HOSTILE = [
    "\x1b[2J\x1b[31mMallory\x1b[0m",  # clear screen, colours
    "Eve\x1b]8;;http://evil.example\x07Click\x1b]8;;\x07",  # OSC 8 hyperlink
    "Trudy\u202egnp.exe",  # right-to-left override
    "Zw\u200bei\u200d\u2060Null\ufeff",  # zero-width characters
    "Bell\x07\x08\x7fy",  # BEL, backspace, DEL
    "Tag\U000e0041\U000e0042s",  # invisible tag characters (ASCII smuggling)
]
UNSAFE = ["\x1b", "\x07", "\x08", "\x7f", "\u202e", "\u200b", "\u2060", "\ufeff", "\U000e0041"]


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_names_are_stored_clean(raw: str) -> None:
    contact = Contact(name=raw, company=raw, tags=[raw])
    for value in (contact.name, contact.company, contact.tags[0]):
        assert not any(ch in value for ch in UNSAFE), repr(value)
    assert "[31m" not in contact.name and "8;;" not in contact.name  # whole sequences go


def test_clean_text_keeps_ordinary_unicode_and_line_breaks() -> None:
    kept = "Łukasz Østby — 日本語, emoji 👩‍👩‍👧 and a\ttab\nnew line"
    assert clean_text(kept) == kept
    assert Note(text="one\r\ntwo\rthree").text == "one\ntwo\nthree"
    assert Contact(name="Ana\nLee\tRuiz").name == "Ana Lee Ruiz"


def test_output_escapes_show_what_is_there_instead_of_running_it() -> None:
    assert escape_for_terminal("a\x1b[2Jb\u202ec") == "a\\x1b[2Jb\\u202ec"
    assert safe("[link=http://evil.example]x[/link] \x1b") == (
        "\\[link=http://evil.example]x\\[/link] \\x1b")


def test_an_import_stores_no_escape_and_the_cli_prints_none(
    run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path,
) -> None:
    people = [Person(first=raw, last="Hostile", company=raw, title=raw,
                     slug=f"hostile-{i}") for i, raw in enumerate(HOSTILE)]
    path = tmp_path / "Connections.csv"
    path.write_bytes(linkedin_connections_csv(people))
    code, out, err = run_cli("import", str(path))
    assert code == 0, err
    outputs = [out]
    for args in (("contacts", "list"), ("contacts", "search", "Hostile"),
                 ("contacts", "list", "--json"), ("contacts", "show", "Trudygnp.exe Hostile")):
        code, out, err = run_cli(*args)
        assert code == 0, (args, err)
        outputs.append(out)
    for out in outputs:
        assert not any(ch in out for ch in UNSAFE), repr(out[:300])
    assert "Mallory" in outputs[1] and "Trudygnp.exe" in outputs[4]


def test_a_name_of_nothing_but_escapes_is_no_name(
    run_cli: Callable[..., tuple[int, str, str]],
) -> None:
    code, out, err = run_cli("contacts", "add", "--name", "\x1b[2J\u200b")
    assert code == 1 and out == ""
    assert err.strip() == "warmline: a contact needs a name"
