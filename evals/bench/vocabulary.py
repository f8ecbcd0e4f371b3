"""Word pools for synthetic people: names from many cultures, invented companies, roles, places.

The pools are data (``vocabulary.json``); this module loads them once, as tuples.
Every company there is invented. Names are common given names and surnames combined at random,
so no row describes a real person. Role-specific titles that the retrieval eval plants on
purpose (a nursing recruiter, an immigration lawyer, ...) are deliberately absent from
``TITLES`` so the eval's ground truth stays exact.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


_POOLS = {k: _frozen(v) for k, v in
          json.loads((Path(__file__).with_name("vocabulary.json")).read_text("utf-8")).items()}

CITIES: tuple[Any, ...] = _POOLS["CITIES"]
COMPANY_SECTORS: tuple[Any, ...] = _POOLS["COMPANY_SECTORS"]
COMPANY_STEMS: tuple[Any, ...] = _POOLS["COMPANY_STEMS"]
CULTURES: dict[str, Any] = _POOLS["CULTURES"]
EVENTS: tuple[Any, ...] = _POOLS["EVENTS"]
INTERESTS: tuple[Any, ...] = _POOLS["INTERESTS"]
LEGAL_SUFFIXES: tuple[Any, ...] = _POOLS["LEGAL_SUFFIXES"]
MEANING_QUERIES: tuple[Any, ...] = _POOLS["MEANING_QUERIES"]
MONTHS: tuple[Any, ...] = _POOLS["MONTHS"]
SECTOR_SHARE: float = _POOLS["SECTOR_SHARE"]
SECTOR_TITLES: dict[str, Any] = _POOLS["SECTOR_TITLES"]
TAGS: tuple[Any, ...] = _POOLS["TAGS"]
TIERS: tuple[Any, ...] = _POOLS["TIERS"]
TITLES: tuple[Any, ...] = _POOLS["TITLES"]
TOPICS: tuple[Any, ...] = _POOLS["TOPICS"]
