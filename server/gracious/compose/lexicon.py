"""The word lists and phrasings the language layer reads, loaded once from compose/data."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).parent / "data"
# libyaml's loader when PyYAML was built with it: the same documents, read ten times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """One YAML data file, read with the safe loader."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506


@cache
def words(name: str) -> frozenset[str]:
    """A word list from data/<name>.txt: one entry a line, lower case, # for comments."""
    text = (_DATA / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def phrases_longest_first(name: str) -> tuple[str, ...]:
    """A word list as phrases, longest first, so the longest lead-in is matched first."""
    return tuple(sorted(words(name), key=lambda phrase: (-len(phrase), phrase)))


def is_signoff(line: str) -> bool:
    """A sign-off line: "Best regards," or "Cheers" on its own (not the sentence "Thank you!")."""
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?":
        return False
    return stripped.rstrip(",").strip().casefold() in words("signoffs")


@cache
def table(name: str) -> Any:
    """A structured file from data/<name>.yaml."""
    return read_yaml(_DATA / f"{name}.yaml")
