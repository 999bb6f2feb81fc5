"""Read one interview out of a calendar invitation, leaving out what it cannot be sure of."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from urllib.parse import urlsplit

import icalendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from gracious.invitations.vocabulary import host_matches, meeting_vocabulary
from gracious.models import Party, Thread
from gracious.storage.interview_models import MAX_INTERVIEWERS

LINK = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
# a first.last style address gives a name; "jsmith" would be a guess
NAMED_ADDRESS = re.compile(r"^[a-z]{2,}(?:[._-][a-z]{2,})+$", re.IGNORECASE)
NOT_PEOPLE = {"ROOM", "RESOURCE", "GROUP"}
# the limits of the interview fields the result must fit
SHORT = 200


class InvitationError(ValueError):
    """The text is not an invitation Gracious can use; the message says why."""


def read_invitation(text: str, user_email: str = "", user_name: str = "") -> dict:
    """The interview an invitation describes, as the fields of a new interview."""
    calendar = parse_calendar(text)
    event = pick_event(calendar)
    starts, ends, zone = event_times(event)
    # an all-hands invitation lists everyone; the organiser and the first of the rest are kept
    people = interviewers(event, user_email, user_name)[:MAX_INTERVIEWERS]
    interview = {"starts_at": starts.isoformat(), "ends_at": ends.isoformat(),
                 "time_zone": zone, "interviewers": people,
                 "format": meeting_format(event), **role_and_company(event, people)}
    return {key: value for key, value in interview.items() if value is not None}


def parse_calendar(text: str) -> icalendar.Calendar:
    """Parse the text as one VCALENDAR, or say why it is not one."""
    if not text.strip():
        raise InvitationError("The file is empty; export the invitation as an .ics file.")
    try:
        calendar = icalendar.Calendar.from_ical(text)
    # the text is untrusted and the parser raises many kinds of error: each one is a 422
    except Exception as error:
        raise InvitationError(f"This is not a calendar file (.ics): {error}") from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise InvitationError("This is not a calendar file: it does not begin with "
                              "BEGIN:VCALENDAR.")
    if str(calendar.get("METHOD", "")).upper() == "CANCEL":
        raise InvitationError("This invitation cancels the event; there is no interview "
                              "to import.")
    return calendar


def pick_event(calendar: icalendar.Calendar) -> icalendar.Event:
    """The event the invitation is about: the series itself rather than one changed date."""
    events = [event for event in calendar.walk("VEVENT")
              if str(event.get("STATUS", "")).upper() != "CANCELLED"]
    if not events:
        cancelled = calendar.walk("VEVENT")
        raise InvitationError("This calendar's only event is cancelled." if cancelled
                              else "This calendar has no event (VEVENT) in it.")
    masters = [event for event in events if "RECURRENCE-ID" not in event]
    return (masters or events)[0]


def zone_name(moment: dt.datetime, tzid: str | None) -> str | None:
    """The IANA name of the zone a time was given in, when one can be told."""
    key = getattr(moment.tzinfo, "key", None)
    for name in (key, tzid, WINDOWS_TO_OLSON.get(tzid or "")):
        if name and name in zoneinfo.available_timezones() and name not in ("UTC", "Etc/UTC"):
            return name
    return None


def event_times(event: icalendar.Event) -> tuple[dt.datetime, dt.datetime, str | None]:
    """Start and end with their offsets, and the zone's name when it is known."""
    if "DTSTART" not in event:
        raise InvitationError("The event has no start time (DTSTART).")
    starts = event.decoded("DTSTART")
    if not isinstance(starts, dt.datetime):
        raise InvitationError("The event is all-day or its start is unreadable; an interview "
                              "needs a start time.")
    tzid = event["DTSTART"].params.get("TZID")
    zone = zone_name(starts, tzid)
    if "DTEND" in event:
        ends = event.decoded("DTEND")
    elif "DURATION" in event:
        ends = starts + event.decoded("DURATION")
    else:
        ends = starts
    if not isinstance(ends, dt.datetime):
        raise InvitationError("The event's end (DTEND) is unreadable.")
    place = zoneinfo.ZoneInfo(zone) if zone else None
    starts, ends = (place_in(moment, place) for moment in (starts, ends))
    if ends < starts:
        raise InvitationError("The event ends before it starts.")
    return starts, ends, zone


