"""Read a thread as its messages and parties, and resolve the fields a note needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel

from gracious.extraction import contact as people
from gracious.extraction import dates, employer
from gracious.extraction.domains import _domains
from gracious.extraction.formats import interview_format
from gracious.extraction.parties import Candidate, candidate_of, service_of
from gracious.extraction.roles import find_role
from gracious.extraction.thread import Message, split_messages
from gracious.models import Interview, ResolvedFields, Thread

# a wrong guess is worse than none: every step below prefers to find nothing


@dataclass
class Reading:
    """What extraction found so far, each value with where it was read."""

    values: dict[str, object] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def put(self, name: str, value: object, source: str) -> None:
        """Keep a value (the first one found wins)."""
        if value and name not in self.values:
            self.values[name] = value
            self.sources[name] = source


def extract_context(thread: Thread, sender_name: str | None = None) -> ResolvedFields:
    """Find what the thread says about the interview; leave out anything uncertain."""
    # the panel asks for several drafts of one thread (tones, variants): read it once
    found = _read_cached(thread.model_dump_json(by_alias=True), sender_name)
    return _fresh(found)


def _fresh(found: ResolvedFields) -> ResolvedFields:
    """A copy of a remembered reading that shares nothing mutable with it."""
    # copy.deepcopy walks every string and cost a fifth of a draft; a reading holds only
    # strings, dates, models of them, lists and a dict, so one level down is deep enough
    parts = {name: _copied(getattr(found, name)) for name in ResolvedFields.model_fields}
    return ResolvedFields.model_construct(_fields_set=set(found.model_fields_set), **parts)


def _copied(value: object) -> object:
    """A model, list or dict copied one level down; anything else is immutable."""
    if isinstance(value, BaseModel):
        return value.model_copy()
    if isinstance(value, list | dict):
        return value.copy()
    return value


@lru_cache(maxsize=256)
def _read_cached(thread_json: str, sender_name: str | None) -> ResolvedFields:
    """Extraction of one thread, given as JSON so that it can be remembered."""
    return read_thread(Thread.model_validate_json(thread_json), sender_name)


def read_thread(thread: Thread, sender_name: str | None = None) -> ResolvedFields:
    """Extract from a thread without remembering the answer."""
    candidate = candidate_of(thread, sender_name)
    messages = split_messages(thread, dates.read_date)
    reading = Reading()
    contact = people.choose_contact(messages, candidate)
    if contact:
        people.find_recipient(contact, candidate, reading)
        _find_company(thread, contact, candidate, reading)
    _find_role(thread, messages, candidate, reading)
    _find_interview(thread, messages, reading)
    return _resolved(reading)


def _find_company(thread: Thread, contact: people.Contact, candidate: Candidate,
                  reading: Reading) -> None:
    """The employer, as the sender writes it, before the one the domain suggests."""
    message, signature = contact.message, contact.signature
    recipient = reading.values.get("recipient")
    excluded = [*candidate.names, recipient.name if recipient else None]
    if contact.agency:
        reading.put("company", people.agency_client(message.text, excluded), "body")
        return
    text = f"{thread.subject or ''}\n{message.subject}\n{message.text}"
    service = service_of(message.author)
    for source, company in (
        ("signature", employer.company_in_signature(signature)),
        ("headline", employer.company_in_headline(thread.headline)),
        ("display-name", people.display_org(message, text)),
        ("subject", employer.company_in_subject(thread.subject or message.subject)),
        ("body", employer.company_in_body(message.text)),
        ("domain", None if service else employer.company_from_domain(
            message.author.email if message.author else None, text)),
        ("domain", people.organiser_company(message, candidate, text) if service else None),
    ):
        if company and people.acceptable_company(company, excluded):
            reading.put("company", company, source)
            return


def _find_role(thread: Thread, messages: list[Message], candidate: Candidate,
               reading: Reading) -> None:
    """The role, from the subjects first and then the messages, newest first."""
    recipient = reading.values.get("recipient")
    excluded = [*candidate.names, reading.values.get("company"),
                recipient.name if recipient else None,
                *(m.author.name for m in messages if m.author and m.author.name)]
    subjects = [thread.subject or "", *(m.subject for m in messages[1:])]
    for subject in subjects:
        reading.put("role", find_role(" ".join(subject.split()), True, excluded), "subject")
    for message in messages:
        if not candidate.is_them(message.author):
            reading.put("role", find_role(message.text, False, excluded), "body")


def _find_interview(thread: Thread, messages: list[Message], reading: Reading) -> None:
    """The interview's date (newest message that gives one) and format."""
    for index, message in enumerate(messages):
        subject = (thread.subject or "") if index == 0 else message.subject
        reading.put("interview.date", dates.interview_date(subject, "", message.date), "subject")
        reading.put("interview.date", dates.interview_date("", message.text, message.date), "body")
        if "interview.date" in reading.values:
            break
    everything = "\n".join([thread.subject or "", *(m.text for m in messages)]).lower()
    reading.put("interview.format", interview_format(everything), "body")


def _resolved(reading: Reading) -> ResolvedFields:
    """The reading as the fields a note is written from."""
    values = reading.values
    found: dict = {}
    for name in ("recipient", "company", "role"):
        if name in values:
            found[name] = values[name]
    date, format_ = values.get("interview.date"), values.get("interview.format")
    if date or format_:
        found["interview"] = Interview(date=date, format=format_)
    return ResolvedFields(**found, extracted=list(found), sources=dict(reading.sources))


def prepare_extraction() -> None:
    """Load the public-suffix list and the data files now, so the first draft doesn't wait."""
    _domains()("example.com")
    extract_context(Thread(subject="Interview", text="Hi,\nBest,\nAlex"))

