"""POST /api/v1/interviews/import: an interview, with its cadence, from a calendar invitation."""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationError

from gracious.api.interviews import conflict, created
from gracious.api.spec import operation
from gracious.models import Strict
from gracious.problems import ProblemError
from gracious.storage import get_db
from gracious.storage import interviews as stored
from gracious.storage.interview_models import Interview, NewInterview
from gracious.storage.profile import get_profile


class InvitationUpload(Strict):
    """The text of an .ics file, as a calendar exports or an email attaches it."""

    ics: str = Field(min_length=1, max_length=60_000)


def interview_from_invitation(text: str, profile: dict) -> NewInterview:
    """The new interview an invitation describes, or a 422 saying why there is none."""
    from gracious.invitations import InvitationError, read_invitation

    try:
        fields = read_invitation(text, profile.get("email", ""), profile.get("name", ""))
        return NewInterview.model_validate(fields)
    except InvitationError as error:
        raise ProblemError(422, str(error), errors=[{"field": "ics", "message": str(error)}]) \
            from None
    except ValidationError as error:
        detail = f"The invitation's event cannot be used: {error.errors()[0]['msg']}"
        raise ProblemError(422, detail, errors=[{"field": "ics", "message": detail}]) from None


@operation("POST", "/interviews/import", summary="Import an interview from a calendar invitation",
           body=InvitationUpload, responses={201: Interview, 409: None},
           description="Start and end keep their zone; interviewers are the organiser and "
                       "attendees except you (the profile's email or name), rooms and "
                       "resources; role and company come from the summary and description; "
                       "a Meet, Zoom or Teams link means video. Not a calendar, or no event: "
                       "422 saying why.")
def import_invitation(body: InvitationUpload) -> tuple[dict[str, Any], int, dict[str, str]]:
    """Store the interview an invitation describes, with its cadence."""
    connection = get_db()
    new = interview_from_invitation(body.ics, get_profile(connection))
    try:
        return created(stored.add_interview(connection, new))
    except stored.InterviewConflict as error:
        raise conflict(error) from None
