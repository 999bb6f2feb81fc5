"""Due times: parse ISO 8601 dates and datetimes and place them on one UTC timeline."""

from __future__ import annotations

import datetime as dt

DATE_LENGTH = len("2026-12-01")
# the years a due value may fall in: a day either side stays inside python's
# years 1-9999 whatever the zone, so placing it on the utc timeline never fails
EARLIEST_YEAR = 1900
LATEST_YEAR = 9998
# the same range as a json schema pattern on the year, so clients know it up front
YEAR_PATTERN = r"^(19[0-9]{2}|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-"


def parse_when(value: object) -> dt.date | dt.datetime:
    """Parse an ISO 8601 date or datetime string, keeping which one it was."""
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date or datetime string, such as 2026-12-01")
    text = value.strip()
    try:
        if len(text) == DATE_LENGTH:
            parsed: dt.date | dt.datetime = dt.date.fromisoformat(text)
        else:
            parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO 8601 date or datetime; "
            "use 2026-12-01 or 2026-12-01T09:30:00+01:00"
        ) from None
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise ValueError(
            f"{value!r} is outside the years {EARLIEST_YEAR} to {LATEST_YEAR} a due date may use"
        )
    try:
        to_utc(parsed)
    except (ValueError, OverflowError, OSError):
        # the local clock cannot place it (windows cannot before 1970): say so, don't crash
        raise ValueError(f"{value!r} cannot be placed in this computer's time zone") from None
    return parsed


def to_utc(value: dt.date | dt.datetime) -> dt.datetime:
    """Return the instant a due value stands for, in UTC."""
    # a date alone is due from the start of that day, and a datetime without a
    # zone is read as wall-clock time, both in the server's local time zone:
    # the server runs on the user's own machine, so that is the user's day
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time.min)
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(dt.UTC)


def instant_text(moment: dt.datetime) -> str:
    """Format a UTC instant so that text order is time order."""
    # isoformat pads the year to four digits, where strftime("%Y") may not
    return moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def due_instant(due: str) -> str:
    """Return the sortable UTC instant of a due value."""
    return instant_text(to_utc(parse_when(due)))


def stored_due_instant(due: object) -> str:
    """Return a stored value's instant for SQL, or "" when it cannot be read."""
    # used by migrations: one unreadable old row must not lock the user out of all
    # their data; "" sorts first and counts as due, so the user sees it and can fix it
    try:
        return due_instant(due)  # type: ignore[arg-type]
    except ValueError:
        return ""
