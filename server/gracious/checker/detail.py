"""Whether a note recalls something specific: the user's own detail, never the frame's words."""

from __future__ import annotations

import re

from gracious.checker.note import Note, fold, words_of
from gracious.checker.phrases import SPECIFIC_CUES
from gracious.checker.registry import Finding, check
from gracious.compose.highlights import read_highlight
from gracious.compose.lexicon import words

# a highlight counts as mentioned when most of its meaningful words are in the note
HIGHLIGHT_SHARE = 0.6
# how far after a cue ("especially", "when you mentioned") the detail itself should be
CUE_REACH = 8


def meaningful_words(text: str) -> set[str]:
    """The words of a text that carry its meaning, not the frame's."""
    return {word for word in words_of(fold(text))
            if len(word) > 2 and word not in words("boilerplate")}


def mentions_highlight(note: Note, highlight: str) -> bool:
    """Say whether the note brings up a highlight, in its own words or nearly so."""
    detail = read_highlight(highlight)
    forms = [highlight, detail.text] if detail else [highlight]
    if any(fold(form) in note.folded for form in forms):
        return True
    wanted = set().union(*(meaningful_words(form) for form in forms))
    if not wanted:
        return False
    return len(wanted & set(note.words)) / len(wanted) >= HIGHLIGHT_SHARE


def recalls_something(note: Note) -> bool:
    """A cue followed closely by a word the note's frame would not use on its own."""
    for cue in SPECIFIC_CUES.finditer(note.folded):
        # the detail belongs to the same sentence as its cue
        sentence = re.split(r"[.!?]", note.folded[cue.end():], maxsplit=1)[0]
        following = words_of(sentence)[:CUE_REACH]
        if any(len(word) > 2 and word not in words("boilerplate") and not word.isdigit()
               for word in following):
            return True
    return False


@check("specific-detail", guide="specific-detail")
def includes_specific_detail(note: Note) -> Finding:
    """The note recalls something specific from the conversation."""
    highlights = [h for h in note.fields.highlights if read_highlight(h)]
    if highlights:
        if any(mentions_highlight(note, highlight) for highlight in highlights):
            return True, "Recalls something specific from your conversation."
        return (False, f"Bring in one thing you talked about, such as \"{highlights[0]}\". One "
                "specific detail is what makes a note memorable.")
    if recalls_something(note):
        return True, "Seems to mention something specific from your conversation."
    return (False, "Add one specific thing from the conversation, for example \"I especially "
            "enjoyed hearing about...\". It shows you were listening.")
