"""The seams a reader notices where typed words meet a template, and the sign-off block."""

from __future__ import annotations

import re

from gracious.checker.layout import Layout, is_signoff
from gracious.checker.note import Note, fold, words_of
from gracious.checker.phrases import (
    ALLOWED_DOUBLES,
    FRAGMENT_OPENERS,
    GREETING_NAME,
    LEAD_IN_COLLISION,
    LONE_I,
    NAME_PARTICLES,
    SHORT_SENTENCE_OK,
)
from gracious.checker.registry import Finding, check

_DOUBLED_WORD = re.compile(r"(?<!\w)(\w+)\s+\1(?!\w)")
_EMAIL = re.compile(r"\S+@\S+")
_DOUBLED_PHRASE = re.compile(r"(?<!\w)((?:\w+\s+){1,3}\w+)\s+\1(?!\w)")
_ROLE_NOUNS_TWICE = re.compile(r"(?<!\w)(?:position|role|job|opening|vacancy|post) "
                               r"(?:role|position|job)(?!\w)")
# a run of words said twice reads as a seam ("our conversation about ... our conversation
# about"): any five words, four with a long word in them, or three around a word for the
# conversation itself; shorter runs of small words ("thank you for") recur naturally
_FRAME_NOUNS = frozenset(("conversation", "discussion", "chat", "talk", "call", "meeting"))
_SMALL = frozenset(("thank", "thanks", "again", "would", "about", "really", "there", "their",
                    "these", "those", "which", "where", "could", "should", "you're", "we're"))


def _notable(run: tuple[str, ...]) -> bool:
    """Whether a repeated run of words would strike a reader."""
    if len(run) == 5:
        return True
    if len(run) == 4:
        return any(len(word) >= 5 and word not in _SMALL for word in run)
    return bool(_FRAME_NOUNS & set(run[1:]))


def _repeated_run(text: str, names: tuple[str, ...] = ()) -> str | None:
    """A run of words said twice in the note, if any, outside the names the note must use."""
    tokens = words_of(fold(text))
    for size in (3, 4, 5):
        seen: set[tuple[str, ...]] = set()
        for start in range(len(tokens) - size + 1):
            run = tuple(tokens[start : start + size])
            said = " ".join(run)
            if run in seen and _notable(run) and not any(said in name for name in names):
                return said
            seen.add(run)
    return None


def _greeting_name_case(layout: Layout) -> str | None:
    """A greeting name typed all lower or all upper case ("Hi maria,", "Dear KENJI,")."""
    match = GREETING_NAME.match(layout.lines[0] if layout.lines else "")
    if not match:
        return None
    for word in match.group("name").split():
        letters = word.strip(".,'’-")
        if not letters.isalpha() or letters.casefold() in NAME_PARTICLES:
            continue
        if letters.islower() or (letters.isupper() and len(letters) > 2):
            greeting = match.group(0).strip()
            return f"the name in \"{greeting}\" needs capitals like \"{word.title()}\""
    return None


def _sentence_seams(layout: Layout) -> list[str]:
    """Sentences that start in lower case, or are fragments."""
    found = []
    for number, sentence in enumerate(layout.sentences):
        first = sentence.split()[0]
        initial = first.lstrip("\"'“‘(")
        exempt = number == 0 and layout.inline_greeting
        mixed = any(ch.isupper() for ch in initial[1:])
        if initial[:1].islower() and not exempt and not mixed:
            found.append(f"a sentence starts in lower case: \"{sentence[:40]}\"")
        opener = fold(initial).strip(",")
        words = words_of(fold(sentence))
        dangling = opener in FRAGMENT_OPENERS and "," not in sentence
        bare = 0 < len(words) <= 3 and not SHORT_SENTENCE_OK.search(fold(sentence))
        if dangling or bare:
            found.append(f"\"{sentence[:50]}\" is not a whole sentence")
    return found


def _names(note: Note) -> tuple[str, ...]:
    """The company and role as a note may name them, with "the" or "at" around them."""
    from gracious.compose.organisations import read_company, read_role

    fields = note.fields
    role, named = read_role(fields.role)
    company = read_company(fields.company or named).named
    return tuple(fold(f"at {value} and") for value in (company, role) if value)


def seams_of(note: Note) -> list[str]:
    """Every seam found, each said the way an editor would mark it."""
    layout = Layout(note.text)
    body = fold(layout.body)
    found = []
    if collision := LEAD_IN_COLLISION.search(body):
        found.append(f"\"{collision.group(0)}\" says the lead-in twice")
    doubles = [m for m in _DOUBLED_WORD.finditer(body) if m.group(1) not in ALLOWED_DOUBLES]
    if doubles:
        found.append(f"\"{doubles[0].group(0)}\" repeats a word")
    if phrase := _DOUBLED_PHRASE.search(body):
        found.append(f"\"{phrase.group(0)}\" repeats itself")
    if nouns := _ROLE_NOUNS_TWICE.search(body):
        found.append(f"\"{nouns.group(0)}\" names the role twice")
    if run := _repeated_run(layout.body, _names(note)):
        found.append(f"\"{run}\" appears twice")
    if lone := LONE_I.search(note.text):
        found.append(f"\"{note.text[max(lone.start() - 12, 0):lone.end() + 8].strip()}\" needs "
                     "a capital \"I\"")
    if name := _greeting_name_case(layout):
        found.append(name)
    return found + _sentence_seams(layout)


@check("reads-cleanly", guide="checklist")
def reads_cleanly(note: Note) -> Finding:
    """No seams: doubled lead-ins or words, a lower-case "i", fragments, uncapitalised names."""
    found = seams_of(note)
    if found:
        return False, "Fix before sending: " + "; ".join(found[:3]) + "."
    return True, "Reads cleanly: no doubled words, stray lower case or half sentences."


@check("signs-off-once", guide="close")
def signs_off_once(note: Note) -> Finding:
    """One sign-off line, not "Best regards," above a signature's own "Cheers,"."""
    closing = Layout(note.text).closing
    signoffs = [line for line in closing if is_signoff(line)]
    if len(signoffs) > 1:
        return (False, f"The note signs off twice (\"{signoffs[0].strip()}\" and "
                f"\"{signoffs[1].strip()}\"); keep one.")
    return True, "Signs off once."


@check("signed-by-sender", guide="close")
def signed_by_sender(note: Note) -> Finding:
    """An email or message ends with the sender's name, when it is known."""
    sender = note.fields.sender
    if note.channel == "linkedin-connection" or not sender or not sender.name:
        return None
    # an email address is not a signature: "dana@example.org" does not sign "Dana Fox"
    tail = _EMAIL.sub(" ", fold("\n".join(note.text.strip().splitlines()[-4:])))
    parts = [fold(sender.name), *(fold(part) for part in sender.name.split())]
    if any(part and part in tail for part in parts):
        return True, f"Signed {sender.name}."
    return False, f"End with your name, {sender.name}, under the sign-off."
