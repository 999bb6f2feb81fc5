"""Load the thread corpus and score extraction against what a person would read off each thread."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from gracious.extraction import extract_context
from gracious.models import ResolvedFields, Thread

FOLDER = Path(__file__).parent
FIELDS = ("recipient", "company", "role", "date", "format")
# a wrong value in these puts a wrong person or employer into the note
PEOPLE_AND_EMPLOYERS = ("recipient", "company")


@dataclass(frozen=True)
class Case:
    """One thread with the fields expected from it (None: a person couldn't tell)."""

    name: str
    thread: Thread
    sender: str | None
    expected: dict[str, object]


def load_cases() -> list[Case]:
    """Every thread file in this folder, in name order."""
    cases = []
    for path in sorted(FOLDER.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise ValueError(f"{path.name} is not valid YAML: {error}") from error
        expected = data["expect"]
        missing = set(FIELDS) - set(expected)
        if missing:
            raise ValueError(f"{path.name} leaves out {sorted(missing)} under expect")
        cases.append(Case(path.stem, Thread.model_validate(data["thread"]), data.get("sender"),
                          expected))
    return cases


def found_values(fields: ResolvedFields) -> dict[str, object]:
    """The five scored fields as plain values."""
    interview = fields.interview
    return {
        "recipient": fields.recipient.name if fields.recipient else None,
        "company": fields.company,
        "role": fields.role,
        "date": interview.date if interview else None,
        "format": interview.format if interview else None,
    }


def expected_value(case: Case, name: str) -> object:
    """An expected value, with dates as dates."""
    value = case.expected[name]
    if name == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def run_case(case: Case) -> tuple[dict[str, object], dict[str, object]]:
    """Extract from one thread: (found, expected) for the five fields."""
    found = found_values(extract_context(case.thread, case.sender))
    return found, {name: expected_value(case, name) for name in FIELDS}
