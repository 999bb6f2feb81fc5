"""Rough edges of `gracious serve` and the cli: a second start, a busy port, odd data dirs,
unwritable output, an ignored SIGINT and unsafe settings."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gracious.commands.serve import check_exposure
from gracious.settings import SettingError, default_settings
from tests.support import free_port, wait_for_health


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without any GRACIOUS_* setting, plus these."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GRACIOUS_")}
    return {**env, **extra}


def gracious(*args: str, **env: str) -> subprocess.CompletedProcess:
    """Run the real cli and capture what it says."""
    return subprocess.run([sys.executable, "-m", "gracious", *args], env=clean_env(**env),
                          capture_output=True, text=True, timeout=60)


def test_a_second_start_on_a_gracious_port_says_it_is_running(live_server, tmp_path):
    fresh = tmp_path / "never-made"
    result = gracious("serve", "--port", str(live_server.port), "--data-dir", str(fresh))
    assert result.returncode == 0, result.stderr
    assert f"Gracious is already running at {live_server.url}" in result.stdout
    assert not fresh.exists()


def test_a_port_taken_by_another_program_names_both_ways_to_choose(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = gracious("serve", "--port", str(port), "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "--port" in result.stderr and "GRACIOUS_PORT" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists()


def test_a_data_dir_that_is_a_file_is_named(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    result = gracious("serve", "--port", str(free_port()), "--data-dir", str(blocker))
    assert result.returncode == 1
    assert f"{blocker} is a file, not a directory" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_output_to_a_full_disk_is_one_line_and_exit_1():
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "gracious", "draft", "--company", "Acme", "--role", "Analyst"],
            env=clean_env(), stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "gracious: cannot write the output: No space left on device"]


def test_a_start_with_sigint_ignored_still_stops_on_ctrl_c(tmp_path):
    port = free_port()
    # what a shell script's "cmd &" does: the child starts with SIGINT ignored
    process = subprocess.Popen(
        [sys.executable, "-m", "gracious", "serve", "--port", str(port), "--data-dir",
         str(tmp_path / "data")], env=clean_env(), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        wait_for_health(f"http://127.0.0.1:{port}", process)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Gracious stopped." in out


@pytest.mark.parametrize("origins", ["null", "*", "https://*.example.com", "http://a.test,null"])
def test_unsafe_allowed_origins_are_refused(origins, tmp_path):
    with pytest.raises(SettingError, match="may not contain"):
        default_settings({"GRACIOUS_ALLOWED_ORIGINS": origins})
    result = gracious("serve", "--port", str(free_port()), "--data-dir", str(tmp_path / "d"),
                      GRACIOUS_ALLOWED_ORIGINS=origins)
    assert result.returncode == 2 and "GRACIOUS_ALLOWED_ORIGINS" in result.stderr
    assert not (tmp_path / "d").exists()


def test_a_short_token_is_refused_at_start(tmp_path):
    result = gracious("serve", "--port", str(free_port()), "--data-dir", str(tmp_path),
                      GRACIOUS_TOKEN="a")
    assert result.returncode == 2 and "at least 32 characters" in result.stderr


def test_a_bind_beyond_loopback_warns_about_plain_http(caplog):
    with caplog.at_level(logging.WARNING, logger="gracious.serve"):
        assert check_exposure("0.0.0.0", allow_remote=True, token="t" * 40) is True
    assert "plain HTTP" in caplog.text and "SSH tunnel" in caplog.text and "Caddy" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="gracious.serve"):
        assert check_exposure("127.0.0.1", allow_remote=False, token=None) is False
    assert caplog.text == ""


def test_every_gracious_variable_is_read_in_settings_only():
    server = Path(__file__).resolve().parents[1] / "server" / "gracious"
    readers = sorted(
        str(path.relative_to(server)) for path in server.rglob("*.py")
        if "environ" in (text := path.read_text(encoding="utf-8")) and "GRACIOUS_" in text
        and "os.environ" in text)
    assert readers == ["settings.py"]
