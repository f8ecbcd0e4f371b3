"""Unit tests run with sockets blocked, except on loopback."""

from __future__ import annotations

import pytest
from pytest_socket import socket_allow_hosts


@pytest.fixture(autouse=True)
def _no_network() -> None:
    # IPs only: resolving "localhost" would itself be a DNS lookup.
    socket_allow_hosts(["127.0.0.1", "::1"], allow_unix_socket=True)
