"""Read a built site back: its pages, their ids and their links."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


class PageReader(HTMLParser):
    """Collect the ids and link targets of one HTML page."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.links.append(attributes[name])
        # what the browser fetches by itself, as opposed to links a reader may follow
        resource = attributes.get("href") if tag == "link" else attributes.get("src")
        if resource is not None:
            self.resources.append(resource)


def read_page(path: Path) -> PageReader:
    """Parse one built page."""
    reader = PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def file_for(out: Path, base_path: str, url_path: str) -> Path | None:
    """Map a root-relative URL path under the base to the built file it serves, if any."""
    if not url_path.startswith(base_path):
        return None
    target = out / url_path[len(base_path):]
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def broken_links(out: Path, base_path: str) -> list[str]:
    """List every internal link or anchor in the built pages that does not resolve."""
    broken = []
    pages = sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)
    for page in pages:
        here = "/" + page.relative_to(out).as_posix()
        for link in read_page(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            path = parts.path or base_path + page.relative_to(out).parent.as_posix() + "/"
            target = file_for(out, base_path, path.replace("/./", "/"))
            if target is None:
                broken.append(f"{here}: {link} (no file)")
            elif parts.fragment and parts.fragment not in read_page(target).ids:
                broken.append(f"{here}: {link} (no anchor)")
    return broken
