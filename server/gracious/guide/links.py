"""Rewrite links between pages and check that every internal link and anchor resolves."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from gracious.guide.load import Page
from gracious.guide.problems import Problem
from gracious.guide.site_options import SiteOptions

# a literal leading space keeps this fast on long pages; serialised markdown always has one
ELEMENT_ID = re.compile(r""" id=["']([^"']+)["']""")
# fragments every browser resolves without a matching element
IMPLICIT_FRAGMENTS = frozenset({"", "top"})


@dataclass(frozen=True)
class Link:
    """One internal link as written in the source, and where it points within the site."""

    written: str
    target: str | None
    fragment: str
    reason: str = ""


def element_ids(html: str) -> frozenset[str]:
    """Collect every id in a fragment of HTML, so links can aim at them."""
    return frozenset(ELEMENT_ID.findall(html))


class LinkRewriter(Treeprocessor):
    """Point `page.md#part` links at built pages and note every internal link."""

    def __init__(self, md: Markdown, site: SiteOptions, urls_by_rel: dict[str, str]):
        super().__init__(md)
        self.site = site
        self.urls_by_rel = urls_by_rel
        self.page: Page | None = None
        self.links: list[Link] = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            written = element.get(attribute) if attribute else None
            if written is None:
                continue
            link = self.resolve(written)
            if link is None:
                continue
            self.links.append(link)
            if written.split("#")[0].lower().endswith(".md") and link.target is not None:
                suffix = f"#{link.fragment}" if link.fragment else ""
                element.set(attribute, self.site.href(link.target) + suffix)

    def resolve(self, written: str) -> Link | None:
        """Work out which page or file a link points to; None for links leaving the site."""
        parts = urlsplit(written)
        if parts.scheme or parts.netloc:
            return None
        page = self.page
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if not path:
            return Link(written, page.url, fragment)
        if path.lower().endswith(".md"):
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
            target = self.urls_by_rel.get(rel)
            reason = "" if target is not None else f"no page {rel!r} in the content folder"
            return Link(written, target, fragment, reason)
        here = self.site.href(page.url)
        absolute = posixpath.normpath(urljoin(here, path)) + ("/" if path.endswith("/") else "")
        if not absolute.startswith(self.site.base_path):
            return None
        return Link(written, absolute[len(self.site.base_path):], fragment)


class LinkExtension(Extension):
    """Register the link rewriter after the table of contents has given headings their ids."""

    def __init__(self, site: SiteOptions, urls_by_rel: dict[str, str]):
        super().__init__()
        self.site = site
        self.urls_by_rel = urls_by_rel

    def extendMarkdown(self, md: Markdown) -> None:
        self.rewriter = LinkRewriter(md, self.site, self.urls_by_rel)
        md.treeprocessors.register(self.rewriter, "gracious-links", 1)


def line_of(page: Page, written: str) -> int:
    """Find the source line where a link was written; the body's first line if unsure."""
    for offset, line in enumerate(page.text.splitlines()):
        if written in line:
            return page.first_line + offset
    return page.first_line


def check_links(
    pages: Iterable[tuple[Page, list[Link]]],
    anchors: dict[str, frozenset[str]],
    files: set[str],
) -> list[Problem]:
    """Return a problem for every internal link whose page, file or anchor does not exist."""
    problems = []
    for page, links in pages:
        for link in links:
            reason = link.reason or why_broken(link, anchors, files)
            if reason:
                problems.append(Problem(page.rel, line_of(page, link.written),
                                        f"broken link {link.written!r}: {reason}"))
    return problems


def why_broken(link: Link, anchors: dict[str, frozenset[str]], files: set[str]) -> str:
    """Explain why a link does not resolve, or return an empty string when it does."""
    target = link.target.removesuffix("index.html")
    if target + "/" in anchors:
        target += "/"
    if target in anchors:
        if link.fragment in IMPLICIT_FRAGMENTS or link.fragment in anchors[target]:
            return ""
        return f"no anchor #{link.fragment} on page /{target}"
    if target in files:
        return ""
    return f"nothing is built at /{target}"
