"""Crash safety: SIGKILL a real server during concurrent writes; nothing acknowledged is lost."""

from __future__ import annotations

import http.client
import itertools
import json
import signal
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from gracious.storage.location import database_path
from tests.support import LiveServer

WRITERS = 4


@dataclass
class Acknowledged:
    """The writes the server answered 201 to, shared by the writer threads."""

    reminders: dict[int, str] = field(default_factory=dict)
    history: dict[int, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def count(self) -> int:
        """How many writes were acknowledged."""
        return len(self.reminders) + len(self.history)


def write_until_the_server_dies(server: LiveServer, writer: int, acked: Acknowledged) -> None:
    """Alternate reminder and history writes, recording each 201, until the connection breaks."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        for number in itertools.count():
            token = f"writer {writer} write {number} ✓"
            resource = "reminders" if number % 2 else "history"
            body = ({"due": "2030-01-01", "note": token, "context": {"company": "Zoë & Co"}}
                    if resource == "reminders" else {"body": f"Thank you. {token}"})
            connection.request("POST", f"/api/v1/{resource}", body=json.dumps(body),
                               headers={"Content-Type": "application/json",
                                        **server.auth_headers})
            response = connection.getresponse()
            answer = json.loads(response.read())
            with acked.changed:
                if response.status == 201:
                    getattr(acked, resource)[answer["id"]] = token
                else:
                    acked.refused.append(f"{response.status} {answer}")
                acked.changed.notify_all()
    except (OSError, http.client.HTTPException):
        pass  # killed mid-request: that write was never acknowledged, so it may be lost
    finally:
        connection.close()


def kill_during_writes(server: LiveServer, acked: Acknowledged, writes: int) -> None:
    """Start the writers, SIGKILL the server once `writes` more writes were acknowledged."""
    target = acked.count + writes
    threads = [threading.Thread(target=write_until_the_server_dies,
                                args=(server, index, acked)) for index in range(WRITERS)]
    for thread in threads:
        thread.start()
    with acked.changed:
        reached = acked.changed.wait_for(lambda: acked.count >= target, timeout=60)
    server.process.send_signal(signal.SIGKILL)
    server.process.wait()
    for thread in threads:
        thread.join()
    assert reached, "the writers stalled before the kill"
    assert acked.refused == []


def check_the_file(data_dir, acked: Acknowledged) -> None:
    """Read the database file directly: it is intact and holds every acknowledged write."""
    connection = sqlite3.connect(database_path(data_dir))
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        notes = dict(connection.execute("SELECT id, note FROM reminders"))
        bodies = dict(connection.execute("SELECT id, body FROM history"))
    finally:
        connection.close()
    lost = [f"reminder {i}" for i, token in acked.reminders.items() if notes.get(i) != token]
    lost += [f"history {i}" for i, token in acked.history.items()
             if token not in bodies.get(i, "")]
    assert lost == [], f"{len(lost)} acknowledged writes lost: {lost[:10]}"


def crash_once(data_dir: Path, writes: int) -> Acknowledged:
    """Start a server, SIGKILL it mid-writes, and return what it acknowledged."""
    acked = Acknowledged()
    server = LiveServer(data_dir).start()
    try:
        kill_during_writes(server, acked, writes=writes)
    finally:
        server.stop()
    return acked


def test_sigkill_during_concurrent_writes_loses_nothing_acknowledged(tmp_path):
    data_dir = tmp_path / "data"
    acked = crash_once(data_dir, writes=500)
    assert acked.reminders and acked.history
    check_the_file(data_dir, acked)


def first_posts_at_once(server: LiveServer, clients: int) -> list[int]:
    """Send each client's first request at the same moment and return the statuses."""
    ready, statuses = threading.Barrier(clients), []

    def post() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        try:
            connection.connect()
            ready.wait()
            connection.request("POST", "/api/v1/history", body=json.dumps({"body": "Thank you."}),
                               headers={"Content-Type": "application/json",
                                        **server.auth_headers})
            statuses.append(connection.getresponse().status)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_first_requests_right_after_a_crash_all_succeed(tmp_path):
    # every thread once migrated and set wal mode on its first connection, racing the
    # crash recovery for the lock: the first posts after a restart could get a 503
    data_dir = tmp_path / "data"
    acked = crash_once(data_dir, writes=100)
    wal = database_path(data_dir).with_name(database_path(data_dir).name + "-wal")
    assert wal.exists(), "the kill left no wal to recover"
    server = LiveServer(data_dir).start()
    try:
        statuses = first_posts_at_once(server, clients=8)
    finally:
        server.stop()
    assert statuses == [201] * 8, server.log_tail()
    assert server.tracebacks() == []
    check_the_file(data_dir, acked)


@pytest.mark.slow
def test_repeated_kills_and_restarts_lose_nothing_acknowledged(tmp_path):
    data_dir = tmp_path / "data"
    acked = Acknowledged()
    for _ in range(6):
        server = LiveServer(data_dir).start()
        try:
            kill_during_writes(server, acked, writes=400)
        finally:
            server.stop()
        check_the_file(data_dir, acked)
    # and the restarted server serves every one of them
    server = LiveServer(data_dir).start()
    try:
        listed = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        listed.request("GET", "/api/v1/reminders", headers=server.auth_headers)
        served = {r["id"]: r["note"] for r in json.loads(listed.getresponse().read())["reminders"]}
        listed.close()
    finally:
        server.stop()
    assert all(served.get(i) == token for i, token in acked.reminders.items())
