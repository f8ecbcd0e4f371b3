"""Browser fixtures: a real Warmline server on loopback and a headless Chromium page on it.

Other tab flows reuse them::

    def test_contacts_flow(served_app, browser_page):
        served_app.app.stores.records.put_contact(...)
        browser_page.goto(served_app.url)
        ...
        assert not browser_page.requests.outside()
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from pytest_socket import socket_allow_hosts

from assistant.app import Warmline
from tests.e2e.browser import CHROMIUM, LAUNCH_ARGS, RENDER_TIMEOUT_MS, RequestLog, chromium_reason


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _loopback_only() -> None:
    socket_allow_hosts(["127.0.0.1", "::1"], allow_unix_socket=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServedApp:
    """The app behind the page (seed data through ``app``) and the page's address."""

    app: Warmline
    url: str


@pytest.fixture
def served_app() -> Iterator[ServedApp]:
    """Warmline (offline engine, real stores in the temp home) served on a free loopback port."""
    from assistant.app import build_app
    from assistant.settings import load_settings
    from assistant.ui.server import start_server

    app = build_app(load_settings(provider="offline"))
    port = _free_port()
    try:
        blocks = start_server(app, "127.0.0.1", port)
    except BaseException:
        app.close()
        raise
    try:
        yield ServedApp(app, f"http://127.0.0.1:{port}/")
    finally:
        blocks.close()
        app.close()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Debian Chromium for the session."""
    reason = chromium_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class BrowserPage:
    """A Playwright page plus the log of every request it made."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests = RequestLog()
        self.requests.attach(page)

    def goto(self, url: str) -> Any:
        """Open ``url`` and wait until Gradio has rendered the app."""
        # Not "networkidle": Gradio keeps its event stream open, the network never idles.
        self.page.goto(url, wait_until="load", timeout=RENDER_TIMEOUT_MS * 2)
        self.page.get_by_role("tab").first.wait_for(timeout=RENDER_TIMEOUT_MS)
        return self.page


@pytest.fixture
def browser_page(chromium: Any) -> Iterator[BrowserPage]:
    """A fresh 1280x900 page in its own context; its requests are recorded."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(RENDER_TIMEOUT_MS)
    try:
        yield BrowserPage(context.new_page())
    finally:
        context.close()
