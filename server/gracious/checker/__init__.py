"""The note checker: does a note, drafted or hand-written, do what a gracious note should?"""

from __future__ import annotations

import datetime as dt

from gracious.checker.checks import CHECKS
from gracious.checker.models import CheckReport, CheckRequest
from gracious.checker.note import Note
from gracious.compose import resolve_fields
from gracious.models import DraftRequest

__all__ = ["CheckReport", "CheckRequest", "check_note"]


def check_note(request: CheckRequest, now: dt.datetime | None = None) -> CheckReport:
    """Run every check that applies to the note's kind and channel."""
    # the same field resolution as drafting, so a thread fills in the name and company here too
    fields = resolve_fields(DraftRequest.model_validate(
        {**request.context.model_dump(by_alias=True, exclude_none=True),
         "kind": request.kind, "channel": request.channel}
    ))
    note = Note(text=request.text, subject=request.subject, kind=request.kind,
                channel=request.channel, fields=fields, now=now or dt.datetime.now(dt.UTC))
    checks = [finding for check in CHECKS if (finding := check(note)) is not None]
    passed = sum(finding.passed for finding in checks)
    return CheckReport(
        checks=checks,
        passed=passed == len(checks),
        score=round(100 * passed / len(checks)),
        summary=summarise(passed, len(checks)),
        words=len(note.words),
        characters=len(request.text),
    )


def summarise(passed: int, total: int) -> str:
    """Say in one line how the note did."""
    if passed == total:
        return f"All {total} checks passed: this note is ready to send."
    failing = total - passed
    return f"{passed} of {total} checks passed; {failing} need{'s' if failing == 1 else ''} a look."
