"""Every acknowledged write is on disk first: the WAL is fsynced before the answer is sent."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gracious.pairing import read_token
from tests.support import free_port, wait_for_health

SYSCALLS = "openat,close,fsync,fdatasync,sendto,write,writev"
LINE = re.compile(r"^(?P<pid>\d+)\s+(?P<rest>.*)$")
OPENED = re.compile(r'^openat\([^,]+, "(?P<path>[^"]+)".*\)\s+=\s+(?P<fd>\d+)')
OPEN_STARTED = re.compile(r'^openat\([^,]+, "(?P<path>[^"]+)".*<unfinished')
OPEN_RESUMED = re.compile(r"^<\.\.\. openat resumed>.*=\s+(?P<fd>\d+)")
CLOSED = re.compile(r"^close\((?P<fd>\d+)\)")
SYNCED = re.compile(r"^(?:fsync|fdatasync)\((?P<fd>\d+)\)\s+=\s+0")
SYNC_STARTED = re.compile(r"^(?:fsync|fdatasync)\((?P<fd>\d+)\s*<unfinished")
SYNC_RESUMED = re.compile(r"^<\.\.\. (?:fsync|fdatasync) resumed>.*=\s+0")
ANSWERED = re.compile(
    r'^(?:sendto|write|writev)\(\d+, \[?\{?(?:iov_base=)?"HTTP/1\.1 (?P<status>\d{3})')


def events(trace: str) -> list[tuple[str, str]]:
    """("sync", path) when a sync of a file completed and ("answer", status) when one began."""
    files: dict[str, str] = {}
    pending: dict[str, str] = {}
    opening: dict[str, str] = {}
    found = []
    for line in trace.splitlines():
        match = LINE.match(line)
        if not match:
            continue
        pid, rest = match["pid"], match["rest"]
        if opened := OPENED.match(rest):
            files[opened["fd"]] = opened["path"]
        elif started_open := OPEN_STARTED.match(rest):
            opening[pid] = started_open["path"]
        elif (resumed_open := OPEN_RESUMED.match(rest)) and pid in opening:
            files[resumed_open["fd"]] = opening.pop(pid)
        elif closed := CLOSED.match(rest):
            files.pop(closed["fd"], None)
        elif synced := SYNCED.match(rest):
            found.append(("sync", files.get(synced["fd"], "?")))
        elif started := SYNC_STARTED.match(rest):
            pending[pid] = files.get(started["fd"], "?")
        elif SYNC_RESUMED.match(rest) and pid in pending:
            found.append(("sync", pending.pop(pid)))
        elif answered := ANSWERED.match(rest):
            found.append(("answer", answered["status"]))
    return found


def send(connection: http.client.HTTPConnection, token: str, method: str, path: str,
         body: object = None) -> tuple[int, dict]:
    """One authorised JSON request."""
    headers = {"Authorization": f"Bearer {token}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    connection.request(method, f"/api/v1{path}",
                       body=None if body is None else json.dumps(body), headers=headers)
    response = connection.getresponse()
    raw = response.read()
    return response.status, json.loads(raw) if raw else {}


def stop_traced(strace: subprocess.Popen) -> None:
    """Stop the traced server with SIGTERM, which strace itself would not pass on."""
    children = Path(f"/proc/{strace.pid}/task/{strace.pid}/children")
    for child in children.read_text().split() if children.exists() else []:
        os.kill(int(child), signal.SIGTERM)
    try:
        strace.wait(timeout=60)
    except subprocess.TimeoutExpired:
        strace.kill()
        strace.wait()


def test_each_write_is_fsynced_before_it_is_acknowledged(tmp_path):
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed (apt-get install strace)")
    data_dir, trace_path, port = tmp_path / "data", tmp_path / "trace.txt", free_port()
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        ["strace", "-f", "-qq", "-s", "48", "-e", f"trace={SYSCALLS}", "-o", str(trace_path),
         sys.executable, "-m", "gracious", "serve", "--port", str(port), "--data-dir",
         str(data_dir)], stdout=log, stderr=subprocess.STDOUT)
    try:
        try:
            wait_for_health(f"http://127.0.0.1:{port}", process, timeout=120)
        except RuntimeError:
            pytest.skip(f"strace cannot trace here: {(tmp_path / 'server.log').read_text()}")
        token = read_token(data_dir)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        writes = [
            ("POST", "/history", {"body": "Thank you, Priya."}, 201),
            ("POST", "/reminders", {"note": "follow up"}, 201),
            ("PATCH", "/reminders/{reminder}", {"done": True}, 200),
            ("PATCH", "/reminders/{reminder}", {"note": "followed up"}, 200),
            ("PUT", "/profile", {"name": "Sam Lee"}, 200),
            ("DELETE", "/history/{entry}", None, 204),
            ("DELETE", "/reminders/{reminder}", None, 204),
        ]
        ids: dict[str, int] = {}
        for method, path, body, expected in writes:
            status, answer = send(connection, token, method, path.format(**ids), body)
            assert status == expected, answer
            if path == "/history" and method == "POST":
                ids["entry"] = answer["id"]
            if path == "/reminders" and method == "POST":
                ids["reminder"] = answer["id"]
        connection.close()
    finally:
        stop_traced(process)
        log.close()
    found = events(trace_path.read_text(errors="replace"))
    answers = [index for index, (kind, _) in enumerate(found) if kind == "answer"]
    # the last answers are the writes above (earlier ones answered the health checks)
    ours = answers[-len(writes):]
    assert [found[i][1] for i in ours] == [str(expected) for *_, expected in writes]
    previous = answers[-len(writes) - 1] if len(answers) > len(writes) else -1
    for (method, path, *_), index in zip(writes, ours, strict=True):
        synced = [what for kind, what in found[previous + 1:index] if kind == "sync"]
        assert any(what.endswith("gracious.sqlite3-wal") for what in synced), (
            f"{method} {path} was answered with no fsync of the WAL before it: {synced}")
        previous = index
