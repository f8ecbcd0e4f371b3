"""Builders for realistic, entirely SYNTHETIC export files, quirks included.

Every builder returns the bytes a user would upload: LinkedIn ``Connections.csv`` (BOM, "Notes:"
preamble, with or without the URL column, hidden-profile rows), ``messages.csv``,
``Profile.csv`` / ``Positions.csv``, Google Contacts CSV (current and legacy headers, `` ::: ``
multi-values, system labels), vCard 3.0/4.0 (folded lines, grouped ``item1.URL``), Markdown
notes and a Warmline export stub. All people and companies are invented.

Typical use::

    people = sample_people(3)
    data = linkedin_connections_csv([*people, hidden_profile(date(2024, 1, 2))])
    parsed = parse_file("Connections.csv", data)
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import quote

BOM = "\ufeff"
CONNECTIONS_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, some e-mail addresses may be missing. You only see '
    "the e-mail addresses of connections who allow it; see your privacy settings, including "
    'the option to download them."\n'
    "\n"
)
CONNECTIONS_HEADER = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]
MESSAGES_HEADER = [
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
]
MESSAGES_EXTRA_HEADER = ["ATTACHMENTS", "IS MESSAGE DRAFT"]
PROFILE_HEADER = [
    "First Name",
    "Last Name",
    "Maiden Name",
    "Address",
    "Birth Date",
    "Headline",
    "Summary",
    "Industry",
    "Zip Code",
    "Geo Location",
    "Twitter Handles",
    "Websites",
    "Instant Messengers",
]
POSITIONS_HEADER = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
GOOGLE_HEADER = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Address 1 - Label",
    "Address 1 - Formatted",
    "Address 1 - City",
    "Address 1 - Country",
    "Website 1 - Label",
    "Website 1 - Value",
]
GOOGLE_LEGACY_HEADER = [
    "Name",
    "Given Name",
    "Additional Name",
    "Family Name",
    "Yomi Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "Birthday",
    "Location",
    "Notes",
    "Group Membership",
    "E-mail 1 - Type",
    "E-mail 1 - Value",
    "Phone 1 - Type",
    "Phone 1 - Value",
    "Organization 1 - Type",
    "Organization 1 - Name",
    "Organization 1 - Title",
    "Website 1 - Type",
    "Website 1 - Value",
]
GOOGLE_MULTI = " ::: "
# A card that vobject cannot parse (a content line without a colon).
MALFORMED_VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken Card\r\nTHIS LINE HAS NO COLON\r\nEND:VCARD\r\n"
)


@dataclass(frozen=True)
class Person:
    """An invented person; each builder renders the fields its format has."""

    first: str
    last: str
    company: str = ""
    title: str = ""
    slug: str = ""  # LinkedIn /in/<slug>; "" means no profile URL
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # Google labels / vCard CATEGORIES
    websites: tuple[str, ...] = ()  # extra non-LinkedIn URLs
    note: str = ""
    city: str = ""
    country: str = ""
    connected_on: date | None = None

    @property
    def name(self) -> str:
        """First and last name as the importers join them."""
        return " ".join(p for p in (self.first, self.last) if p)

    @property
    def linkedin_url(self) -> str:
        """The profile URL as LinkedIn writes it (percent-encoded, trailing slash)."""
        return f"https://www.linkedin.com/in/{quote(self.slug)}/" if self.slug else ""


def hidden_profile(connected_on: date) -> Person:
    """A connection who hides their profile: LinkedIn exports only the date."""
    return Person(first="", last="", connected_on=connected_on)


def _csv(rows: Iterable[Sequence[str]], *, line_end: str = "\n") -> str:
    """Render rows with minimal quoting, like LinkedIn and Google do."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    writer.writerows(rows)
    return buffer.getvalue()


def linkedin_date(day: date) -> str:
    """LinkedIn's `Connected On` spelling, e.g. '08 Feb 2026'."""
    return day.strftime("%d %b %Y")


def linkedin_connections_csv(
    people: Iterable[Person],
    *,
    bom: bool = True,
    preamble: bool = True,
    with_url: bool = True,
    line_end: str = "\n",
) -> bytes:
    """A LinkedIn `Connections.csv`; `with_url=False` gives the older export without URL."""
    header = [h for h in CONNECTIONS_HEADER if with_url or h != "URL"]
    rows: list[list[str]] = [header]
    for p in people:
        cells = {
            "First Name": p.first,
            "Last Name": p.last,
            "URL": p.linkedin_url,
            "Email Address": p.emails[0] if p.emails else "",
            "Company": p.company,
            "Position": p.title,
            "Connected On": linkedin_date(p.connected_on) if p.connected_on else "",
        }
        rows.append([cells[h] for h in header])
    text = (CONNECTIONS_PREAMBLE if preamble else "") + _csv(rows, line_end=line_end)
    return ((BOM if bom else "") + text).encode("utf-8")


