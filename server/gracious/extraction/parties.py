"""Who is who in a thread: the candidate, hiring services, agencies and the person to thank."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gracious.extraction.domains import host_of, registered_label
from gracious.extraction.names import fold, is_person, same_person, tidy_name, without_honorific
from gracious.extraction.thread import Message
from gracious.extraction.vocabulary import Service, alternation, vocabulary
from gracious.models import Party, Thread

LOWER_BRAND = re.compile(r"^[a-z][A-Z]")
LOCAL_PART_NAME = re.compile(r"^(?P<first>[a-z]{2,20})[._](?P<last>[a-z]{2,30})$")


@dataclass(frozen=True)
class Candidate:
    """The user: never the recipient, the company or the role."""

    names: tuple[str, ...]
    emails: frozenset[str]

    def is_them(self, party: Party | None) -> bool:
        """Whether a party is the candidate, by address or by full name."""
        if party is None:
            return False
        if party.email and party.email.strip().lower() in self.emails:
            return True
        return self.named(party.name)

    def named(self, name: str | None) -> bool:
        """Whether a name is the candidate's."""
        name = tidy_name(name)
        return bool(name) and any(same_person(name, own) for own in self.names)

    def mentioned_in(self, text: str) -> bool:
        """Whether a text contains the candidate's full name."""
        folded = fold(text)
        return any(len(own.split()) > 1 and fold(own) in folded for own in self.names)


def candidate_of(thread: Thread, own_name: str | None) -> Candidate:
    """The candidate, from the profile's name and the addressees of the incoming message."""
    sender = thread.from_
    if own_name and sender and same_person(tidy_name(sender.name), tidy_name(own_name)):
        # the user's own sent message: its addressees are the other side
        emails = frozenset({sender.email.strip().lower()} if sender.email else ())
        return Candidate(tuple(filter(None, [tidy_name(own_name)])), emails)
    names = [name for name in (own_name, *(party.name for party in thread.to)) if name]
    emails = frozenset(party.email.strip().lower() for party in thread.to if party.email)
    return Candidate(tuple(filter(None, map(tidy_name, names))), emails)


def service_of(party: Party | None) -> Service | None:
    """The hiring, scheduling or job-board service a party is, if any."""
    if party is None:
        return None
    host = host_of(party.email)
    by_domain = _services_by_domain()
    while host:
        if host in by_domain:
            return by_domain[host]
        host = host.partition(".")[2]
    name = fold(tidy_name(party.name) or "")
    if name not in vocabulary().service_names:
        return None
    return next(service for service in vocabulary().services if name in service.names)


@cache
def _services_by_domain() -> dict[str, Service]:
    """Each service's mail domains, for a lookup by host and its parent domains."""
    return {domain: service for service in vocabulary().services for domain in service.domains}


def display_name_org(party: Party | None) -> str | None:
    """The organisation a service or team mailbox names itself after: "Canva Talent" -> "Canva"."""
    if party is None or not party.name:
        return None
    name = " ".join(party.name.replace('"', " ").split())
    # "Kite Systems via Lever", "Recruiting at Kite", "Kite Systems (Greenhouse)"
    name = re.split(r"\s+(?:via|über|par|vía)\s+|\s*\(", name, maxsplit=1)[0]
    match = re.match(r"^(?:recruiting|careers|talent|hiring|jobs|hr)\s+(?:at|@|bei|chez|en|bij)"
                     r"\s+(.+)$",
                     name, re.IGNORECASE)
    if match:
        name = match.group(1)
    words = vocabulary()
    parts = name.split()
    suffixes = words.organisations["org_suffixes"].split()
    while len(parts) > 1 and parts[-1].lower() in [*suffixes, "team", "acquisition", "&"]:
        parts.pop()
    # "Recrutement Société Générale", "Careers Acme"
    while len(parts) > 1 and parts[0].lower() in suffixes:
        parts.pop(0)
    stripped = len(parts) < len(name.split())
    name = " ".join(parts).strip(" -|·,")
    if not name or (is_person(name) and not (service_of(party) or stripped)):
        return None
    if fold(name) in words.service_names or fold(name) in words.not_a_person:
        return None
    # "eBay", "iCIMS": a lower-case letter may lead a capitalised brand
    return name if name[:1].isupper() or name[:1].isdigit() or LOWER_BRAND.match(name) else None


def agency_named(text: str) -> str | None:
    """A recruiting agency named in a text (a signature line, a display name)."""
    lowered = text.lower()
    # a plain substring test first: the whole-word pattern is slow and rarely needed
    if not any(name in lowered for name in vocabulary().agencies):
        return None
    match = _agency_pattern().search(text)
    return match.group("agency") if match else None


@cache
def _agency_pattern() -> re.Pattern[str]:
    """One pattern for every agency's name, as a whole word."""
    names = alternation(vocabulary().agencies)
    return re.compile(rf"(?<!\w)(?P<agency>{names})(?!\w)", re.IGNORECASE)


def is_agency(message: Message, signature: list[str]) -> bool:
    """Whether a message comes from a recruiting agency: its domain, its signature or its words."""
    words = vocabulary()
    label = registered_label(message.author.email if message.author else None)
    if label and label in words.agency_domains:
        return True
    if any(agency_named(line) for line in signature):
        return True
    lowered = message.text.lower()
    if any(word in lowered for word in words.agency_words):
        return True
    # "on behalf of the hiring team" is the employer's own voice; "on behalf of my client" isn't
    if not any(cue in lowered for cue in words.client_cues):
        return False
    return bool(_client_cue().search(lowered))


@cache
def _client_cue() -> re.Pattern[str]:
    """A client cue that is not followed by the sender's own team."""
    own = alternation(vocabulary().organisations["own_side"])
    cues = alternation(vocabulary().client_cues)
    return re.compile(rf"(?<!\w)(?:{cues})(?!\w)(?!\s+(?:{own})\b)")


def person_from_party(party: Party | None, candidate: Candidate) -> str | None:
    """The person a sender is, from the display name, when it is one and not the candidate."""
    if party is None or service_of(party) or candidate.is_them(party):
        return None
    name = tidy_name(party.name)
    name = without_honorific(name) if name else None
    return name if is_person(name) and not candidate.named(name) else None


def person_from_address(party: Party | None, candidate: Candidate) -> str | None:
    """ "priya.raman@northwind.com" -> "Priya Raman", when the address is plainly a name."""
    if party is None or not party.email or service_of(party) or candidate.is_them(party):
        return None
    match = LOCAL_PART_NAME.match(party.email.partition("@")[0].lower())
    if not match:
        return None
    name = f"{match.group('first').capitalize()} {match.group('last').capitalize()}"
    return name if is_person(name) and not candidate.named(name) else None
