"""Test support shared by the suite and the benchmarks: a live server and Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from gracious.pairing import read_token

# a known pairing code for in-process apps (at least 32 characters, as the server demands)
TEST_TOKEN = "gracious-test-pairing-code-0123456789"
TEST_AUTH = {"Authorization": f"Bearer {TEST_TOKEN}"}


def free_port() -> int:
    """Ask the OS for a free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(url: str, process: subprocess.Popen, timeout: float = 30) -> None:
    """Wait until the server answers its health check, or fail with its output."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/v1/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"server at {url} did not become healthy")


class LiveServer:
    """A real `gracious serve` process on a free loopback port, logging to a file."""

    def __init__(self, data_dir: Path, env: dict[str, str] | None = None,
                 log_path: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.log_path = log_path or data_dir / "server.log"
        self.env = {**os.environ, **(env or {})}
        self.process: subprocess.Popen | None = None
        # the pairing token every data route needs: GRACIOUS_TOKEN when given, else the one the
        # server creates in its data dir on first start (read once it is healthy)
        self.token: str | None = self.env.get("GRACIOUS_TOKEN") or None

    @property
    def auth_headers(self) -> dict[str, str]:
        """Headers that authorise a request to this server's data routes."""
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def start(self) -> LiveServer:
        """Start the process and wait until it is healthy."""
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        # a file, not a pipe: an unread pipe fills after 64 KiB of warnings and stalls the server
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gracious", "serve", "--port", str(self.port),
                 "--data-dir", str(self.data_dir)],
                env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )
        try:
            wait_for_health(self.url, self.process)
        except (RuntimeError, TimeoutError) as error:
            self.stop()
            raise RuntimeError(f"{error}; server log:\n{self.log_tail()}") from error
        if not self.env.get("GRACIOUS_TOKEN"):
            self.token = read_token(self.data_dir)
        return self

    def stop(self) -> None:
        """Stop the process politely, then firmly."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def kill(self) -> None:
        """Kill the process with SIGKILL, as a crash or power cut would."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def log_tail(self, size: int = 4000) -> str:
        """The end of the server's log, for failure messages."""
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-size:]

    def tracebacks(self) -> list[str]:
        """Every traceback the server logged."""
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return text.split("Traceback (most recent call last)")[1:]


def authorize(client):
    """Make a Flask test client send the test pairing code on every request."""
    client.environ_base["HTTP_AUTHORIZATION"] = TEST_AUTH["Authorization"]
    return client


def pair_extension(target, server: LiveServer, **settings) -> None:
    """Point the extension at server and give it the pairing code, as pairing would."""
    # target is anything that runs code in an extension context: the service worker, or an
    # extension page (options, popup) where a browser has no worker handle to offer
    if hasattr(target, "service_workers"):
        workers = target.service_workers
        target = workers[-1] if workers else target.wait_for_event("serviceworker")
    assert server.token, "the server has no pairing code yet; start it first"
    target.evaluate("settings => chrome.storage.local.set(settings)",
                    {"serverUrl": server.url, "pairingToken": server.token, **settings})


def find_chromium() -> str | None:
    """The system Chromium if there is one; None lets Playwright use its own."""
    explicit = os.environ.get("GRACIOUS_CHROMIUM")
    if explicit:
        return explicit
    candidates = ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    return None


# flags that keep a headless Chromium quiet on a machine with no outside network
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


PROBLEM_JSON = "application/problem+json"


def assert_problem(response, status: int, field: str | None = None) -> dict:
    """Check a complete problem document with this status, naming field when given."""
    assert response.status_code == status
    assert response.mimetype == PROBLEM_JSON
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["title"] and body["detail"]
    assert body["type"] == "about:blank"
    assert body["instance"] == response.request.path
    assert "Traceback" not in response.get_data(as_text=True)
    if field is not None:
        assert field in [error["field"] for error in body["errors"]], body
    return body
