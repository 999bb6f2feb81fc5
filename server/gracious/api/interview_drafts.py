"""GET /api/v1/interviews/{id}/drafts: one distinct note for each interviewer of a loop."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from gracious.api.interviews import interview_or_404
from gracious.api.spec import operation
from gracious.models import Channel, Draft, DraftRequest, Kind, LongText, Tone
from gracious.problems import ProblemError
from gracious.storage import get_db
from gracious.storage.cadence import person_key, reminder_context
from gracious.storage.interview_models import MAX_INTERVIEWERS, Interviewer
from gracious.storage.profile import get_profile


class LoopOptions(BaseModel):
    """What to write to each interviewer."""

    kind: Kind = "thank-you"
    channel: Channel = "email"
    tone: Tone | None = Field(default=None, description="Defaults to the profile's tone")
    variant: int = Field(default=0, ge=0, le=1_000_000,
                         description="Shifts every interviewer to another wording together")
    interviewer: int | None = Field(
        default=None, ge=0, lt=MAX_INTERVIEWERS,
        description="Only this interviewer (0-based), with the wording the loop gives them")
    reason: LongText | None = Field(default=None, description="Honest reason, for withdraw")


class InterviewerDraft(Draft):
    """A note for one interviewer."""

    interviewer: Interviewer
    index: int = Field(description="The interviewer's place in the interview's list")
    reminder_id: int | None = Field(description="The open reminder this note answers, if any")
    same_wording_as: list[int] = Field(
        description="Other interviewers (by index) given the same wording, because the loop "
                    "has more people than the engine has wordings: personalise one of them")


class LoopDrafts(BaseModel):
    """One note per interviewer, each worded differently."""

    drafts: list[InterviewerDraft]


def spread_variants(count: int, wordings: int, shift: int) -> list[int]:
    """A different wording for each interviewer while there are enough; then round again."""
    # neighbours in a panel are the likeliest to compare notes, so consecutive people never
    # share a wording; with more people than wordings the repeats are as far apart as possible
    return [(shift + index) % max(wordings, 1) for index in range(count)]


def open_reminders(interview: dict, kind: str) -> dict[str, int]:
    """The soonest open reminder of this kind for each interviewer it is for, by their key."""
    rows = get_db().execute(
        "SELECT id, step FROM reminders WHERE interview_id = ? AND kind = ? AND done = 0"
        " ORDER BY due_at, id", (interview["id"], kind))
    people = interview["interviewers"]
    contact = person_key(people[0]) if people else ""
    found: dict[str, int] = {}
    for row in rows:
        # a thank-you is for the person its step names; the other kinds go to the contact
        step = row["step"] or ""
        person = step.partition(":")[2] if step.startswith("thank-you:") else contact
        found.setdefault(person, row["id"])
    return found


@operation("GET", "/interviews/<int:interview_id>/drafts",
           summary="Draft a distinct note to each interviewer", query=LoopOptions,
           responses={200: LoopDrafts},
           description="Each note greets its interviewer and uses their own topics as the "
                       "specific detail; interviewers get different wordings while the "
                       "engine has enough (see `variants`), so colleagues comparing notes "
                       "see different letters.")
def draft_for_each_interviewer(interview_id: int, query: LoopOptions) -> dict[str, Any]:
    """Compose one note per interviewer of a stored interview."""
    from gracious.compose import compose_note, variant_count

    interview = interview_or_404(interview_id)
    people = interview["interviewers"]
    if query.interviewer is not None and query.interviewer >= len(people):
        raise ProblemError(404, f"Interview {interview_id} has {len(people)} interviewer(s); "
                                f"there is no interviewer {query.interviewer}.")
    profile = get_profile(get_db())
    tone = query.tone or profile["tone"]
    sender = {key: profile[key] for key in ("name", "signature") if profile[key]}
    variants = spread_variants(len(people), variant_count(query.kind, tone), query.variant)
    reminders = open_reminders(interview, query.kind)
    drafts = []
    for index, person in enumerate(people):
        if query.interviewer is not None and index != query.interviewer:
            continue
        context = reminder_context(interview, person)
        context.pop("thread", None)
        request = DraftRequest.model_validate({
            **context, "kind": query.kind, "channel": query.channel, "tone": tone,
            "variant": variants[index], "reason": query.reason, "sender": sender or None,
        })
        draft = compose_note(request).model_dump(mode="json", by_alias=True)
        twins = [other for other, variant in enumerate(variants)
                 if variant == variants[index] and other != index]
        drafts.append({**draft, "interviewer": person, "index": index,
                       "reminder_id": reminders.get(person_key(person)), "same_wording_as": twins})
    return {"drafts": drafts}
