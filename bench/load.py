"""Load: 50 concurrent keep-alive clients for 30 s against the real server on loopback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import Row
from tests.reliability.load_clients import run_load
from tests.support import LiveServer

CLIENTS = 50
SECONDS = 30
MAX_REQUESTS = 5000


def measure(seconds: float = SECONDS) -> list[Row]:
    """Run the load test's client mix and report latency percentiles and throughput."""
    with tempfile.TemporaryDirectory() as temp:
        server = LiveServer(Path(temp) / "data", log_path=Path(temp) / "server.log").start()
        try:
            report = run_load(server, CLIENTS, seconds, MAX_REQUESTS)
        finally:
            server.stop()
    note = report.summary(CLIENTS)
    failed = len(report.failures)
    return [
        Row(f"load: {CLIENTS} clients, failed requests", failed, "requests", "0", None,
            failed == 0, note),
        Row("load: p50 latency", report.percentile_ms(0.5), "ms", "reported", None, True),
        Row("load: p99 latency", report.percentile_ms(0.99), "ms", "reported", None, True),
        Row("load: throughput", report.throughput, "req/s", "reported", None, True),
    ]
