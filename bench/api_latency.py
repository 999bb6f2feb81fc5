"""Latency of a full draft request next to a trivial health check, on the real server."""

from __future__ import annotations

import http.client
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import FULL_DRAFT, Row
from tests.support import LiveServer

ROUNDS = 600
TARGET_RATIO = 1.2


def measure(rounds: int = ROUNDS) -> list[Row]:
    """Time GET /health and POST /drafts alternately over one keep-alive connection."""
    with tempfile.TemporaryDirectory() as data_dir:
        server = LiveServer(Path(data_dir)).start()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            body = json.dumps(FULL_DRAFT)
            headers = {"Content-Type": "application/json", **server.auth_headers}

            def health() -> None:
                connection.request("GET", "/api/v1/health")
                response = connection.getresponse()
                response.read()
                assert response.status == 200

            def draft() -> None:
                connection.request("POST", "/api/v1/drafts", body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                assert response.status == 200, response.status

            for _ in range(50):
                health()
                draft()
            # alternate the two so both see the same machine load
            health_times, draft_times = [], []
            for _ in range(rounds):
                for action, samples in ((health, health_times), (draft, draft_times)):
                    start = time.perf_counter()
                    action()
                    samples.append(time.perf_counter() - start)
            connection.close()
        finally:
            server.stop()
    health_ms = statistics.median(health_times) * 1000
    draft_ms = statistics.median(draft_times) * 1000
    ratio = draft_ms / health_ms
    return [
        Row("GET /api/v1/health median", health_ms, "ms", "baseline", None, True),
        Row("POST /api/v1/drafts median (full context + thread)", draft_ms, "ms",
            f"<= {TARGET_RATIO}x health", ratio, ratio <= TARGET_RATIO),
    ]
