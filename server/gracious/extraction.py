"""Pull the recipient, company, role and interview details out of an email or LinkedIn thread."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from gracious.models import Interview, Party, Recipient, ResolvedFields, Thread

if TYPE_CHECKING:
    import tldextract

# a wrong guess is worse than none: every rule below prefers to find nothing


def _word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a text, as a set."""
    return frozenset(text.split())


WEBMAIL = _word_set(
    """
    gmail googlemail outlook hotmail live msn yahoo ymail rocketmail icloud me mac aol proton
    protonmail pm gmx mail zoho yandex fastmail hey tutanota tuta hushmail
    """
)
# hiring tools and calendar services send mail for the employer, never as it
SERVICES = _word_set(
    """
    greenhouse lever workday myworkdayjobs smartrecruiters ashbyhq icims jobvite bamboohr
    linkedin calendly google microsoft zoom teams office365 outlookmail breezy recruitee
    workable teamtailor personio hirebridge successfactors taleo indeed glassdoor
    """
)
NOT_A_PERSON = re.compile(
    r"\b(team|careers?|recruit\w*|talent|hr|jobs?|hiring|no-?reply|notifications?|calendar|"
    r"support|info|admin|people|inc|ltd|llc|gmbh|plc|corp)\b",
    re.IGNORECASE,
)
JOB_WORDS = re.compile(
    r"\b(recruit\w*|talent|acquisition|manager|director|engineer\w*|analyst|designer|lead|head|"
    r"partner|specialist|coordinator|officer|president|vp|founder|ceo|cto|cfo|coo|chief|"
    r"consultant|sourcer|associate|assistant|generalist|hr|people|human|resources|senior|"
    r"junior|principal|staff|intern|executive|administrator|developer|scientist|architect|"
    r"owner|advisor|representative|operations|partnerships?|he/him|she/her|they/them)\b",
    re.IGNORECASE,
)
SIGN_OFF = re.compile(
    r"^(best|best regards|kind regards|warm regards|warmly|regards|many thanks|thanks|thank you|"
    r"thanks again|cheers|sincerely|yours sincerely|all the best|speak soon|talk soon|"
    r"best wishes|with thanks)\s*[,.!-]*$",
    re.IGNORECASE,
)
NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*"
# lower-case particles sit inside real names: "Ludwig van Beethoven", "María de la Cruz"
NAME_PARTICLE = r"(?:van|von|de|da|del|della|di|du|le|la|der|den|ter|ten|bin|al|dos|das|y)"
PERSON_NAME = re.compile(
    rf"^(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?\s+)?{NAME_WORD}"
    rf"(?:\s+(?:{NAME_PARTICLE}\s+){{0,2}}{NAME_WORD}){{0,3}}$"
)
# a run of capitalised words, with the small words that sit inside names of roles and companies
# (bounded, so a 40,000-character thread of capitalised words cannot make matching quadratic)
TITLED = (
    r"[A-Z0-9][\w+#&/.'’-]{0,40}(?:\s+(?:of|and|&|for|de|la|the|[A-Z0-9][\w+#&/.'’-]{0,40})){0,7}"
)
ROLE_PATTERNS = (
    re.compile(rf"\b(?i:interview(?:ing)?\s+for)\s+(?i:the\s+|our\s+|a\s+|an\s+)?({TITLED})"),
    re.compile(rf"\b(?i:the|our|your)\s+({TITLED})\s+(?i:role|position|opening|vacancy|job)\b"),
    re.compile(rf"\b(?i:position|role|post)\s+of\s+({TITLED})"),
    re.compile(rf"\b({TITLED})\s+(?i:interview)\b"),
    # weakest last: in "Interview - Northwind" the dash may lead to the company instead
    re.compile(rf"\b(?i:interview)\s*[-–—:]\s+({TITLED})"),
    # a subject that opens with the role: "Staff Engineer role at Acme"
    re.compile(rf"^(?:(?i:re|fwd?|aw|wg):\s*)*({TITLED})\s+(?i:role|position|opening|vacancy)\b"),
)
ROLE_NOUN = re.compile(r"\b(?:role|position|opening|vacancy|job|post)\b")
# words that describe the interview or vacancy, not the role: "Final Round Interview", "Open role"
INTERVIEW_WORDS = _word_set(
    """
    a an the your our my this next final first second third round onsite on-site virtual video
    phone technical panel initial zoom teams follow-up screening intro introductory hiring
    manager team culture behavioral behavioural case study interview re fwd fw invitation
    confirmed updated scheduled reminder thanks thank you great lovely nice upcoming schedule
    scheduling confirmation update following follow up request open new exciting current
    available vacant
    """
)
# words of real job titles that also describe interviews ("Hiring Manager", "Team Lead")
ROLE_WORDS = _word_set("manager team of and & the for a an study case")
TRAILING_ROLE_WORDS = _word_set("role position of and & the interview round screen call for")
ROLE_STOP = re.compile(r"\s+(?:at|with|on|in|for|and|&|-|–|—)\s*$|\s+(?:at|with|on)\s+.*$")
COMPANY_AT = re.compile(rf"\bat\s+({TITLED})")
TRAILING_DATE_WORDS = re.compile(
    r"(\s+(?:on|this|next|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Mon|Tue|Wed|Thu|Fri|Sat|Sun|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"\d+\w*))+$"
)

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ),
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>20\d\d))?"
DATE_PATTERNS = (
    # "20(?<=\b20)" is "\b20" written so that the regex engine can skip ahead to each "20"
    re.compile(r"(?P<year>20(?<=\b20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b{_YEAR}"),
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b"),
)
QUOTE_MARKS = re.compile(r"^(?:[ \t]*>)+[ \t]?", re.MULTILINE)
NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]")
CAPITALISED_RUN = re.compile(r"[A-Z][\w&'’]{0,40}(?:\s+[A-Z&][\w&'’]{0,40}){0,3}")
YEAR = re.compile(r"20(?<=\b20)\d\d\b")
# month names are rare, so the written-out patterns only run in a window around each one; the
# word boundary in front is checked by _month_words, as a leading \b makes the search ~2x slower
MONTH_WORD = re.compile(r"(?:" + "|".join(MONTHS) + r")\b")
WINDOW_BEFORE, WINDOW_AFTER = 18, 14
# with a weekday but no year, the year is the first from this one on that fits: fixed, so
# extraction never reads the clock and the same thread always gives the same answer
EARLIEST_YEAR = 2025
INTERVIEW_CUE = re.compile(
    r"interview|call|meeting|chat|conversation|scheduled|confirm|invit|speak|spoke|met\b|"
    r"when:",
)
MESSAGE_HEADER = re.compile(r"^\s*(?:sent|date|received)\s*:|\bwrote:\s*$")
FORMAT_CUES = {
    "video": re.compile(
        r"zoom|microsoft teams|teams meeting|teams\.microsoft|google meet|meet\.google|webex|"
        r"video (?:call|interview|chat|meeting)|over video|hangouts|whereby|skype",
    ),
    "phone": re.compile(
        r"phone (?:call|screen|interview|chat)|by phone|over the phone|on the phone|"
        r"call you (?:at|on)",
    ),
    "onsite": re.compile(
        r"in[- ]person|on-?site|our office|our offices|visit us|front desk|reception",
    ),
}


