"""The note corpora: scenarios as users type them, good notes to pass, broken notes to flag."""

from __future__ import annotations

import pytest

from gracious.compose import find_artifacts, variant_count
from tests.notes.checking import draft, failures, report, wording_problems
from tests.notes.corpus import broken_notes, good_notes, scenarios

# the checker must flag at least this share of the broken notes
CATCH_RATE = 0.95


@pytest.mark.parametrize("scenario", scenarios(), ids=lambda scenario: scenario["name"])
def test_every_variant_says_what_the_scenario_needs_and_passes_the_checker(scenario):
    for variant in range(variant_count(scenario["kind"], scenario["tone"])):
        drafted = draft(scenario, variant)
        problems = [
            *wording_problems(scenario, drafted),
            *find_artifacts(drafted.body),
            *failures(scenario, drafted),
        ]
        assert not problems, f"variant {variant}:\n{drafted.subject}\n{drafted.body}\n{problems}"


def test_the_scenarios_cover_every_kind_channel_and_tone():
    covered = {(s["kind"], s["channel"], s["tone"]) for s in scenarios()}
    assert len(covered) == 5 * 3 * 3
    assert len(scenarios()) >= 300


@pytest.mark.parametrize("note", good_notes(), ids=lambda note: note["id"])
def test_good_notes_pass_every_check(note):
    result = report(note)
    assert result.passed, [check.message for check in result.checks if not check.passed]


def test_the_checker_flags_the_broken_notes():
    notes = broken_notes()
    assert len(notes) >= 150
    missed = [note["id"] for note in notes
              if {c.id: c.passed for c in report(note).checks}.get(note["expect"], True)]
    assert 1 - len(missed) / len(notes) >= CATCH_RATE, missed


@pytest.mark.parametrize("note", [n for n in broken_notes() if "@" not in n["id"]],
                         ids=lambda note: note["id"])
def test_each_hand_written_broken_draft_is_flagged_by_its_check(note):
    found = {check.id: check for check in report(note).checks}
    assert found[note["expect"]].passed is False, found[note["expect"]].message
