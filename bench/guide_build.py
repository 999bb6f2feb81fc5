"""Guide build time next to MkDocs on the same Markdown, and the rebuild after one page changes."""

from __future__ import annotations

import itertools
import logging
import shutil
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.common import Row, median_seconds
from gracious.guide import build_guide

ROOT = Path(__file__).resolve().parents[1]
GUIDE_SOURCE = ROOT / "site"
SYNTHETIC_PAGES = 1000
# issue 14.4: three times MkDocs with search on for both, and rendering close to the bare parse
TARGET_SPEEDUP = 3.0
TARGET_PARSE_RATIO = 1.5
TARGET_REBUILD_SHARE = 0.10
# rounds of parse-then-render for the parse row; each takes seconds on 1,000 pages
PARSE_ROUNDS = 3
# rounds of ours-then-MkDocs for the build rows; MkDocs takes tens of seconds on 1,000 pages
COMPARE_ROUNDS = 3
# the markdown extensions the guide renders with, so MkDocs does the same parsing work
EXTENSIONS = ["toc", "tables", "attr_list", "admonition"]
SEARCH_NOTE = ("both render Markdown to HTML with the same extensions, with search on for both "
               "(MkDocs' default search plugin; ours with Pagefind)")


def synthetic_page(section: int, number: int, sections: int, per_section: int) -> str:
    """One page with front matter, headings, a list, a table and links to other pages."""
    other = (section + 1) % sections, (number * 7 + 3) % per_section
    rows = "\n".join(f"| row {i} | {i * number} | *value* {i} |" for i in range(8))
    paragraphs = "\n\n".join(
        f"Paragraph {p} of page {number}: a **thank-you note** sent within a day says you "
        f"listened, you *still want the job* and you finish what you start. See "
        f"[the related page](../section-{other[0]:02d}/page-{other[1]:03d}.md#part-1) and "
        f"[the next part](#part-{(p + 1) % 4})."
        for p in range(3)
    )
    parts = "\n\n".join(
        f"## Part {p} {{#part-{p}}}\n\n{paragraphs}\n\n### Checklist {p}\n\n"
        + "\n".join(f"- item {i}: greet by name, thank them, one detail" for i in range(6))
        for p in range(4)
    )
    return (f"---\ntitle: Page {section}-{number}\ndescription: Synthetic page {number}\n"
            f"order: {number}\n---\n\n# Page {section}-{number}\n\n{parts}\n\n"
            f"| name | figure | note |\n| --- | ---: | --- |\n{rows}\n")


def write_synthetic_corpus(content: Path, pages: int = SYNTHETIC_PAGES) -> None:
    """Write pages Markdown files in sections of 50, plus an index."""
    per_section = 50
    sections = pages // per_section
    for section in range(sections):
        folder = content / f"section-{section:02d}"
        folder.mkdir(parents=True)
        for number in range(per_section):
            text = synthetic_page(section, number, sections, per_section)
            (folder / f"page-{number:03d}.md").write_text(text, encoding="utf-8")
    (content / "index.md").write_text("---\ntitle: Home\norder: 0\n---\n\n# Home\n\nSynthetic.\n",
                                      encoding="utf-8")


def mkdocs_builder(docs: Path, work: Path) -> Callable[[], None]:
    """A function that builds docs with MkDocs' own theme, the same extensions and its search."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = work / "mkdocs.yml"
    config_file.write_text(
        f"site_name: Bench\ndocs_dir: {docs}\nsite_dir: {work / 'mkdocs-out'}\n"
        f"theme: mkdocs\nplugins: [search]\nmarkdown_extensions: {EXTENSIONS}\n",
        encoding="utf-8",
    )

    def run() -> None:
        build(load_config(config_file=str(config_file)))

    return run


def our_builder(source: Path, out: Path, search: bool = False) -> Callable[[], None]:
    """A function that builds source with `gracious guide build`'s own code."""
    def run() -> None:
        build_guide(source, out, "/", strict=False, search=search)

    return run


def side_by_side(ours: Callable[[], None], theirs: Callable[[], None], rounds: int,
                 repeat: int, warm_up: bool) -> tuple[float, float, list[float]]:
    """Median times of both builders over alternated rounds, and each round's speedup, sorted."""
    ours_times, theirs_times = [], []
    # each round times both back to back, so a busy machine weighs on both alike
    for round_number in range(rounds):
        warmup = int(warm_up and round_number == 0)
        ours_times.append(median_seconds(ours, repeat, warmup=warmup))
        theirs_times.append(median_seconds(theirs, repeat, warmup=warmup))
    speedups = sorted(t / o for t, o in zip(theirs_times, ours_times, strict=True))
    return statistics.median(ours_times), statistics.median(theirs_times), speedups


