"""The error hierarchy. Only the CLI and UI edges turn these into user-facing lines."""

from __future__ import annotations

# Said wherever the index may lag the records: both the UI (Settings) and the CLI (reindex)
# offer "Rebuild the search index", and the next start repairs it anyway.
REBUILD_HINT = "Warmline repairs it at the next start, or rebuild the search index now"


class WarmlineError(Exception):
    """An expected failure with a message fit to show a user as one line."""


class ConfigError(WarmlineError):
    """Settings are missing or invalid."""


class StoreLockedError(WarmlineError):
    """Another Warmline process holds the data directory."""


class StoreError(WarmlineError):
    """The record store or the index failed."""


class ImportFileError(WarmlineError):
    """A file could not be parsed at all; nothing was written."""


class NotFoundError(WarmlineError):
    """A contact, session or other record does not exist."""


class AmbiguousContactError(NotFoundError):
    """A name matches several contacts; ``candidates`` lists them so an edge can ask which."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class InputError(WarmlineError):
    """The user gave input that cannot be used (empty story, unknown kind, ...)."""


class ModelError(WarmlineError):
    """The configured model could not be reached or answered badly."""


class PromptError(WarmlineError):
    """A prompt file is missing or does not match its declared schema."""
