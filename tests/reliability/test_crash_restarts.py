"""Crash safety: SIGKILL the server again and again during concurrent writes, then restart it."""

from __future__ import annotations

import http.client
import json
import random
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from gracious.storage.location import database_path
from tests.support import LiveServer

WRITERS = 6


@dataclass
class Acknowledged:
    """Every write the server answered with success, across all runs."""

    reminders: dict[int, str] = field(default_factory=dict)
    done: set[int] = field(default_factory=set)
    history: dict[int, str] = field(default_factory=dict)
    # deleted and acknowledged: must stay gone
    deleted_reminders: set[int] = field(default_factory=set)
    deleted_history: set[int] = field(default_factory=set)
    # a change cut off by a kill may or may not have landed: either state is allowed
    maybe_notes: dict[int, str] = field(default_factory=dict)
    maybe_gone: set[str] = field(default_factory=set)
    unexpected: list[str] = field(default_factory=list)
    count: int = 0
    changed: threading.Condition = field(default_factory=threading.Condition)

    def record(self, table: str, key: int, token: str = "") -> None:
        """Note one acknowledged write and wake whoever waits for a count."""
        with self.changed:
            if table == "done":
                self.done.add(key)
            elif table == "deleted_reminders":
                self.deleted_reminders.add(key)
                self.reminders.pop(key, None)
            elif table == "deleted_history":
                self.deleted_history.add(key)
                self.history.pop(key, None)
            else:
                getattr(self, table)[key] = token
            self.count += 1
            self.changed.notify_all()


class Paired(http.client.HTTPConnection):
    """A connection to a live server that knows its pairing code."""

    def __init__(self, server: LiveServer):
        super().__init__("127.0.0.1", server.port, timeout=30)
        self.auth_headers = server.auth_headers


def request(connection: Paired, method: str, path: str,
            body: dict | None = None) -> tuple[int, dict]:
    """Send one JSON request and return the status and parsed body."""
    connection.request(method, path, body=None if body is None else json.dumps(body),
                       headers={**connection.auth_headers,
                                **({"Content-Type": "application/json"} if body else {})})
    response = connection.getresponse()
    data = response.read()
    return response.status, json.loads(data) if data else {}


def write_until_killed(server: LiveServer, seed: int, acked: Acknowledged,
                       stop: threading.Event) -> None:
    """Create, change and delete reminders and history entries, until the server dies."""
    rng = random.Random(seed)
    connection = Paired(server)
    mine: list[int] = []
    entries: list[int] = []
    # what the request in flight would change, should the kill cut it off
    in_flight: tuple[str, int, str] | None = None
    try:
        while not stop.is_set():
            in_flight = None
            token = f"crash-{seed}-{rng.randrange(10**12)}"
            roll = rng.random()
            if roll < 0.45:
                status, body = request(connection, "POST", "/api/v1/reminders", {
                    "due": "2026-12-01", "note": token,
                    "context": {"company": "Northwind Traders"}})
                if status == 201:
                    mine.append(body["id"])
                    acked.record("reminders", body["id"], token)
            elif roll < 0.75:
                status, body = request(connection, "POST", "/api/v1/history", {
                    "kind": "thank-you", "channel": "email", "subject": "Thank you",
                    "body": f"Hi Priya,\n\nThank you. {token}\n\nSam", "site": "gmail"})
                if status == 201:
                    entries.append(body["id"])
                    acked.record("history", body["id"], token)
            elif roll < 0.82 and mine:
                reminder = rng.choice(mine)
                in_flight = ("note", reminder, token)
                status, body = request(connection, "PATCH", f"/api/v1/reminders/{reminder}",
                                       {"note": token})
                if status == 200:
                    acked.record("reminders", reminder, token)
            elif roll < 0.88 and entries:
                entry = entries.pop(rng.randrange(len(entries)))
                in_flight = ("gone", entry, f"history:{entry}")
                status, body = request(connection, "DELETE", f"/api/v1/history/{entry}")
                status = 200 if status == 204 else status
                if status == 200:
                    acked.record("deleted_history", entry)
            elif roll < 0.92 and mine:
                reminder = mine.pop(rng.randrange(len(mine)))
                in_flight = ("gone", reminder, f"reminder:{reminder}")
                status, body = request(connection, "DELETE", f"/api/v1/reminders/{reminder}")
                status = 200 if status == 204 else status
                if status == 200:
                    acked.record("deleted_reminders", reminder)
            elif mine:
                reminder = rng.choice(mine)
                status, body = request(connection, "PATCH", f"/api/v1/reminders/{reminder}",
                                       {"done": True})
                if status == 200:
                    acked.record("done", reminder)
            else:
                continue
            if status not in (200, 201):
                acked.unexpected.append(f"{status} {body}")
    except (OSError, http.client.HTTPException):
        # the server was killed mid-request: that write was never acknowledged, so it may or
        # may not have landed
        if in_flight is not None:
            kind, key, value = in_flight
            with acked.changed:
                if kind == "note":
                    acked.maybe_notes[key] = value
                else:
                    acked.maybe_gone.add(value)
    finally:
        connection.close()


