"""Split a thread's text into its messages: replies, quoted history, forwards, signatures."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from gracious.extraction.names import fold
from gracious.extraction.vocabulary import alternation, vocabulary
from gracious.models import Party, Thread

QUOTE_MARKS = re.compile(r"^(?:[ \t]*>)+[ \t]?")
ADDRESS = re.compile(r"^\s*\"?(?P<name>[^<>\"]*?)\"?\s*[<\[(](?:mailto:)?"
                     r"(?P<email>[^<>\s\])]+@[^<>\s\])]+)[>\])]")
BARE_ADDRESS = re.compile(r"^\s*(?P<email>[^<>\s@]{1,64}@[\w.-]{1,253})\s*$")
SIGNATURE_DELIMITER = re.compile(r"^(?:--|—|__+)\s*$")
# how many lines a signature block may have, and how far back from the end a sign-off may be
SIGNATURE_LINES, SIGN_OFF_WINDOW = 7, 25
# a reply header wrapped by the mail program spans at most this many lines
HEADER_SPAN = 3
# the words reply headers open with, so that other lines are skipped cheaply
REPLY_OPENINGS = frozenset({"on ", "am ", "le ", "el ", "op "})


@dataclass
class Message:
    """One message of a thread: who wrote it, when, and what it says."""

    author: Party | None
    date: dt.date | None = None
    subject: str = ""
    lines: list[str] = field(default_factory=list)
    forwarded: bool = False

    @property
    def text(self) -> str:
        """The message body as one string."""
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Patterns:
    """The compiled header patterns of headers.yaml."""

    reply: tuple[re.Pattern[str], ...]
    forward: re.Pattern[str]
    field: re.Pattern[str]
    names: dict[str, str]


@cache
def patterns() -> Patterns:
    """Compile the header and sign-off patterns once."""
    words = vocabulary()
    headers = words.headers
    names = {fold(name): kind for kind, labels in headers["fields"].items() for name in labels}
    field_names = alternation(list(headers["fields"]["from"] + headers["fields"]["date"]
                                   + headers["fields"]["to"] + headers["fields"]["cc"]
                                   + headers["fields"]["subject"]))
    return Patterns(
        reply=tuple(re.compile(pattern) for pattern in headers["reply"]),
        forward=re.compile("|".join(f"(?:{pattern})" for pattern in headers["forward"]),
                           re.IGNORECASE),
        field=re.compile(rf"^\*?(?P<label>{field_names})\*?\s?:\s*(?P<value>.*)$", re.IGNORECASE),
        names=names,
    )


def parse_party(value: str) -> Party | None:
    """A party from a header value: "Dana Whitfield <dana@x.com>", a bare address or a name."""
    value = value.strip().strip(";")
    if not value:
        return None
    match = ADDRESS.match(value)
    if match:
        return Party(name=match.group("name").strip(" '\"") or None, email=match.group("email"))
    match = BARE_ADDRESS.match(value)
    if match:
        return Party(email=match.group("email"))
    return Party(name=value[:200])


def split_messages(thread: Thread, read_date) -> list[Message]:
    """The thread's messages, newest first; the first is the one shown on top."""
    lines = [QUOTE_MARKS.sub("", line).rstrip() for line in (thread.text or "").splitlines()]
    current = Message(author=thread.from_, date=thread.date, subject=thread.subject or "")
    messages = [current]
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        step, opened = _boundary(lines, index, line, read_date)
        if opened is None:
            if not step:
                current.lines.append(lines[index])
            index += step or 1
            continue
        if current.author is None and not any(text.strip() for text in current.lines) \
                and current.forwarded and opened.forwarded is False:
            # the header block right under "Forwarded message" belongs to that forward
            opened.forwarded = True
            messages.pop()
        messages.append(opened)
        current = opened
        index += step
    return messages


def _boundary(lines: list[str], index: int, line: str, read_date) -> tuple[int, Message | None]:
    """A message that starts at this line, with how many lines its header takes."""
    found = patterns()
    reply = _reply_header(lines, index, read_date)
    if reply:
        return reply
    if found.forward.match(line):
        return 1, Message(author=None, forwarded=True)
    if ":" in line[:20]:
        return _header_block(lines, index, read_date)
    return 0, None


def _reply_header(lines: list[str], index: int, read_date) -> tuple[int, Message] | None:
    """An "On ... wrote:" line (or its German, French, Spanish or Dutch form), maybe wrapped."""
    joined = ""
    for span in range(1, HEADER_SPAN + 1):
        if index + span > len(lines):
            return None
        joined = f"{joined} {lines[index + span - 1].strip()}".strip()
        if span == 1 and joined[:3].lower() not in REPLY_OPENINGS and "schrieb am" not in joined:
            return None
        if not joined.endswith(":"):
            continue
        for pattern in patterns().reply:
            match = pattern.match(joined)
            if match:
                parts = match.groupdict()
                author = Party(name=(parts.get("author") or "").strip(" '\"") or None,
                               email=parts.get("email"))
                date = read_date(parts.get("date") or "")
                return span, Message(author=author if author.name or author.email else None,
                                     date=date)
        return None
    return None


def _header_block(lines: list[str], index: int, read_date) -> tuple[int, Message | None]:
    """An Outlook or Apple Mail header block: From, Sent, To, Subject, in any order."""
    found = patterns()
    values: dict[str, str] = {}
    end = index
    while end < len(lines) and end - index < 8:
        match = found.field.match(lines[end].strip())
        if not match:
            break
        kind = found.names.get(fold(match.group("label").strip()))
        if kind and kind not in values:
            values[kind] = match.group("value")
        end += 1
    if "from" not in values or len(values) < 2:
        # a lone "Sent: Monday, March 2" dates an e-mail, never the interview: leave it out
        return (1, None) if values.keys() & {"date", "to", "cc"} else (0, None)
    message = Message(author=parse_party(values["from"]), subject=values.get("subject", "").strip(),
                      date=read_date(values.get("date", "")))
    return end - index, message


def is_sign_off(line: str) -> bool:
    """Whether a line is a sign-off such as "Best regards," or "Mit freundlichen Grüßen"."""
    return " ".join(line.lower().rstrip(" ,.!-").split()) in vocabulary().signoffs


def signature_of(message: Message) -> list[str]:
    """The lines after the message's last sign-off, or under a "--" line."""
    lines = [line.strip() for line in message.lines]
    while lines and not lines[-1]:
        lines.pop()
    start = max(len(lines) - SIGN_OFF_WINDOW, 0)
    for index in range(len(lines) - 1, start - 1, -1):
        line = lines[index]
        if SIGNATURE_DELIMITER.match(line) or is_sign_off(line):
            return [text for text in lines[index + 1:] if text][:SIGNATURE_LINES]
        # "Thanks, Marco" on one line
        head, comma, tail = line.partition(",")
        if comma and tail.strip() and is_sign_off(head) and len(tail.split()) <= 3:
            return [tail.strip(), *[text for text in lines[index + 1:] if text]][:SIGNATURE_LINES]
    return []
