"""Build the guide: load every page, render them all, then write the site."""

from __future__ import annotations

import json
import logging
import shutil
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import gracious
from gracious import __version__
from gracious.guide.example_book import EXAMPLES_FILE, ExampleBook
from gracious.guide.links import check_links
from gracious.guide.load import Page, load_pages
from gracious.guide.locations import SourceLayout, default_output, default_source
from gracious.guide.memory import BuildMemory, file_signature, memory_for, render_key
from gracious.guide.problems import BuildError, Problem
from gracious.guide.render import RenderedPage, Renderer, default_templates, render_pages
from gracious.guide.search import SearchIndex
from gracious.guide.site_files import robots_txt, sitemap_xml
from gracious.guide.site_options import DEFAULT_BASE_URL, site_options
from gracious.guide.write import STAMP, clean_output, static_files, update_files, update_static

log = logging.getLogger(__name__)
GENERATED = ("404.html", "sitemap.xml", "robots.txt")
# the drafting engine and the checker shape and judge the example notes
ENGINE_FOLDERS = tuple(Path(gracious.__file__).with_name(name) for name in ("compose", "checker"))


@dataclass
class BuildResult:
    """What a finished build produced, and what it warned about."""

    out: Path
    pages: list[Page]
    warnings: list[Problem] = field(default_factory=list)


def output_path(page: Page) -> str:
    """Write `anatomy/` as `anatomy/index.html`, so URLs end in a slash on any static host."""
    return f"{page.url}index.html"


def stamp_text(base_url: str, search: bool) -> str:
    """Describe a build's settings, so a server can tell whether it matches what it wants."""
    settings = {"base_url": base_url, "generator": __version__, "search": search}
    return json.dumps(settings, sort_keys=True) + "\n"


def site_title(layout: SourceLayout) -> str | None:
    """Read the site's title from an optional `site.yml` beside the content."""
    settings = layout.root / "site.yml"
    if not settings.is_file():
        return None
    return (yaml.safe_load(settings.read_text(encoding="utf-8")) or {}).get("title")


def located(problems: list[Problem], content: Path) -> list[Problem]:
    """Name each problem's file as a reader would type it: relative to here when possible."""
    def display(name: str) -> str:
        path = content / name
        return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)
    return [Problem(display(p.file), p.line, p.message) for p in problems]


def find_clashes(pages: list[Page], statics: list[str]) -> list[Problem]:
    """Report two sources that would be written to the same place."""
    owners: dict[str, str] = {name: "the builder" for name in GENERATED}
    problems = []
    for rel, written in [(p.rel, output_path(p)) for p in pages] + [(s, s) for s in statics]:
        if written in owners:
            problems.append(Problem(rel, 1, f"{written} is also built from {owners[written]}"))
        owners.setdefault(written, rel)
    return problems


def examples_file(layout: SourceLayout) -> Path:
    """The source's own scenes and rules for examples, else the guide's."""
    own = layout.root / EXAMPLES_FILE
    return own if own.is_file() else default_templates().parent / EXAMPLES_FILE


def templates_signature(layout: SourceLayout) -> tuple:
    """Fingerprint every layout and engine file a page may use; a change re-renders every page."""
    folders = [default_templates(), *ENGINE_FOLDERS, layout.templates or default_templates()]
    files = [path for folder in folders if folder.is_dir() for path in sorted(folder.rglob("*"))
             if path.is_file() and "__pycache__" not in path.parts]
    return tuple((str(path), *file_signature(path)) for path in [*files, examples_file(layout)])