# what a thread names: recipient, company, role, interview date and format
ThreadFacts = tuple[str | None, str | None, str | None, dt.date | None, str | None]


def extract_context(thread: Thread) -> ResolvedFields:
    """Find what the thread says about the interview; leave out anything uncertain."""
    name, company, role, date, interview_format = _read_thread(thread)
    found: dict = {}
    if name:
        found["recipient"] = Recipient(name=name)
    if company:
        found["company"] = company
    if role:
        found["role"] = role
    if date or interview_format:
        found["interview"] = Interview(date=date, format=interview_format)
    return ResolvedFields(**found, extracted=list(found))


def _read_thread(thread: Thread) -> ThreadFacts:
    """The recipient, company, role, date and format a thread names."""
    text = _unquoted(thread.text or "")
    subject = " ".join((thread.subject or "").split())
    signature = _signature(text, thread.to)
    recipient = _recipient(thread.from_, signature)
    company = _company(thread, subject, text, signature)
    role = _role(subject, ROLE_PATTERNS) or _role(text, ROLE_PATTERNS[:3])
    # dates, cues and formats are matched on lower-cased text (the ignore-case flag is slow)
    subject, text = subject.lower(), text.lower()
    date = _interview_date(subject, text)
    interview_format = _interview_format(f"{subject}\n{text}")
    return recipient, company, role, date, interview_format


def _unquoted(text: str) -> str:
    """The thread text with e-mail quote markers removed."""
    if ">" not in text:
        return text
    return QUOTE_MARKS.sub("", text)


def _signature(text: str, readers: list[Party]) -> list[str]:
    """The lines under the last sign-off (name first), unless they are the reader's own."""
    lines = [line.strip() for line in text.splitlines()][-40:]
    for index in range(len(lines) - 1, -1, -1):
        if SIGN_OFF.match(lines[index]):
            block = [line for line in lines[index + 1 :] if line][:6]
            if block and _is_person(block[0]) and not _is_reader(block[0], readers):
                return block
            return []
    return []


