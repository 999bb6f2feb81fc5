"""Find the parts of a note a reader sees: greeting, sentences, sign-off and signature."""

from __future__ import annotations

import re
from functools import cached_property

from gracious.compose.lexicon import is_signoff

__all__ = ["Layout", "is_signoff"]

_INLINE_GREETING = re.compile(r"^(?:hi|hello|dear|hey|good (?:morning|afternoon|evening))\b"
                              r"[^,\n]{0,60},[ \t]*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "prof.", "st.",
                  "approx.", "no.", "inc.", "ltd.", "co.", "jr.", "sr.")


class Layout:
    """A note split the way a reader sees it."""

    def __init__(self, text: str) -> None:
        self.lines = [line.rstrip() for line in text.strip().splitlines()]

    @cached_property
    def signoff_at(self) -> int | None:
        """The index of the first sign-off line after the body, if any."""
        for index, line in enumerate(self.lines):
            if index and is_signoff(line):
                return index
        return None

    @cached_property
    def closing(self) -> list[str]:
        """The sign-off and everything under it."""
        return [] if self.signoff_at is None else self.lines[self.signoff_at :]

    @cached_property
    def body(self) -> str:
        """The text between the greeting and the sign-off."""
        lines = self.lines if self.signoff_at is None else self.lines[: self.signoff_at]
        if lines and lines[0].endswith(",") and len(lines[0].split()) <= 6:
            lines = lines[1:]
        return "\n".join(lines).strip()

    @cached_property
    def inline_greeting(self) -> bool:
        """Whether the greeting opens the first sentence ("Hi Priya, thank you...")."""
        return bool(_INLINE_GREETING.match(self.body))

    @cached_property
    def sentences(self) -> list[str]:
        """The sentences of the body, the inline greeting removed."""
        body = _INLINE_GREETING.sub("", self.body, count=1)
        found: list[str] = []
        for paragraph in re.split(r"\n\s*\n", body):
            text = " ".join(paragraph.split())
            for piece in _SENTENCE_END.split(text):
                if found and found[-1].casefold().endswith(_ABBREVIATIONS) and piece:
                    found[-1] = f"{found[-1]} {piece}"
                elif piece.strip():
                    found.append(piece.strip())
        return found
