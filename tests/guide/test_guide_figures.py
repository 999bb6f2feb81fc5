"""Every figure in the guide's Markdown is backed by a source: on its page, or a linked entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gracious.guide.load import find_markdown, split_front_matter
from gracious.guide.locations import default_source

CONTENT = default_source() / "content"
SOURCES = "sources.md"
# a figure as written in prose: 22%, 2,800, 1.5, 2011
NUMBER = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?(?!\w)")
# what is not prose: code, link targets, heading ids, build directives, list numbering, tags
NOT_PROSE = [
    re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL),
    re.compile(r"`[^`\n]*`"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"\{[#:.][^}]*\}"),
    re.compile(r"\[\[[^\]]*\]\]"),
    re.compile(r"^\s*\d+\.\s", re.MULTILINE),
    re.compile(r"<[^>]+>"),
]
SECTION = re.compile(r"^## .*?\{#(?P<id>[\w-]+)\}[ \t]*$", re.MULTILINE)
SOURCE_LINK = re.compile(rf"\]\((?:\.\./)*{re.escape(SOURCES)}#(?P<id>[\w-]+)\)")


def prose(markdown: str) -> str:
    """The words a reader sees, without code, link targets or build directives."""
    for pattern in NOT_PROSE:
        markdown = pattern.sub(" ", markdown)
    return markdown


def sections(markdown: str) -> dict[str, str]:
    """Split a page into its level-two sections by id, each with its heading."""
    starts = list(SECTION.finditer(markdown))
    ends = [m.start() for m in starts[1:]] + [len(markdown)]
    return {m.group("id"): markdown[m.start():end] for m, end in zip(starts, ends, strict=True)}


def figures(text: str) -> set[str]:
    """The figures written in some text."""
    return set(NUMBER.findall(prose(text)))


def page_text(path: Path) -> str:
    """A page's description and body, the parts a reader sees."""
    meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
    return f"{meta.get('description', '')}\n{body}"


SOURCE_SECTIONS = sections((CONTENT / SOURCES).read_text(encoding="utf-8"))
PAGES = [path for path in find_markdown(CONTENT) if path.name != SOURCES]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_every_figure_appears_in_a_source_the_page_links_to(path):
    text = page_text(path)
    own = sections(text)
    backing = [own.get("sources", "")]
    for source in SOURCE_LINK.finditer(text):
        assert source.group("id") in SOURCE_SECTIONS, f"no source #{source.group('id')}"
        backing.append(SOURCE_SECTIONS[source.group("id")])
    backed = set().union(*(figures(section) for section in backing))
    unsourced = sorted(figures(text) - backed, key=lambda n: float(n.replace(",", "")))
    assert not unsourced, f"{path.name}: no linked source states {', '.join(unsourced)}"


@pytest.mark.parametrize("entry", sorted(SOURCE_SECTIONS))
def test_every_survey_source_says_who_when_and_what_was_measured(entry):
    text = SOURCE_SECTIONS[entry]
    if "%" not in prose(text):
        return
    assert re.search(r"\*\*Who and when:\*\*.*\b(19|20)\d\d\b", text), f"{entry}: no date"
    assert "**What it found:**" in text, f"{entry}: nothing says what was measured"
    assert re.search(r"\]\(https://", text), f"{entry}: no link to the original"


def test_the_checker_catches_an_unsourced_figure():
    text = ("## Claim {#claim}\n\nMost managers (91%) agree. "
            "See [the survey](sources.md#boomerang-2016).\n")
    backed = figures(SOURCE_SECTIONS["boomerang-2016"])
    assert figures(text) - backed == {"91"}