def _is_reader(name: str, readers: list[Party]) -> bool:
    """Whether a name belongs to someone the thread was sent to (the user)."""
    return any(party.name and party.name.strip().lower() == name.lower() for party in readers)


def _is_person(name: str) -> bool:
    """Whether a display name looks like one person's name."""
    name = " ".join(name.split())
    return (
        bool(PERSON_NAME.match(name))
        and not NOT_A_PERSON.search(name)
        and not (SIGN_OFF.match(name) or JOB_WORDS.search(name))
    )


def _recipient(sender: Party | None, signature: list[str]) -> str | None:
    """The person who wrote the interview message."""
    if sender and sender.name:
        # display names often carry pronouns or a tagline: "Priya Raman (she/her) | Hiring"
        name = re.sub(r"\([^)]*\)|\s[|•·–—-]\s.*$", " ", sender.name.replace('"', ""))
        name = " ".join(name.split())
        if "," in name and _is_person(name.replace(",", "")):
            last, _, first = name.partition(",")
            name = f"{first.strip()} {last.strip()}"
        if _is_person(name):
            return name
    if signature:
        return signature[0]
    if sender and sender.email:
        local = sender.email.split("@", 1)[0]
        parts = re.split(r"[._]", local)
        if len(parts) == 2 and all(part.isalpha() and len(part) > 1 for part in parts):
            name = " ".join(part.capitalize() for part in parts)
            return name if _is_person(name) else None
    return None


def _company(thread: Thread, subject: str, text: str, signature: list[str]) -> str | None:
    """The employer, from the signature, LinkedIn headline, subject or e-mail domain."""
    for line in signature[1:]:
        company = _company_in_line(line)
        if company:
            return company
    if thread.headline:
        match = re.search(r"\s(?:at|@)\s+([^|•·,]+)", thread.headline)
        if match and _looks_like_company(match.group(1).strip()):
            return match.group(1).strip()
    match = COMPANY_AT.search(subject)
    if match:
        company = TRAILING_DATE_WORDS.sub("", match.group(1)).strip(" .,-")
        if _looks_like_company(company):
            return company
    context = f"{subject}\n{text}"
    if thread.from_ and thread.from_.email:
        company = _company_from_domain(thread.from_.email, context)
        if company:
            return company
    # a calendar invitation comes from the calendar service; the organiser's address is in it
    readers = {party.email.rpartition("@")[2].lower() for party in thread.to if party.email}
    hosts = {
        host.lower()
        for host in re.findall(r"[\w.+-]{1,64}@([\w-]{1,63}(?:\.[\w-]{1,63}){1,5})", text)
    } - readers
    if not 0 < len(hosts) <= 3:
        return None
    companies = {_company_from_domain(f"x@{host}", context) for host in hosts} - {None}
    return companies.pop() if len(companies) == 1 else None


def _company_in_line(line: str) -> str | None:
    """A company named on one signature line, such as "Senior Recruiter | Northwind"."""
    for separator in (" | ", " at ", " @ ", ", ", " · ", " • ", " – ", " - "):
        if separator in line:
            parts = [part.strip() for part in line.split(separator)]
            if JOB_WORDS.search(parts[0]) and _looks_like_company(parts[1]):
                return parts[1]
            return None
    return line if _looks_like_company(line) else None


def _looks_like_company(value: str) -> bool:
    """Whether a short line reads like a company name rather than a title or contact detail."""
    words = value.split()
    return (
        0 < len(words) <= 5
        and value[:1].isupper()
        and not re.search(r"\d|@|https?:|www\.|\.com\b|[+()]", value)
        and not JOB_WORDS.search(value)
        and not SIGN_OFF.match(value)
    )


def prepare_extraction() -> None:
    """Load the public-suffix list now, so the first draft that needs it doesn't wait."""
    _domains()("example.com")


@lru_cache(maxsize=1)
def _domains() -> tldextract.TLDExtract:
    """A public-suffix parser using the list bundled with tldextract (no network)."""
    # imported on first use: it pulls in requests, which would slow every CLI start
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _company_from_domain(email: str, text: str) -> str | None:
    """Turn "jane@northwind-traders.com" into "Northwind Traders"; never a webmail domain."""
    host = email.rpartition("@")[2].strip().lower()
    if not host or "." not in host:
        return None
    label = _domains()(host).domain
    if not label or label in WEBMAIL or label in SERVICES or not re.fullmatch(r"[a-z0-9-]+", label):
        return None
    squashed = label.replace("-", "")
    # the thread usually spells the name properly: "Northwind Traders" for northwindtraders.com
    for match in CAPITALISED_RUN.finditer(text):
        words = match.group(0).split()
        if words[0][0].lower() != squashed[0]:
            continue
        for end in range(len(words), 0, -1):
            candidate = " ".join(words[:end])
            if NOT_ALPHANUMERIC.sub("", candidate.lower()) == squashed:
                return candidate
    if len(squashed) <= 3:
        return squashed.upper()
    return " ".join(part.capitalize() for part in label.split("-") if part)


