"""The files a site needs besides its pages: sitemap.xml and robots.txt."""

from __future__ import annotations

from xml.sax.saxutils import escape

from gracious.guide.load import Page
from gracious.guide.site_options import SiteOptions


def sitemap_xml(pages: list[Page], site: SiteOptions) -> str:
    """List every page for search engines, in reading order."""
    entries = "".join(
        f"  <url><loc>{escape(site.absolute(page.url))}</loc></url>\n" for page in pages
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    )


def robots_txt(site: SiteOptions) -> str:
    """Welcome every crawler and point it at the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.absolute('sitemap.xml')}\n"
