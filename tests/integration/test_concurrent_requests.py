"""Concurrent API requests in one server corrupt nothing: 50 drafts, searches and imports."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from assistant.app import Warmline
from tests.exports import Person, linkedin_connections_csv

REQUESTS = 50
TIME_LIMIT_S = 240


@pytest.mark.timeout(TIME_LIMIT_S + 60)
def test_fifty_concurrent_requests_leave_the_store_consistent(
    served: tuple[Warmline, str], tmp_path: Path,
) -> None:
    from gradio_client import Client, handle_file

    app, url = served
    anchor = app.contacts.add("Priya Nair", company="Northwind")
    app.contacts.add_note(anchor.id, "Training for the Berlin marathon")
    files = []
    for i in range(10):
        path = tmp_path / f"Connections-{i}.csv"
        people = [Person(first=f"P{i}x{j}", last="Tester", company=f"Co {i}",
                         slug=f"p{i}x{j}-tester") for j in range(5)]
        path.write_bytes(linkedin_connections_csv(people))
        files.append(path)

    def call(n: int) -> Any:
        client = Client(url, verbose=False, download_files=False)
        if n % 5 == 0:
            return client.predict(handle_file(str(files[n // 5])), "auto",
                                  api_name="/import_file")
        if n % 5 in (1, 2):
            return client.predict("checkin", "Priya Nair", "linkedin-dm", api_name="/draft")
        return client.predict("Northwind", "", "", "", 10, False, api_name="/search_contacts")

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(call, range(REQUESTS)))
    seconds = time.monotonic() - started
    print(f"\n{REQUESTS} concurrent requests in {seconds:.1f} s")  # noqa: T201
    assert seconds < TIME_LIMIT_S
    imports = [r for n, r in enumerate(results) if n % 5 == 0]
    assert [r["added"] for r in imports] == [5] * 10
    drafts = [r for n, r in enumerate(results) if n % 5 in (1, 2)]
    assert all("Berlin marathon" in d["text"] for d in drafts)
    names = {c.name for c in app.contacts.list_contacts()}
    assert len(names) == 1 + 50 and "Priya Nair" in names
    assert app.doctor().ok
