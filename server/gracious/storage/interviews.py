"""Interviews: add, list, change and delete them, keeping each one's reminders in step."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from gracious.storage.cadence import plan_cadence, reminder_context, reminder_note
from gracious.storage.database import delete_rows, transaction, utc_now
from gracious.storage.interview_models import InterviewChanges, NewInterview
from gracious.storage.profile import get_cadence
from gracious.storage.row_ids import MAX_ROW_ID
from gracious.storage.when import due_instant, instant_text

# the fields stored as they are given, in table order
PLAIN_FIELDS = ("company", "role", "format", "time_zone", "outcome")


class InterviewConflict(ValueError):
    """A change that would leave the interview inconsistent; the message says why."""


def interview_from_row(row: sqlite3.Row, reminders: list[dict] | None = None) -> dict:
    """Turn a stored row into the interview the API returns."""
    return {
        "id": row["id"],
        "company": row["company"],
        "role": row["role"],
        "format": row["format"],
        "starts_at": row["starts_at"],
        "ends_at": row["ends_at"],
        "time_zone": row["time_zone"],
        "decision_by": row["decision_by"],
        "outcome": row["outcome"],
        "interviewers": json.loads(row["interviewers"]),
        "round": row["round"],
        "awaiting_round": bool(row["awaiting_round"]),
        "created": row["created"],
        "updated": row["updated"],
        "reminders": reminders if reminders is not None else [],
    }


def public(interview: dict) -> dict:
    """The interview without its internal bookkeeping."""
    return {key: value for key, value in interview.items() if key != "awaiting_round"}


def interviewers_json(interviewers) -> str:
    """Serialise interviewers compactly, leaving out empty fields."""
    data = [person.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
            if hasattr(person, "model_dump") else person for person in interviewers]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def interview_reminders(connection: sqlite3.Connection, interview_id: int) -> list[dict]:
    """The reminders linked to one interview, soonest first."""
    rows = connection.execute(
        "SELECT id, kind, due, due_at, done, note FROM reminders WHERE interview_id = ?"
        " ORDER BY due_at, id", (interview_id,))
    return [{**dict(row), "done": bool(row["done"])} for row in rows]


def get_interview(connection: sqlite3.Connection, interview_id: int) -> dict | None:
    """Return one interview with its reminders, or None when there is no such id."""
    if not 0 < interview_id <= MAX_ROW_ID:
        return None
    row = connection.execute("SELECT * FROM interviews WHERE id = ?", (interview_id,)).fetchone()
    if row is None:
        return None
    return interview_from_row(row, interview_reminders(connection, interview_id))


def list_interviews(connection: sqlite3.Connection, outcome: str | None = None) -> list[dict]:
    """Return interviews soonest first, optionally only those with one outcome."""
    if outcome is None:
        rows = connection.execute("SELECT * FROM interviews ORDER BY starts_utc, id").fetchall()
    else:
        rows = connection.execute(
            "SELECT * FROM interviews WHERE outcome = ? ORDER BY starts_utc, id", (outcome,)
        ).fetchall()
    return [interview_from_row(row, interview_reminders(connection, row["id"])) for row in rows]


def add_interview(connection: sqlite3.Connection, new: NewInterview,
                  now: dt.datetime | None = None) -> dict:
    """Store a new interview, set up its cadence and return it."""
    if new.ends_at < new.starts_at:
        raise InterviewConflict("ends_at is before starts_at")
    stamp = utc_now()
    with transaction(connection):
        cursor = connection.execute(
            "INSERT INTO interviews (company, role, format, starts_at, ends_at, starts_utc,"
            " time_zone, decision_by, outcome, interviewers, round, awaiting_round, created,"
            " updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
            (new.company, new.role, new.format, new.starts_at.isoformat(),
             new.ends_at.isoformat(), instant_text(new.starts_at), new.time_zone,
             new.decision_by.isoformat() if new.decision_by else None, new.outcome,
             interviewers_json(new.interviewers), int(new.outcome == "next-round"),
             stamp, stamp),
        )
        interview_id = cursor.lastrowid
        sync_cadence(connection, interview_id, now)
        return get_interview(connection, interview_id)


def merged_values(stored: dict, changes: InterviewChanges) -> dict:
    """The stored interview with the given changes applied, as plain values."""
    given = changes.model_dump(mode="json", exclude_unset=True)
    merged = {**stored, **given}
    if changes.interviewers is not None:
        merged["interviewers"] = json.loads(interviewers_json(changes.interviewers))
    starts = dt.datetime.fromisoformat(merged["starts_at"])
    ends = dt.datetime.fromisoformat(merged["ends_at"])
    if ends < starts:
        raise InterviewConflict("ends_at would be before starts_at")
    later = ends > dt.datetime.fromisoformat(stored["ends_at"])
    if merged["outcome"] == "next-round" and stored["outcome"] != "next-round":
        # next-round waits for the new date, unless this very change brings it
        merged["awaiting_round"] = not later
    if stored["outcome"] == "next-round" and stored["awaiting_round"] and later:
        # the new date has come: this is the next round, with its own cadence
        merged["round"] = stored["round"] + 1
        merged["awaiting_round"] = False
    elif merged["outcome"] == "next-round" and stored["outcome"] != "next-round" and later:
        merged["round"] = stored["round"] + 1
    return merged


def update_interview(connection: sqlite3.Connection, interview_id: int,
                     changes: InterviewChanges, now: dt.datetime | None = None) -> dict | None:
    """Apply changes, adjust the cadence and return the interview, or None when absent."""
    with transaction(connection):
        stored = get_interview(connection, interview_id)
        if stored is None:
            return None
        merged = merged_values(stored, changes)
        connection.execute(
            "UPDATE interviews SET company = ?, role = ?, format = ?, time_zone = ?, outcome = ?,"
            " starts_at = ?, ends_at = ?, starts_utc = ?, decision_by = ?, interviewers = ?,"
            " round = ?, awaiting_round = ?, updated = ? WHERE id = ?",
            (*(merged[field] for field in PLAIN_FIELDS), merged["starts_at"], merged["ends_at"],
             instant_text(dt.datetime.fromisoformat(merged["starts_at"])),
             merged["decision_by"], interviewers_json(merged["interviewers"]), merged["round"],
             int(merged["awaiting_round"]), utc_now(), interview_id),
        )
        sync_cadence(connection, interview_id, now)
        return get_interview(connection, interview_id)


def delete_interview(connection: sqlite3.Connection, interview_id: int) -> bool:
    """Delete an interview and its reminders; return whether it existed."""
    if not 0 < interview_id <= MAX_ROW_ID:
        return False
    # through delete_rows, so forgetting an interview works even on a full disk
    return delete_rows(connection, "DELETE FROM interviews WHERE id = ?", (interview_id,),
                       before=(("DELETE FROM reminders WHERE interview_id = ?",
                                (interview_id,)),)) > 0


def sync_cadence(connection: sqlite3.Connection, interview_id: int,
                 now: dt.datetime | None = None) -> None:
    """Make the interview's open reminders match its cadence (inside the caller's transaction)."""
    interview = get_interview(connection, interview_id)
    assert interview is not None
    plan = plan_cadence(interview, get_cadence(connection), now or dt.datetime.now(dt.UTC))
    current = interview["round"]
    rows = connection.execute(
        "SELECT id, step, round, done, due FROM reminders WHERE interview_id = ?",
        (interview_id,)).fetchall()
    seen: set[str] = set()
    stamp = utc_now()
    for row in rows:
        in_round = row["round"] == current
        if in_round:
            seen.add(row["step"])
        if row["done"]:
            continue
        planned = plan.get(row["step"]) if in_round else None
        # an unsent thank-you for an earlier round is still owed; its follow-ups are not
        owed = not in_round and row["step"].startswith("thank-you") and plan
        if planned is None and not owed:
            connection.execute("DELETE FROM reminders WHERE id = ?", (row["id"],))
        elif planned is not None:
            due = row["due"] if planned.keep_due else planned.due.isoformat()
            refresh(connection, row["id"], interview, planned, due, stamp)
    for step, planned in plan.items():
        if step not in seen:
            due = planned.due.isoformat()
            connection.execute(
                "INSERT INTO reminders (due, due_at, kind, context, note, done, created, updated,"
                " interview_id, step, round) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                (due, due_instant(due), planned.kind, context_text(interview, planned),
                 reminder_note(planned.kind, interview, planned.interviewer), stamp, stamp,
                 interview_id, step, current),
            )


def context_text(interview: dict, planned) -> str:
    """The stored draft context of a planned reminder."""
    context = reminder_context(interview, planned.interviewer)
    return json.dumps(context, ensure_ascii=False, separators=(",", ":"))


def refresh(connection: sqlite3.Connection, reminder_id: int, interview: dict, planned,
            due: str, stamp: str) -> None:
    """Bring one open reminder up to date with the interview, if anything changed."""
    values = (due, due_instant(due), context_text(interview, planned),
              reminder_note(planned.kind, interview, planned.interviewer))
    connection.execute(
        "UPDATE reminders SET due = ?, due_at = ?, context = ?, note = ?, updated = ?"
        " WHERE id = ? AND NOT (due IS ? AND due_at IS ? AND context IS ? AND note IS ?)",
        (*values, stamp, reminder_id, *values),
    )


def export_interviews(connection: sqlite3.Connection) -> list[dict]:
    """Every interview as an export keeps it (inside the caller's read transaction)."""
    rows = connection.execute("SELECT * FROM interviews ORDER BY id").fetchall()
    return [{key: value for key, value in interview_from_row(row).items() if key != "reminders"}
            for row in rows]


def import_interviews(connection: sqlite3.Connection, interviews) -> None:
    """Insert exported interviews as they were (inside the caller's transaction)."""
    connection.executemany(
        "INSERT INTO interviews (id, company, role, format, starts_at, ends_at, starts_utc,"
        " time_zone, decision_by, outcome, interviewers, round, awaiting_round, created, updated)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(i.id, i.company, i.role, i.format, i.starts_at.isoformat(), i.ends_at.isoformat(),
          instant_text(i.starts_at), i.time_zone,
          i.decision_by.isoformat() if i.decision_by else None, i.outcome,
          interviewers_json(i.interviewers), i.round, int(i.awaiting_round), i.created,
          i.updated) for i in interviews],
    )
