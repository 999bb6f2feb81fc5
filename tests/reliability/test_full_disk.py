"""A full disk: writes get a 507 that says so, and deleting still works to free space."""

from __future__ import annotations

import errno
import http.client
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import LiveServer, assert_problem_document

# room for the database, its wal and the reserve, small enough to fill in a moment
DISK_SIZE = "16m"


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A fresh tmpfs of DISK_SIZE, mounted for this test only."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("filling a real disk needs a tmpfs mount, which needs root")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs",
                              str(mount_point)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=True)


def fill(disk: Path) -> Path:
    """Write a file until the disk has no space left, and return it."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as out:
        for size in (1 << 20, 1 << 12, 1):
            try:
                while True:
                    out.write(b"\0" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    return filler


class Client:
    """JSON requests over one keep-alive connection, authorised for the server."""

    def __init__(self, server: LiveServer):
        self.server = server
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)

    def send(self, method: str, path: str, body: object = None) -> tuple[int, dict, dict]:
        """Send one request; return the status, the headers and the parsed body."""
        headers = dict(self.server.auth_headers)
        data = None
        if body is not None:
            data = json.dumps(body)
            headers["Content-Type"] = "application/json"
        self.connection.request(method, f"/api/v1{path}", body=data, headers=headers)
        response = self.connection.getresponse()
        raw = response.read()
        return response.status, dict(response.getheaders()), json.loads(raw) if raw else {}


def test_a_full_disk_gets_507_and_deletes_still_work(small_disk, tmp_path):
    server = LiveServer(small_disk / "data", log_path=tmp_path / "server.log").start()
    try:
        client = Client(server)
        entries = [client.send("POST", "/history", {"body": f"Thank you, {n}. " * 200})[2]["id"]
                   for n in range(20)]
        reminders = [client.send("POST", "/reminders", {"note": f"follow up {n}"})[2]["id"]
                     for n in range(5)]
        interview = client.send("POST", "/interviews", {
            "company": "Acme", "starts_at": "2026-12-01T10:00:00+00:00",
            "ends_at": "2026-12-01T11:00:00+00:00", "interviewers": [{"name": "Ana Ruiz"}]})[2]
        filler = fill(small_disk)

        for method, path, body in [
            ("POST", "/history", {"body": "One more thank-you."}),
            ("POST", "/reminders", {"note": "one more"}),
            ("PUT", "/profile", {"name": "Sam Lee"}),
            ("PATCH", f"/reminders/{reminders[0]}", {"done": True}),
        ]:
            status, headers, problem = client.send(method, path, body)
            assert_problem_document(status, headers, problem, 507)
            assert "disk" in problem["detail"] and "full" in problem["detail"], problem

        # the user frees space through the API itself; an interview goes with its reminders
        assert client.send("DELETE", f"/interviews/{interview['id']}")[0] == 204
        assert client.send("GET", "/interviews")[2]["interviews"] == []
        assert client.send("DELETE", f"/history/{entries[0]}")[0] == 204
        assert client.send("DELETE", f"/reminders/{reminders[0]}")[0] == 204
        assert client.send("DELETE", "/history")[0] == 204
        assert client.send("GET", "/history")[2]["total"] == 0
        assert [r["id"] for r in client.send("GET", "/reminders")[2]["reminders"]] == reminders[1:]

        # and once there is room again, saving works again
        filler.unlink()
        assert client.send("POST", "/history", {"body": "Saved again."})[0] == 201
        assert client.send("DELETE", f"/reminders/{reminders[1]}")[0] == 204
        client.connection.close()
    finally:
        server.stop()
    assert server.tracebacks() == [], server.log_tail()
