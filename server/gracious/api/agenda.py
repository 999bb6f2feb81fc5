"""GET /api/v1/agenda: what is overdue, due today and due this week, for whom and why."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from typing import Any

from pydantic import BaseModel, Field

from gracious.api.spec import operation
from gracious.guide_links import GUIDE_LINKS
from gracious.storage import get_db
from gracious.storage.cadence import person_key
from gracious.storage.interview_models import Interviewer, Moment, ZoneName
from gracious.storage.when import instant_text

# "this week" is the seven days from today, so a Friday still sees next Thursday
WEEK_DAYS = 7
# where the guide explains each kind of step in the routine
AGENDA_GUIDE = {
    "thank-you": GUIDE_LINKS["one-note-each"],
    "follow-up": GUIDE_LINKS["cadence"],
}


class AgendaWhen(BaseModel):
    """Whose day to count in, and when now is."""

    tz: ZoneName | None = Field(default=None,
                                description="The user's IANA zone; defaults to the server's")
    at: Moment | None = Field(default=None, description="Treat this instant as now")


class AgendaInterview(BaseModel):
    """The interview an agenda item belongs to."""

    id: int
    company: str | None
    role: str | None
    starts_at: str
    outcome: str


class AgendaItem(BaseModel):
    """One thing to do: a reminder, with its interview and interviewer."""

    reminder_id: int
    kind: str
    note: str
    due: str
    due_at: str
    interview: AgendaInterview | None
    interviewer: Interviewer | None
    interviewer_index: int | None = Field(description="The interviewer's place in the "
                                                      "interview's list, for its drafts")
    guide: str = Field(description="Path under the guide root that explains this step")


class Agenda(BaseModel):
    """Open reminders due by the end of the week, soonest first in each part."""

    now: str
    overdue: list[AgendaItem]
    today: list[AgendaItem]
    this_week: list[AgendaItem]


def day_bounds(now: dt.datetime, zone: dt.tzinfo) -> tuple[str, str]:
    """The instants today ends and the week ends, in the user's zone."""
    local = now.astimezone(zone)
    tomorrow = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    week_end = dt.datetime.combine(local.date() + dt.timedelta(days=WEEK_DAYS), dt.time(),
                                   tzinfo=zone)
    return instant_text(tomorrow), instant_text(week_end)


def interviewer_for(row, interview: dict | None, context: dict) -> dict | None:
    """The person a reminder is for: the one its step names, else the interview's contact."""
    if interview is None:
        name = (context.get("recipient") or {}).get("name")
        return {"name": name} if name else None
    people = interview["interviewers"]
    step = row["step"] or ""
    if step.startswith("thank-you:"):
        key = step.partition(":")[2]
        return next((person for person in people if person_key(person) == key), None)
    return people[0] if people else None


def agenda_item(row, interviews: dict[int, dict]) -> dict[str, Any]:
    """An open reminder as the agenda shows it."""
    interview = interviews.get(row["interview_id"]) if row["interview_id"] else None
    context = json.loads(row["context"])
    summary = None
    if interview is not None:
        summary = {key: interview[key] for key in ("id", "company", "role", "starts_at",
                                                    "outcome")}
    person = interviewer_for(row, interview, context)
    people = interview["interviewers"] if interview else []
    return {
        "reminder_id": row["id"], "kind": row["kind"], "note": row["note"], "due": row["due"],
        "due_at": row["due_at"], "interview": summary, "interviewer": person,
        "interviewer_index": people.index(person) if person in people else None,
        "guide": AGENDA_GUIDE.get(row["kind"], GUIDE_LINKS["following-up"]),
    }


def load_interviews(connection, ids: set[int]) -> dict[int, dict]:
    """The interviews with these ids, by id."""
    found = {}
    for interview_id in ids:
        row = connection.execute("SELECT id, company, role, starts_at, outcome, interviewers"
                                 " FROM interviews WHERE id = ?", (interview_id,)).fetchone()
        if row is not None:
            found[interview_id] = {**dict(row), "interviewers": json.loads(row["interviewers"])}
    return found


@operation("GET", "/agenda", summary="What to send: overdue, due today and due this week",
           query=AgendaWhen, responses={200: Agenda},
           description="Open reminders only, each with its interview and interviewer, "
                       "sorted by when they fall due. Days are counted in `tz` (the user's "
                       "zone), else the server's.")
def read_agenda(query: AgendaWhen) -> dict[str, Any]:
    """Sort the open reminders into overdue, today and this week."""
    now = query.at or dt.datetime.now(dt.UTC)
    zone = zoneinfo.ZoneInfo(query.tz) if query.tz else dt.datetime.now().astimezone().tzinfo
    moment = instant_text(now)
    today_end, week_end = day_bounds(now, zone)
    connection = get_db()
    rows = connection.execute(
        "SELECT * FROM reminders WHERE done = 0 AND due_at < ? ORDER BY due_at, id",
        (week_end,)).fetchall()
    interviews = load_interviews(connection, {row["interview_id"] for row in rows
                                              if row["interview_id"]})
    agenda: dict[str, Any] = {"now": now.isoformat(), "overdue": [], "today": [],
                              "this_week": []}
    for row in rows:
        part = ("overdue" if row["due_at"] < moment else
                "today" if row["due_at"] < today_end else "this_week")
        agenda[part].append(agenda_item(row, interviews))
    return agenda
