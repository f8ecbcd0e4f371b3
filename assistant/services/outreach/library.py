"""The user's resource library: links and notes to share, matched to a person's interests."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.domain import Contact, Note
from assistant.drafting.language.hooks import topic_words
from assistant.errors import InputError
from assistant.storage import resources
from assistant.storage.index import SearchIndex
from assistant.storage.records import RecordStore
from assistant.storage.resources import Resource
from assistant.storage.sync import IndexSync
from assistant.text import ellipsize

MIN_SCORE = 0.25
# A resource that names the detail's own topic word (checked below) may score lower: the
# detail is one sentence, not a list of interests.
ABOUT_MIN_SCORE = 0.15  # below this, nothing in the library fits the person well enough to share
SUMMARY_CHARS = 160
TITLE_CHARS = 120


@dataclass(frozen=True)
class Match:
    """A resource picked for a person: where it came from and why it fits."""

    id: str
    kind: str  # "resource" (the user's library) or "knowledge" (shipped guides)
    title: str
    summary: str
    url: str
    score: float

    @property
    def snippet(self) -> str:
        return f"{self.title}: {self.summary}" + (f" ({self.url})" if self.url else "")


class ResourceLibrary:
    """Add, list and delete resources; find the one that fits a contact best."""

    def __init__(self, records: RecordStore, index: SearchIndex, sync: IndexSync) -> None:
        self.records = records
        self.index = index
        self.sync = sync

    def add(self, title: str, *, url: str = "", note: str = "",
            topics: list[str] | None = None) -> Resource:
        """Keep a link or note to pass on; record first, then the index."""
        resource = _checked(Resource(title=title, url=url, note=note, topics=topics or []))
        resources.put(self.records.db, resource)
        self.sync.reconcile()
        return resource

    def update(self, resource_id: str, title: str, *, url: str = "", note: str = "",
               topics: list[str] | None = None) -> Resource:
        """Change a resource's title, link, note and topics; the index follows."""
        resources.get(self.records.db, resource_id)  # a clear error for an unknown id
        resource = _checked(Resource(id=resource_id, title=title, url=url, note=note,
                                     topics=topics or []))
        resources.put(self.records.db, resource)
        self.sync.reconcile()
        return resource

    def get(self, resource_id: str) -> Resource:
        """One resource, or a one-line error."""
        return resources.get(self.records.db, resource_id)

    def all(self) -> list[Resource]:
        """Every resource, by title."""
        return resources.all_resources(self.records.db)

    def delete(self, resource_id: str) -> None:
        """Forget a resource everywhere."""
        resources.delete(self.records.db, resource_id)
        self.sync.reconcile()

    def match(self, contact: Contact, notes: list[Note], about: str | None = None) -> Match | None:
        """The resource (the user's own first, then the shipped guides) that fits them best.

        ``about``: the detail the draft is built on (its hook). A resource is then offered only
        when it is about that detail too, so a ceramics hobbyist never gets a guide to intros.
        """
        if about is not None and not about.strip():
            return None  # no detail to hang a resource on: share nothing
        query = " ".join([about, *contact.interests] if about
                         else [*contact.interests, *(n.text for n in notes[:1])])
        query = query.strip()
        if not query:
            return None
        vector = self.index.embed_query(query)
        for kind in (resources.KIND, "knowledge"):
            if self.index.count(kind) == 0:
                continue
            hits = [h for h in self.index.search_vector(kind, vector, k=5)
                    if h.score >= (ABOUT_MIN_SCORE if about else MIN_SCORE)
                    and (about is None or shares_topic(h.text, about))]
            if hits:
                hit = hits[0]
                title = str(hit.metadata.get("title", ""))
                summary = hit.text.removeprefix(f"{title}. ").split("\n")[0]
                if kind == resources.KIND:
                    summary = resources.get(self.records.db, hit.id).note or summary
                return Match(hit.id, kind, title, ellipsize(summary, SUMMARY_CHARS),
                             str(hit.metadata.get("url", "")), hit.score)
        return None


def _checked(resource: Resource) -> Resource:
    """A resource with a title, an http(s) link or none, trimmed fields and distinct topics."""
    title, url = resource.title.strip(), resource.url.strip()
    if not title:
        msg = "a resource needs a title"
        raise InputError(msg)
    if url and (not url.startswith(("http://", "https://")) or any(c.isspace() for c in url)):
        msg = f"a resource link starts with http:// or https:// and has no spaces (got '{url}')"
        raise InputError(msg)
    topics = list(dict.fromkeys(t.strip() for t in resource.topics if t.strip()))
    return resource.model_copy(update={"title": ellipsize(title, TITLE_CHARS), "url": url,
                                       "note": resource.note.strip(), "topics": topics})


def shares_topic(resource_text: str, detail: str) -> bool:
    """Whether a resource and a detail share a content word ("marathon", "ceramics")."""
    return bool((topic_words(resource_text) & topic_words(detail)) - _GENERIC)


# Words any two texts about people share ("with two friends on weekends"): never a topic.
_GENERIC = frozenset("friend weekend family people person small big little two three four place "
                     "home night morning evening today week month year life lot way kid "
                     "introduce introduction email short long".split())
