"""Stage one: load every Markdown page with its front matter, title and order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from gracious.guide.problems import BuildError, Problem

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml is optional
    from yaml import SafeLoader

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
ATX_H1 = re.compile(r"^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
SETEXT_H1 = re.compile(r"^(\S.*)\r?\n=+[ \t]*$", re.MULTILINE)
ATTR_LIST = re.compile(r"\s*\{[:#.][^}]*\}\s*$")
INLINE_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Page:
    """One Markdown file, loaded and ready to render."""

    rel: str
    url: str
    title: str
    description: str
    order: float
    text: str
    first_line: int
    has_h1: bool
    source: Path
    meta: dict = field(default_factory=dict, compare=False, hash=False)


def page_url(rel: str) -> str:
    """Map `anatomy.md` to `anatomy/` and `index.md` to the folder itself."""
    path = PurePosixPath(rel).with_suffix("")
    parts = list(path.parts)
    if parts[-1] == "index":
        parts.pop()
    return "".join(f"{part}/" for part in parts)


def split_front_matter(raw: str, rel: str) -> tuple[dict, str, int]:
    """Split YAML front matter from the body; return meta, body and the body's first line."""
    match = FRONT_MATTER.match(raw)
    if not match:
        return {}, raw, 1
    try:
        meta = yaml.load(match.group(1) or "", Loader=SafeLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise BuildError([Problem(rel, line, f"front matter is not valid YAML: {error}")]) from None
    if not isinstance(meta, dict):
        raise BuildError([Problem(rel, 1, "front matter must be a mapping of keys to values")])
    return meta, raw[match.end():], raw[: match.end()].count("\n") + 1


def first_h1(body: str) -> str | None:
    """Return the text of the first level-one heading, outside code fences."""
    unfenced = FENCE.sub("", body)
    found = [m for m in (ATX_H1.search(unfenced), SETEXT_H1.search(unfenced)) if m]
    if not found:
        return None
    heading = min(found, key=lambda m: m.start()).group(1)
    heading = ATTR_LIST.sub("", heading)
    return INLINE_MARKUP.sub(lambda m: m.group(1) or "", heading).strip() or None


def title_from_filename(rel: str) -> str:
    """Turn `following-up.md` into "Following up"; the home page is "Home"."""
    stem = PurePosixPath(rel).stem
    if stem == "index":
        parent = PurePosixPath(rel).parent.name
        stem = parent or "home"
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:]


def load_page(source_dir: Path, path: Path) -> Page:
    """Read one Markdown file into a Page."""
    rel = path.relative_to(source_dir).as_posix()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise BuildError([Problem(rel, 1, f"not UTF-8 text: {error.reason}")]) from None
    meta, body, first_line = split_front_matter(raw, rel)
    heading = first_h1(body)
    order = meta.get("order", float("inf"))
    if not isinstance(order, int | float) or isinstance(order, bool):
        raise BuildError([Problem(rel, 1, f"order must be a number, not {order!r}")])
    return Page(
        rel=rel,
        url=page_url(rel),
        title=str(meta.get("title") or heading or title_from_filename(rel)),
        description=str(meta.get("description") or ""),
        order=float(order),
        text=body,
        first_line=first_line,
        has_h1=heading is not None,
        source=path,
        meta=meta,
    )


def page_sort_key(page: Page) -> tuple:
    """Home first, then by front-matter order, then by path."""
    return (page.url != "", page.order, page.rel)


def find_markdown(content_dir: Path) -> list[Path]:
    """List the Markdown files under a folder, skipping hidden and underscore names."""
    return sorted(
        path for path in content_dir.rglob("*.md")
        if not any(part.startswith((".", "_")) for part in path.relative_to(content_dir).parts)
    )


def load_pages(content_dir: Path, known: dict | None = None) -> list[Page]:
    """Load every page under the content folder, in reading order; reuse unchanged known pages."""
    problems: list[Problem] = []
    pages: list[Page] = []
    known = {} if known is None else known
    for path in find_markdown(content_dir):
        status = path.stat()
        signature = (status.st_mtime_ns, status.st_size)
        rel = path.relative_to(content_dir).as_posix()
        if rel in known and known[rel][0] == signature:
            pages.append(known[rel][1])
            continue
        try:
            pages.append(load_page(content_dir, path))
        except BuildError as error:
            problems.extend(error.problems)
            continue
        known[rel] = (signature, pages[-1])
    if problems:
        raise BuildError(problems)
    return sorted(pages, key=page_sort_key)
