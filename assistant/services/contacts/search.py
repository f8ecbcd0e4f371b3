"""Hybrid contact search: exact and fuzzy names and companies, plus meaning, in one ranking."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.domain import Contact, Note
from assistant.errors import InputError
from assistant.services.contacts.name_index import ContactRow, LexicalIndex, query_words
from assistant.services.contacts.query_rewrite import NO_MODEL, Rewrite
from assistant.services.contacts.search_results import Found, SearchResult
from assistant.services.contacts.thesaurus import Thesaurus, coverage, rewrite_slot
from assistant.storage.index import Hit, SearchIndex
from assistant.storage.records import RecordStore
from assistant.text import ellipsize, normalize

log = logging.getLogger(__name__)

# Semantic similarities below this are noise for all-MiniLM (unrelated texts score ~0-0.15).
MIN_SIMILARITY = 0.2
FULLTEXT_WEIGHT = 0.8  # every query word in a profile or note: good, below a name match
BM25_SHARE = 0.09  # orders rows that hold as much of the query; below 1 - SYNONYM_CREDIT, so
# a synonym never outranks the user's own word
# Each further kind of evidence (keywords and meaning agree) lifts a result a little less.
SUPPORT_WEIGHTS = (0.3, 0.15)
# A model's other ways of saying the query (opt-in) count less than the team's thesaurus: the
# model does not know the user's network, and small models wander.
MODEL_CREDIT = 0.8
# When the query is only an employer's name, a role ("Analyst at Acme") and notes about Acme
# restate it: they only order people the name match ranks equally.
TIE_BREAK = 0.05
SNIPPET_CHARS = 80
MAX_SEMANTIC = 200
MAX_FULLTEXT = 100
MAX_LEXICAL = 300
MAX_CATCH_UP = 2000  # changed contacts applied one by one; past this a rebuild is as quick
MIN_SCORE = 0.02  # below this a result is only the semantic noise floor
# A contact found by meaning alone needs this cosine similarity. Calibrated on the retrieval
# sets (evals/datasets/retrieval*.jsonl) and 40 nonsense queries: every relevant meaning-only
# hit in the dev set is >= 0.43, most keyboard mashes and punctuation score 0.2-0.35 ("???" 0.25);
# real paraphrases reach down to ~0.31 ("renewable energy startups" / "climate tech" 0.315).
MEANING_FLOOR = 0.30
EXACT_SCORE = 0.85  # a name or employer the query spells out: a match apart from the rest
RESOLVE_SCORE = 0.85  # a loosely typed name must match this well, and clearly best
MODES = ("hybrid", "lexical", "semantic")
# A search is a few words; a pasted megabyte cost 42 s of CPU per request before this cap.
MAX_QUERY_CHARS = 500
MAX_RESULTS = 500
MAX_FILTER_CHARS = 200
FIELDS = ("name", "company", "past_company")
VIA = "warmline_via"  # a hit's metadata key: the other wording of the query that found it


@dataclass
class _Candidate:
    """One contact's evidence: the best score of each kind, and one reason per source."""

    lexical: float = 0.0  # name or (past) company
    profile: float = 0.0  # role, interests, how we met: by keywords or by meaning
    notes: float = 0.0  # a note: by keywords or by meaning
    company_only: bool = False  # the query names the contact's (past) employer, nothing else
    meaning: float = 0.0  # the best cosine similarity of a profile phrase or note
    keyword: bool = False  # a profile or note holds the query's words
    reasons: dict[str, str] = field(default_factory=dict)

    @property
    def weak(self) -> bool:
        """Found by meaning alone, and not clearly: below the floor it is noise."""
        return not self.lexical and not self.keyword and self.meaning < MEANING_FLOOR

    @property
    def meaning_only(self) -> bool:
        return not self.lexical and not self.keyword

    @property
    def score(self) -> float:
        """The best source, lifted by each other source that agrees (one text never counts
        twice: a keyword and a meaning match on the same profile are one piece of evidence)."""
        if self.company_only:
            return self.lexical + TIE_BREAK * max(self.profile, self.notes)
        ranked = sorted((self.lexical, self.profile, self.notes), reverse=True)
        return ranked[0] + sum(w * s for w, s in zip(SUPPORT_WEIGHTS, ranked[1:], strict=True))

    def because(self, key: str, reason: str) -> None:
        self.reasons.setdefault(key, reason)


