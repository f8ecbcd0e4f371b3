"""The composition root: settings, then models, then stores, then services. Nothing else builds."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.drafting.guard import Guard
from assistant.drafting.writer import Writer
from assistant.errors import StoreError
from assistant.llm.chat import ChatBackend, build_chat_backend
from assistant.llm.embeddings import Embeddings, build_embeddings
from assistant.llm.prompts import PromptLibrary
from assistant.llm.providers import ModelChoice, resolve_model
from assistant.privacy import make_private
from assistant.services.coach.build import build_coach
from assistant.services.coach.features import build_features
from assistant.services.coach.service import CoachService
from assistant.services.contacts.backup import BackupService
from assistant.services.contacts.importing import ImportService
from assistant.services.contacts.query_rewrite import QueryRewriter
from assistant.services.contacts.search import SearchService
from assistant.services.contacts.service import ContactsReader, ContactsService
from assistant.services.contacts.thesaurus import THESAURUS_FILE, Thesaurus
from assistant.services.interview.service import InterviewService
from assistant.services.network.service import NetworkService
from assistant.services.outreach.service import OutreachService
from assistant.services.story.pitch import PitchService, note_retriever
from assistant.services.story.profile import ProfileService
from assistant.services.story.resume_review import ResumeReviewService
from assistant.services.story.sounding_board import SoundingBoard
from assistant.services.system.erase import delete_contents
from assistant.services.system.health import HealthReport, diagnose
from assistant.services.system.models import ModelSettingsService
from assistant.services.system.outbound import OutboundService
from assistant.settings import Provider, Settings, load_settings
from assistant.storage.chat import ChatStore
from assistant.storage.db import DB_FILE, Database
from assistant.storage.index import Progress, SearchIndex
from assistant.storage.interviews import InterviewStore
from assistant.storage.lock import DataDirLock, held_elsewhere, holder_pid
from assistant.storage.outbound import OUTBOUND_FILE, OutboundLog
from assistant.storage.records import RecordStore
from assistant.storage.sync import REBUILD_OP, IndexSync

log = logging.getLogger(__name__)

_UNSET: Any = object()
QUIET_REPAIR_OPS = 100  # fewer pending index changes than this are repaired without a word


@dataclass
class Stores:
    """The system of record and its index. Only services, evals, benchmarks and tests use them:
    the UI and CLI reach data through services."""

    lock: DataDirLock
    db: Database
    records: RecordStore
    index: SearchIndex
    sync: IndexSync


@dataclass
class Warmline:
    """The built application: every service, ready for the CLI or the UI."""

    settings: Settings
    stores: Stores
    prompts: PromptLibrary
    choice: ModelChoice
    writer: Writer
    outreach: OutreachService
    backup: BackupService
    search: SearchService
    contacts: ContactsService
    importer: ImportService
    profiles: ProfileService
    pitch: PitchService
    sounding_board: SoundingBoard
    resume: ResumeReviewService
    network: NetworkService
    interview: InterviewService
    outbound: OutboundService
    models: ModelSettingsService = field(init=False)
    coach: CoachService = field(init=False)  # built last, over the services above
    # Called once "Delete all my data" has emptied the data dir: the server stops.
    on_erased: Callable[[], None] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.models = ModelSettingsService(self.settings, lambda: self.choice, self.use_model)

    @property
    def engine(self) -> str:
        return self.writer.engine

    def use_model(self, choice: ModelChoice, backend: ChatBackend | None) -> None:
        """Switch engines at run time (the Settings tab's Save)."""
        if backend is not None:
            backend.recorder = self.outbound.log.record  # every prompt sent is logged
        self.choice = choice
        self.writer.backend = backend

    def doctor(self) -> HealthReport:
        """Check config, engine, model, records and index."""
        return diagnose(self.settings, self.choice, self.stores.db, self.stores.sync,
                        self.search.thesaurus)

    def reindex(self, progress: Progress | None = None) -> dict[str, int]:
        """Rebuild the search index from the records; the counts of what was indexed."""
        return self.stores.sync.rebuild(progress)

    def close(self) -> None:
        """Release the data dir for another process."""
        self._close_stores()
        # The home is 700 from the start; this catches index files Chroma wrote since (umask).
        make_private(self.settings.home)
        self.stores.lock.release()

    def _close_stores(self) -> None:
        self.search.close()
        self.stores.db.close()

    def erase_all(self) -> int:
        """"Delete all my data": close the stores, delete every file in the data dir (records,
        index, drafts, chats, logs, settings); how many files went. The app is closed
        afterwards: whoever serves it stops (``on_erased``), and ``close`` releases the lock,
        which holds no data."""
        self._close_stores()
        removed = delete_contents(self.settings.home)
        if self.on_erased is not None:
            self.on_erased()
        return removed


def build_app(
    settings: Settings | None = None,
    *,
    backend: ChatBackend | None = _UNSET,
    embeddings: Embeddings | None = None,
    repair: Progress | None = None,
) -> Warmline:
    """Build the whole graph. Tests pass a fake ``backend`` and ``embeddings``.

    ``repair`` hears (0, n) before the index catches up on n changes an interrupted run left
    (when they are many, or a rebuild was cut short), then (done, total) as it goes: a command
    after a crash shows progress, not silence.
    """
    settings = settings or load_settings()
    lock = DataDirLock(settings.home).acquire()
    try:
        if backend is _UNSET:
            choice = resolve_model(settings)
            backend = build_chat_backend(choice, settings)
        elif backend is None:
            choice = ModelChoice(Provider.OFFLINE, reason="offline engine injected")
        else:
            choice = ModelChoice(Provider.OPENAI_COMPATIBLE, backend.base_url, backend.label,
                                 reason="model injected")
        outbound_log = OutboundLog(settings.home / OUTBOUND_FILE)
        if backend is not None:
            backend.recorder = outbound_log.record  # every prompt sent is logged
        db = Database(settings.home / DB_FILE)
        records = RecordStore(db)
        embeddings = embeddings or build_embeddings(settings)
        index = SearchIndex(settings.home / "index", embeddings)
        sync = IndexSync(records, index, settings.knowledge_dir)
        ops = records.pending_index_ops()
        # A few pending changes take a blink; a big import or a rebuild cut short takes long
        # enough that the user must hear about it first.
        heavy = len(ops) >= QUIET_REPAIR_OPS or REBUILD_OP in ops
        if heavy and repair:
            repair(0, len(ops))
        sync.reconcile(repair if heavy else None)  # a crash between a record and its index
        sync.ensure_knowledge()
        make_private(settings.home)  # files SQLite, Chroma and older versions made under umask
        prompts = PromptLibrary(settings.prompts_dir)
        writer = Writer(prompts, backend, Guard())
        outreach = OutreachService(records, index, sync, writer)
        chats = ChatStore(db)
        backup = BackupService(records, sync, chats)
        thesaurus = Thesaurus.load_or_empty(settings.knowledge_dir / THESAURUS_FILE)
        rewriter = QueryRewriter(prompts, lambda: writer.backend)
        search = SearchService(records, index, thesaurus, rewrite=rewriter.rewrite,
                               knows_word=getattr(embeddings, "knows", None))
        contacts = ContactsService(records, sync, search)
        importer = ImportService(records, sync, backup)
        profiles = ProfileService(records)
        pitch = PitchService(profiles, writer, note_retriever(index))
        sounding_board = SoundingBoard(records, profiles, writer)
        resume = ResumeReviewService(records, profiles)
        network = NetworkService(records, profiles)
        interview = InterviewService(InterviewStore(db), profiles, writer, settings.knowledge_dir)
        outbound = OutboundService(outbound_log, outreach, contacts, lambda: writer.backend)
    except BaseException:
        lock.release()
        raise
    app = Warmline(
        settings=settings, stores=Stores(lock, db, records, index, sync), prompts=prompts,
        choice=choice, writer=writer, outreach=outreach, backup=backup,
        search=search, contacts=contacts, importer=importer,
        profiles=profiles, pitch=pitch, sounding_board=sounding_board, resume=resume,
        network=network,
        interview=interview, outbound=outbound,
    )
    features = build_features(outreach, interview, network)
    app.coach = build_coach(features, contacts, outreach, pitch, chats, embeddings, prompts,
                            lambda: writer.backend)
    return app


@dataclass
class ReadOnlyWarmline:
    """The records alone, opened read-only: what listing and exporting need while another
    Warmline (``serve``) holds the data dir."""

    settings: Settings
    db: Database
    contacts: ContactsReader
    backup: BackupService

    def doctor(self) -> HealthReport:
        """Config, engine, model and the records, read-only; the index is the other process's."""
        pid = holder_pid(self.settings.home)
        return diagnose(self.settings, resolve_model(self.settings), self.db, None,
                        Thesaurus.load_or_empty(self.settings.knowledge_dir / THESAURUS_FILE),
                        holder=f"the Warmline with pid {pid}" if pid else "")

    def close(self) -> None:
        """Close the read-only connection."""
        self.db.close()


def build_reader(settings: Settings | None = None) -> ReadOnlyWarmline:
    """Open the record store read-only, without the data-dir lock or the index."""
    settings = settings or load_settings()
    path = settings.home / DB_FILE
    if not path.exists():
        msg = f"no Warmline data in {settings.home} yet"
        raise StoreError(msg)
    db = Database(path, read_only=True)
    records = RecordStore(db)
    return ReadOnlyWarmline(settings=settings, db=db, contacts=ContactsReader(records),
                            backup=BackupService(records, None, ChatStore(db)))


def data_dir_busy(home: Path) -> bool:
    """True when another Warmline holds ``home`` now (asked without waiting for the lock)."""
    return held_elsewhere(home)
