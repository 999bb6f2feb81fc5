"""Render a kind's wording in a sandboxed, non-escaping Jinja environment."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from gracious.compose.kinds import VARIANTS, KindSpec

# line markers the wording puts in front of a sentence (opt: dropped first to fit a
# limit; long: email only; pad: email only, and only while the body is under the
# minimum length): private-use characters, which tidy.py removes from user text, so a
# marker can only come from the wording (not ascii separators: str.splitlines() and
# str.strip() treat those as breaks)
OPTIONAL = "\ue000"
EMAIL_ONLY = "\ue001"
PADDING = "\ue002"
# a comma that closes an aside such as a date ("on Tuesday, 3 March, about the role") and
# disappears before punctuation ("on Tuesday, 3 March.")
SOFT_COMMA = "\ue003"
_SOFT_COMMA_BEFORE_MARK = re.compile(SOFT_COMMA + r"+(?=[.,;:!?)]|$)")
MARKERS = {"opt": OPTIONAL, "long": EMAIL_ONLY, "pad": PADDING}

# notes are plain text: nothing is escaped, and user values are only ever passed
# as variables, so "{{ 7*7 }}" in a field stays literal
_ENV = SandboxedEnvironment(
    autoescape=False,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)
_GLOBALS = dict(_ENV.globals)


class Sentence(NamedTuple):
    """One sentence of a note and whether it may be left out."""

    text: str
    optional: bool
    email_only: bool
    padding: bool = False


class Rendered(NamedTuple):
    """A kind's wording for one variant, split into paragraphs of sentences."""

    subject: str
    plain_subject: str
    signoff: str
    short_signoff: str
    minimal: str
    variants: int
    paragraphs: list[list[Sentence]]


@lru_cache(maxsize=4096)
def _compiled(source: str):
    """Compile a snippet of wording once."""
    return _ENV.from_string(source)


def fill(source: str, values: dict) -> str:
    """Render one snippet of wording with the note's values."""
    template = _compiled(source)
    # what Template.render does, less its three walks of the globals' ChainMap, which cost
    # three quarters of a render: the same context from a plain dict, the same output
    context = _ENV.context_class(_ENV, {**_GLOBALS, **values}, template.name, template.blocks,
                                 globals=_GLOBALS)
    try:
        return _ENV.concat(template.root_render_func(context))
    except Exception:
        _ENV.handle_exception()


def _sentence(line: str) -> Sentence:
    """Read a rendered line and its markers."""
    optional = email_only = padding = False
    while line[:1] in (OPTIONAL, EMAIL_ONLY, PADDING) and line:
        optional |= line[0] == OPTIONAL
        email_only |= line[0] == EMAIL_ONLY
        padding |= line[0] == PADDING
        line = line[1:].lstrip()
    if SOFT_COMMA in line:
        line = _SOFT_COMMA_BEFORE_MARK.sub("", line).replace(SOFT_COMMA, ",")
    return Sentence(line, optional, email_only or padding, padding)


def _sentences(text: str) -> list[Sentence]:
    """The sentences of one rendered paragraph, one a line."""
    found = (_sentence(line.strip()) for line in text.splitlines() if line.strip())
    return [sentence for sentence in found if sentence.text]


def render_note(spec: KindSpec, tone: str, values: dict, extra: list[str]) -> Rendered:
    """Render one variant of a kind; `extra` sentences follow the detail paragraph."""
    v = values["variant"] % VARIANTS
    wording = spec.tones[tone]
    context = {**values, **MARKERS, "plain_subject": spec.plain_subject}
    if values["connection"]:
        invitation = spec.invitation[values["variant"] % len(spec.invitation)]
        paragraphs = [_sentences(fill(invitation, context))]
        at, position = 0, 2 if values["first_detail"] else 1
    else:
        paragraphs = [_sentences(fill(options[v], context)) for options in wording["paragraphs"]]
        at = wording.get("detail_paragraph", spec.detail_paragraph)
        # the user's own sentences follow the detail, before any padding
        kept = [i for i, sentence in enumerate(paragraphs[at]) if not sentence.padding]
        position = kept[-1] + 1 if kept else 0
    optional = values["channel"] != "email"
    paragraphs[at][position:position] = [Sentence(text, optional, False) for text in extra]
    subject = fill(spec.subjects[v], context).strip()
    return Rendered(
        subject=subject[:1].upper() + subject[1:],
        plain_subject=spec.plain_subject,
        signoff=wording["signoffs"][v],
        short_signoff=spec.short_signoff,
        minimal=spec.minimal,
        variants=VARIANTS,
        paragraphs=[paragraph for paragraph in paragraphs if paragraph],
    )