class SearchService:
    """Ranks contacts by name, company and meaning; also serves grounding for drafts and goals."""

    def __init__(
        self, records: RecordStore, index: SearchIndex, thesaurus: Thesaurus | None = None,
        min_similarity: float = MIN_SIMILARITY,
        rewrite: Callable[[str], Rewrite] | None = None,
        knows_word: Callable[[str], bool] | None = None,
    ) -> None:
        self.records = records
        # Whether the embedding model knows a word whole (``OnnxMiniLMEmbeddings.knows``): a
        # query it knows none of ("kjhkjh", "???") has no meaning to match, only its spelling.
        self.knows_word = knows_word
        self.index = index
        self.rewrite = rewrite  # other wordings of a query, from a model (``QueryRewriter``)
        self.thesaurus = thesaurus if thesaurus is not None else Thesaurus([])
        self.min_similarity = min_similarity
        self._lexicon: LexicalIndex | None = None
        self._built_version = -1
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="warmline-search")

    # -- the in-memory lexical index ------------------------------------------------------
    def lexicon(self) -> LexicalIndex:
        """The name/company index: built once, then caught up with each changed contact (or
        rebuilt, after more changes than that is worth)."""
        with self._lock:
            version = self.records.contacts_version
            if self._lexicon is not None and version == self._built_version:
                return self._lexicon
            lexicon = self._lexicon
            changed = None if lexicon is None else self.records.changed_since(self._built_version)
            if lexicon is not None and changed is not None and len(changed) <= MAX_CATCH_UP:
                ids = list(dict.fromkeys(changed))
                rows = self.records.contact_rows_for(ids)
                lexicon.update(ids, (ContactRow.from_record(r) for r in rows))
                log.debug("lexical index caught up with %d contacts", len(ids))
            else:
                lexicon = LexicalIndex(ContactRow.from_record(r)
                                       for r in self.records.contact_rows())
                log.debug("lexical index rebuilt: %d contacts", len(lexicon))
            self._lexicon, self._built_version = lexicon, version
            return lexicon

    def warm(self) -> Future[LexicalIndex]:
        """Build the name/company index in the background (2 s at 50k contacts), so the
        user's first search does not wait for it."""
        return self._pool.submit(self.lexicon)

    def close(self) -> None:
        """Finish background work (a warm-up) before the store it reads is closed."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    # -- search ---------------------------------------------------------------------------
    def find(self, query: str, *, expand: bool = False, **options: Any) -> Found:
        """``search``; with ``expand``, first ask the model for other ways of saying it."""
        check_query(query)
        rewrite = None
        if expand and query.strip():
            rewrite = (self.rewrite(query) if self.rewrite is not None
                       else Rewrite(query, notice=NO_MODEL))
        return Found(self.search(query, also=rewrite.terms if rewrite else (), **options),
                     rewrite)

    def search(
        self, query: str, *, k: int = 20, tier: str = "", tag: str = "", company: str = "",
        fields: tuple[str, ...] = FIELDS, mode: str = "hybrid", also: Sequence[str] = (),
    ) -> list[SearchResult]:
        """Contacts best matching ``query`` (names, companies, profiles, notes), best first.

        ``mode`` "lexical" uses names, companies and keywords only; "semantic" only meaning.
        ``also`` are other ways of saying the query (a model's, see ``QueryRewriter``): profiles
        and notes that say one of them count, a little less than the user's own words.
        """
        if mode not in MODES:
            msg = f"unknown search mode '{mode}'; use one of {', '.join(MODES)}"
            raise InputError(msg)
        check_query(query, k=k, filters=(tier, tag, company))
        lexicon = self.lexicon()
        allowed = lexicon.filtered(tier=tier, tag=tag, company=company)
        if not query.strip():
            return [self._result(lexicon.contact(cid), 0.0, ["filters"] if allowed is not None
                                 else []) for cid in lexicon.by_name(allowed)[:k]]
        # Enough semantic candidates to survive the filters, but bounded. The query is embedded
        # and searched while the lexical match runs here (ONNX and Chroma release the GIL).
        wide = min(k * 3 if allowed is None else k * 10, MAX_SEMANTIC)
        meaning = (self._pool.submit(self._meaning, query, wide, also) if mode != "lexical"
                   else None)
        candidates: dict[str, _Candidate] = {}

        def candidate(contact_id: str) -> _Candidate | None:
            if contact_id not in lexicon or (allowed is not None and contact_id not in allowed):
                return None
            return candidates.setdefault(contact_id, _Candidate())

        if mode != "semantic":
            # Matches arrive best first; past a few hundred ("labs" at 50k) they only cost time.
            for match in lexicon.match(query, fields=fields, limit=MAX_LEXICAL):
                if cand := candidate(match.contact_id):
                    cand.lexical = match.score
                    cand.company_only = match.company_only
                    for number, why in enumerate(match.why):
                        cand.because(f"lexical{number}", why)
            self._add_keywords(query, candidate, also)
        if meaning is not None:
            phrase_hits, note_hits = meaning.result()
            for hit in phrase_hits:
                strength = self._strength(hit.score)
                for contact_id in lexicon.with_phrase(hit.id):
                    if (cand := candidate(contact_id)) and strength > cand.profile:
                        cand.profile = strength
                        cand.meaning = max(cand.meaning, hit.score)
                        cand.reasons["profile"] = f"profile: '{_snippet(hit.text)}'{_via(hit)}"
            for hit in note_hits:
                owner = str(hit.metadata.get("contact_id") or "")
                if cand := candidate(owner):
                    cand.notes = max(cand.notes, self._strength(hit.score))
                    cand.meaning = max(cand.meaning, hit.score)
                    cand.because(f"note:{hit.id}",
                                 f"note: '{passage(hit.text, query)}'{_via(hit)}")
        return self._ranked(candidates, lexicon, k, meaningful=self.has_meaning(query))

    def has_meaning(self, query: str) -> bool:
        """Whether the query holds a word the embedding model knows (always, when the model
        cannot say): without one, a similarity is noise however high ("kjhkjh" is 0.39 from
        "basketball"), so only names and keywords can match."""
        if self.knows_word is None:
            return True
        return any(self.knows_word(w) for w in query_words(query) if len(w) > 2 and w.isalpha())

    def _ranked(self, candidates: dict[str, _Candidate], lexicon: LexicalIndex,
                k: int, meaningful: bool = True) -> list[SearchResult]:
        """Best first, weak meaning matches cut (all of them when the query has no meaning);
        when a name or employer matches exactly, those matches come first and what only
        meaning found follows as "related"."""
        kept = {cid: c for cid, c in candidates.items() if c.score >= MIN_SCORE and not c.weak
                and (meaningful or not c.meaning_only)}
        exact = {cid for cid, c in kept.items() if c.lexical >= EXACT_SCORE}

        def label(cid: str) -> str:
            if cid in exact:
                return "exact"
            return "related" if exact and kept[cid].meaning_only else "match"

        labels = {cid: label(cid) for cid in kept}
        ranked = sorted(kept, key=lambda cid: (labels[cid] == "related", -kept[cid].score,
                                                 lexicon.contact(cid).name))
        return [self._result(lexicon.contact(cid), kept[cid].score,
                             list(kept[cid].reasons.values()), labels[cid])
                for cid in ranked[:k]]

    def _add_keywords(
        self, query: str, candidate: Callable[[str], _Candidate | None], also: Sequence[str]
    ) -> None:
        """Keyword evidence from profiles and notes: the share of the query's words a row
        holds (stemmed: "designer" finds "designers"; the thesaurus lets "lost their job"
        find "laid off"), then BM25 among equals."""
        words = query_words(query)
        slots = self.thesaurus.slots(query)
        if also and (rewritten := rewrite_slot(query, also, MODEL_CREDIT)):
            slots.append(rewritten)
        terms = dict.fromkeys([*words, *(phrase for s in slots for phrase in s.phrases)])
        hits = self.records.text_search(list(terms), MAX_FULLTEXT)
        top = max((h.score for h in hits), default=0.0)
        for hit in hits:
            cand = candidate(hit.owner)
            if cand is None or top <= 0:
                continue
            held = coverage(words, slots, hit.marked)
            strength = held.share * (1 - BM25_SHARE + BM25_SHARE * hit.score / top)
            another_way = f" ({', '.join(held.said)})" if held.said else ""
            cand.keyword = cand.keyword or strength > 0
            if hit.kind == "note":
                cand.notes = max(cand.notes, FULLTEXT_WEIGHT * strength)
                cand.because(f"note:{hit.item}",
                             f"note: '{_snippet(hit.snippet)}'{another_way}")
            else:
                cand.profile = max(cand.profile, FULLTEXT_WEIGHT * strength)
                cand.because("keywords",
                             f"profile mentions '{_snippet(hit.snippet)}'{another_way}")

    def _meaning(self, query: str, k: int,
                 also: Sequence[str] = ()) -> tuple[list[Hit], list[Hit]]:
        """Phrase and note hits for the query's embedding (and, counting ``MODEL_CREDIT``,
        for those of its other wordings), the best of each text."""
        if self.index.count("contact") + self.index.count("note") == 0:
            return [], []
        vectors = [self.index.embed_query(query)]
        vectors += self.index.embed_documents(list(also)) if also else []
        wordings = [query, *also]
        return (self._best_hits("contact", wordings, vectors, k),
                self._best_hits("note", wordings, vectors, k))

    def _best_hits(self, kind: str, wordings: list[str], vectors: list[list[float]],
                   k: int) -> list[Hit]:
        best: dict[str, Hit] = {}
        for number, (wording, vector) in enumerate(zip(wordings, vectors, strict=True)):
            for hit in self._above_floor(self.index.search_vector(kind, vector, k)):
                if number:  # another wording: the strength it maps to counts MODEL_CREDIT
                    floor = self.min_similarity
                    hit = replace(hit, score=floor + MODEL_CREDIT * (hit.score - floor),
                                  metadata={**hit.metadata, VIA: wording})
                if hit.id not in best or hit.score > best[hit.id].score:
                    best[hit.id] = hit
        return sorted(best.values(), key=lambda h: -h.score)[:k]

    def contacts_for_goal(self, goal_text: str, k: int = 10) -> list[SearchResult]:
        """Contacts who could help with a goal: companies it names, then meaning."""
        return self.search(goal_text, k=k, fields=("company", "past_company"))

    def top_notes(self, contact_id: str, query: str, k: int = 3) -> list[Note]:
        """A contact's notes most relevant to ``query``, then the newest ones, up to ``k``."""
        notes = self.records.notes_for(contact_id)
        if not query.strip() or not notes:
            return notes[:k]
        scores: dict[str, float] = {}
        for hit in self._semantic("note", query, max(k * 3, 10), {"contact_id": contact_id}):
            scores[hit.id] = self._strength(hit.score)
        words = set(query_words(query))  # question words ("who", "the") are no evidence
        for note in notes:
            overlap = words & set(normalize(note.text).split())
            if overlap:
                scores[note.id] = scores.get(note.id, 0.0) + 0.1 * len(overlap)
        relevant = sorted((n for n in notes if scores.get(n.id, 0) > 0),
                          key=lambda n: -scores[n.id])
        rest = [n for n in notes if scores.get(n.id, 0) <= 0]  # newest first already
        return (relevant + rest)[:k]

    def resolve(self, name_or_id: str) -> Contact | None:
        """The one contact a loosely typed name clearly means (by name alone), else None."""
        lexicon = self.lexicon()
        strong = [m for m in lexicon.match(name_or_id, fields=("name",))[:2]
                  if m.score >= RESOLVE_SCORE]
        if len(strong) == 1 or (len(strong) == 2 and strong[0].score > strong[1].score + 0.05):
            return self.records.get_contact(strong[0].contact_id)
        return None

    # -- helpers --------------------------------------------------------------------------
    def _semantic(
        self, kind: str, query: str, k: int, where: dict[str, Any] | None
    ) -> list[Hit]:
        return self._above_floor(self.index.search(kind, query, k=k, where=where))

    def _above_floor(self, hits: list[Hit]) -> list[Hit]:
        return [h for h in hits if h.score >= self.min_similarity]

    def _strength(self, similarity: float) -> float:
        """Map a cosine similarity above the noise floor to [0, 1]."""
        return max(0.0, min(1.0, (similarity - self.min_similarity) / (1 - self.min_similarity)))

    @staticmethod
    def _result(contact: ContactRow, score: float, why: list[str],
                match: str = "match") -> SearchResult:
        return SearchResult(contact.id, contact.name, contact.company, contact.title,
                            contact.tier, list(contact.tags), score, why, match)


