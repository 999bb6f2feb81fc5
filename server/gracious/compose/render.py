"""Render note templates in a sandboxed, non-escaping Jinja environment."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from jinja2 import PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

# line markers the templates put in front of a sentence (opt: dropped first to fit a
# limit; long: email only; pad: email only, and only while the body is under the
# minimum length): private-use characters,
# which tidy.py removes from user text, so a marker can only come from a template
# (not ascii separators: str.splitlines() and str.strip() treat those as breaks)
OPTIONAL = "\ue000"
EMAIL_ONLY = "\ue001"
PADDING = "\ue002"
# a comma that closes an aside such as a date ("on Tuesday, 3 March, about the role") and
# disappears before punctuation ("on Tuesday, 3 March.")
SOFT_COMMA = "\ue003"
_SOFT_COMMA_BEFORE_MARK = re.compile(SOFT_COMMA + r"+(?=[.,;:!?)]|$)")

# notes are plain text: nothing is escaped, and user values are only ever passed
# as variables, so "{{ 7*7 }}" in a field stays literal
_ENV = SandboxedEnvironment(
    loader=PackageLoader("gracious.compose", "templates"),
    autoescape=False,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=False,
)


# how a template is written (templates/<kind>.txt): it sets `variants`, `subject`,
# `plain_subject` (used when the subject would fall outside 3-8 words), `signoff`,
# `short_signoff` (LinkedIn) and `minimal` (the last resort within a LinkedIn limit), then
# writes one sentence per line, a blank line between paragraphs, from the plain-string values
# that note.py passes (empty when unknown, never None). Greeting and sign-off are added by
# note.py, except in the invitation note, which opens with {{ greeting }} itself.


class Sentence(NamedTuple):
    """One sentence of a note and whether it may be left out."""

    text: str
    optional: bool
    email_only: bool
    padding: bool = False


class Rendered(NamedTuple):
    """A rendered template: its wording, split into paragraphs of sentences."""

    subject: str
    plain_subject: str
    signoff: str
    short_signoff: str
    minimal: str
    variants: int
    paragraphs: list[list[Sentence]]


@lru_cache(maxsize=16)
def _template(kind: str):
    """Load and compile a kind's template once."""
    return _ENV.get_template(f"{kind}.txt")


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


def _paragraphs(text: str) -> list[list[Sentence]]:
    """Split rendered text into paragraphs (blank-line separated) of sentences."""
    paragraphs: list[list[Sentence]] = [[]]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        sentence = _sentence(line)
        if sentence.text:
            paragraphs[-1].append(sentence)
    return [paragraph for paragraph in paragraphs if paragraph]


def render_note(kind: str, values: dict) -> Rendered:
    """Render one kind's template with the given values."""
    markers = {"opt": OPTIONAL, "long": EMAIL_ONLY, "pad": PADDING}
    module = _template(kind).make_module({**values, **markers})
    return Rendered(
        subject=str(getattr(module, "subject", "")),
        plain_subject=str(module.plain_subject),
        signoff=str(module.signoff),
        short_signoff=str(getattr(module, "short_signoff", module.signoff)),
        minimal=str(module.minimal),
        variants=int(module.variants),
        paragraphs=_paragraphs(str(module)),
    )
