"""Every word list extraction uses, loaded once from the files in data/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

DATA = files("gracious.extraction") / "data"


def read_yaml(name: str) -> dict:
    """One YAML data file."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506


def read_words(name: str) -> frozenset[str]:
    """A one-entry-a-line data file, without comments and blank lines."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and line[0] != "#")


def words(value: str | list[str]) -> frozenset[str]:
    """A set of lower-case words, from a list or a space-separated string."""
    items = value.split() if isinstance(value, str) else value
    return frozenset(item.lower() for item in items)


def alternation(phrases: frozenset[str] | list[str]) -> str:
    """A regex alternation of phrases, longest first, with spaces matching any white space."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


@dataclass(frozen=True)
class Service:
    """A hiring or scheduling service that mails on an employer's behalf."""

    name: str
    kind: str
    names: frozenset[str]
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """The data files, read and shaped for lookups."""

    webmail: frozenset[str]
    services: tuple[Service, ...]
    service_names: frozenset[str]
    agencies: frozenset[str]
    agency_domains: frozenset[str]
    client_cues: tuple[str, ...]
    agency_words: tuple[str, ...]
    headers: dict
    signoffs: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    next_words: frozenset[str]
    roles: dict
    formats: dict[str, tuple[str, ...]]
    not_a_person: frozenset[str]
    job_words: frozenset[str]
    titles: frozenset[str]
    organisations: dict
    interview_cues: tuple[str, ...]
    with_words: tuple[str, ...]
    honorifics: frozenset[str]


def _services(data: dict) -> tuple[Service, ...]:
    """The services of services.yaml, each with its kind."""
    return tuple(
        Service(name, kind, words([name, *entry["names"]]), tuple(entry["domains"]))
        for kind, entries in data.items()
        for name, entry in entries.items()
    )


def _numbered(table: dict) -> dict[str, int]:
    """Invert {number: [names]} into {name: number}."""
    return {name: int(number) for number, names in table.items() for name in names}


@cache
def vocabulary() -> Vocabulary:
    """Read every data file once."""
    services = _services(read_yaml("services.yaml"))
    agencies = read_yaml("agencies.yaml")
    dates = read_yaml("months.yaml")
    people = read_yaml("people.yaml")
    cues = read_yaml("cues.yaml")
    return Vocabulary(
        webmail=read_words("webmail.txt"),
        services=services,
        service_names=frozenset().union(*(service.names for service in services)),
        agencies=words(agencies["names"]),
        agency_domains=words(agencies["domains"]),
        client_cues=tuple(agencies["client_cues"]),
        agency_words=tuple(agencies["agency_words"]),
        headers=read_yaml("headers.yaml"),
        signoffs=read_words("signoffs.txt"),
        months=_numbered(dates["months"]),
        weekdays=_numbered(dates["weekdays"]),
        relative_days=_numbered(dates["relative_days"]),
        next_words=words(dates["next_words"]),
        roles=read_yaml("roles.yaml"),
        formats={name: tuple(cues_) for name, cues_ in read_yaml("formats.yaml").items()},
        not_a_person=words(people["not_a_person"]),
        job_words=words(people["job_words"]),
        titles=frozenset(people["titles"]),
        organisations=read_yaml("organisations.yaml"),
        interview_cues=tuple(words(cues["interview"])),
        with_words=tuple(cues["with"]),
        honorifics=frozenset(cues["honorifics"]),
    )