def _via(hit: Hit) -> str:
    """" (like 'tree surgeon')" when a hit came from another wording of the query."""
    wording = hit.metadata.get(VIA)
    return f" (like '{wording}')" if wording else ""


def _snippet(text: str) -> str:
    return ellipsize(text, SNIPPET_CHARS)


def passage(text: str, query: str) -> str:
    """The sentence of a note that shares the most words with the query (stems compared by
    their first five letters), so a snippet shows why it matched; else its start."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]
    stems = {w[:5] for w in query_words(query)}
    if not stems or len(sentences) < 2:
        return _snippet(text)

    def shared(sentence: str) -> int:
        return len(stems & {w[:5] for w in normalize(sentence).split()})

    best = max(sentences, key=shared)
    if shared(best) == 0:
        return _snippet(text)
    return ("…" if best != sentences[0] else "") + _snippet(best)


def check_query(query: str, *, k: int = 1, filters: Sequence[str] = ()) -> None:
    """Refuse a query, a limit or a filter too big to be a search, before any work is done."""
    if len(query) > MAX_QUERY_CHARS:
        msg = (f"a search is at most {MAX_QUERY_CHARS} characters (this one has {len(query)}); "
               "use a few words")
        raise InputError(msg)
    if not 1 <= k <= MAX_RESULTS:
        msg = f"the number of results must be between 1 and {MAX_RESULTS}, not {k}"
        raise InputError(msg)
    if any(len(f) > MAX_FILTER_CHARS for f in filters):
        msg = f"a search filter is at most {MAX_FILTER_CHARS} characters"
        raise InputError(msg)
