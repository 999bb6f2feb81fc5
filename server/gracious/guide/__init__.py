"""The etiquette guide: a small static-site generator for Markdown, and its server."""

from gracious.guide.build import BuildResult, build_guide
from gracious.guide.problems import BuildError, Problem

__all__ = ["BuildError", "BuildResult", "Problem", "build_guide"]
