"""Extraction on the thread corpus: threads fully right, fields right, wrong people or employers."""

from __future__ import annotations

import sys

from bench.common import Row
from tests.threads.corpus import FIELDS, PEOPLE_AND_EMPLOYERS, load_cases, run_case

TARGET_FULLY_RIGHT = 0.9


def score() -> tuple[int, int, int, int, list[str]]:
    """(threads, fully right, fields right, wrong people or employers, the wrong ones' notes)."""
    cases = load_cases()
    fully = fields_right = wrong = 0
    notes = []
    for case in cases:
        found, expected = run_case(case)
        right = [name for name in FIELDS if found[name] == expected[name]]
        fields_right += len(right)
        fully += len(right) == len(FIELDS)
        for name in PEOPLE_AND_EMPLOYERS:
            if found[name] is not None and found[name] != expected[name]:
                wrong += 1
        for name in set(FIELDS) - set(right):
            notes.append(f"{case.name}: {name} {found[name]!r}, expected {expected[name]!r}")
    return len(cases), fully, fields_right, wrong, notes


def measure() -> list[Row]:
    """The corpus scores as benchmark rows."""
    threads, fully, _, wrong, _ = score()
    share = fully / threads if threads else 0.0
    return [
        Row("extraction: threads fully right", share * 100, "%", f">= {TARGET_FULLY_RIGHT:.0%}",
            share / TARGET_FULLY_RIGHT, share >= TARGET_FULLY_RIGHT),
        Row("extraction: wrong people or employers", wrong, "", "0", float(wrong), wrong == 0),
    ]


def main() -> int:
    """Print the corpus report."""
    threads, fully, fields_right, wrong, notes = score()
    for note in sorted(notes):
        print(note)
    print(f"threads fully right: {fully}/{threads}")
    print(f"fields right: {fields_right}/{threads * len(FIELDS)}")
    print(f"wrong people or employers: {wrong}")
    return 0 if wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
