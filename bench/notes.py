"""How the notes read: scenarios drafted, notes the checker flags, broken notes caught.

Run with `python -m bench.notes`; it also gives rows to `make bench`.
"""

from __future__ import annotations

import difflib
import itertools
import statistics

from bench.common import Row, print_table
from gracious.compose import variant_count

# the corpora live with the tests, in tests/notes/ (run from the repository root)
from tests.notes.checking import draft, failures, report, wording_problems
from tests.notes.corpus import broken_notes, good_notes, scenarios

CATCH_TARGET = 0.95


def _drafts() -> tuple[int, int, int, list[float]]:
    """Draft every scenario in every variant: (notes, flagged, wording misses, similarities)."""
    notes = flagged = misses = 0
    similarity = []
    for scenario in scenarios():
        bodies = []
        for variant in range(variant_count(scenario["kind"], scenario["tone"])):
            drafted = draft(scenario, variant)
            notes += 1
            flagged += bool(failures(scenario, drafted))
            misses += bool(wording_problems(scenario, drafted))
            bodies.append(drafted.body)
        similarity.append(statistics.mean(
            difflib.SequenceMatcher(None, a, b).ratio()
            for a, b in itertools.combinations(bodies, 2)
        ))
    return notes, flagged, misses, similarity


def _caught() -> tuple[int, int]:
    """How many broken notes the checker flags with the check each one is meant to fail."""
    notes = broken_notes()
    caught = sum(not {c.id: c.passed for c in report(n).checks}.get(n["expect"], True)
                 for n in notes)
    return caught, len(notes)


def measure() -> list[Row]:
    """The rows of the notes benchmark."""
    notes, flagged, misses, similarity = _drafts()
    caught, broken = _caught()
    good = good_notes()
    passed = sum(report(note).passed for note in good)
    mean_similarity = statistics.mean(similarity)
    return [
        Row("scenarios drafted", len(scenarios()), "scenarios", ">= 300", None,
            len(scenarios()) >= 300),
        Row("notes drafted (every variant)", notes, "notes", "", None, True),
        Row("notes the checker flags", flagged, "notes", "0", None, flagged == 0),
        Row("notes missing a must / having a must-not", misses, "notes", "0", None,
            misses == 0),
        Row("broken notes caught", round(100 * caught / broken, 1), "%",
            f">= {CATCH_TARGET:.0%} of {broken}", caught / broken / CATCH_TARGET,
            caught / broken >= CATCH_TARGET),
        Row("good notes passed", passed, f"of {len(good)}", "all", passed / len(good),
            passed == len(good)),
        Row("mean similarity of one input's variants", round(mean_similarity, 3), "ratio",
            "lower is better", None, True),
    ]


if __name__ == "__main__":
    print_table(measure())
