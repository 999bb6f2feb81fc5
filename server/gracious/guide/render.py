"""Stage two: turn loaded pages into HTML with one Markdown converter and one Jinja2 Environment."""

from __future__ import annotations

import multiprocessing
import os
import secrets
import threading
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from gracious.guide.example_book import ExampleBook
from gracious.guide.examples import ExamplesExtension
from gracious.guide.links import Link, LinkExtension, element_ids
from gracious.guide.load import Page
from gracious.guide.problems import BuildError, Problem
from gracious.guide.quick_inline import use_quick_inline
from gracious.guide.site_options import SiteOptions

MARKDOWN_EXTENSIONS = ["toc", "tables", "attr_list", "admonition", "fenced_code"]
# nav marks the reader's page by rewriting one link, so the nav itself renders once per build
NAV_LINK = '<a href="{href}">'
NAV_CURRENT = '<a href="{href}" aria-current="page">'
# below this many pages, starting worker processes costs more than it saves
PARALLEL_FROM = 48
RENDER_BATCH = 16


# a page laid out with a slot for the navigation, its element ids and its internal links
Shell = tuple[str, frozenset[str], tuple[Link, ...]]


@dataclass(frozen=True)
class RenderedPage:
    """A page's finished HTML, what search indexes of it, and what the link check needs."""

    page: Page
    html: str
    ids: frozenset[str]
    links: tuple[Link, ...]
    # the page without the navigation every page shares, which search never indexes
    searchable: str


class HeadingAnchors(Treeprocessor):
    """Give every section heading a small link to itself, kept out of the search index."""

    def run(self, root: etree.Element) -> None:
        for heading in root.iter():
            if heading.tag in ("h2", "h3", "h4") and heading.get("id"):
                anchor = etree.SubElement(heading, "a", {
                    "class": "anchor", "href": f"#{heading.get('id')}",
                    "aria-label": "Link to this section", "data-pagefind-ignore": "",
                })
                anchor.text = "#"


class ScrollableTables(Treeprocessor):
    """Wrap tables in a focusable region, so keyboard readers can scroll wide ones on a phone."""

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "table":
                    wrapper = etree.Element("div", {
                        "class": "table-scroll", "tabindex": "0", "role": "region",
                        "aria-label": f"Table: {table_label(child)}",
                    })
                    parent.remove(child)
                    wrapper.append(child)
                    parent.insert(index, wrapper)


def table_label(table: etree.Element) -> str:
    """Name a table after its column headings."""
    headings = ["".join(th.itertext()).strip() for th in table.iter("th")]
    return ", ".join(h for h in headings if h) or "data"


class LayoutExtension(Extension):
    """Register heading anchors and table wrappers once the headings have their ids."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(HeadingAnchors(md), "gracious-anchors", 2)
        md.treeprocessors.register(ScrollableTables(md), "gracious-tables", 3)


def default_templates() -> Path:
    """The guide's own layouts in `site/templates/`, the one set every build falls back to."""
    from gracious.guide.locations import default_source

    return default_source() / "templates"


def make_environment(templates_dir: Path | None) -> jinja2.Environment:
    """Create the build's single Jinja2 Environment; a source's own layouts come first."""
    folders = [templates_dir] if templates_dir and templates_dir.is_dir() else []
    fallback = default_templates()
    if fallback not in folders:
        folders.append(fallback)
    loaders = [jinja2.FileSystemLoader(folder) for folder in folders]
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # one build is one snapshot of the layouts; each build makes a new Environment
        auto_reload=False,
    )


def layout_problem(error: jinja2.TemplateError, page: str) -> Problem:
    """Locate a layout error: the template and line when known, else the page using it."""
    if isinstance(error, jinja2.TemplateNotFound):
        return Problem(page, 1, f"no layout named {error.name!r} in the templates folder")
    if isinstance(error, jinja2.TemplateSyntaxError):
        return Problem(error.filename or error.name or page, error.lineno, error.message or "")
    return Problem(page, 1, f"layout failed: {error}")


