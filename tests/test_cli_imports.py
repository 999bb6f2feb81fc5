"""The command line loads only what the chosen subcommand needs: Flask only to serve."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gracious.cli import COMMANDS

# run main() in a fresh interpreter, then list the modules it loaded
PROBE = """
import json, sys
from gracious.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def loaded_by(*argv: str, data_dir=None) -> set[str]:
    """The modules a fresh `gracious ARGV...` has imported by the time it finishes."""
    env_args = [] if data_dir is None else ["--data-dir", str(data_dir)]
    result = subprocess.run([sys.executable, "-c", PROBE, *argv, *env_args],
                            capture_output=True, text=True, timeout=60, check=True)
    last = result.stderr.splitlines()[-1]
    assert last.startswith("MODULES "), result.stderr
    return set(json.loads(last.removeprefix("MODULES ")))


def web_modules(modules: set[str]) -> list[str]:
    """The web framework's and server's modules among those loaded."""
    return sorted(m for m in modules if m.split(".")[0] in {"flask", "werkzeug", "waitress"})


def test_help_imports_no_subcommand_and_no_pydantic():
    modules = loaded_by("--help")
    assert not [m for m in modules if m.startswith("gracious.commands.")]
    assert "pydantic" not in modules
    assert web_modules(modules) == []


def test_draft_imports_only_its_own_command_and_no_web_framework():
    modules = loaded_by("draft", "--to", "Priya Raman", "--company", "Northwind")
    assert [m for m in modules if m.startswith("gracious.commands.")] == ["gracious.commands.draft"]
    assert "gracious.compose" in modules
    assert web_modules(modules) == []


def test_draft_without_a_thread_imports_no_extraction():
    modules = loaded_by("draft", "--to", "Priya Raman", "--company", "Northwind", "--detail", "dbt")
    assert not [m for m in modules if m.startswith("gracious.extraction")]


def test_a_thread_loads_extraction_when_a_note_needs_it():
    probe = ("import sys; from gracious.compose import compose_note; "
             "from gracious.models import DraftRequest; "
             "before = 'gracious.extraction' in sys.modules; "
             "draft = compose_note(DraftRequest(thread={'text': 'Thanks,\\nPriya Raman'})); "
             "print(before, 'gracious.extraction' in sys.modules, draft.fields.recipient.name)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.split() == ["False", "True", "Priya", "Raman"]


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - {"serve"}))
def test_only_serve_loads_the_web_framework(name):
    assert web_modules(loaded_by(name, "--help")) == []


@pytest.mark.parametrize("argv", [["export"], ["forget", "--yes"]])
def test_data_commands_import_no_web_framework(tmp_path, argv):
    modules = loaded_by(*argv, data_dir=tmp_path / "data")
    assert web_modules(modules) == []
    assert "sqlite3" in modules


def test_package_and_models_import_no_web_framework():
    result = subprocess.run(
        [sys.executable, "-c", "import sys, gracious, gracious.models, gracious.storage.models, "
         "gracious.validation; print(' '.join(sys.modules))"],
        capture_output=True, text=True, timeout=60, check=True)
    assert web_modules(set(result.stdout.split())) == []


def test_every_registered_subcommand_has_help(capsys):
    from gracious.cli import main

    for name in COMMANDS:
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0
        assert f"gracious {name}" in capsys.readouterr().out
