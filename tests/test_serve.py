"""`gracious serve` as a real process: start-up, configuration, refusals and shutdown."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys

import pytest

from gracious.cli import main
from gracious.commands.serve import is_loopback, server_url
from tests.support import free_port, wait_for_health


def clean_env(**extra: str) -> dict[str, str]:
    """The test's environment without any GRACIOUS_* setting, plus these."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GRACIOUS_")}
    return {**env, **extra}


def start_serve(*args: str, env: dict[str, str]) -> subprocess.Popen:
    """Start `python -m gracious serve` with captured output."""
    return subprocess.Popen([sys.executable, "-m", "gracious", "serve", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stop_serve(process: subprocess.Popen, signum: int = signal.SIGTERM) -> tuple[str, str]:
    """Signal the server and collect its output once it has exited."""
    process.send_signal(signum)
    try:
        return process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise


def raw_request(port: int, request: bytes) -> bytes:
    """Send bytes to the server and read its whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_live_server_answers_health(live_server):
    conn = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=10)
    conn.request("GET", "/api/v1/health")
    response = conn.getresponse()
    assert response.status == 200
    assert json.loads(response.read())["status"] == "ok"
    assert response.getheader("Server") == "gracious"


@pytest.mark.parametrize("host_line", [b"", b"Host: \r\n", b"Host: evil.com\r\n",
                                       b"Host: 127.0.0.1.nip.io\r\n"])
def test_live_server_refuses_a_foreign_host(live_server, host_line):
    answer = raw_request(live_server.port, b"GET /api/v1/health HTTP/1.0\r\n" + host_line
                         + b"Connection: close\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 403")
    assert b"application/problem+json" in head
    assert json.loads(body)["status"] == 403


def test_live_server_limits_a_chunked_body(live_server):
    # chunked uploads carry no Content-Length; the 64 KiB limit must hold anyway
    conn = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=10)
    chunks = [b'{"thread": {"text": "'] + [b"x" * 1024] * 70 + [b'"}}']
    conn.request("POST", "/api/v1/drafts", body=iter(chunks), encode_chunked=True,
                 headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked",
                          **live_server.auth_headers})
    response = conn.getresponse()
    assert response.status == 413
    assert response.getheader("Content-Type") == "application/problem+json"


def test_live_server_limits_a_long_body(live_server):
    conn = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=10)
    conn.request("POST", "/api/v1/drafts", body=b"{" + b" " * (65 * 1024) + b"}",
                 headers={"Content-Type": "application/json", **live_server.auth_headers})
    response = conn.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["status"] == 413


@pytest.mark.parametrize(("request_bytes", "status"), [
    (b"GARBAGE\r\n\r\n", 400),
    (b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n", 400),
    (b"POST /api/v1/drafts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nine\r\n\r\n", 400),
    # refused from the headers alone, before a byte of the 2 MB is buffered
    (b"POST /api/v1/drafts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
     b"Content-Length: 2000000\r\n\r\n", 413),
])
def test_live_server_answers_broken_http_with_problems(live_server, request_bytes, status):
    answer = raw_request(live_server.port, request_bytes)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ", 2)[1] == str(status).encode()
    assert b"Content-Type: application/problem+json" in head
    assert json.loads(body)["status"] == status


def test_serve_prints_its_url_creates_the_data_dir_and_stops_cleanly_on_sigterm(tmp_path):
    port = free_port()
    data_dir = tmp_path / "nested" / "data"
    process = start_serve("--port", str(port), "--data-dir", str(data_dir), env=clean_env())
    wait_for_health(f"http://127.0.0.1:{port}", process)
    assert data_dir.is_dir()
    out, err = stop_serve(process, signal.SIGTERM)
    assert process.returncode == 0
    url = f"http://127.0.0.1:{port}"
    assert f"Gracious is running at {url} (guide: {url}/guide/)" in out
    assert "Gracious stopped." in out
    assert "Traceback" not in err


def test_serve_stops_cleanly_on_ctrl_c(tmp_path):
    port = free_port()
    process = start_serve("--port", str(port), "--data-dir", str(tmp_path), env=clean_env())
    wait_for_health(f"http://127.0.0.1:{port}", process)
    out, err = stop_serve(process, signal.SIGINT)
    assert process.returncode == 0
    assert "Gracious stopped." in out
    assert "Traceback" not in err


def test_flags_win_over_environment(tmp_path):
    flag_port, env_port = free_port(), free_port()
    flag_dir, env_dir = tmp_path / "from-flag", tmp_path / "from-env"
    env = clean_env(GRACIOUS_PORT=str(env_port), GRACIOUS_DATA_DIR=str(env_dir),
                    GRACIOUS_HOST="localhost")
    process = start_serve("--port", str(flag_port), "--data-dir", str(flag_dir),
                          "--host", "127.0.0.1", env=env)
    try:
        wait_for_health(f"http://127.0.0.1:{flag_port}", process)
        assert flag_dir.is_dir()
        assert not env_dir.exists()
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", env_port), timeout=2).close()
    finally:
        out, _ = stop_serve(process)
    assert f"http://127.0.0.1:{flag_port}" in out


def test_environment_configures_the_server(tmp_path):
    port = free_port()
    env_dir = tmp_path / "from-env"
    env = clean_env(GRACIOUS_PORT=str(port), GRACIOUS_DATA_DIR=str(env_dir),
                    GRACIOUS_HOST="127.0.0.1")
    process = start_serve(env=env)
    try:
        wait_for_health(f"http://127.0.0.1:{port}", process)
        assert env_dir.is_dir()
    finally:
        stop_serve(process)
    assert process.returncode == 0


# refusals happen before anything is bound, so they run in-process through the real cli


@pytest.fixture
def serve_cli(monkeypatch, capsys, tmp_path):
    """Run `gracious serve ARGS` in-process with a clean environment; return (code, stderr)."""
    for key in list(os.environ):
        if key.startswith("GRACIOUS_"):
            monkeypatch.delenv(key)

    def serve(*args: str, **env: str) -> tuple[int, str]:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        try:
            code = main(["serve", *args, "--data-dir", str(tmp_path)])
        except SystemExit as exit_:
            code = exit_.code
        return code, capsys.readouterr().err

    return serve


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20"])
def test_non_loopback_host_is_refused_without_allow_remote(serve_cli, host):
    code, err = serve_cli("--host", host, GRACIOUS_TOKEN="s3cret-" * 5)
    assert code == 2
    assert "--allow-remote" in err


def test_allow_remote_without_a_token_is_refused(serve_cli):
    code, err = serve_cli("--host", "0.0.0.0", "--allow-remote")
    assert code == 2
    assert "GRACIOUS_TOKEN" in err


def test_non_loopback_host_from_the_environment_is_refused_too(serve_cli):
    code, err = serve_cli(GRACIOUS_HOST="0.0.0.0")
    assert code == 2
    assert "--allow-remote" in err


def test_port_in_use_is_a_clear_error(tmp_path):
    # a real process, to see that nothing but the message reaches the terminal
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "gracious", "serve", "--port", str(port), "--data-dir",
             str(tmp_path)], env=clean_env(), capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert f"port {port} is already in use" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "env"), [
    (("--port", "http"), {}),
    (("--port", "70000"), {}),
    ((), {"GRACIOUS_PORT": "eighty"}),
    ((), {"GRACIOUS_PORT": "-1"}),
])
def test_bad_port_is_a_usage_error(serve_cli, args, env):
    code, err = serve_cli(*args, **env)
    assert code == 2
    assert "port" in err.lower()


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("LOCALHOST", True), ("::1", True),
    ("[::1]", True), ("127.0.0.2", True), ("0.0.0.0", False), ("::", False),
    ("192.168.1.20", False), ("example.com", False), ("localhost.example.com", False),
])
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_url_shown_for_a_wildcard_bind_is_reachable_locally():
    assert server_url("0.0.0.0", 8787) == "http://127.0.0.1:8787"
    assert server_url("::1", 8787) == "http://[::1]:8787"
