"""Read the organisation out of an e-mail address's domain, with the public-suffix list."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tldextract

HOST = re.compile(r"^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}$")


@lru_cache(maxsize=1)
def _domains() -> tldextract.TLDExtract:
    """A public-suffix parser using the list bundled with tldextract (no network)."""
    # imported on first use: it pulls in requests, which would slow every CLI start
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def host_of(email: str | None) -> str | None:
    """The lower-case host of an address, or None when it has none."""
    if not email or "@" not in email:
        return None
    host = email.rpartition("@")[2].strip().lower().rstrip(".>")
    return host if HOST.match(host) else None


def registered_label(email: str | None) -> str | None:
    """The label before the public suffix: "northwind-traders" in jane@northwind-traders.co.uk."""
    host = host_of(email)
    if not host:
        return None
    label = _domains()(host).domain
    return label if label and re.fullmatch(r"[a-z0-9-]+", label) else None