def _role(text: str, patterns: tuple[re.Pattern[str], ...]) -> str | None:
    """The role named in a subject or message, e.g. "Interview for Senior Data Analyst"."""
    lowered = text.lower()
    if "interview" not in lowered and not ROLE_NOUN.search(lowered):
        return None
    for pattern in patterns:
        for match in pattern.finditer(text):
            role = _tidy_role(match.group(1))
            if role:
                return role
    return None


def _tidy_role(value: str) -> str | None:
    """Trim interview words and trailing fragments from a candidate role."""
    value = re.split(r"\s[-–—|:(]\s?|[,(|:]", value, maxsplit=1)[0]
    value = ROLE_STOP.sub("", value)
    value = TRAILING_DATE_WORDS.sub("", value)
    words = value.split()
    while words and words[0].lower() in INTERVIEW_WORDS:
        words.pop(0)
    while words and words[-1].lower() in TRAILING_ROLE_WORDS:
        words.pop()
    role = " ".join(words)
    if not role or len(words) > 6 or not role[:1].isupper():
        return None
    if any(word.lower() in INTERVIEW_WORDS for word in words if word.lower() not in ROLE_WORDS):
        return None
    return role


def _dates_in(text: str) -> list[tuple[int, dt.date]]:
    """Every date written in the (lower-cased) text, with where it starts."""
    found: dict[int, dt.date | None] = {}
    years = [int(year) for year in YEAR.findall(text)]
    matches = list(DATE_PATTERNS[0].finditer(text))
    for hit in _month_words(text):
        start, end = max(hit.start() - WINDOW_BEFORE, 0), hit.end() + WINDOW_AFTER
        matches.extend(
            match for pattern in DATE_PATTERNS[1:] if (match := pattern.search(text, start, end))
        )
    for match in matches:
        if match.start() not in found:
            found[match.start()] = _to_date(match.groupdict(), years)
    return sorted((start, date) for start, date in found.items() if date)


def _month_words(text: str) -> Iterator[re.Match[str]]:
    """The month names in the text that start a word."""
    for hit in MONTH_WORD.finditer(text):
        start = hit.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            yield hit


def _to_date(parts: dict, years: list[int]) -> dt.date | None:
    """Build a date from matched parts; None when it is impossible or the year is unknowable."""
    month = parts["month"]
    month = int(month) if month.isdigit() else MONTHS[month.lower()]
    day = int(parts["day"])
    weekday = parts.get("weekday")
    wanted = WEEKDAYS[weekday.lower()] if weekday else None
    candidates = [int(parts["year"])] if parts.get("year") else years[:1]
    if not candidates and wanted is not None:
        candidates = list(range(EARLIEST_YEAR, EARLIEST_YEAR + 12))
    for year in candidates:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if wanted is None or date.weekday() == wanted:
            return date
    return None


def _line_at(text: str, index: int) -> str:
    """The whole line of text around a position."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start : end if end != -1 else len(text)]


def _interview_date(subject: str, text: str) -> dt.date | None:
    """The interview date: from the subject, a sentence about the interview, or the only date."""
    in_subject = _dates_in(subject)
    if in_subject:
        return in_subject[0][1]
    # "Sent: Tuesday, March 3" and "On Tue, 3 Mar ... wrote:" date the email, not the interview
    dates = [
        (start, date)
        for start, date in _dates_in(text)
        if not MESSAGE_HEADER.search(_line_at(text, start))
    ]
    for start, date in dates:
        if INTERVIEW_CUE.search(_line_at(text, start)):
            return date
    distinct = {date for _, date in dates}
    return distinct.pop() if len(distinct) == 1 else None


def _interview_format(text: str) -> str | None:
    """Phone, video or onsite, when the thread says so unambiguously."""
    seen = {name for name, cue in FORMAT_CUES.items() if cue.search(text)}
    # video invitations list dial-in numbers too, so a video link outweighs phone words
    if "video" in seen:
        seen.discard("phone")
    return seen.pop() if len(seen) == 1 else None
