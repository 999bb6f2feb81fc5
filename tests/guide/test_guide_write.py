"""Stage three: cleaning the output, writing files and copying static assets."""

from __future__ import annotations

import pytest

from gracious.guide.write import STAMP, clean_output, copy_static, static_files, write_files


def test_clean_removes_everything_from_an_earlier_build(tmp_path):
    out = tmp_path / "out"
    clean_output(out, "first\n")
    write_files(out, {"old/index.html": "<p>old</p>", "gone.txt": b"bytes"})
    clean_output(out, "second\n")
    assert sorted(p.name for p in out.rglob("*")) == [STAMP]
    assert (out / STAMP).read_text() == "second\n"


@pytest.mark.parametrize("existing", ["notes.txt", "folder/keep.md"])
def test_clean_refuses_a_folder_it_did_not_build(tmp_path, existing):
    out = tmp_path / "out"
    (out / existing).parent.mkdir(parents=True)
    (out / existing).write_text("precious")
    with pytest.raises(FileExistsError, match="not built by"):
        clean_output(out, "stamp\n")
    assert (out / existing).read_text() == "precious"


def test_write_creates_folders_and_keeps_text_as_utf8(tmp_path):
    write_files(tmp_path, {"a/b/index.html": "café", "data.bin": b"\x00\x01"})
    assert (tmp_path / "a/b/index.html").read_bytes() == "café".encode()
    assert (tmp_path / "data.bin").read_bytes() == b"\x00\x01"


def test_static_files_are_copied_byte_for_byte_without_hidden_ones(tmp_path):
    static = tmp_path / "static"
    (static / "img").mkdir(parents=True)
    (static / "guide.css").write_bytes(b"body{}\r\n")
    (static / "img/logo.svg").write_bytes(b"<svg/>")
    (static / ".DS_Store").write_bytes(b"junk")
    out = tmp_path / "out"
    clean_output(out, "stamp\n")
    copy_static(static, out)
    assert static_files(static) == ["guide.css", "img/logo.svg"]
    assert (out / "guide.css").read_bytes() == b"body{}\r\n"
    assert (out / "img/logo.svg").read_bytes() == b"<svg/>"
    assert not (out / ".DS_Store").exists()


def test_no_static_folder_copies_nothing(tmp_path):
    copy_static(None, tmp_path)
    assert list(tmp_path.iterdir()) == []
