"""`gracious draft`: a note in the terminal, no server needed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from gracious.cli import main

FULL_ARGS = [
    "draft",
    "--kind",
    "thank-you",
    "--to",
    "Priya Raman",
    "--company",
    "Northwind Traders",
    "--role",
    "Senior Data Analyst",
    "--detail",
    "your plan to move reporting to dbt",
    "--detail",
    "the on-call rotation",
    "--from",
    "Sam Lee",
]


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line and capture what it printed."""
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_prints_subject_blank_line_and_body(capsys):
    code, out, err = run(capsys, *FULL_ARGS)
    assert code == 0 and err == ""
    subject, blank, greeting, *_ = out.splitlines()
    assert subject == "Thank you for the Senior Data Analyst interview"
    assert blank == ""
    assert greeting == "Hi Priya,"
    assert "your plan to move reporting to dbt and the on-call rotation" in out
    assert out.rstrip().endswith("Sam Lee")


def test_json_output_is_the_whole_draft(capsys):
    code, out, _ = run(capsys, *FULL_ARGS, "--tone", "formal", "--variant", "4", "--json")
    draft = json.loads(out)
    assert code == 0
    assert draft["tone"] == "formal" and draft["variant"] == 4 and draft["variants"] >= 3
    assert draft["body"].startswith("Dear Priya Raman,")
    assert draft["fields"]["company"] == "Northwind Traders"
    assert draft["fields"]["extracted"] == []


def test_linkedin_invitation_prints_only_the_short_note(capsys):
    code, out, _ = run(capsys, *FULL_ARGS, "--channel", "linkedin-connection")
    assert code == 0
    assert out.startswith("Hi Priya, ")
    assert len(out.rstrip("\n")) <= 200
    assert "\n\n" not in out


def test_withdraw_with_reason_date_format_title_and_signature(capsys):
    code, out, _ = run(
        capsys,
        "draft",
        "--kind",
        "withdraw",
        "--tone",
        "formal",
        "--to",
        "Helena Okafor",
        "--title",
        "Dr.",
        "--reason",
        "I have accepted another offer",
        "--date",
        "2026-03-03",
        "--format",
        "onsite",
        "--signature",
        "Sam Lee\nData Analyst",
    )
    assert code == 0
    assert "\nDear Dr. Okafor,\n" in out
    assert "I have accepted another offer." in out
    assert out.rstrip().endswith("Sam Lee\nData Analyst")


def test_same_arguments_print_the_same_note_and_variants_differ(capsys):
    _, first, _ = run(capsys, *FULL_ARGS)
    _, again, _ = run(capsys, *FULL_ARGS)
    _, other, _ = run(capsys, *FULL_ARGS, "--variant", "1")
    assert first == again
    assert first != other


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "cover-letter"], "argument --kind: invalid choice: 'cover-letter'"),
        (["--channel", "fax"], "argument --channel: invalid choice: 'fax'"),
        (["--tone", "angry"], "argument --tone: invalid choice: 'angry'"),
        (["--format", "carrier-pigeon"], "argument --format: invalid choice"),
        (["--variant", "-1"], "argument --variant: must be between 0 and 1000000"),
        (["--variant", "two"], "argument --variant: not a whole number: 'two'"),
        (["--date", "2026-13-01"], "argument --date: not a date in YYYY-MM-DD form"),
        (["--date", "tomorrow"], "argument --date: not a date in YYYY-MM-DD form"),
        (["--detail", "a", "--detail", "b", "--detail", "c", "--detail", "d"], "at most 3"),
        (["--role", "x" * 201], "--role: String should have at most 200 characters"),
        (["--to", "x" * 201], "--to: String should have at most 200 characters"),
        (["--title", "x" * 41], "--title: String should have at most 40 characters"),
        (["--detail", "x" * 301], "--detail: String should have at most 300 characters"),
    ],
)
def test_bad_values_exit_2_with_a_clear_message(capsys, args, message):
    with pytest.raises(SystemExit) as exited:
        main(["draft", *args])
    captured = capsys.readouterr()
    assert exited.value.code == 2
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_runs_as_a_module_without_a_server():
    result = subprocess.run(
        [sys.executable, "-m", "gracious", *FULL_ARGS, "--channel", "linkedin-message"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Hi Priya,\n\n")
    assert len(result.stdout.rstrip("\n")) <= 600
