"""Find the interview's date in English, German, French, Spanish and Dutch."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from gracious.extraction.vocabulary import alternation, vocabulary

# with a weekday but no year and no message date, the year is the first from this one on that
# fits: fixed, so extraction never reads the clock and the same thread gives the same answer
EARLIEST_YEAR = 2025
YEAR = re.compile(r"20(?<=\b20)\d\d\b")
TIME = re.compile(r"\b\d{1,2}(?:[:.h]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h\b|heures|horas|uur)"
                  r"|\b\d{1,2}[:.h]\d\d\b")


@dataclass(frozen=True)
class DatePatterns:
    """The compiled date patterns."""

    written: tuple[re.Pattern[str], ...]
    numeric: tuple[re.Pattern[str], ...]
    month_word: re.Pattern[str]
    relative: re.Pattern[str]
    next_weekday: re.Pattern[str]
    cue: re.Pattern[str]


@cache
def patterns() -> DatePatterns:
    """Build the date patterns from the month and weekday names."""
    words = vocabulary()
    month = rf"(?P<month>{alternation(list(words.months))})\.?"
    weekday = (rf"(?:(?P<weekday>{alternation(list(words.weekdays))})\.?,?\s+"
               r"(?:(?:the|den|le|el|de)\s+)?)?")
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|e|º|\.)?"
    year = r"(?:,?\s+(?:de\s+)?(?P<year>20\d\d))?"
    joiner = rf"(?:\s+(?:{alternation(list(words.roles.get('day_month_joiners', ['of', 'de'])))}))?"
    long_weekdays = [name for name in words.weekdays if len(name) > 3]
    return DatePatterns(
        written=(
            re.compile(rf"(?<![\w]){weekday}{month}\s+{day}(?!\d){year}"),
            re.compile(rf"(?<![\w]){weekday}{day}{joiner}\s+{month}{year}(?!\w)"),
        ),
        numeric=(
            re.compile(r"(?P<year>20(?<=\b20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
            # 3.3.2026 or 03.03. (German, Dutch); slashes only when the day can't be a month
            re.compile(r"(?<![\w.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>20\d\d)?(?![\d])"),
            re.compile(r"(?<![\w/])(?P<day>1[3-9]|2\d|3[01])/(?P<month>0?[1-9]|1[0-2])/(?P<year>20\d\d)\b"),
        ),
        month_word=re.compile(rf"(?<!\w)(?:{alternation(list(words.months))})(?!\w)"),
        relative=re.compile(rf"(?<!\w)(?P<relative>{alternation(list(words.relative_days))})(?!\w)"),
        next_weekday=re.compile(
            rf"(?<!\w)(?:{alternation(list(words.next_words))})\s+(?P<weekday>{alternation(long_weekdays)})(?!\w)"
        ),
        cue=re.compile(alternation(list(words.interview_cues))),
    )


def read_date(text: str, anchor: dt.date | None = None) -> dt.date | None:
    """The one date written in a short text such as a header's "Sent:" value."""
    found = list(_dates(text.lower(), anchor, YEAR.findall(text)))
    return found[0][1] if found else None


def _dates(text: str, anchor: dt.date | None, years: list[str]) -> Iterator[tuple[int, dt.date]]:
    """Every (lower-cased) date written in the text, with where it starts."""
    found = patterns()
    seen: set[int] = set()
    matches = [match for pattern in found.numeric for match in pattern.finditer(text)]
    # month names are rare, so the written-out patterns only run in a window around each one
    for hit in found.month_word.finditer(text):
        start, end = max(hit.start() - 30, 0), hit.end() + 16
        matches.extend(m for pattern in found.written for m in pattern.finditer(text, start, end)
                       if m.start() <= hit.start() < m.end())
    for match in sorted(matches, key=lambda m: m.start()):
        if match.start() in seen:
            continue
        seen.add(match.start())
        date = _to_date(match.groupdict(), anchor, years)
        if date:
            yield match.start(), date


def _to_date(parts: dict, anchor: dt.date | None, years: list[str]) -> dt.date | None:
    """Build a date from matched parts; None when it is impossible or its year unknowable."""
    words = vocabulary()
    month = parts["month"].rstrip(".")
    month_number = int(month) if month.isdigit() else words.months.get(month)
    day = int(parts["day"])
    weekday = parts.get("weekday")
    wanted = words.weekdays.get(weekday) if weekday else None
    if not month_number or not 1 <= month_number <= 12:
        return None
    if parts.get("year"):
        candidates = [int(parts["year"])]
    elif anchor:
        candidates = [anchor.year, anchor.year + 1]
    elif years:
        candidates = [int(years[0])]
    elif wanted is not None:
        candidates = list(range(EARLIEST_YEAR, EARLIEST_YEAR + 12))
    else:
        return None
    for year in candidates:
        try:
            date = dt.date(year, month_number, day)
        except ValueError:
            continue
        if anchor and not parts.get("year") and date < anchor:
            continue
        if wanted is None or date.weekday() == wanted:
            return date
    return None


def _relative(line: str, anchor: dt.date) -> dt.date | None:
    """ "tomorrow at 2pm" or "next Tuesday", counted from the message's date."""
    found = patterns()
    if not TIME.search(line):
        return None
    match = found.relative.search(line)
    if match:
        return anchor + dt.timedelta(days=vocabulary().relative_days[match.group("relative")])
    match = found.next_weekday.search(line)
    if match:
        ahead = (vocabulary().weekdays[match.group("weekday")] - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=ahead)
    return None


def interview_date(subject: str, body: str, anchor: dt.date | None) -> dt.date | None:
    """The interview's date: in the subject, on a line about the interview, or the only one."""
    subject, body = subject.lower(), body.lower()
    years = YEAR.findall(f"{subject}\n{body}")
    for _, date in _dates(subject, anchor, years):
        return date
    found = patterns()
    dated = list(_dates(body, anchor, years))
    for start, date in dated:
        if found.cue.search(_line_at(body, start)):
            return date
    distinct = {date for _, date in dated}
    if len(distinct) == 1:
        return distinct.pop()
    if anchor and not dated:
        for line in body.splitlines():
            if found.cue.search(line):
                date = _relative(line, anchor)
                if date:
                    return date
    return None


def _line_at(text: str, index: int) -> str:
    """The whole line of text around a position."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start: end if end != -1 else len(text)]
