"""The kinds of note, each declared once in compose/kinds/<kind>/ and loaded on first use."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from gracious.compose.lexicon import read_yaml
from gracious.models import KINDS, TONES

# every list of wordings has this many entries: variant n takes entry n of each list
VARIANTS = 6
# the fewest clearly different LinkedIn invitation notes a kind offers
MIN_INVITATIONS = 4
_HOME = Path(__file__).parent / "kinds"


class KindSpec(NamedTuple):
    """One kind of note: what it is for, where it goes, and its wording per tone."""

    id: str
    label: str
    description: str
    guide: str
    locale: str
    channels: tuple[str, ...]
    checks: tuple[str, ...]
    detail_paragraph: int
    plain_subject: str
    minimal: str
    short_signoff: str
    subjects: tuple[str, ...]
    invitation: tuple[str, ...]
    tones: dict[str, dict[str, Any]]


@cache
def kind_spec(kind: str) -> KindSpec:
    """The declaration of one kind, from compose/kinds/<kind>/."""
    folder = _HOME / kind
    data = read_yaml(folder / "kind.yaml")
    return KindSpec(
        id=kind,
        label=data["label"],
        description=data["description"],
        guide=data["guide"],
        locale=data["locale"],
        channels=tuple(data["channels"]),
        checks=tuple(data["checks"]),
        detail_paragraph=int(data.get("detail_paragraph", 1)),
        plain_subject=data["plain_subject"],
        minimal=data["minimal"],
        short_signoff=data["short_signoff"],
        subjects=tuple(data["subjects"]),
        invitation=tuple(data["invitation"]),
        tones={tone: read_yaml(folder / f"{tone}.yaml") for tone in TONES},
    )


def all_kinds() -> tuple[KindSpec, ...]:
    """Every kind, in the order the menus show them."""
    return tuple(kind_spec(kind) for kind in KINDS)


def kinds_with_check(check_id: str) -> frozenset[str]:
    """The kinds whose declaration lists a check."""
    return frozenset(spec.id for spec in all_kinds() if check_id in spec.checks)
