"""Draft the guide's example notes with the real engine, so the guide never disagrees with it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from gracious.guide.example_book import ExampleBook
from gracious.guide.example_rules import DraftedExample, check_examples
from gracious.guide.problems import BuildError, Problem

# `[[example thank-you]]`, `[[example withdraw linkedin-connection]]`,
# `[[example thank-you email tone=warm,formal variant=1 scene=panel]]`
MARKER = re.compile(r"^\[\[example (?P<args>[^\]]+)\]\][ \t]*$")
# `[[length-range]]` anywhere in a line: the engine's own email word range
LENGTH_RANGE = "[[length-range]]"
PAIR = ("email", "linkedin-message")
OPTIONS = ("tone", "variant", "scene")
CHANNEL_NAMES = {
    "email": "Email",
    "linkedin-message": "LinkedIn message",
    "linkedin-connection": "LinkedIn invitation note",
}


@dataclass(frozen=True)
class ExampleSpec:
    """What one marker asks for: a kind, its channels, tones, versions and scene."""

    kind: str
    channels: tuple[str, ...]
    tones: tuple[str | None, ...] = (None,)
    variants: tuple[int | None, ...] = (None,)
    scene: str | None = None


def parse_marker(args: str) -> ExampleSpec:
    """Read `KIND [CHANNEL] [tone=A,B] [variant=N] [scene=NAME]`, refusing anything else."""
    from gracious.models import CHANNELS, KINDS, TONES

    words = args.split()
    kind, rest = words[0], words[1:]
    if kind not in KINDS:
        raise ValueError(f"{kind} is not a kind of note; use one of {', '.join(KINDS)}")
    channels: tuple[str, ...] = PAIR
    if rest and "=" not in rest[0]:
        if rest[0] not in CHANNELS:
            raise ValueError(f"{rest[0]} is not a channel; use one of {', '.join(CHANNELS)}")
        channels, rest = (rest[0],), rest[1:]
    options: dict[str, str] = {}
    for word in rest:
        name, _, value = word.partition("=")
        if name not in OPTIONS or not value:
            names = ", ".join(f"{option}=" for option in OPTIONS)
            raise ValueError(f"{word!r} is not an option; use {names}")
        options[name] = value
    tones = tuple(options["tone"].split(",")) if "tone" in options else (None,)
    unknown = [tone for tone in tones if tone is not None and tone not in TONES]
    if unknown:
        raise ValueError(f"{unknown[0]} is not a tone; use one of {', '.join(TONES)}")
    try:
        variants = tuple(int(v) for v in options["variant"].split(",")) if "variant" in options \
            else (None,)
    except ValueError:
        raise ValueError(f"variant={options['variant']} must be whole numbers") from None
    return ExampleSpec(kind, channels, tones, variants, options.get("scene"))


def card_html(example: DraftedExample, caption: str) -> str:
    """Show one drafted note as a card; drafts are text, so everything is escaped."""
    draft = example.draft
    subject = (
        f'<p class="draft-subject"><span class="draft-label">Subject:</span> '
        f"{html.escape(draft.subject)}</p>" if draft.subject else ""
    )
    count = (f'<p class="draft-count">{len(draft.body)} characters</p>'
             if draft.channel.startswith("linkedin") else "")
    return (
        f'<figure class="draft" data-kind="{draft.kind}" data-channel="{draft.channel}" '
        f'data-tone="{draft.tone}" data-variant="{draft.variant}">'
        f"<figcaption>{html.escape(caption)}</figcaption>{subject}"
        f'<div class="draft-body">{html.escape(draft.body)}</div>{count}</figure>'
    )


def caption_for(example: DraftedExample, spec: ExampleSpec, panel: bool) -> str:
    """Name what a card shows: channel, and the tone, version or recipient that varies."""
    draft = example.draft
    parts = [CHANNEL_NAMES[draft.channel]]
    if panel:
        parts.insert(0, f"To {example.recipient}")
    if len(spec.tones) > 1 or spec.tones[0] is not None:
        parts.append(f"{draft.tone} tone")
    if panel or spec.variants[0] is not None or len(spec.tones) > 1:
        parts.append(f"version {draft.variant + 1} of {draft.variants}")
    return " · ".join(parts)


@dataclass
class PageExamples:
    """The examples drafted for the page being converted, for the checks after it."""

    source: str = "page"
    first_line: int = 1
    drafted: list[DraftedExample] = field(default_factory=list)


class ExampleDrafts(Preprocessor):
    """Replace each example marker line with notes drafted by the engine."""

    def __init__(self, md: Markdown, book: ExampleBook):
        super().__init__(md)
        self.book = book
        self.page = PageExamples()

    def start(self, source: str, first_line: int) -> None:
        """Begin a new page: forget the last page's examples."""
        self.page = PageExamples(source, first_line)

    def run(self, lines: list[str]) -> list[str]:
        return [self.expand(number, line) for number, line in enumerate(lines)]

    def expand(self, number: int, line: str) -> str:
        """Draft the examples a marker asks for; fill in the length range; leave other lines."""
        line_number = self.page.first_line + number
        if LENGTH_RANGE in line:
            line = line.replace(LENGTH_RANGE, self.book.length_range_text(self.page.source,
                                                                          line_number))
        match = MARKER.match(line)
        if not match:
            return line
        try:
            spec = parse_marker(match.group("args"))
            drafted = self.book.draft(spec.kind, spec.channels, spec.tones, spec.variants,
                                      spec.scene, line_number)
        except (ImportError, ValueError, KeyError) as error:
            where = Problem(self.page.source, line_number,
                            f"cannot draft example {line.strip()!r}: {error}")
            raise BuildError([where]) from None
        self.page.drafted.extend(drafted)
        panel = any(example.group for example in drafted)
        cards = "".join(card_html(example, caption_for(example, spec, panel))
                        for example in drafted)
        classes = "drafts drafts-compare" if len(drafted) > 2 or panel else "drafts"
        placeholder = self.md.htmlStash.store(f'<div class="{classes}">{cards}</div>')
        return f"\n{placeholder}\n"

    def check(self, page_rules: dict | None) -> list[Problem]:
        """Check the page's examples with the product's checker and the page's own rules."""
        rules = self.book.rules_with(page_rules)
        return check_examples(self.page.drafted, rules, self.book, self.page.source)


class ExamplesExtension(Extension):
    """Let a page ask for example notes with a `[[example KIND]]` line."""

    def __init__(self, book: ExampleBook | None = None):
        super().__init__()
        self.book = book or ExampleBook.default()

    def extendMarkdown(self, md: Markdown) -> None:
        self.drafts = ExampleDrafts(md, self.book)
        # after whitespace normalising (30), which would strip the stash's placeholder marks
        md.preprocessors.register(self.drafts, "gracious-examples", 25)
