"""Send HTTP requests exactly as written, with no client-side clean-up of Host or path."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from tests.support import LiveServer


@dataclass
class Answer:
    """What the server sent back."""

    status: int
    headers: http.client.HTTPMessage
    body: bytes
    sent: str = field(default="")

    @property
    def content_type(self) -> str:
        """The media type without parameters."""
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

    def json(self) -> object:
        """The body parsed as JSON."""
        return json.loads(self.body)

    def describe(self) -> str:
        """One line for a failure message: request, status, type and the start of the body."""
        return f"{self.sent} -> {self.status} {self.content_type} {self.body[:300]!r}"


def send_raw(
    server: LiveServer,
    method: str,
    path: str,
    *,
    host: str | None = None,
    headers: Iterable[tuple[str, str]] = (),
    body: bytes | Iterable[bytes] | None = None,
    chunked: bool = False,
    timeout: float = 10,
    paired: bool = True,
) -> Answer:
    """Send one request on a fresh connection; host=None sends the usual loopback Host."""
    port = server.port
    headers = [*(server.auth_headers.items() if paired else ()), *headers]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", f"127.0.0.1:{port}" if host is None else host)
        for name, value in headers:
            connection.putheader(name, value)
        if chunked:
            connection.putheader("Transfer-Encoding", "chunked")
            connection.endheaders()
            for chunk in body or ():
                connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            connection.send(b"0\r\n\r\n")
        elif isinstance(body, bytes):
            if not any(name.lower() == "content-length" for name, _ in headers):
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
        else:
            connection.endheaders()
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read(),
                      f"{method} {path} Host={host!r} {list(headers)}")
    finally:
        connection.close()


class KeepAlive:
    """One keep-alive connection for many ordinary JSON requests in a row."""

    def __init__(self, server: LiveServer, timeout: float = 10):
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
        self.auth_headers = server.auth_headers

    def send(self, method: str, path: str, payload: object = None) -> Answer:
        """Send one request, with a JSON body when there is a payload."""
        body = None if payload is None else json.dumps(payload)
        headers = {**self.auth_headers,
                   **({} if body is None else {"Content-Type": "application/json"})}
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        return Answer(response.status, response.headers, response.read(),
                      f"{method} {path} {body[:200] if body else ''}")

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()
