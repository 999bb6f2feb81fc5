"""Rebuilding in one process: only what changed is redone, and the result matches a fresh build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gracious.guide import build_guide
from gracious.guide import render as render_module


def many_pages(count: int) -> dict[str, str]:
    """A folder's worth of pages that link to each other."""
    pages = {"index.md": "# Home\n\n[First](page-000.md#part)\n"}
    for number in range(count):
        pages[f"page-{number:03d}.md"] = (
            f"---\ntitle: Page {number}\norder: {number}\n---\n## Part {{#part}}\n\n"
            f"See [the next page](page-{(number + 1) % count:03d}.md#part).\n\n"
            "| a | b |\n| - | - |\n| 1 | 2 |\n"
        )
    return pages


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


def times(folder: Path) -> dict[str, int]:
    """Every file under a folder with its modification time."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")
            if p.is_file()}


def test_touching_one_page_rewrites_only_that_page(pages_folder, tmp_path):
    folder = pages_folder(many_pages(12))
    out = tmp_path / "out"
    build_guide(folder, out, search=False)
    before = times(out)
    page = folder / "page-005.md"
    page.write_text(page.read_text() + "\nOne more line.\n")
    build_guide(folder, out, search=False)
    changed = {name for name, mtime in times(out).items() if before.get(name) != mtime}
    assert changed == {"page-005/index.html", ".gracious-guide"}
    assert b"One more line." in (out / "page-005/index.html").read_bytes()
    fresh = tmp_path / "fresh"
    build_guide(folder, fresh, search=False)
    assert tree(out) == tree(fresh)


def test_a_removed_page_disappears_from_the_output(pages_folder, tmp_path):
    folder = pages_folder(many_pages(3))
    out = tmp_path / "out"
    build_guide(folder, out, search=False, strict=False)
    os.remove(folder / "page-002.md")
    build_guide(folder, out, search=False, strict=False)
    assert not (out / "page-002").exists()
    assert b"page-002" not in (out / "sitemap.xml").read_bytes()


def test_an_output_changed_by_someone_else_is_cleaned_and_rebuilt(pages_folder, tmp_path):
    folder = pages_folder(many_pages(3))
    out = tmp_path / "out"
    build_guide(folder, out, search=False)
    (out / "page-001/index.html").write_text("edited by hand")
    (out / ".gracious-guide").write_text("another build\n")
    build_guide(folder, out, search=False)
    assert b"Page 1" in (out / "page-001/index.html").read_bytes()


def build_in_a_fresh_process(folder, out) -> subprocess.CompletedProcess:
    """Build in a new single-threaded interpreter, where forking render workers is safe."""
    # the suite's own threads (browsers, servers) rightly keep this process from forking
    script = (
        "import os, sys\nfrom pathlib import Path\n"
        "from gracious.guide import BuildError, build_guide, render\n"
        "many = render.PARALLEL_FROM + 3\n"
        "assert render.can_fork_workers(many) == ((os.cpu_count() or 1) > 1)\n"
        "try:\n"
        "    build_guide(Path(sys.argv[1]), Path(sys.argv[2]), search=False)\n"
        "except BuildError as error:\n"
        "    for problem in error.problems:\n"
        "        print(f'{problem.file}|{problem.line}|{problem.message}')\n"
        "    sys.exit(3)\n"
    )
    return subprocess.run([sys.executable, "-c", script, str(folder), str(out)],
                          capture_output=True, text=True, check=False)


def test_many_pages_render_in_worker_processes_to_the_same_site(pages_folder, tmp_path,
                                                                 monkeypatch):
    folder = pages_folder(many_pages(render_module.PARALLEL_FROM + 2))
    assert build_in_a_fresh_process(folder, tmp_path / "parallel").returncode == 0
    monkeypatch.setattr(render_module, "PARALLEL_FROM", 10**9)
    build_guide(folder, tmp_path / "sequential", search=False)
    assert tree(tmp_path / "parallel") == tree(tmp_path / "sequential")


def test_errors_in_worker_processes_keep_their_file_and_line(pages_folder, tmp_path):
    pages = many_pages(render_module.PARALLEL_FROM + 2)
    pages["page-007.md"] += "\n[[example no-such-kind]]\n"
    result = build_in_a_fresh_process(pages_folder(pages), tmp_path / "out")
    assert result.returncode == 3, result.stderr
    [problem] = result.stdout.splitlines()
    file, line, message = problem.split("|", 2)
    assert file.endswith("page-007.md") and line == "13"
    assert "no-such-kind is not a kind of note" in message