def compare(label: str, source: Path, docs: Path, work: Path, repeat: int, rounds: int,
            warm_up: bool = True) -> list[Row]:
    """Time both builders on one corpus, and our rebuild after one page is touched."""
    work.mkdir(parents=True, exist_ok=True)
    builds = itertools.count()

    def cold_build() -> None:
        # a fresh output folder each time: the builder remembers earlier builds per folder
        our_builder(source, work / f"ours-{next(builds)}", search=True)()

    ours_seconds, mkdocs_seconds, speedups = side_by_side(
        cold_build, mkdocs_builder(docs, work), rounds, repeat, warm_up)
    speedup = statistics.median(speedups)
    pages = sorted(docs.rglob("*.md"))
    # the source copy is what we build, so touch the same page there
    touched = source / "content" / pages[len(pages) // 2].relative_to(docs)
    incremental = our_builder(source, work / "ours-incremental")
    incremental()

    def touch_and_rebuild() -> None:
        touched.write_text(touched.read_text(encoding="utf-8") + "\nOne more line.\n",
                           encoding="utf-8")
        incremental()

    rebuild_seconds = median_seconds(touch_and_rebuild, repeat, warmup=0)
    share = rebuild_seconds / ours_seconds
    # on a ten-page site the fixed cost of a build dominates, so only large sites get a target
    large = len(pages) >= 100
    return [
        Row(f"guide build, {label} (MkDocs)", mkdocs_seconds * 1000, "ms", "baseline", None, True,
            SEARCH_NOTE),
        Row(f"guide build, {label} (gracious)", ours_seconds * 1000, "ms",
            f">= {TARGET_SPEEDUP:g}x faster than MkDocs", speedup, speedup >= TARGET_SPEEDUP,
            "cold build into a new folder; ratio is MkDocs time / our time, the median of "
            f"{rounds} alternated rounds ({speedups[0]:.2f}-{speedups[-1]:.2f})"),
        Row(f"guide rebuild after touching one page, {label}", rebuild_seconds * 1000, "ms",
            f"<= {TARGET_REBUILD_SHARE:.0%} of full build" if large else "reported", share,
            share <= TARGET_REBUILD_SHARE or not large,
            "the builder's in-process memory of the last build, as `gracious guide serve` "
            "rebuilds; a new `gracious guide build` process always builds in full"),
    ]


def parse_row(source: Path, work: Path, label: str, rounds: int = PARSE_ROUNDS) -> Row:
    """Our rendering (no search) next to a bare Markdown parse of the same pages, alternated."""
    import markdown

    from gracious.guide.render import MARKDOWN_EXTENSIONS

    texts = [path.read_text(encoding="utf-8") for path in sorted(source.rglob("*.md"))]
    converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)

    def parse() -> None:
        for text in texts:
            converter.reset()
            converter.convert(text)

    builds = itertools.count()
    parses, renders = [], []
    # each round times both back to back, so a busy machine weighs on both alike
    for _ in range(rounds):
        parses.append(median_seconds(parse, 1, warmup=0))
        renders.append(median_seconds(
            lambda: our_builder(source, work / f"render-{next(builds)}")(), 1, warmup=0))
    ratios = sorted(r / p for r, p in zip(renders, parses, strict=True))
    ratio = statistics.median(ratios)
    return Row(f"guide render vs bare Markdown parse, {label}",
               statistics.median(renders) * 1000, "ms",
               f"<= {TARGET_PARSE_RATIO:g}x the parse", ratio, ratio <= TARGET_PARSE_RATIO,
               f"bare parse {statistics.median(parses) * 1000:.0f} ms in one process; ours "
               "renders, lays out and writes every page, over the cores when there are many; "
               f"median of {rounds} alternated rounds, ratios {ratios[0]:.2f}-{ratios[-1]:.2f}")


def pagefind_row(source: Path, work: Path) -> Row:
    """The extra time Pagefind's search indexing adds to a guide build."""
    builds = itertools.count()

    def build(search: bool) -> Callable[[], None]:
        return lambda: our_builder(source, work / f"search-{next(builds)}", search=search)()

    without = median_seconds(build(False), 3, warmup=1)
    with_search = median_seconds(build(True), 3, warmup=1)
    extra = with_search - without
    return Row("guide search indexing (Pagefind), real guide", extra * 1000, "ms", "reported",
               extra / without, True, "ratio is indexing time / build time without search")


def measure() -> list[Row]:
    """Build the real guide and a synthetic 1,000-page corpus with both generators."""
    # both builders warn about links MkDocs resolves differently; the timings are what matter
    for name in ("mkdocs", "gracious.guide"):
        logging.getLogger(name).setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        guide = work / "guide"
        shutil.copytree(GUIDE_SOURCE, guide)
        guide_docs = work / "guide-docs"
        shutil.copytree(GUIDE_SOURCE / "content", guide_docs)
        rows = compare("real guide", guide, guide_docs, work / "guide-work", repeat=5,
                       rounds=COMPARE_ROUNDS)
        rows.append(pagefind_row(guide, work))

        corpus = work / "corpus"
        write_synthetic_corpus(corpus / "content", SYNTHETIC_PAGES)
        corpus_docs = work / "corpus-docs"
        shutil.copytree(corpus / "content", corpus_docs)
        rows += compare(f"{SYNTHETIC_PAGES} synthetic pages", corpus, corpus_docs,
                        work / "corpus-work", repeat=1, rounds=COMPARE_ROUNDS, warm_up=False)
        rows.append(parse_row(corpus, work / "corpus-work", f"{SYNTHETIC_PAGES} synthetic pages"))
    return rows
