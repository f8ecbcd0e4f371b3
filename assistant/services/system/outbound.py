"""What leaves your machine: a preview of a draft's prompt, and the log of prompts sent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from assistant.llm.chat import ChatBackend
from assistant.services.contacts.service import ContactsService
from assistant.services.outreach.service import OutreachService
from assistant.storage.outbound import OutboundEntry, OutboundLog, leaves_machine


@dataclass(frozen=True)
class OutboundPreview:
    """The request a draft would make: where to, which model, and every message in full."""

    endpoint: str  # "" for the offline engine: nothing is sent
    model: str
    leaves_machine: bool
    messages: list[dict[str, str]]

    def to_json(self) -> dict[str, Any]:
        return self.__dict__.copy()

    def summary(self) -> str:
        """One line a person can act on."""
        if not self.endpoint:
            return ("The offline engine is in use: nothing is sent anywhere. With a model "
                    "configured, these messages would be sent to it.")
        where = "LEAVES this machine" if self.leaves_machine else "stays on this machine"
        chars = sum(len(m["content"]) for m in self.messages)
        return (f"Sent to {self.endpoint} ({self.model}): {where}. {len(self.messages)} "
                f"messages, {chars} characters.")


class OutboundService:
    """Shows what a draft would send, and the log of what was sent; clears the log."""

    def __init__(self, log: OutboundLog, outreach: OutreachService, contacts: ContactsService,
                 backend: Callable[[], ChatBackend | None]) -> None:
        self.log = log
        self.outreach = outreach
        self.contacts = contacts
        self.backend = backend

    def preview_draft(self, kind: str, contact: str, channel: str = "linkedin-dm",
                      to: str = "") -> OutboundPreview:
        """Exactly what a ``kind`` draft to ``contact`` (name or id) would send; sends nothing."""
        person = self.contacts.find(contact)
        other = self.contacts.find(to).id if to.strip() else None
        messages = self.outreach.prompt_preview(kind, person.id, channel, to_id=other)
        backend = self.backend()
        if backend is None:
            return OutboundPreview("", "offline", False, messages)
        return OutboundPreview(backend.base_url, backend.label, leaves_machine(backend.base_url),
                               messages)

    def entries(self, limit: int = 200) -> list[OutboundEntry]:
        """The prompts sent to models, newest first."""
        return self.log.entries(limit)

    def clear(self) -> int:
        """Delete the outbound log; how many requests it held."""
        return self.log.clear()