@dataclass(frozen=True)
class Message:
    """One row of `messages.csv`."""

    conversation_id: str
    sender: Person
    recipients: tuple[Person, ...]
    sent_at: datetime
    content: str
    subject: str = ""
    title: str = ""
    folder: str = "INBOX"
    draft: bool = False


def conversation(
    conversation_id: str,
    owner: Person,
    other: Person,
    turns: Iterable[tuple[bool, datetime, str]],
) -> list[Message]:
    """Messages between the owner and one other person; turns are (owner_sent, when, text)."""
    return [
        Message(conversation_id, owner if mine else other, (other if mine else owner,), when, text)
        for mine, when, text in turns
    ]


def linkedin_messages_csv(
    messages: Iterable[Message], *, extra_columns: bool = False, bom: bool = False
) -> bytes:
    """A LinkedIn `messages.csv`; `extra_columns` adds the newer ATTACHMENTS/IS MESSAGE DRAFT."""
    header = MESSAGES_HEADER + (MESSAGES_EXTRA_HEADER if extra_columns else [])
    rows: list[list[str]] = [header]
    for m in messages:
        row = [
            m.conversation_id,
            m.title,
            m.sender.name,
            m.sender.linkedin_url,
            ", ".join(r.name for r in m.recipients),
            ", ".join(r.linkedin_url for r in m.recipients if r.linkedin_url),
            m.sent_at.strftime("%Y-%m-%d %H:%M:%S UTC"),
            m.subject,
            m.content,
            m.folder,
        ]
        if extra_columns:
            row += ["", "Yes" if m.draft else "No"]
        rows.append(row)
    return ((BOM if bom else "") + _csv(rows)).encode("utf-8")


def linkedin_profile_csv(
    first: str, last: str, headline: str, summary: str, *, industry: str = "", bom: bool = False
) -> bytes:
    """The user's own `Profile.csv` (one data row)."""
    values = {
        "First Name": first,
        "Last Name": last,
        "Headline": headline,
        "Summary": summary,
        "Industry": industry,
        "Geo Location": "Lisbon, Portugal",
    }
    rows = [PROFILE_HEADER, [values.get(h, "") for h in PROFILE_HEADER]]
    return ((BOM if bom else "") + _csv(rows)).encode("utf-8")


@dataclass(frozen=True)
class Job:
    """One row of `Positions.csv`."""

    company: str
    title: str = ""
    description: str = ""
    location: str = ""
    started_on: str = ""  # LinkedIn writes 'Mar 2021'
    finished_on: str = ""  # '' for the current job


def linkedin_positions_csv(jobs: Iterable[Job], *, bom: bool = False) -> bytes:
    """The user's own `Positions.csv`."""
    rows: list[list[str]] = [POSITIONS_HEADER]
    rows += [
        [j.company, j.title, j.description, j.location, j.started_on, j.finished_on] for j in jobs
    ]
    return ((BOM if bom else "") + _csv(rows)).encode("utf-8")


def google_contacts_csv(
    people: Iterable[Person], *, legacy: bool = False, bom: bool = False
) -> bytes:
    """A Google Contacts CSV (current header, or the legacy one with `legacy=True`).

    Several e-mails or phones share one cell joined by ' ::: '; labels start with the system
    label ('* myContacts' or '* My Contacts') that importers must drop.
    """
    header = GOOGLE_LEGACY_HEADER if legacy else GOOGLE_HEADER
    system = "* My Contacts" if legacy else "* myContacts"
    rows: list[list[str]] = [header]
    for p in people:
        websites = [u for u in (p.linkedin_url, *p.websites) if u]
        cells = {
            "Name": p.name,
            "Given Name": p.first,
            "Family Name": p.last,
            "First Name": p.first,
            "Last Name": p.last,
            "File As": p.name,
            "Organization Name": p.company,
            "Organization 1 - Name": p.company,
            "Organization Title": p.title,
            "Organization 1 - Title": p.title,
            "Notes": p.note,
            "Labels": GOOGLE_MULTI.join((system, *p.labels)),
            "Group Membership": GOOGLE_MULTI.join((system, *p.labels)),
            "E-mail 1 - Label": "* Work" if p.emails else "",
            "E-mail 1 - Type": "* Work" if p.emails else "",
            "E-mail 1 - Value": GOOGLE_MULTI.join(p.emails),
            "Phone 1 - Label": "Mobile" if p.phones else "",
            "Phone 1 - Type": "Mobile" if p.phones else "",
            "Phone 1 - Value": GOOGLE_MULTI.join(p.phones),
            "Address 1 - City": p.city,
            "Address 1 - Country": p.country,
            "Location": ", ".join(x for x in (p.city, p.country) if x),
            "Website 1 - Label": "Profile" if websites else "",
            "Website 1 - Type": "Profile" if websites else "",
            "Website 1 - Value": GOOGLE_MULTI.join(websites),
        }
        rows.append([cells.get(h, "") for h in header])
    return ((BOM if bom else "") + _csv(rows)).encode("utf-8")


