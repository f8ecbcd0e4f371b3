"""Putting the coach together from the app's services (called by the composition root)."""

from __future__ import annotations

from collections.abc import Callable

from assistant.llm.chat import ChatBackend
from assistant.llm.embeddings import Embeddings
from assistant.llm.prompts import PromptLibrary
from assistant.services.coach.actions import Tools
from assistant.services.coach.agent import ToolRouter
from assistant.services.coach.features import Features
from assistant.services.coach.names import Person
from assistant.services.coach.router import ExampleIndex, Router
from assistant.services.coach.service import CoachService
from assistant.services.contacts.service import ContactsService
from assistant.services.outreach.service import OutreachService
from assistant.services.story.pitch import PitchService
from assistant.storage.chat import ChatStore


def people_of(contacts: ContactsService) -> list[Person]:
    """Every contact as the router sees them."""
    return [Person(c.id, c.name, c.company) for c in contacts.list_contacts()]


def build_coach(features: Features, contacts: ContactsService, outreach: OutreachService,
                pitch: PitchService, chats: ChatStore, embeddings: Embeddings,
                prompts: PromptLibrary | None = None,
                backend: Callable[[], ChatBackend | None] | None = None) -> CoachService:
    """The coach over the app's services and the ``features`` the composition root passes in.

    With ``prompts`` and ``backend``, a configured model routes by tool calling.
    """

    def people() -> list[Person]:
        return people_of(contacts)

    router = Router(ExampleIndex(embeddings), people)
    tools = Tools(contacts, outreach, pitch, features)
    coach = CoachService(router, tools, chats, people)
    if prompts is not None and backend is not None:
        coach.agent = ToolRouter(backend, prompts, router, people)
    return coach
