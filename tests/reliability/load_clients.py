"""Many concurrent clients with keep-alive connections, sending a realistic mix of requests."""

from __future__ import annotations

import http.client
import json
import random
import statistics
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from gracious.models import CHANNELS, KINDS, TONES
from tests.support import LiveServer

JSON_HEADERS = {"Content-Type": "application/json"}
NAMES = ["Priya Raman", "Dr. Helena Okafor", "Seán O'Brien", "Zoë Müller", "山田 太郎", None]
COMPANIES = ["Northwind Traders", "Procter & Gamble", "Contoso", None]
ROLES = ["Senior Data Analyst", "Product Designer", None]


@dataclass
class LoadReport:
    """What a load run did: latencies, counts and every failure."""

    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    by_action: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    clients_served: int = 0

    @property
    def requests(self) -> int:
        """How many requests were answered as expected."""
        return len(self.latencies)

    def percentile_ms(self, fraction: float) -> float:
        """A latency percentile in milliseconds."""
        cuts = statistics.quantiles(self.latencies, n=1000, method="inclusive")
        return cuts[round(fraction * 1000) - 1] * 1000

    @property
    def throughput(self) -> float:
        """Answered requests per second."""
        return self.requests / self.seconds

    def summary(self, clients: int) -> str:
        """One line with the figures."""
        mix = ", ".join(f"{name} {count}" for name, count in sorted(self.by_action.items()))
        return (f"{clients} clients, {self.seconds:.1f} s: {self.requests} requests, "
                f"{len(self.failures)} failed; p50 {self.percentile_ms(0.5):.1f} ms, "
                f"p99 {self.percentile_ms(0.99):.1f} ms, {self.throughput:.0f} req/s ({mix})")


def draft_request(rng: random.Random) -> dict[str, Any]:
    """A draft request across kinds, channels and tones, with some fields left out."""
    request: dict[str, Any] = {
        "kind": rng.choice(KINDS), "channel": rng.choice(CHANNELS), "tone": rng.choice(TONES),
        "variant": rng.randrange(5), "highlights": rng.sample(
            ["your plan to move reporting to dbt", "the on-call rota", "the Lisbon office"],
            rng.randrange(4)),
    }
    for key, choices in (("company", COMPANIES), ("role", ROLES)):
        if value := rng.choice(choices):
            request[key] = value
    if name := rng.choice(NAMES):
        request["recipient"] = {"name": name}
    if rng.random() < 0.3:
        request["thread"] = {
            "subject": "Interview for Senior Data Analyst at Northwind Traders",
            "text": "Thanks for speaking with us on Tuesday.\n\nBest,\nHelena Okafor",
            "from": {"name": "Helena Okafor", "email": "helena@northwind-traders.com"},
        }
    return request


class LoadClient:
    """One client: a keep-alive connection and the reminders it created."""

    def __init__(self, server: LiveServer, seed: int, report: LoadReport, lock: threading.Lock):
        self.port = server.port
        self.auth_headers = server.auth_headers
        self.rng = random.Random(seed)
        self.report = report
        self.lock = lock
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        self.reminders: list[int | str] = []
        self.served = 0

    def send(self, action: str, method: str, path: str, body: Any, expected: int) -> Any:
        """Send one request and record its latency, or the failure."""
        payload = None if body is None else json.dumps(body)
        start = time.perf_counter()
        try:
            self.connection.request(method, path, body=payload,
                                    headers={**self.auth_headers,
                                             **(JSON_HEADERS if payload else {})})
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            # a dropped keep-alive connection is a failed request; start a fresh one
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.record_failure(f"{method} {path}: {type(error).__name__}: {error}")
            return None
        elapsed = time.perf_counter() - start
        if response.status != expected:
            self.record_failure(f"{method} {path}: {response.status} {data[:300]!r}")
            return None
        with self.lock:
            self.report.latencies.append(elapsed)
            self.report.by_action[action] = self.report.by_action.get(action, 0) + 1
        self.served += 1
        return json.loads(data) if data else None

    def record_failure(self, message: str) -> None:
        """Keep a failure for the report."""
        with self.lock:
            self.report.failures.append(message)

    def step(self) -> None:
        """Send one request from the mix: mostly drafts, and the reminder round trip."""
        roll = self.rng.random()
        if roll < 0.55:
            self.send("draft", "POST", "/api/v1/drafts", draft_request(self.rng), 200)
        elif roll < 0.65:
            self.send("kinds", "GET", "/api/v1/kinds", None, 200)
        elif roll < 0.77 or not self.reminders:
            created = self.send("reminder-create", "POST", "/api/v1/reminders", {
                "due": f"2026-12-{self.rng.randrange(1, 29):02d}", "kind": "follow-up",
                "context": {"company": "Northwind Traders", "recipient": {"name": "Priya Raman"}},
                "note": f"check in #{self.rng.randrange(10**6)}",
            }, 201)
            if created is not None:
                self.reminders.append(created["id"])
        elif roll < 0.87:
            path = "/api/v1/reminders?due=1" if self.rng.random() < 0.5 else "/api/v1/reminders"
            self.send("reminder-list", "GET", path, None, 200)
        elif roll < 0.95:
            reminder = self.rng.choice(self.reminders)
            self.send("reminder-patch", "PATCH", f"/api/v1/reminders/{reminder}",
                      {"done": self.rng.random() < 0.5, "note": "moved"}, 200)
        else:
            # deleting keeps the list, and so each listing, the size a real user would have
            reminder = self.reminders.pop(self.rng.randrange(len(self.reminders)))
            self.send("reminder-delete", "DELETE", f"/api/v1/reminders/{reminder}", None, 204)

    def run(self, window: dict[str, float], max_requests: int, start: threading.Barrier) -> None:
        """Send requests until the deadline or the request budget, whichever comes first."""
        start.wait()
        try:
            for _ in range(max_requests):
                if time.monotonic() >= window["deadline"]:
                    break
                self.step()
        finally:
            self.connection.close()


def run_load(
    server: LiveServer, clients: int, seconds: float, max_requests: int, seed: int = 1
) -> LoadReport:
    """Run clients concurrently against the server for at most seconds and max_requests each."""
    report, lock = LoadReport(), threading.Lock()
    workers = [LoadClient(server, seed * 1000 + index, report, lock) for index in range(clients)]
    # every client starts on the same signal, after the clock has been set
    start, window = threading.Barrier(clients + 1), {}
    threads = [threading.Thread(target=worker.run, args=(window, max_requests, start))
               for worker in workers]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    window["deadline"] = started + seconds
    start.wait()
    for thread in threads:
        thread.join()
    report.seconds = time.monotonic() - started
    report.clients_served = sum(1 for worker in workers if worker.served)
    return report
