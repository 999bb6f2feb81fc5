"""Tidy user-supplied text so it sits cleanly inside a sentence."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_LEADING_JUNK = re.compile(r"^[\s,.;:!?)\]}>\-–—•*·]+")
_TRAILING_JUNK = re.compile(r"[\s,.;:!?(\[{<\-–—•*·]+$")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?)])")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|\{\s*\}")

# invisible characters that only garble a note: zero-width space, byte-order mark and the
# bidirectional overrides (joiners stay: Persian and Indic names need them)
_INVISIBLE = frozenset("\u200b\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _strip_controls(text: str) -> str:
    """Turn control characters into spaces and drop unassigned, private and invisible ones."""
    if text.isascii() and text.isprintable():
        return text
    kept = []
    for ch in text:
        if ch.isprintable() or ch in "\n\t":
            kept.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cc" or category in ("Zl", "Zp"):
            kept.append(" ")
        elif (category == "Cf" and ch not in _INVISIBLE) or category[0] in "LMNPSZ":
            kept.append(ch)
    return "".join(kept)


def clean_line(value: str | None) -> str:
    """Collapse whitespace to single spaces; empty when nothing is left."""
    if not value:
        return ""
    text = " ".join(_strip_controls(value).split())
    # the cheap membership tests skip two regex passes for almost every real value
    if "(" in text or "[" in text or "{" in text:
        text = _EMPTY_BRACKETS.sub("", text)
    if " " in text and _SPACE_BEFORE_MARK.search(text):
        text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    return " ".join(text.split())


def clean_phrase(value: str | None) -> str:
    """Tidy a phrase that goes mid-sentence: no leading or trailing punctuation."""
    text = clean_line(value)
    text = _LEADING_JUNK.sub("", text)
    text = _TRAILING_JUNK.sub("", text)
    # a lone quote or bracket left at either end would dangle
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
        text = clean_line(text)
    return text


def clean_block(value: str | None) -> str:
    """Tidy multi-line text such as a signature, keeping its line breaks."""
    if not value:
        return ""
    lines = [clean_line(line) for line in _strip_controls(value).replace("\t", " ").splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def word_count(text: str) -> int:
    """Count words the way a reader would: runs of non-space characters."""
    return len(text.split())
