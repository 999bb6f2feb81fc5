"""Spot the tell-tale leftovers of a template: placeholders, gaps, stray punctuation."""

from __future__ import annotations

import re

# each check names what a reader would notice, with the pattern that finds it
_CHECKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("template braces", re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")),
    ("missing value", re.compile(r"\b(?:None|null|undefined|NaN)\b")),
    (
        "bracketed placeholder",
        re.compile(r"\[[^\]\n]{0,40}\]|\{[A-Za-z_ ]{1,40}\}|<[A-Za-z_ ]{1,40}>"),
    ),
    ("doubled space", re.compile(r"[^\n ]  +")),
    ("space before punctuation", re.compile(r"[^\n ] +[,.;:!?)]|^ +[,.;:!?)]", re.MULTILINE)),
    ("empty parentheses", re.compile(r"\(\s*\)")),
    (
        "dangling fragment",
        re.compile(r"\b(?:at|with|from|of|the|a|an|and|regarding|discussing)\s*[.,;:!?](?!\w)"),
    ),
    ("empty greeting", re.compile(r"^(?:Hi|Dear)\s*,|^(?:Hi|Hello|Dear)\s+,", re.MULTILINE)),
    ("doubled punctuation", re.compile(r"[,;:]\s*[,.;:]|(?<!\.)\.\s?\.(?!\.)|,\s*[.!?]")),
    ("trailing space", re.compile(r"[ \t]+$", re.MULTILINE)),
    ("blank-line run", re.compile(r"\n[ \t]*\n[ \t]*\n")),
    ("leading or trailing whitespace", re.compile(r"\A\s|\s\Z")),
    ("control character", re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")),
)


def find_artifacts(text: str) -> list[str]:
    """Name every template leftover in the text, e.g. ["doubled space: 'at  Acme'"]."""
    found = []
    for label, pattern in _CHECKS:
        match = pattern.search(text)
        if match:
            start = max(match.start() - 15, 0)
            found.append(f"{label}: {text[start : match.end() + 15]!r}")
    return found
