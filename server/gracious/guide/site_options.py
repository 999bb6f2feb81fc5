"""Where the built guide will live: its base URL, split into origin and path."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_BASE_URL = "/guide/"


@dataclass(frozen=True)
class SiteOptions:
    """Settings shared by every page of one build."""

    base_path: str = DEFAULT_BASE_URL
    origin: str = ""
    title: str = "Gracious guide"
    language: str = "en"

    def href(self, url: str) -> str:
        """Return the root-relative link to a page or file of the site."""
        return self.base_path + url

    def absolute(self, url: str) -> str:
        """Return the full URL when the origin is known, else the root-relative one."""
        return self.origin + self.base_path + url


def parse_base_url(base_url: str) -> tuple[str, str]:
    """Split `https://example.org/gracious` into its origin and a path ending in a slash."""
    parts = urlsplit(base_url.strip())
    if parts.query or parts.fragment:
        raise ValueError(f"base URL {base_url!r} must not have a query or fragment")
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"base URL {base_url!r} must be http(s)://host/path or a /path")
        origin = f"{parts.scheme}://{parts.netloc}"
    elif not parts.path.startswith("/"):
        raise ValueError(f"base URL {base_url!r} must start with / or http(s)://")
    else:
        origin = ""
    path = parts.path or "/"
    if any(segment in (".", "..") for segment in path.split("/")) or "//" in path:
        raise ValueError(f"base URL {base_url!r} has an empty, . or .. path segment")
    return origin, path if path.endswith("/") else path + "/"


def site_options(base_url: str = DEFAULT_BASE_URL, title: str | None = None) -> SiteOptions:
    """Build the options for a base URL such as `/guide/` or `https://example.org/gracious/`."""
    origin, path = parse_base_url(base_url)
    return SiteOptions(base_path=path, origin=origin, title=title or SiteOptions.title)
