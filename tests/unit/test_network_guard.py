"""The unit-test sandbox itself: outside addresses are blocked, loopback is not."""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketConnectBlockedError


def test_outside_connections_are_blocked() -> None:
    with pytest.raises(SocketConnectBlockedError), socket.create_connection(("192.0.2.1", 80), 1):
        pass


def test_loopback_is_allowed() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with socket.create_connection(server.getsockname(), 1):
        pass
    server.close()
