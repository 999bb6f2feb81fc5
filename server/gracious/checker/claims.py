"""Claims a note should make only when the user made them."""

from __future__ import annotations

from gracious.checker.note import Note, fold
from gracious.checker.phrases import CLAIMS, JOB_PITCH, JOB_WORDS
from gracious.checker.registry import Finding, check


@check("claims-only-what-you-did", guide="thanks")
def claims_only_what_you_did(note: Note) -> Finding:
    """The note does not say the advice is already in practice, unless the user said so."""
    found = CLAIMS.search(note.folded)
    if found:
        return (False, f"\"{found.group(0)}\" says you have already acted on their advice; keep "
                "it only if you have, otherwise say what you will do with it.")
    return True, "Says only what you have done."


@check("no-job-pitch", guide="example-informational")
def no_job_pitch(note: Note) -> Finding:
    """An informational note thanks for advice and does not turn into an application."""
    asked = any(JOB_WORDS.search(fold(highlight)) for highlight in note.fields.highlights)
    found = JOB_PITCH.search(note.folded)
    if found and not asked:
        return (False, f"\"{found.group(0)}\" turns thanks for advice into a job application; "
                "thank them for their time and say what you'll do with their advice.")
    return True, "Thanks them for their advice without asking for a job."
