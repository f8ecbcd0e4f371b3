"""Outreach drafts: give-first messages grounded in what the user remembers about a person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.domain import Contact, Direction, Draft, Interaction, Note, Source
from assistant.drafting.guard import Limits
from assistant.drafting.offline import outreach as offline
from assistant.drafting.offline.injection import untrusted_contact
from assistant.drafting.writer import Writer, WriteRequest
from assistant.errors import InputError
from assistant.storage.index import SearchIndex
from assistant.storage.records import RecordStore
from assistant.storage.sync import IndexSync
from assistant.text import ellipsize

CHANNEL_LIMITS = {
    "linkedin-note": Limits(max_chars=300),  # LinkedIn's hard limit on connection notes
    "linkedin-dm": Limits(max_chars=1900, max_words=200),
    "email": Limits(max_words=200),
    "text": Limits(max_chars=480),
}
KINDS = offline.KINDS
MIN_RESOURCE_SCORE = 0.25
RESOURCE_SUMMARY_CHARS = 160
SUMMARY_CHARS = 140  # an interaction's summary in the log


def context_block(label: str, lines: list[str]) -> str:
    """Untrusted user data, fenced so the prompt can tell the model it is data, not orders."""
    body = "\n".join(f"- {line}" for line in lines) or "- (none)"
    return f"<<<{label}\n{body}\n{label}>>>"


class OutreachService:
    """Drafts messages to contacts and logs the ones the user sends."""

    def __init__(
        self, records: RecordStore, index: SearchIndex, sync: IndexSync, writer: Writer
    ) -> None:
        self.records = records
        self.index = index
        self.sync = sync
        self.writer = writer

    def draft(
        self, kind: str, contact_id: str, channel: str = "linkedin-dm",
        to_id: str | None = None, seed: str = "", variant: int = 0,
        on_token: Callable[[str], None] | None = None,
    ) -> Draft:
        """Write a ``kind`` message to a contact for a channel (``to_id``: an intro's other
        person; ``seed`` or ``variant`` > 0: another phrasing, for "regenerate")."""
        if kind not in KINDS:
            msg = f"unknown draft kind '{kind}'; choose one of: {', '.join(KINDS)}"
            raise InputError(msg)
        if channel not in CHANNEL_LIMITS:
            msg = f"unknown channel '{channel}'; choose one of: {', '.join(CHANNEL_LIMITS)}"
            raise InputError(msg)
        # Imported fields are data: an order in a LinkedIn Position reaches no draft or source.
        contact = untrusted_contact(self.records.get_contact(contact_id))
        notes = offline.factual_notes(self.records.notes_for(contact.id))[:3]
        profile = self.records.get_profile()
        resource = self._resource_for(contact, notes)
        limits = CHANNEL_LIMITS[channel]
        sources = self._sources(contact, notes, resource)
        to = self.records.get_contact(to_id) if to_id else None
        if to is not None:  # an intro names the other person: their record is a source too
            sources.append(Source(id=to.id, kind="contact",
                                  snippet=f"{to.name}, {to.title} at {to.company}"))
        seed = f"{contact.id}:{kind}:{date.today().isocalendar().week}{seed}"
        seed += f":{variant}" if variant else ""
        written: list[offline.OfflineDraft] = []

        def write_offline() -> str:
            written.append(offline.write(
                kind, channel, contact, notes,
                (resource[1], resource[2]) if resource else None, profile, seed, to=to))
            return written[-1].text

        result = self.writer.write(
            WriteRequest(
                task=f"outreach_{kind}",
                variables={
                    "channel": channel,
                    "max_chars": str(limits.max_chars or 1900),
                    "contact": context_block(
                        "CONTACT",
                        [
                            f"name: {contact.name}",
                            f"role: {contact.title} at {contact.company}",
                            "interests: " + ", ".join(contact.interests),
                        ] + ([f"introduce them to: {to.name}, {to.title} at {to.company}"]
                             if to else []),
                    ),
                    "notes": context_block("NOTES", [f"{n.created}: {n.text}" for n in notes]),
                    "resource": context_block(
                        "RESOURCE", [f"{resource[1]}: {resource[2]}"] if resource else []
                    ),
                    "sender": profile.name or "(no name given)",
                },
                offline=write_offline,
                # A note's date is the user's material too: "on 11 June" from it is not made up.
                sources=[s.snippet for s in sources]
                + [offline.note_date(n.created) for n in notes]
                + [profile.name],
                limits=limits,
                recipient=contact.name,
                notes=[n.text for n in notes],
                on_token=on_token,
            )
        )
        subject = written[-1].subject if written and result.engine == "offline" else ""
        return Draft(
            subject=subject,
            text=result.text,
            kind=kind,
            channel=channel,
            engine=result.engine,
            sources=sources,
            notice=result.notice,
        )

    def mark_sent(self, contact_id: str, draft: Draft) -> Interaction:
        """Log a sent draft as a give-first touch; it resets the check-in clock."""
        contact = self.records.get_contact(contact_id)
        item = Interaction(
            contact_id=contact.id,
            channel=draft.channel,
            direction=Direction.GAVE,
            kind=draft.kind,
            summary=ellipsize(draft.text, SUMMARY_CHARS),
            source="warmline",
        )
        with self.records.db.transaction() as conn:
            self.records.put_interaction(item, conn)
            contact.last_contacted = item.when
            self.records.put_contact(contact, conn)
        self.sync.reconcile()
        return item

    def _resource_for(self, contact: Contact, notes: list[Note]) -> tuple[str, str, str] | None:
        query = " ".join(contact.interests) or " ".join(n.text for n in notes[:1])
        hits = self.index.search("knowledge", query, k=1) if query else []
        if not hits or hits[0].score < MIN_RESOURCE_SCORE:
            return None
        hit = hits[0]
        title = str(hit.metadata.get("title", ""))
        summary = hit.text.removeprefix(f"{title}. ").split("\n")[0]
        return hit.id, title, ellipsize(summary, RESOURCE_SUMMARY_CHARS)

    @staticmethod
    def _sources(
        contact: Contact, notes: list[Note], resource: tuple[str, str, str] | None
    ) -> list[Source]:
        sources = [
            Source(
                id=contact.id,
                kind="contact",
                snippet=(
                    f"{contact.name}, {contact.title} at {contact.company}; "
                    f"interests: {', '.join(contact.interests)}"
                ),
            )
        ]
        sources += [Source(id=n.id, kind="note", snippet=n.text) for n in notes]
        if resource:
            sources.append(
                Source(id=resource[0], kind="knowledge", snippet=f"{resource[1]}: {resource[2]}")
            )
        return sources
