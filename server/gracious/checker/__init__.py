"""The note checker: does a note, drafted or hand-written, do what a gracious note should?"""

from __future__ import annotations

import datetime as dt

# the check modules register their checks on import
from gracious.checker import checks, claims, detail, seams  # noqa: F401
from gracious.checker.models import CheckReport, CheckRequest
from gracious.checker.note import Note
from gracious.checker.registry import REGISTRY, run
from gracious.compose import resolve_fields
from gracious.compose.kinds import kind_spec
from gracious.models import DraftRequest

__all__ = ["CheckReport", "CheckRequest", "check_note"]


def check_note(request: CheckRequest, now: dt.datetime | None = None) -> CheckReport:
    """Run every check the note's kind declares, in the order it declares them."""
    # the same field resolution as drafting, so a thread fills in the name and company here too
    fields = resolve_fields(DraftRequest.model_validate(
        {**request.context.model_dump(by_alias=True, exclude_none=True),
         "kind": request.kind, "channel": request.channel}
    ))
    note = Note(text=request.text, subject=request.subject, kind=request.kind,
                channel=request.channel, fields=fields, now=now or dt.datetime.now(dt.UTC))
    declared = kind_spec(request.kind).checks
    checks_run = [finding for check_id in declared
                  if (finding := run(REGISTRY[check_id], note)) is not None]
    passed = sum(finding.passed for finding in checks_run)
    return CheckReport(
        checks=checks_run,
        passed=passed == len(checks_run),
        score=round(100 * passed / len(checks_run)),
        summary=summarise(passed, len(checks_run)),
        words=len(note.words),
        characters=len(request.text),
    )


def summarise(passed: int, total: int) -> str:
    """Say in one line how the note did."""
    if passed == total:
        return f"All {total} checks passed: this note is ready to send."
    failing = total - passed
    return f"{passed} of {total} checks passed; {failing} need{'s' if failing == 1 else ''} a look."
