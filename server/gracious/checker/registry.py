"""Checks declared once: an id, the guide section that explains it, and what it looks at.

Which kinds a check applies to is declared with each kind (compose/kinds/<kind>/kind.yaml).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from gracious.checker.models import CheckResult
from gracious.checker.note import Note
from gracious.guide_links import GUIDE_LINKS

# a check says (passed, message) or (passed, message, guide key), or None when it does not apply
Finding = tuple[bool, str] | tuple[bool, str, str] | None


class Registered(NamedTuple):
    """One check as registered."""

    id: str
    guide: str
    look: Callable[[Note], Finding]


REGISTRY: dict[str, Registered] = {}


def check(check_id: str, guide: str) -> Callable[[Callable[[Note], Finding]], Callable]:
    """Register a check under its id, with the guide section its advice comes from."""
    if guide not in GUIDE_LINKS:
        raise KeyError(f"check {check_id}: unknown guide section {guide!r}")

    def register(look: Callable[[Note], Finding]) -> Callable[[Note], Finding]:
        REGISTRY[check_id] = Registered(check_id, guide, look)
        return look

    return register


def run(registered: Registered, note: Note) -> CheckResult | None:
    """Run one check and word its finding with a guide link served under /guide/."""
    finding = registered.look(note)
    if finding is None:
        return None
    passed, message, *rest = finding
    guide = rest[0] if rest else registered.guide
    return CheckResult(id=registered.id, passed=passed, message=message,
                       guide="/guide/" + GUIDE_LINKS[guide])
