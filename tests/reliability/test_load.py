"""Load: 50 concurrent keep-alive clients against the real server, with no failed request."""

from __future__ import annotations

import pytest

from .load_clients import run_load

CLIENTS = 50


def check_load(server, seconds: float, max_requests: int) -> None:
    """Run the load, print the figures and require every request to succeed."""
    report = run_load(server, CLIENTS, seconds, max_requests)
    print(f"\nload: {report.summary(CLIENTS)}")
    assert report.failures == [], "\n".join(report.failures[:20])
    assert report.clients_served == CLIENTS, "some clients never got an answer"
    mix = {"draft", "reminder-create", "reminder-list", "reminder-patch"}
    assert mix <= report.by_action.keys(), report.by_action
    assert server.tracebacks() == [], server.log_tail()


def test_fifty_clients_for_three_seconds(private_server):
    check_load(private_server, seconds=3, max_requests=200)


@pytest.mark.slow
def test_fifty_clients_for_thirty_seconds(private_server):
    check_load(private_server, seconds=30, max_requests=5000)