def place_in(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """The moment with a real offset: in the named zone, else as given, else local time."""
    if moment.tzinfo is None:
        # a floating time is wall-clock time wherever the user is
        return moment.astimezone() if zone is None else moment.replace(tzinfo=zone)
    if zone is None:
        # utc alone says nothing of the zone; show it in the user's own
        return moment.astimezone() if moment.utcoffset() == dt.timedelta(0) else moment
    return moment.astimezone(zone)


def addresses(event: icalendar.Event) -> list:
    """The organiser then the attendees, as calendar addresses."""
    attendees = event.get("ATTENDEE", [])
    attendees = attendees if isinstance(attendees, list) else [attendees]
    organiser = event.get("ORGANIZER")
    return ([organiser] if organiser is not None else []) + attendees


def email_of(address) -> str | None:
    """The email of a calendar address, from mailto: or its EMAIL parameter."""
    value = str(address).strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:"):]
    elif "EMAIL" in address.params:
        value = str(address.params["EMAIL"])
    return value.strip().lower() if "@" in value else None


def name_of(address, email: str | None) -> str | None:
    """The person's name, from CN, or from a first.last address; None rather than a guess."""
    name = str(address.params.get("CN", "")).strip().strip('"').strip()
    if name and "@" not in name:
        return " ".join(name.split())[:SHORT]
    local = (email or "").partition("@")[0]
    if NAMED_ADDRESS.match(local):
        return " ".join(part.capitalize() for part in re.split(r"[._-]", local))[:SHORT]
    return None


def is_person(address, email: str | None) -> bool:
    """Whether an address is a person rather than a room, resource or list."""
    params = address.params
    if str(params.get("CUTYPE", "")).upper() in NOT_PEOPLE:
        return False
    if str(params.get("ROLE", "")).upper() == "NON-PARTICIPANT":
        return False
    domain = (email or "").partition("@")[2]
    return not (domain and host_matches(domain, meeting_vocabulary()["room domain"]))


def interviewers(event: icalendar.Event, user_email: str, user_name: str) -> list[dict]:
    """Everyone on the invitation except the user, rooms and resources, organiser first."""
    me = user_email.strip().lower()
    my_name = " ".join(user_name.split()).casefold()
    people: list[dict] = []
    seen: set[str] = set()
    for address in addresses(event):
        email = email_of(address)
        name = name_of(address, email)
        if not is_person(address, email) or name is None:
            continue
        if (me and email == me) or (my_name and name.casefold() == my_name):
            continue
        key = email or name.casefold()
        if key in seen:
            continue
        seen.add(key)
        people.append({"name": name, **({"email": email} if email and len(email) <= 320 else {})})
    return people


def texts(event: icalendar.Event, *names: str) -> str:
    """The named properties' text, joined."""
    return "\n".join(str(event.get(name)) for name in names if event.get(name) is not None)


def meeting_format(event: icalendar.Event) -> str | None:
    """Video for a meeting link, phone when it says so, onsite for a place; else unknown."""
    vocabulary = meeting_vocabulary()
    everything = texts(event, "LOCATION", "DESCRIPTION", "URL", "CONFERENCE",
                       "X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "SUMMARY")
    hosts = [urlsplit(link).hostname or "" for link in LINK.findall(everything)]
    if any(host_matches(host, vocabulary["video host"]) for host in hosts):
        return "video"
    words = everything.lower()
    if any(word in words for word in vocabulary["video word"]):
        return "video"
    location = texts(event, "LOCATION").strip()
    if any(word in words for word in vocabulary["phone word"]) or location.lower().startswith(
            "tel:"):
        return "phone"
    if location and not LINK.search(location):
        return "onsite"
    return None


def role_and_company(event: icalendar.Event, interviewers: list[dict]) -> dict:
    """The role and company the summary and description name, by the extraction engine."""
    from gracious.extraction import extract_context

    # only the company's people: the user's own address and rooms would blur whose mail it is
    people = [Party(**person) for person in interviewers][:50]
    thread = Thread(subject=texts(event, "SUMMARY")[:500] or None,
                    text=texts(event, "DESCRIPTION")[:40000] or None,
                    from_=people[0] if people else None, to=people[1:])
    found = extract_context(thread)
    return {"company": (found.company or "")[:SHORT] or None,
            "role": (found.role or "")[:SHORT] or None}
