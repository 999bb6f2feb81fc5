"""A note prepared for checking: its text folded once, and what is known about it."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from gracious.checker.phrases import WORD
from gracious.models import ResolvedFields

# curly quotes and dashes would otherwise hide "can't" or "O'Brien" from the patterns
STRAIGHTEN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2010": "-",
                            "\u2011": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Normalise text for matching: NFKC, straight quotes, case-folded, single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(STRAIGHTEN).casefold()
    return " ".join(folded.split())


def words_of(text: str) -> list[str]:
    """Split text into words, keeping apostrophes and hyphens inside a word."""
    return WORD.findall(text)


@dataclass(frozen=True)
class Note:
    """Everything a check reads."""

    text: str
    subject: str | None
    kind: str
    channel: str
    fields: ResolvedFields
    now: dt.datetime

    @cached_property
    def folded(self) -> str:
        """The body, folded for matching."""
        return fold(self.text)

    @cached_property
    def opening(self) -> str:
        """The first line with words in it, folded: where a greeting belongs."""
        for line in self.text.splitlines():
            if line.strip():
                return fold(line)[:120]
        return ""

    @cached_property
    def words(self) -> list[str]:
        """The words of the body."""
        return words_of(fold(self.text))
