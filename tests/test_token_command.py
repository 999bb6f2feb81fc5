"""`gracious token`: print the pairing code, create it privately, replace it with --rotate."""

from __future__ import annotations

import stat

import pytest

from gracious.cli import main
from gracious.pairing import MIN_TOKEN_LENGTH, read_token, token_path


@pytest.fixture
def token_cli(monkeypatch, capsys):
    """Run `gracious token ARGS` in-process with no GRACIOUS_* set; return (code, out, err)."""
    monkeypatch.delenv("GRACIOUS_TOKEN", raising=False)
    monkeypatch.delenv("GRACIOUS_DATA_DIR", raising=False)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["token", *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_token_creates_and_prints_the_code(token_cli, tmp_path):
    code, out, err = token_cli("--data-dir", str(tmp_path / "data"))
    assert code == 0 and err == ""
    printed = out.strip()
    assert len(printed) >= MIN_TOKEN_LENGTH
    assert printed == read_token(tmp_path / "data")
    assert stat.S_IMODE(token_path(tmp_path / "data").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    # asked again, it prints the same code
    assert token_cli("--data-dir", str(tmp_path / "data"))[1].strip() == printed


def test_rotate_replaces_the_code_and_says_what_to_do(token_cli, tmp_path):
    first = token_cli("--data-dir", str(tmp_path))[1].strip()
    code, out, err = token_cli("--data-dir", str(tmp_path), "--rotate")
    assert code == 0
    assert out.strip() != first and out.strip() == read_token(tmp_path)
    assert "pair the extension again" in err


def test_the_environment_token_wins(token_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("GRACIOUS_TOKEN", "z" * 40)
    assert token_cli("--data-dir", str(tmp_path))[1].strip() == "z" * 40
    code, _, err = token_cli("--data-dir", str(tmp_path), "--rotate")
    assert code == 1 and "GRACIOUS_TOKEN" in err
    assert not token_path(tmp_path).exists()


def test_a_data_dir_that_is_a_file_is_named(token_cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    code, out, err = token_cli("--data-dir", str(blocker))
    assert code == 1 and out == ""
    assert f"{blocker} is a file, not a directory" in err
