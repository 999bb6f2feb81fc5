"""The data directory is 0700 and every file in it 0600, tightened on start when looser."""

from __future__ import annotations

import logging
import stat

from gracious.app import create_app
from gracious.pairing import TOKEN_FILENAME
from gracious.storage import prepare_storage
from gracious.storage.location import DB_FILENAME
from tests.support import TEST_TOKEN, authorize

DATABASE_FILES = [DB_FILENAME, f"{DB_FILENAME}-wal", f"{DB_FILENAME}-shm"]


def mode(path) -> int:
    """The permission bits of a path."""
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_dir_and_its_files_are_private(client, app, tmp_path):
    assert client.post("/api/v1/history", json={"body": "Thank you."}).status_code == 201
    data_dir = tmp_path / "data"
    assert mode(data_dir) == 0o700
    for name in DATABASE_FILES:
        assert (data_dir / name).exists(), name
        assert mode(data_dir / name) == 0o600, name


def test_looser_modes_are_tightened_on_start_with_a_log_line(tmp_path, caplog):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    for name in (DB_FILENAME, "backup.sqlite3"):
        (data_dir / name).write_bytes(b"")
        (data_dir / name).chmod(0o644)
    app = create_app({"TESTING": True, "DATA_DIR": str(data_dir), "TOKEN": TEST_TOKEN})
    with caplog.at_level(logging.WARNING, logger="gracious.files"):
        prepare_storage(app)
    assert mode(data_dir) == 0o700
    assert mode(data_dir / DB_FILENAME) == 0o600
    assert mode(data_dir / "backup.sqlite3") == 0o600
    logged = caplog.text
    assert f"made {data_dir} private: its mode was 0755, now 0700" in logged
    assert "backup.sqlite3 private: its mode was 0644, now 0600" in logged
    # and what was already private is left alone, silently
    caplog.clear()
    second = create_app({"TESTING": True, "DATA_DIR": str(data_dir), "TOKEN": TEST_TOKEN})
    with caplog.at_level(logging.WARNING, logger="gracious.files"):
        prepare_storage(second)
    assert "made" not in caplog.text
    assert authorize(second.test_client()).get("/api/v1/profile").status_code == 200


def test_a_live_server_keeps_every_file_private(live_server):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=10)
    connection.request("POST", "/api/v1/history", body=b'{"body": "Thank you."}',
                       headers={"Content-Type": "application/json", **live_server.auth_headers})
    assert connection.getresponse().status == 201
    connection.close()
    data_dir = live_server.data_dir
    assert mode(data_dir) == 0o700
    for name in [*DATABASE_FILES, TOKEN_FILENAME]:
        assert mode(data_dir / name) == 0o600, name
