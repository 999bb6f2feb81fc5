"""Pull the recipient, company, role and interview details out of an email or LinkedIn thread."""

from gracious.extraction.context import extract_context, prepare_extraction
from gracious.extraction.domains import _domains

__all__ = ["_domains", "extract_context", "prepare_extraction"]
