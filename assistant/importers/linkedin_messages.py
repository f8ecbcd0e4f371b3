"""Parse LinkedIn's `messages.csv` into interactions keyed by the other person's slug or name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

from assistant.domain import Direction, Interaction
from assistant.errors import ImportFileError
from assistant.importers.base import ParsedFile, SkippedRow
from assistant.importers.dates import parse_date
from assistant.importers.decoding import decode_text
from assistant.importers.direction import classify_direction
from assistant.importers.linkedin_url import linkedin_slug
from assistant.importers.tabular import HeaderSpec, Row, read_table

FORMAT = "linkedin-messages"
SOURCE = "linkedin"
EXAMPLE_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
    "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER"
)
HEADER = HeaderSpec.of(["conversation id", "from", "to", "date", "content"])
SUMMARY_CHARS = 140
_TAG = re.compile(r"<[^>]{0,200}>")


@dataclass(frozen=True)
class Party:
    """One participant as the export names them."""

    name: str
    slug: str

    @property
    def key(self) -> str:
        """The key the store resolves: the LinkedIn slug when known, else the name."""
        return self.slug or self.name

    @property
    def identity(self) -> str:
        """A case-insensitive identity used to count conversations."""
        return self.slug or self.name.casefold()


@dataclass(frozen=True)
class Message:
    """One readable message row."""

    line: int
    conversation: str
    sender: Party
    recipients: tuple[Party, ...]
    when: date
    text: str


def parse_linkedin_messages(
    data: bytes, *, owner_slug: str = "", owner_name: str = ""
) -> ParsedFile:
    """Parse a messages export; the owner is given or inferred as the most-present participant."""
    table = read_table(decode_text(data), HEADER)
    if table is None:
        msg = f"no LinkedIn messages header row found; expected a header like '{EXAMPLE_HEADER}'"
        raise ImportFileError(msg)
    parsed = ParsedFile(format=FORMAT, skipped=list(table.skipped))
    messages: list[Message] = []
    for row in table.rows:
        message = _message(row)
        if isinstance(message, SkippedRow):
            parsed.skipped.append(message)
        else:
            messages.append(message)
    messages = _fill_slugs(messages)
    owner = _owner(messages, owner_slug=owner_slug, owner_name=owner_name)
    for message in messages:
        found = _interactions(message, owner)
        if isinstance(found, SkippedRow):
            parsed.skipped.append(found)
        else:
            parsed.interactions.extend(found)
    parsed.skipped.sort(key=lambda s: s.row)
    return parsed


def _message(row: Row) -> Message | SkippedRow:
    """Read one row into a Message, or say why it was skipped."""
    if row.get("is message draft").lower() in {"yes", "true"}:
        return SkippedRow(row=row.line, reason="draft message (never sent)")
    if row.get("folder").lower() == "spam":
        return SkippedRow(row=row.line, reason="spam folder")
    when = parse_date(row.get("date"))
    if when is None:
        return SkippedRow(row=row.line, reason=f"unreadable date {row.get('date')!r}")
    sender = Party(row.get("from"), linkedin_slug(row.get("sender profile url")))
    recipients = _recipients(row.get("to"), row.get("recipient profile urls"))
    if not sender.key or not recipients:
        return SkippedRow(row=row.line, reason="no sender or no recipient")
    conversation = row.get("conversation id", "conversation title") or f"line {row.line}"
    text = row.get("content") or row.get("subject")
    return Message(row.line, conversation, sender, recipients, when, text)


def _recipients(names: str, urls: str) -> tuple[Party, ...]:
    """Pair the TO names with the recipient URLs; group chats list several of each."""
    slugs = [linkedin_slug(u) for u in re.split(r"[,\s]+", urls) if u]
    if len(slugs) <= 1:
        party = Party(names, slugs[0] if slugs else "")
        return (party,) if party.key else ()
    split = [n.strip() for n in names.split(",")]
    if len(split) != len(slugs):
        # Names with commas ("Lee, PhD") make the pairing ambiguous; the slugs are enough.
        split = [""] * len(slugs)
    return tuple(Party(n, s) for n, s in zip(split, slugs, strict=True) if n or s)


def _fill_slugs(messages: list[Message]) -> list[Message]:
    """Give a slug to name-only parties whose slug another row reveals, so counts line up."""
    known = {
        p.name.casefold(): p.slug
        for m in messages
        for p in (m.sender, *m.recipients)
        if p.slug and p.name
    }

    def fill(party: Party) -> Party:
        if party.slug or party.name.casefold() not in known:
            return party
        return Party(party.name, known[party.name.casefold()])

    return [
        replace(m, sender=fill(m.sender), recipients=tuple(fill(p) for p in m.recipients))
        for m in messages
    ]


def _owner(messages: list[Message], *, owner_slug: str, owner_name: str) -> str:
    """The identity of the export's owner: given by the caller, else the most-present party."""
    if owner_slug or owner_name:
        wanted = (linkedin_slug(owner_slug) or owner_slug.strip().lower()) or (
            owner_name.strip().casefold()
        )
        for message in messages:
            for party in (message.sender, *message.recipients):
                if wanted in {party.slug, party.name.casefold()}:
                    return party.identity
        if messages:
            msg = f"the owner {owner_slug or owner_name!r} appears in no message of this export"
            raise ImportFileError(msg)
        return wanted
    presence: dict[str, set[str]] = defaultdict(set)
    sent: Counter[str] = Counter()
    for message in messages:
        sent[message.sender.identity] += 1
        for party in (message.sender, *message.recipients):
            presence[party.identity].add(message.conversation)
    if not presence:
        return ""
    # Ties (one conversation, two people) go to whoever sent more, then to the first seen.
    order = {identity: i for i, identity in enumerate(presence)}
    return max(presence, key=lambda p: (len(presence[p]), sent[p], -order[p]))


def _interactions(message: Message, owner: str) -> list[tuple[str, Interaction]] | SkippedRow:
    """One interaction per other participant, seen from the owner's side."""
    if message.sender.identity == owner:
        direction = classify_direction(message.text)
        others = [p for p in message.recipients if p.identity != owner]
    elif any(p.identity == owner for p in message.recipients):
        direction = Direction.NEUTRAL
        others = [message.sender]
    else:
        return SkippedRow(row=message.line, reason="you are neither the sender nor a recipient")
    summary = summarise(message.text)
    return [
        (
            other.key,
            Interaction(
                contact_id="",
                when=message.when,
                channel="linkedin",
                direction=direction,
                kind="message",
                summary=summary,
                source=SOURCE,
            ),
        )
        for other in others
    ]


def summarise(text: str, limit: int = SUMMARY_CHARS) -> str:
    """Strip markup, collapse whitespace and cut at a word boundary near `limit` characters."""
    flat = " ".join(_TAG.sub(" ", text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(" ,.;:") + "…"