def render_site(
    layout: SourceLayout, base_url: str, memory: BuildMemory, search: SearchIndex | None = None
) -> tuple[dict[str, str], list[RenderedPage]]:
    """Load and render every page that changed since the last build, and the site files."""
    # search gets each page in reading order as soon as it is ready: it indexes while later pages
    # still render, and in the same order whichever pages were remembered
    site = site_options(base_url, site_title(layout))
    pages = load_pages(layout.content, memory.loaded)
    renderer = Renderer(pages, site, layout.templates, ExampleBook.load(examples_file(layout)))
    templates = templates_signature(layout)
    keys = {p.rel: render_key(p, renderer.nav, renderer.neighbours[p.rel], templates)
            for p in pages}
    stale = [p for p in pages if memory.rendered.get(p.rel, (None,))[0] != keys[p.rel]]
    stale_rels = {p.rel for p in stale}
    rendered = []
    with closing(render_pages(renderer, stale)) as fresh:
        for page in pages:
            if page.rel in stale_rels:
                memory.rendered[page.rel] = (keys[page.rel], next(fresh))
            rendered.append(memory.rendered[page.rel][1])
            if search:
                search.add(output_path(page), rendered[-1].searchable)
    files = {output_path(r.page): r.html for r in rendered}
    files["404.html"] = renderer.render_not_found()
    files["sitemap.xml"] = sitemap_xml(pages, site)
    files["robots.txt"] = robots_txt(site)
    if search:
        search.add("404.html", files["404.html"].replace(renderer.nav, "", 1))
    return files, rendered


def write_site(out: Path, files: dict[str, str], layout: SourceLayout, stamp: str,
               memory: BuildMemory, index: SearchIndex | None = None) -> None:
    """Write the build, in full or, when the output is as this process left it, only changes."""
    # search builds its index while the pages are written, then it is written into pagefind/
    if not memory.still_describes(out):
        clean_output(out, stamp)
        memory.forget_output()
    shutil.rmtree(out / "pagefind", ignore_errors=True)
    if index:
        index.request_files()
    update_files(out, files, memory.files)
    update_static(layout.static, out, memory.static)
    memory.files = files
    if index:
        index.write_files(out / "pagefind", index.wait())


def build_guide(
    source: Path | None = None,
    out: Path | None = None,
    base_url: str = DEFAULT_BASE_URL,
    strict: bool = True,
    search: bool = True,
) -> BuildResult:
    """Build the site from `source` into `out`; broken links fail the build when strict."""
    layout = SourceLayout.of(source or default_source())
    out = (out or default_output()).resolve()
    if out == layout.root or layout.root.is_relative_to(out):
        raise BuildError([Problem(str(out), 1, "the output folder would contain the source")])
    memory = memory_for(layout.root, out, base_url)
    # started first, so the service is up by the time the first page is ready for it
    index = SearchIndex(out) if search else None
    finished = False
    try:
        result = build_into(layout, out, base_url, strict, memory, index)
        finished = True
    finally:
        if index:
            index.close(finished)
    return result


def build_into(layout: SourceLayout, out: Path, base_url: str, strict: bool,
               memory: BuildMemory, index: SearchIndex | None) -> BuildResult:
    """Render, check and write the site, feeding search along the way when it is on."""
    try:
        files, rendered = render_site(layout, base_url, memory, index)
    except BuildError as error:
        raise BuildError(located(error.problems, layout.content)) from None
    statics = static_files(layout.static)
    problems = find_clashes([r.page for r in rendered], statics)
    if problems:
        raise BuildError(located(problems, layout.content))
    anchors = {r.page.url: r.ids for r in rendered}
    links = ((r.page, r.links) for r in rendered)
    broken = located(check_links(links, anchors, set(files) | set(statics)), layout.content)
    if broken and strict:
        raise BuildError(broken)
    for problem in broken:
        log.warning("%s", problem)
    stamp = stamp_text(base_url, search=index is not None)
    if index:
        for rel in statics:
            if rel.endswith(".html"):
                index.add(rel, (layout.static / rel).read_text(encoding="utf-8", errors="replace"))
    write_site(out, files, layout, stamp, memory, index)
    # the stamp's time says when the build finished, which is what staleness checks compare
    (out / STAMP).write_text(stamp, encoding="utf-8")
    memory.remember_stamp(out)
    return BuildResult(out, [r.page for r in rendered], broken)
