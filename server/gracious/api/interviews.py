"""/api/v1/interviews: interviews as records, each keeping its own follow-up cadence."""

from __future__ import annotations

from typing import Any

from flask import url_for

from gracious.api.spec import operation
from gracious.problems import ProblemError
from gracious.storage import get_db
from gracious.storage import interviews as stored
from gracious.storage.interview_models import (
    Interview,
    InterviewChanges,
    InterviewFilter,
    InterviewList,
    NewInterview,
)

CADENCE_RULES = (
    "Creating an interview sets up its reminders: a thank-you to each interviewer due within "
    "a day of the end, a follow-up on the first business day after `decision_by` (or seven "
    "business days after the interview), one more a week later, then nothing. Outcomes adjust "
    "it: `rejected` drops the follow-ups and adds an after-rejection note, `withdrawn` drops "
    "every open reminder, `offer` drops the follow-ups, `next-round` drops them until a later "
    "date is set, which starts the next round's cadence. The timings come from "
    "/api/v1/profile/cadence."
)


def interview_or_404(interview_id: int) -> dict[str, Any]:
    """Return the stored interview or raise a 404 problem."""
    interview = stored.get_interview(get_db(), interview_id)
    if interview is None:
        raise ProblemError(404, f"There is no interview {interview_id}; "
                                "it may have been deleted.")
    return interview


def conflict(error: stored.InterviewConflict) -> ProblemError:
    """A 409 naming the field whose value contradicts another."""
    # each value is valid alone, which the schema can say; their order it cannot, so 409
    field = str(error).split(" ", 1)[0]
    return ProblemError(409, f"The interview cannot be saved: {error}.",
                        errors=[{"field": field, "message": str(error)}])


def created(interview: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
    """A 201 answer pointing at a new interview."""
    location = url_for("api.get_interview", interview_id=interview["id"])
    return stored.public(interview), 201, {"Location": location}


@operation("POST", "/interviews", summary="Record an interview and set up its reminders",
           body=NewInterview, responses={201: Interview, 409: None},
           description=CADENCE_RULES)
def create_interview(body: NewInterview) -> tuple[dict[str, Any], int, dict[str, str]]:
    """Store an interview with its cadence and point at it."""
    try:
        return created(stored.add_interview(get_db(), body))
    except stored.InterviewConflict as error:
        raise conflict(error) from None


@operation("GET", "/interviews", summary="List interviews, soonest first",
           query=InterviewFilter, responses={200: InterviewList})
def list_interviews(query: InterviewFilter) -> dict[str, Any]:
    """List interviews, or with ?outcome= only those with that outcome."""
    found = stored.list_interviews(get_db(), query.outcome)
    return {"interviews": [stored.public(interview) for interview in found]}


@operation("GET", "/interviews/<int:interview_id>", summary="Get one interview",
           responses={200: Interview})
def get_interview(interview_id: int) -> dict[str, Any]:
    """Return one interview with its reminders."""
    return stored.public(interview_or_404(interview_id))


@operation("PATCH", "/interviews/<int:interview_id>",
           summary="Change an interview, its outcome or its interviewers",
           body=InterviewChanges, responses={200: Interview, 409: None},
           description="Absent fields stay as they are; `null` clears an optional one. "
                       + CADENCE_RULES)
def change_interview(interview_id: int, body: InterviewChanges) -> dict[str, Any]:
    """Apply changes to one interview and adjust its cadence."""
    try:
        interview = stored.update_interview(get_db(), interview_id, body)
    except stored.InterviewConflict as error:
        raise conflict(error) from None
    if interview is None:
        raise ProblemError(404, f"There is no interview {interview_id}; "
                                "it may have been deleted.")
    return stored.public(interview)


@operation("DELETE", "/interviews/<int:interview_id>",
           summary="Delete an interview and its reminders", responses={204: None})
def delete_interview(interview_id: int) -> None:
    """Delete one interview."""
    if not stored.delete_interview(get_db(), interview_id):
        raise ProblemError(404, f"There is no interview {interview_id}; "
                                "it may have been deleted.")
