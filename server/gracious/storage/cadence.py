"""The follow-up cadence of an interview: which reminders it should have, and when each is due."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from gracious.storage.interview_models import WEEKDAYS, Cadence


@dataclass(frozen=True)
class Planned:
    """One reminder the cadence calls for."""

    kind: str
    due: dt.datetime
    interviewer: dict | None
    # an after-rejection note is due from when the rejection was recorded, not re-dated later
    keep_due: bool = False


def interview_zone(interview: dict) -> dt.tzinfo:
    """The zone whose calendar the interview's days are counted in."""
    if interview.get("time_zone"):
        return zoneinfo.ZoneInfo(interview["time_zone"])
    # without a named zone the offset the times were given in is the best we know
    return dt.datetime.fromisoformat(interview["ends_at"]).tzinfo or dt.UTC


def is_business_day(day: dt.date, cadence: Cadence) -> bool:
    """Whether the user counts this day as a working day."""
    return WEEKDAYS[day.weekday()] in cadence.business_days


def next_business_day(day: dt.date, cadence: Cadence) -> dt.date:
    """The first business day strictly after day."""
    day += dt.timedelta(days=1)
    while not is_business_day(day, cadence):
        day += dt.timedelta(days=1)
    return day


def on_or_after_business_day(day: dt.date, cadence: Cadence) -> dt.date:
    """Day itself when it is a business day, else the next one."""
    return day if is_business_day(day, cadence) else next_business_day(day, cadence)


def add_business_days(day: dt.date, count: int, cadence: Cadence) -> dt.date:
    """The business day count business days after day."""
    for _ in range(count):
        day = next_business_day(day, cadence)
    return day


def at_time(day: dt.date, clock: str, zone: dt.tzinfo) -> dt.datetime:
    """A wall-clock time on a day in a zone (zoneinfo resolves summer time)."""
    hour, minute = (int(part) for part in clock.split(":"))
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def person_key(interviewer: dict | None) -> str:
    """A stable key for one interviewer: the address, else the name."""
    if interviewer is None:
        return ""
    return (interviewer.get("email") or interviewer["name"]).strip().casefold()


def follow_up_days(interview: dict, cadence: Cadence, zone: dt.tzinfo) -> list[dt.date]:
    """The days the follow-ups fall on, in the interview's calendar."""
    ended = dt.datetime.fromisoformat(interview["ends_at"]).astimezone(zone).date()
    if interview.get("decision_by"):
        first = next_business_day(dt.date.fromisoformat(interview["decision_by"]), cadence)
    else:
        first = add_business_days(ended, cadence.follow_up_business_days, cadence)
    # a decision date before the interview must not put a follow-up before the thank-you
    first = max(first, next_business_day(ended, cadence))
    days = [first]
    if cadence.second_follow_up_days:
        days.append(on_or_after_business_day(
            first + dt.timedelta(days=cadence.second_follow_up_days), cadence))
    return days


def plan_cadence(interview: dict, cadence: Cadence, now: dt.datetime) -> dict[str, Planned]:
    """The reminders the interview's current round calls for, by step name."""
    outcome = interview["outcome"]
    if outcome == "withdrawn":
        return {}
    zone = interview_zone(interview)
    ended = dt.datetime.fromisoformat(interview["ends_at"]).astimezone(zone)
    people = interview["interviewers"]
    plan: dict[str, Planned] = {}
    thanks_due = ended + dt.timedelta(hours=cadence.thank_you_hours)
    for person in people or [None]:
        plan[f"thank-you:{person_key(person)}"] = Planned("thank-you", thanks_due, person)
    contact = people[0] if people else None
    if outcome == "rejected":
        due = now.astimezone(zone).replace(microsecond=0) + dt.timedelta(
            hours=cadence.thank_you_hours)
        plan["after-rejection"] = Planned("after-rejection", due, contact, keep_due=True)
    follows = outcome == "waiting" or (outcome == "next-round" and not interview["awaiting_round"])
    if follows:
        for number, day in enumerate(follow_up_days(interview, cadence, zone), start=1):
            due = at_time(day, cadence.follow_up_time, zone)
            plan[f"follow-up:{number}"] = Planned("follow-up", due, contact)
    return plan


def reminder_context(interview: dict, person: dict | None) -> dict:
    """What a reminder keeps so that its note can be drafted later."""
    zone = interview_zone(interview)
    day = dt.datetime.fromisoformat(interview["starts_at"]).astimezone(zone).date()
    context: dict = {"interview": {"date": day.isoformat()}}
    if interview.get("format"):
        context["interview"]["format"] = interview["format"]
    for field in ("company", "role"):
        if interview.get(field):
            context[field] = interview[field]
    if person:
        context["recipient"] = {"name": person["name"]}
        if person.get("title"):
            context["recipient"]["title"] = person["title"]
        # the draft engine takes at most three highlights
        if person.get("topics"):
            context["highlights"] = person["topics"][:3]
        if person.get("email"):
            context["thread"] = {"to": [{"name": person["name"], "email": person["email"]}]}
    return context


def reminder_note(kind: str, interview: dict, person: dict | None) -> str:
    """A one-line label for the reminder, in the user's words."""
    name = person["name"] if person else None
    where = f" at {interview['company']}" if interview.get("company") else ""
    if kind == "thank-you":
        return f"Thank {name}" if name else f"Send your thank-you{where}"
    if kind == "after-rejection":
        return f"Reply graciously to {name}" if name else f"Reply graciously{where}"
    return f"Follow up with {name}{where}" if name else f"Follow up{where}"
