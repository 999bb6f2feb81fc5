"""Load the note corpora in tests/notes/: scenarios as users type them, good and broken notes."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from gracious.models import CHANNELS, KINDS, TONES

HERE = Path(__file__).parent
_FIRST_SENTENCE_END = re.compile(r"(?<=[.!?]) (?=[A-Z])")


def _load(name: str) -> Any:
    """One corpus file."""
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


@cache
def good_notes() -> list[dict]:
    """Notes the checker must pass."""
    return _load("good.yaml")


def _expand(entry: dict, key: str, every: tuple[str, ...]) -> list[str]:
    """A scenario's kinds, channels or tones: listed, or all of them."""
    value = entry.get(key, "all")
    return list(every) if value == "all" else list(value)


@cache
def scenarios() -> list[dict]:
    """Every input × kind × channel × tone it is declared for, with what the note must say."""
    expanded = []
    for entry in _load("scenarios.yaml"):
        for kind in _expand(entry, "kinds", KINDS):
            for channel in _expand(entry, "channels", CHANNELS):
                for tone in _expand(entry, "tones", TONES):
                    expanded.append({**entry, "kind": kind, "channel": channel, "tone": tone,
                                     "name": f"{entry['id']}-{kind}-{channel}-{tone}"})
    return expanded


def _body_start(text: str) -> int:
    """Where the first sentence of the body ends."""
    match = _FIRST_SENTENCE_END.search(text)
    return match.end() if match else -1


def _apply(edit: dict, note: dict) -> dict | None:
    """One broken version of a good note, or None when the edit does not fit it."""
    text, subject = note["text"], note.get("subject")
    if edit.get("needs_sender") and not (note["context"].get("sender") or {}).get("name"):
        return None
    if "subject" in edit:
        if note["channel"] != "email":
            return None
        subject = edit["subject"]
    elif "after_first_sentence" in edit:
        at = _body_start(text)
        if at < 0:
            return None
        text = f"{text[:at]}{edit['after_first_sentence']} {text[at:]}"
    elif edit.get("repeat_first_sentence"):
        at = _body_start(text)
        start = text.find("\n\n") + 2 if "\n\n" in text else text.find(", ") + 2
        if at < 0 or start <= 1 or start >= at:
            return None
        text = f"{text[:at]}{text[start:at]}{text[at:]}"
    elif edit.get("keep_first_paragraph"):
        if note["channel"] != "email":
            return None
        parts = text.split("\n\n")
        text = "\n\n".join([parts[0], parts[1], parts[-1]])
    else:
        text = _replace(edit, text)
        if text is None:
            return None
    return {**note, "text": text, "subject": subject, "expect": edit["expect"],
            "id": f"{edit['id']}@{note['id']}"}


def _replace(edit: dict, text: str) -> str | None:
    """Replace the first occurrence of the edit's find, or None when it is absent."""
    if edit.get("regex"):
        pattern = re.compile(edit["find"], re.MULTILINE)
        match = pattern.search(text)
        if not match:
            return None
        if edit.get("lower_name") or edit.get("upper_name"):
            words = match.group(0).split(" ")
            name = words[-1].lower() if edit.get("lower_name") else words[-1].upper()
            return text[: match.start()] + " ".join([*words[:-1], name]) + text[match.end():]
        return pattern.sub(edit["replace"], text, count=1)
    if edit["find"] not in text:
        return None
    return text.replace(edit["find"], edit["replace"], 1)


@cache
def broken_notes() -> list[dict]:
    """Every broken note: each edit applied to each good note it fits, and the whole drafts."""
    from gracious.compose.kinds import kind_spec

    data = _load("broken.yaml")
    found = []
    for edit in data["edits"]:
        for note in good_notes():
            if edit["expect"] not in kind_spec(note["kind"]).checks:
                continue
            broken = _apply(edit, note)
            if broken is None:
                continue
            if broken["text"] != note["text"] or broken["subject"] != note.get("subject"):
                found.append(broken)
    return found + data["notes"]
