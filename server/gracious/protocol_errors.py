"""Waitress's own HTTP errors (unparseable requests, huge headers or bodies) as problems."""

from __future__ import annotations

import json

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer
from waitress.task import ErrorTask

from gracious.problems import PROBLEM_JSON
from gracious.security import EVERY_RESPONSE_HEADERS


class ProblemErrorTask(ErrorTask):
    """Answer waitress's own errors (unparseable HTTP, huge headers or bodies) as problems."""

    def execute(self) -> None:
        """Write the error as an RFC 9457 problem document."""
        error = self.request.error
        body = json.dumps({"type": "about:blank", "title": error.reason, "status": error.code,
                           "detail": f"{error.reason}: {error.body}."}).encode()
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend([("Content-Type", PROBLEM_JSON),
                                      *EVERY_RESPONSE_HEADERS.items()])
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class ProblemChannel(HTTPChannel):
    """A waitress connection whose protocol errors are problem documents."""

    error_task_class = ProblemErrorTask


def answer_errors_as_problems(server: object) -> None:
    """Make every listening socket of a waitress server use ProblemChannel."""
    # a host that resolves to several addresses gives a MultiSocketServer holding one per address
    listeners = [server] if isinstance(server, BaseWSGIServer) else list(server.map.values())
    for listener in listeners:
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = ProblemChannel
