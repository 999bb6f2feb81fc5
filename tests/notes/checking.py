"""Draft a scenario and check a note the way the corpus tests and bench.notes both do."""

from __future__ import annotations

import datetime as dt

from gracious.checker import CheckReport, CheckRequest, check_note
from gracious.compose import compose_note
from gracious.compose.highlights import read_highlight
from gracious.models import Draft, DraftRequest

# every corpus note is checked as if sent the day of the interview
NOW = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
# a check the user's input may leave failing: with no detail given, the note can only ask
ASKS_FOR_INPUT = "specific-detail"


def draft(scenario: dict, variant: int) -> Draft:
    """The engine's note for a scenario in one variant."""
    return compose_note(DraftRequest.model_validate({
        **scenario["input"], "kind": scenario["kind"], "channel": scenario["channel"],
        "tone": scenario["tone"], "variant": variant,
    }))


def report(note: dict) -> CheckReport:
    """The checker's report on a note from a corpus (text, subject, kind, channel, context)."""
    return check_note(CheckRequest.model_validate({
        "text": note["text"], "subject": note.get("subject"), "kind": note["kind"],
        "channel": note["channel"], "context": note.get("context", {}),
    }), now=NOW)


def failures(scenario: dict, drafted: Draft) -> list[str]:
    """The checks a drafted note fails that it should pass."""
    result = report({"text": drafted.body, "subject": drafted.subject, "kind": scenario["kind"],
                     "channel": scenario["channel"], "context": scenario["input"]})
    has_detail = any(read_highlight(text) for text in scenario["input"].get("highlights", []))
    return [f"{check.id}: {check.message}" for check in result.checks
            if not check.passed and (has_detail or check.id != ASKS_FOR_INPUT)]


def wording_problems(scenario: dict, drafted: Draft) -> list[str]:
    """What a scenario says the note must or must not contain, and does not keep to."""
    text = f"{drafted.subject or ''}\n{drafted.body}"
    long = scenario["channel"] != "linkedin-connection"
    wanted = [*scenario.get("must", []), *(scenario.get("must_in_long", []) if long else [])]
    problems = [f"missing {phrase!r}" for phrase in wanted if phrase not in text]
    problems += [f"has {phrase!r}" for phrase in scenario.get("must_not", []) if phrase in text]
    if scenario.get("subject_starts_upper") and not (drafted.subject or " ")[0].isupper():
        problems.append(f"subject starts in lower case: {drafted.subject!r}")
    return problems
