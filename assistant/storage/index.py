"""The Chroma retrieval index: derived from the records, rebuildable, never the only copy."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import REBUILD_HINT, StoreError

if TYPE_CHECKING:  # Chroma costs ~2 s to import: only commands that open the index pay it
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)

KINDS = ("contact", "note", "knowledge", "resource")
BATCH = 512
GET_BATCH = 5000  # ids per lookup, well under SQLite's bound-parameter limit
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class IndexItem:
    id: str
    text: str
    metadata: dict[str, str | int | float | bool]


@dataclass(frozen=True)
class Hit:
    id: str
    score: float  # cosine similarity in [-1, 1], higher is closer
    text: str
    metadata: dict[str, Any]


class SearchIndex:
    """One Chroma collection per kind in a PersistentClient, telemetry off."""

    def __init__(self, path: Path, embeddings: Embeddings) -> None:
        self.path = path
        self.embeddings = embeddings
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        try:
            self.client = chromadb.PersistentClient(
                path=str(path),
                settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True),
            )
        except Exception as e:  # chromadb raises many types; all mean the same to a user
            msg = f"cannot open the search index at {path}: {e}; {REBUILD_HINT}"
            raise StoreError(msg) from e
        self._stores = {kind: self._store(kind) for kind in KINDS}

    def _store(self, kind: str) -> Chroma:
        from langchain_chroma import Chroma

        return Chroma(
            collection_name=f"warmline_{kind}",
            embedding_function=self.embeddings,
            client=self.client,
            collection_metadata={"hnsw:space": "cosine"},
        )

    def embed_query(self, text: str) -> list[float]:
        """One query's vector, to search several collections with (``search_vector``)."""
        return self.embeddings.embed_query(text)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Vectors for texts to store with ``add_vectors``."""
        return self.embeddings.embed_documents(texts)

    def upsert(
        self, kind: str, items: Sequence[IndexItem], progress: Progress | None = None
    ) -> None:
        """Embed and store items in batches, reporting (done, total)."""
        for start in range(0, len(items), BATCH):
            batch = items[start : start + BATCH]
            self.add_vectors(kind, batch, self.embed_documents([i.text for i in batch]))
            if progress:
                progress(min(start + BATCH, len(items)), len(items))

    def add_vectors(
        self, kind: str, items: Sequence[IndexItem], vectors: Sequence[list[float]]
    ) -> None:
        """Store items whose vectors are already computed (upsert: ids may exist)."""
        if items:
            self._stores[kind]._collection.upsert(
                ids=[i.id for i in items], embeddings=np.asarray(vectors, dtype=np.float32),
                documents=[i.text for i in items],
                metadatas=[{"kind": kind, **i.metadata} for i in items],
            )

    def delete(self, kind: str, ids: Iterable[str]) -> None:
        """Remove vectors by id (missing ids are fine)."""
        id_list = list(ids)
        if id_list:
            self._stores[kind].delete(ids=id_list)

    def search(
        self, kind: str, query: str, k: int = 10, where: dict[str, Any] | None = None
    ) -> list[Hit]:
        """The ``k`` items closest in meaning to ``query``."""
        if not query.strip() or self.count(kind) == 0:
            return []
        return self.search_vector(kind, self.embed_query(query), k, where)

    def search_vector(
        self, kind: str, vector: list[float], k: int = 10, where: dict[str, Any] | None = None
    ) -> list[Hit]:
        """The ``k`` items closest to an already embedded query (embed once, search many)."""
        count = self.count(kind)
        if count == 0:
            return []
        results = self._stores[kind].similarity_search_by_vector_with_relevance_scores(
            vector, k=min(k, count), filter=where
        )
        return [
            Hit(str(doc.id), 1.0 - float(distance), doc.page_content, dict(doc.metadata))
            for doc, distance in results
        ]

    def ids(self, kind: str) -> set[str]:
        """Every id stored for a kind."""
        return set(self._stores[kind].get(include=[])["ids"])

    def has(self, kind: str, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored for a kind (without reading every id)."""
        id_list = list(dict.fromkeys(ids))
        found: set[str] = set()
        for start in range(0, len(id_list), GET_BATCH):
            got = self._stores[kind]._collection.get(ids=id_list[start : start + GET_BATCH],
                                                     include=[])
            found.update(got["ids"])
        return found

    def count(self, kind: str) -> int:
        return int(self._stores[kind]._collection.count())

    def reset(self, kind: str) -> None:
        """Drop and recreate one kind's collection."""
        self._stores[kind].delete_collection()
        self._stores[kind] = self._store(kind)