def _vcard_escape(value: str) -> str:
    """Escape a vCard text value (RFC 6350 section 3.4)."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str, width: int = 75) -> str:
    """Fold a content line at `width` characters with CRLF + space, as vCard writers do."""
    parts = [line[i : i + width] for i in range(0, len(line), width)] or [""]
    return "\r\n ".join(parts)


def vcard_card(person: Person, *, version: str = "3.0", linkedin_as_item: bool = True) -> str:
    """One vCard for `person`; the LinkedIn URL is an Apple-style `item1.URL` when asked."""
    v4 = version.startswith("4")
    lines = [
        "BEGIN:VCARD",
        f"VERSION:{version}",
        f"FN:{_vcard_escape(person.name)}",
        f"N:{_vcard_escape(person.last)};{_vcard_escape(person.first)};;;",
    ]
    if person.company:
        lines.append(f"ORG:{_vcard_escape(person.company)}")
    if person.title:
        lines.append(f"TITLE:{_vcard_escape(person.title)}")
    for email in person.emails:
        lines.append(f"EMAIL;TYPE=work:{email}" if v4 else f"EMAIL;TYPE=INTERNET:{email}")
    for phone in person.phones:
        lines.append(f"TEL;VALUE=uri;TYPE=cell:tel:{phone}" if v4 else f"TEL;TYPE=CELL:{phone}")
    if person.city or person.country:
        lines.append(f"ADR;TYPE=work:;;;{_vcard_escape(person.city)};;;{person.country}")
    if person.linkedin_url:
        if linkedin_as_item:
            url = person.linkedin_url if v4 else person.linkedin_url.replace(":", "\\:")
            lines += [f"item1.URL:{url}", "item1.X-ABLabel:LinkedIn"]
        else:
            lines.append(f"URL:{person.linkedin_url}")
    lines += [f"URL:{u}" for u in person.websites]
    if person.note:
        lines.append(f"NOTE:{_vcard_escape(person.note)}")
    if person.labels:
        lines.append("CATEGORIES:" + ",".join(_vcard_escape(t) for t in person.labels))
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def vcard_file(
    entries: Iterable[Person | str], *, version: str = "3.0", linkedin_as_item: bool = True
) -> bytes:
    """A .vcf file; a `str` entry is inserted verbatim (e.g. MALFORMED_VCARD)."""
    cards = [
        e
        if isinstance(e, str)
        else vcard_card(e, version=version, linkedin_as_item=linkedin_as_item)
        for e in entries
    ]
    return "".join(cards).encode("utf-8")


def markdown_notes(sections: Iterable[tuple[str | None, str]]) -> bytes:
    """Markdown notes: each (heading, body) becomes `# heading` + body; None means no heading."""
    chunks = [body if heading is None else f"# {heading}\n\n{body}" for heading, body in sections]
    return ("\n\n".join(c.strip("\n") for c in chunks) + "\n").encode("utf-8")


def warmline_export_json(contacts: int = 0) -> bytes:
    """A minimal stand-in for a Warmline export: only the top-level key detection relies on."""
    document = {
        "warmline_export": {"version": 1, "created": "2026-01-01T00:00:00"},
        "contacts": [{"name": f"Person {i}"} for i in range(contacts)],
    }
    return json.dumps(document).encode("utf-8")


_FIRST = ["Zoë", "Mateo", "Priya", "Oskar", "Aiyana", "Siobhán", "Kenji", "Amara", "Łukasz", "Inès"]
_LAST = ["Ångström", "Okafor", "Lindqvist", "Ferreira", "Nakamura", "Brennan", "Dubois", "Østby"]
_COMPANIES = ["Northwind Robotics, Inc.", "Globex Analytics", "Initech", "Blue Heron Labs", ""]
_TITLES = ["Staff Engineer", "Product Manager", "Head of Data", "Recruiter", "Designer, UX", ""]


def sample_people(n: int, *, seed: int = 0) -> list[Person]:
    """`n` deterministic invented people with unicode names, quoted commas and unique slugs."""
    rng = random.Random(seed)
    start = date(2017, 1, 1)
    people = []
    for i in range(n):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        slug = f"{first}-{last}-{seed}{i:05d}".lower()
        people.append(
            Person(
                first=first,
                last=last,
                company=rng.choice(_COMPANIES),
                title=rng.choice(_TITLES),
                slug=slug,
                emails=(f"person{seed}.{i}@example.com",) if rng.random() < 0.3 else (),
                connected_on=start + timedelta(days=rng.randrange(3000)),
            )
        )
    return people
