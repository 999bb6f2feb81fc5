"""`gracious guide serve` refuses foreign Host names and sends the main server's headers."""

from __future__ import annotations

import http.client
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from gracious.security import EVERY_RESPONSE_HEADERS
from tests.support import free_port

HOSTILE_HOSTS = ["evil.com", "localhost.evil.com", "127.0.0.1.nip.io", "", "attacker:8000"]
PATHS = ["/guide/", "/guide/notes/", "/_preview/version", "/_preview/reload.js", "/"]


def get(port: int, path: str, host: str) -> http.client.HTTPResponse:
    """GET a path with exactly this Host header."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Iterator[int]:
    """A real `gracious guide serve` previewing a private notes folder."""
    root = tmp_path_factory.mktemp("preview")
    source = root / "notes"
    (source / "notes").mkdir(parents=True)
    (source / "index.md").write_text("# My notes\n\nSee [private](notes/index.md).\n")
    (source / "notes" / "index.md").write_text("# Private\n\nsalary-expectation-secret\n")
    port = free_port()
    log = (root / "preview.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "gracious", "guide", "serve", "--source",
                                str(source), "--out", str(root / "out"), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            if get(port, "/guide/", f"127.0.0.1:{port}").status == 200:
                break
        except OSError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "preview did not start"
        time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.mark.parametrize("host", HOSTILE_HOSTS)
@pytest.mark.parametrize("path", PATHS)
def test_foreign_hosts_are_refused(preview, host, path):
    response = get(preview, path, host)
    assert response.status == 403, (host, path, response.status)
    assert response.getheader("Content-Type") == "application/problem+json"
    assert b"salary-expectation-secret" not in response.body


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}"])
def test_loopback_hosts_are_served_with_the_security_headers(preview, host):
    response = get(preview, "/guide/notes/", host.format(port=preview))
    assert response.status == 200
    assert b"salary-expectation-secret" in response.body
    for name, value in EVERY_RESPONSE_HEADERS.items():
        assert response.getheader(name) == value, name
    assert "frame-ancestors 'none'" in response.getheader("Content-Security-Policy")