def check_integrity(data_dir: Path) -> None:
    """The database file passes SQLite's own integrity and foreign-key checks."""
    connection = sqlite3.connect(database_path(data_dir))
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


def check_nothing_acknowledged_is_lost(server: LiveServer, acked: Acknowledged) -> None:
    """Every acknowledged reminder, mark and history entry is there after the restart."""
    connection = Paired(server)
    missing = []
    try:
        for reminder, token in acked.reminders.items():
            status, body = request(connection, "GET", f"/api/v1/reminders/{reminder}")
            if status == 404 and f"reminder:{reminder}" in acked.maybe_gone:
                continue
            notes = {token, acked.maybe_notes.get(reminder)}
            if status != 200 or body["note"] not in notes:
                missing.append(f"reminder {reminder}: {status} {body}")
            elif reminder in acked.done and body["done"] is not True:
                # a mark sent but cut off by the kill may or may not have landed; an
                # acknowledged one must have
                missing.append(f"reminder {reminder}: acknowledged as done, but is not")
        for entry, token in acked.history.items():
            status, body = request(connection, "GET", f"/api/v1/history/{entry}")
            if status == 404 and f"history:{entry}" in acked.maybe_gone:
                continue
            if status != 200 or token not in body["body"]:
                missing.append(f"history {entry}: {status} {body}")
        # an acknowledged delete stays deleted after the crash
        for kind, gone in (("reminders", acked.deleted_reminders),
                           ("history", acked.deleted_history)):
            for key in gone:
                status, body = request(connection, "GET", f"/api/v1/{kind}/{key}")
                if status != 404:
                    missing.append(f"{kind} {key}: deleted and acknowledged, but {status}")
    finally:
        connection.close()
    assert missing == [], "\n".join(missing[:20])


def crash_and_restart(tmp_path: Path, kills: int, seed: int) -> None:
    """Kill the server during writes, check the file and the data, restart, and repeat."""
    rng, acked = random.Random(seed), Acknowledged()
    data_dir = tmp_path / "data"
    for run in range(kills):
        server = LiveServer(data_dir, log_path=tmp_path / f"server-{run}.log").start()
        check_nothing_acknowledged_is_lost(server, acked)
        stop = threading.Event()
        writers = [threading.Thread(target=write_until_killed,
                                    args=(server, seed * 100 + run * 10 + index, acked, stop))
                   for index in range(WRITERS)]
        for writer in writers:
            writer.start()
        # kill at a different point of the write stream each time; at least 60 writes a run, so
        # every kind of write (deletes are about one in eight) happens before the last kill
        target = acked.count + rng.randrange(60, 160)
        with acked.changed:
            reached = acked.changed.wait_for(lambda target=target: acked.count >= target,
                                             timeout=60)
        server.kill()
        stop.set()
        for writer in writers:
            writer.join()
        assert reached, f"the writers stalled before the kill:\n{server.log_tail()}"
        assert acked.unexpected == []
        assert server.tracebacks() == [], server.log_tail()
        check_integrity(data_dir)
    server = LiveServer(data_dir, log_path=tmp_path / "server-last.log").start()
    try:
        check_nothing_acknowledged_is_lost(server, acked)
    finally:
        server.stop()
    assert acked.reminders and acked.history and acked.done
    assert acked.deleted_reminders and acked.deleted_history, "no delete was acknowledged"
    print(f"\ncrash: {kills} SIGKILLs, integrity ok after each; all {len(acked.reminders)} "
          f"reminders, {len(acked.done)} done marks and {len(acked.history)} history entries "
          f"acknowledged are present, and all {len(acked.deleted_reminders)} reminders and "
          f"{len(acked.deleted_history)} history entries deleted are still gone")


def test_two_kills_during_concurrent_writes(tmp_path):
    crash_and_restart(tmp_path, kills=2, seed=7)


@pytest.mark.slow
def test_eight_kills_during_concurrent_writes(tmp_path):
    crash_and_restart(tmp_path, kills=8, seed=11)
