"""What the server costs while nobody uses it, and whether drafting leaks memory."""

from __future__ import annotations

import http.client
import json
import os
import tempfile
import time
from pathlib import Path

from bench.common import FULL_DRAFT, Row
from tests.support import LiveServer

DRAFTS = 1000
IDLE_SECONDS = 5.0
LEAK_TARGET = 0.05
TICKS = os.sysconf("SC_CLK_TCK")


def resident_mib(pid: int) -> float:
    """The process's resident memory in MiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process (all its threads) has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def draft_many(server: LiveServer, count: int) -> None:
    """Send count full drafts over one keep-alive connection."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    body = json.dumps(FULL_DRAFT)
    headers = {"Content-Type": "application/json", **server.auth_headers}
    for _ in range(count):
        connection.request("POST", "/api/v1/drafts", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        assert response.status == 200, response.status
    connection.close()


def measure() -> list[Row]:
    """Idle CPU, then resident memory after start and after each of two rounds of drafts."""
    with tempfile.TemporaryDirectory() as data_dir:
        server = LiveServer(Path(data_dir)).start()
        try:
            pid = server.process.pid
            # let start-up work (the public-suffix list loading in the background) finish
            time.sleep(2)
            started = resident_mib(pid)
            before = cpu_seconds(pid)
            time.sleep(IDLE_SECONDS)
            idle_cpu = (cpu_seconds(pid) - before) / IDLE_SECONDS
            draft_many(server, DRAFTS)
            first = resident_mib(pid)
            draft_many(server, DRAFTS)
            second = resident_mib(pid)
        finally:
            server.stop()
    growth = (second - first) / first
    return [
        Row("server idle CPU", idle_cpu * 100, "%", "0 %", None, idle_cpu < 0.005,
            note=f"CPU time used over {IDLE_SECONDS:g} s with no requests, after start-up"),
        Row("server resident memory after start", started, "MiB", "reported", None, True),
        Row(f"server resident memory after {DRAFTS} drafts", first, "MiB",
            f"<= {1 + LEAK_TARGET:g}x after start", first / started,
            first / started <= 1 + LEAK_TARGET,
            note="ratio is to the memory after start: the first drafts load the engine's "
            "templates"),
        Row(f"server memory growth over the next {DRAFTS} drafts", growth * 100, "%",
            f"<= {LEAK_TARGET:.0%}", growth / LEAK_TARGET, growth <= LEAK_TARGET,
            note=f"{first:.1f} MiB after {DRAFTS} drafts, {second:.1f} MiB after {2 * DRAFTS}"),
    ]