class Renderer:
    """Everything rendering shares across pages: converter, environment, navigation."""

    def __init__(self, pages: list[Page], site: SiteOptions, templates_dir: Path | None,
                 examples: ExampleBook | None = None):
        self.site = site
        self.pages = pages
        self.environment = make_environment(templates_dir)
        self.environment.globals["site"] = site
        # layouts link to pages such as sources/ only when this site has them
        urls = frozenset(page.url for page in pages)
        self.environment.globals["has_page"] = urls.__contains__
        self.links = LinkExtension(site, {page.rel: page.url for page in pages})
        self.examples = ExamplesExtension(examples)
        self.markdown = Markdown(
            extensions=[*MARKDOWN_EXTENSIONS, self.links, self.examples, LayoutExtension()],
            extension_configs={"toc": {"toc_depth": "2-3"}},
            output_format="html",
        )
        use_quick_inline(self.markdown)
        self.nav = self.environment.get_template("nav.html").render(pages=pages)
        self.nav_ids = element_ids(self.nav)
        # pages are laid out around this slot and the nav put in last, so workers never copy it
        self.nav_slot = f"<!--nav-{secrets.token_hex(8)}-->"
        padded = [None, *pages, None]
        self.neighbours = {page.rel: (padded[i], padded[i + 2]) for i, page in enumerate(pages)}

    def convert(self, page: Page) -> tuple[str, list[dict], list[Link]]:
        """Convert one page's Markdown to HTML, its table of contents and its links."""
        self.markdown.reset()
        self.links.rewriter.page = page
        self.links.rewriter.links = []
        self.examples.drafts.start(page.rel, page.first_line)
        body = self.markdown.convert(page.text)
        problems = self.examples.drafts.check(page.meta.get("example_rules"))
        if problems:
            raise BuildError(problems)
        return body, self.markdown.toc_tokens, self.links.rewriter.links

    def nav_for(self, page: Page) -> Markup:
        """Return the shared navigation with the reader's own page marked."""
        href = escape(self.site.href(page.url))
        current = self.nav.replace(NAV_LINK.format(href=href), NAV_CURRENT.format(href=href), 1)
        return Markup(current)  # noqa: S704 - rendered by our own autoescaping template

    def render(self, page: Page) -> RenderedPage:
        """Render one page through its layout."""
        return self.finish(page, self.render_shell(page))

    def render_shell(self, page: Page) -> Shell:
        """Lay one page out with a slot where the navigation goes."""
        body, toc, links = self.convert(page)
        previous, following = self.neighbours[page.rel]
        layout = page.meta.get("layout") or ("home.html" if page.url == "" else "page.html")
        try:
            html = self.environment.get_template(layout).render(
                page=page, body=Markup(body), toc=toc, nav=Markup(self.nav_slot),  # noqa: S704
                previous=previous, next=following,
            )
        except jinja2.TemplateError as error:
            raise BuildError([layout_problem(error, page.rel)]) from None
        return html, element_ids(html), tuple(links)

    def finish(self, page: Page, shell: Shell) -> RenderedPage:
        """Put the navigation, with the reader's page marked, into a laid-out page."""
        html, ids, links = shell
        if self.nav_slot in html:
            ids |= self.nav_ids
        full = html.replace(self.nav_slot, self.nav_for(page))
        return RenderedPage(page, full, ids, links, html.replace(self.nav_slot, ""))

    def render_not_found(self) -> str:
        """Render the page shown for addresses that do not exist."""
        return self.environment.get_template("404.html").render(nav=Markup(self.nav))  # noqa: S704


# the renderer and pages a forked worker inherits; set only while a pool is running
_shared_work: tuple[Renderer, list[Page]] | None = None


def _render_shared(index: int) -> Shell:
    """Lay out one of the inherited pages, inside a worker process."""
    renderer, pages = _shared_work
    return renderer.render_shell(pages[index])


def can_fork_workers(count: int) -> bool:
    """Fork workers only for many pages, with several cores and no other threads to upset."""
    return (
        count >= PARALLEL_FROM
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


def render_pages(renderer: Renderer, pages: list[Page]) -> Iterator[RenderedPage]:
    """Render pages in order, each as soon as it is ready; many are spread over the cores."""
    global _shared_work
    if not can_fork_workers(len(pages)):
        yield from (renderer.render(page) for page in pages)
        return
    workers = min(os.cpu_count() or 1, 8)
    _shared_work = (renderer, pages)
    # forked workers share the one renderer (environment, converter, nav) built above
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        # small batches: search starts on the first pages at once, no worker idles long at the end
        chunk = max(1, min(RENDER_BATCH, len(pages) // (workers * 4)))
        shells = pool.map(_render_shared, range(len(pages)), chunksize=chunk)
        yield from (renderer.finish(page, shell) for page, shell in zip(pages, shells, strict=True))
    finally:
        # a failed or abandoned build does not wait for the pages nobody will read
        pool.shutdown(cancel_futures=True)
        _shared_work = None
