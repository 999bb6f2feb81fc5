"""Idle keep-alive sockets cannot lock other clients out of the real server."""

from __future__ import annotations

import socket
import time

from .raw_http import send_raw

IDLE = 200
# a generous bound for a behaviour check, not a benchmark: locked out meant about 38 s
ANSWERED_WITHIN = 1.0


def open_idle_connection(port: int) -> socket.socket:
    """Connect, finish one keep-alive request, and then go quiet while holding the socket."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    answer = b""
    while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
        chunk = sock.recv(4096)
        assert chunk, "the server closed a fresh keep-alive connection"
        answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer[:100]
    return sock


def test_a_fresh_request_is_answered_while_200_idle_connections_are_open(private_server):
    idle = [open_idle_connection(private_server.port) for _ in range(IDLE)]
    try:
        # and some that connected and never sent a byte
        idle += [socket.create_connection(("127.0.0.1", private_server.port), timeout=10)
                 for _ in range(IDLE // 4)]
        started = time.monotonic()
        answer = send_raw(private_server, "GET", "/api/v1/reminders", timeout=10)
        elapsed = time.monotonic() - started
        assert answer.status == 200, answer.describe()
        assert elapsed < ANSWERED_WITHIN, f"answered after {elapsed:.2f} s"
    finally:
        for sock in idle:
            sock.close()


def test_idle_connections_are_closed_by_the_server(private_server):
    sock = open_idle_connection(private_server.port)
    try:
        # the server hangs up an idle keep-alive socket within its channel timeout
        sock.settimeout(30)
        assert sock.recv(1) == b""
    finally:
        sock.close()
