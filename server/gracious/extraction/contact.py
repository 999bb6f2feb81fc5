"""The person to thank: the newest message's author, a forwarded message's, or the interviewer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gracious.extraction.employer import ORG, company_from_domain, looks_like_company
from gracious.extraction.names import fold, is_person, same_person, tidy_name, title_of
from gracious.extraction.parties import (
    Candidate,
    agency_named,
    display_name_org,
    is_agency,
    person_from_address,
    person_from_party,
    service_of,
)
from gracious.extraction.thread import Message, signature_of
from gracious.extraction.vocabulary import alternation, vocabulary
from gracious.models import Recipient

NAME_PART = r"[A-ZÀ-ÖØ-Þ][\w'’-]{1,30}"
ADDRESS_IN_TEXT = re.compile(r"[\w.+-]{1,64}@([\w-]{1,63}(?:\.[\w-]{1,63}){1,5})")
# how far after "my client" the client's name may come
CLIENT_WINDOW = 140
MONTH_OR_DAY = re.compile(r"\d")


@dataclass(frozen=True)
class Contact:
    """The message whose author the note thanks, with its signature."""

    message: Message
    signature: list[str]
    agency: bool


def choose_contact(messages: list[Message], candidate: Candidate) -> Contact | None:
    """The message to answer: a forwarded one before its forwarder, never the candidate's own."""
    forwarded = [m for m in messages[1:] if m.forwarded]
    ordered = forwarded + [m for m in messages if m not in forwarded] if forwarded else messages
    for message in ordered:
        if candidate.is_them(message.author):
            continue
        signature = signature_of(message)
        if signature and candidate.named(signature[0]):
            continue
        if message.author is None and not signature and len(messages) > 1:
            continue
        return Contact(message, signature, is_agency(message, signature))
    return None


def find_recipient(contact: Contact, candidate: Candidate, reading) -> None:
    """The person: display name, signature, the interviewer an invitation names, the address."""
    message, signature = contact.message, contact.signature
    shown = person_from_party(message.author, candidate)
    signed = tidy_name(signature[0]) if signature else None
    signed = signed if is_person(signed) and not candidate.named(signed) else None
    if shown and signed and ((same_person(shown, signed) and title_of(signed))
                             or fuller_name(signed, shown)):
        shown = None  # the signature keeps the "Dr." or the surname the display name leaves out
    if shown:
        reading.put("recipient", _recipient(shown), "display-name")
    elif signed:
        reading.put("recipient", _recipient(signed), "signature")
    elif service_of(message.author) or message.author is None:
        reading.put("recipient", _recipient(interviewer(message.text, candidate)), "body")
    if "recipient" not in reading.values:
        from_address = person_from_address(message.author, candidate)
        reading.put("recipient", _recipient(from_address), "address")


def fuller_name(longer: str, shorter: str) -> bool:
    """Whether a name adds words to another one of the same person: "Priya Raman" to "Priya"."""
    long_words, short_words = fold(longer).split(), fold(shorter).split()
    return len(long_words) > len(short_words) and set(short_words) <= set(long_words)


def _recipient(name: str | None) -> Recipient | None:
    """A recipient for a name, with its courtesy title for the formal greeting."""
    return Recipient(name=name, title=title_of(name)) if name else None


@cache
def _with_pattern() -> re.Pattern[str]:
    """ "with Maria Gonzalez" in the five languages, honorifics allowed in front."""
    words = vocabulary()
    honorific = alternation(words.honorifics | {"Dr.", "Prof."})
    return re.compile(
        rf"(?<!\w)(?i:{alternation(words.with_words)})\s+(?:(?:{honorific})\s+)?"
        rf"(?P<name>{NAME_PART}(?:[ \t]+(?:(?:van|von|de|der|den|la|del|da|di)[ \t]+){{0,2}}"
        rf"{NAME_PART}){{1,3}})"
    )


def interviewer(text: str, candidate: Candidate) -> str | None:
    """The one person an invitation or notification says the interview is with."""
    names = set()
    for match in _with_pattern().finditer(text):
        name = match.group("name")
        if is_person(name) and not candidate.named(name) and not agency_named(name):
            names.add(name)
    return names.pop() if len(names) == 1 else None


def display_org(message: Message, text: str) -> str | None:
    """The organisation a service or team mailbox sends as, checked against the text."""
    org = display_name_org(message.author)
    if not org:
        return None
    # "Priya Raman" <no-reply@greenhouse.io> is a person, not an employer: a name that reads as
    # a person's counts only when the message itself names it as an organisation too
    if len(org.split()) > 1 and is_person(org) and fold(org) not in fold(text):
        return None
    return org


def organiser_company(message: Message, candidate: Candidate, text: str) -> str | None:
    """For a calendar invitation: the company of the organiser addresses it lists."""
    hosts = {host.lower() for host in ADDRESS_IN_TEXT.findall(message.text)}
    hosts -= {email.rpartition("@")[2] for email in candidate.emails}
    companies = {company_from_domain(f"x@{host}", text) for host in hosts} - {None}
    return companies.pop() if 0 < len(hosts) <= 3 and len(companies) == 1 else None


def agency_client(text: str, excluded: list[str | None]) -> str | None:
    """The client a recruiter names after "my client" or "on behalf of", when it is named."""
    lowered = text.lower()
    found = set()
    for cue in vocabulary().client_cues:
        start = lowered.find(cue)
        while start != -1:
            window = text[start + len(cue): start + len(cue) + CLIENT_WINDOW]
            client = _named_client(re.split(r"[.!?](?:\s|$)", window, maxsplit=1)[0])
            if client and acceptable_company(client, excluded):
                found.add(client)
            start = lowered.find(cue, start + 1)
    return found.pop() if len(found) == 1 else None


CLIENT = re.compile(
    rf"(?:^[\s,:]*|[,—–(:]\s*|\s-\s)(?:(?:die|der|das|the|la|le|el|de|het)\s+)?(?P<client>{ORG})(?=\s*[,—–).;]|\s-\s|\s+(?:is|are|has|have|ist|sucht|est|busca|zoekt|recherche|cherche)\b)"
)


def _named_client(window: str) -> str | None:
    """The organisation named in the words right after a client cue."""
    for match in CLIENT.finditer(window):
        client = match.group("client").strip()
        if client.split()[0].lower() in vocabulary().organisations["not_orgs"] \
                or MONTH_OR_DAY.search(client):
            continue
        if looks_like_company(client) and not agency_named(client):
            return client
    return None


def acceptable_company(company: str, excluded: list[str | None]) -> bool:
    """Whether a company is neither a person of the thread, a service nor an agency."""
    if any(same_person(company, other) or fold(company) == fold(other or "") for other in excluded):
        return False
    return not (service_of_name(company) or agency_named(company) == company)


def service_of_name(name: str) -> bool:
    """Whether a name is a hiring or scheduling service's."""
    return fold(name) in vocabulary().service_names
