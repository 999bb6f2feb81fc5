"""Draft the guide's example notes with the real engine, so the guide never disagrees with it."""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from gracious.guide.problems import BuildError, Problem

# a line such as `[[example thank-you]]` or `[[example withdraw linkedin-connection]]`
MARKER = re.compile(r"^\[\[example (?P<kind>[a-z-]+)(?: (?P<channel>[a-z-]+))?\]\][ \t]*$")
PAIR = ("email", "linkedin-message")
CHANNEL_NAMES = {
    "email": "Email",
    "linkedin-message": "LinkedIn message",
    "linkedin-connection": "LinkedIn invitation note",
}

# one fictional interview, told the way the extension would read it from a page
SCENE = {
    "recipient": {"name": "Priya Nair", "title": "Dr."},
    "company": "Northwind Health",
    "role": "Product Designer",
    "interview": {"date": "2025-03-11", "format": "video"},
    "highlights": ["the plan to simplify patient check-in for older visitors"],
    "sender": {"name": "Sam Rivera"},
}
REASONS = {
    "withdraw": "I have accepted an offer that is a closer match for my experience in research",
}


def draft_request(kind: str, channel: str):
    """Describe the example interview as a request to the drafting engine."""
    from gracious.models import DraftRequest

    fields = dict(SCENE, kind=kind, channel=channel)
    if kind in REASONS:
        fields["reason"] = REASONS[kind]
    if kind == "informational":
        fields["highlights"] = ["how your team tests new designs with patients"]
    return DraftRequest.model_validate(fields)


def draft_html(kind: str, channel: str) -> str:
    """Draft one note and show it as a card; drafts are text, so everything is escaped."""
    from gracious.compose import compose_note

    draft = compose_note(draft_request(kind, channel))
    subject = (
        f'<p class="draft-subject"><span class="draft-label">Subject:</span> '
        f"{html.escape(draft.subject)}</p>" if draft.subject else ""
    )
    count = (
        f'<p class="draft-count">{len(draft.body)} characters</p>'
        if channel.startswith("linkedin") else ""
    )
    return (
        f'<figure class="draft" data-kind="{kind}" data-channel="{channel}">'
        f"<figcaption>{CHANNEL_NAMES[channel]}</figcaption>{subject}"
        f'<div class="draft-body">{html.escape(draft.body)}</div>{count}</figure>'
    )


def check_marker(kind: str, channel: str | None) -> None:
    """Refuse a kind or channel the engine does not draft, naming the ones it does."""
    from gracious.models import CHANNELS, KINDS

    if kind not in KINDS:
        raise ValueError(f"{kind} is not a kind of note; use one of {', '.join(KINDS)}")
    if channel is not None and channel not in CHANNELS:
        raise ValueError(f"{channel} is not a channel; use one of {', '.join(CHANNELS)}")


class ExampleDrafts(Preprocessor):
    """Replace each example marker line with notes drafted by the engine."""

    def __init__(self, md: Markdown):
        super().__init__(md)
        self.source = "page"
        self.first_line = 1

    def run(self, lines: list[str]) -> list[str]:
        return [self.expand(number, line) for number, line in enumerate(lines)]

    def expand(self, number: int, line: str) -> str:
        """Draft the examples a marker asks for; leave any other line alone."""
        match = MARKER.match(line)
        if not match:
            return line
        kind, channel = match.group("kind"), match.group("channel")
        try:
            check_marker(kind, channel)
            cards = "".join(draft_html(kind, one) for one in ((channel,) if channel else PAIR))
        except (ImportError, ValueError) as error:
            where = Problem(self.source, self.first_line + number,
                            f"cannot draft example {line.strip()!r}: {error}")
            raise BuildError([where]) from None
        placeholder = self.md.htmlStash.store(f'<div class="drafts">{cards}</div>')
        return f"\n{placeholder}\n"


class ExamplesExtension(Extension):
    """Let a page ask for example notes with a `[[example KIND]]` line."""

    def extendMarkdown(self, md: Markdown) -> None:
        self.drafts = ExampleDrafts(md)
        # after whitespace normalising (30), which would strip the stash's placeholder marks
        md.preprocessors.register(self.drafts, "gracious-examples", 25)
