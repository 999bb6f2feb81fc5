"""The meeting-link vocabulary, read once from meeting_links.txt."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib import resources


@cache
def meeting_vocabulary() -> dict[str, list[str]]:
    """Entries of meeting_links.txt by their label, e.g. "video host" -> hosts."""
    text = resources.files(__package__).joinpath("meeting_links.txt").read_text("utf-8")
    found: dict[str, list[str]] = defaultdict(list)
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            label, _, value = line.partition(":")
            found[label.strip()].append(value.strip().lower())
    return dict(found)


def host_matches(host: str, known: list[str]) -> bool:
    """Whether host is one of known, or a subdomain of one."""
    host = host.lower().rstrip(".")
    return any(host == item or host.endswith("." + item) for item in known)
