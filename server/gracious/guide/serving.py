"""Serve the built guide at /guide/, building it first when it is missing or out of date."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from flask import Blueprint, Flask, current_app, redirect, request, send_file
from werkzeug.wrappers import Response

from gracious.guide.build import build_guide, stamp_text
from gracious.guide.locations import NoGuideSource, SourceLayout, default_output, default_source
from gracious.guide.problems import BuildError
from gracious.guide.site_options import DEFAULT_BASE_URL
from gracious.guide.write import STAMP
from gracious.problems import ProblemError

log = logging.getLogger(__name__)
bp = Blueprint("guide", __name__, url_prefix="/guide")

# pagefind runs webassembly; everything else comes from the guide itself
GUIDE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
}


class GuideBuilds:
    """Keeps one app's guide build current, building at most once at a time."""

    def __init__(self, out: Path, source: Path | None, base_url: str):
        self.out = out.resolve()
        self.source = source
        self.base_url = base_url
        self.lock = threading.Lock()

    def newest_source_change(self) -> int:
        """Return the latest modification time among the files a build reads."""
        newest = 0
        pending = [str(p) for p in SourceLayout.of(self.source).watched() if p.is_dir()]
        while pending:
            with os.scandir(pending.pop()) as entries:
                for entry in entries:
                    if entry.name.startswith((".", "__pycache__")):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        # an output folder inside the source must not make every build stale
                        if entry.path != str(self.out):
                            pending.append(entry.path)
                    else:
                        newest = max(newest, entry.stat().st_mtime_ns)
        return newest

    def is_stale(self) -> bool:
        """A build is stale when missing, built for another base URL, or older than its source."""
        stamp = self.out / STAMP
        if not stamp.is_file():
            return True
        if self.source is None:
            return False
        if stamp.read_text(encoding="utf-8") != stamp_text(self.base_url, search=True):
            return True
        return self.newest_source_change() > stamp.stat().st_mtime_ns

    def ensure_current(self) -> None:
        """Build the guide if it is stale; concurrent callers wait for one build."""
        with self.lock:
            if not self.is_stale():
                return
            if self.source is None:
                raise ProblemError(503, "The guide has not been built and its source is missing; "
                                        "run `gracious guide build --source DIR`.")
            try:
                result = build_guide(self.source, self.out, self.base_url, strict=False)
            except (BuildError, FileExistsError, ValueError) as error:
                log.error("the guide could not be built:\n%s", error)
                raise ProblemError(503, f"The guide could not be built: {error}") from None
            for problem in result.warnings:
                log.warning("%s", problem)


def guide_builds(app: Flask) -> GuideBuilds:
    """Return the app's guide builds, set up from its config on first use."""
    builds = app.extensions.get("gracious_guide")
    if builds is None:
        out = app.config.get("GUIDE_DIR")
        source = app.config.get("GUIDE_SOURCE")
        try:
            source_path = Path(source) if source else default_source()
        except NoGuideSource:
            source_path = None
        base_url = app.config.get("GUIDE_BASE_URL") or DEFAULT_BASE_URL
        # setdefault, so threads racing on the first request share one lock and one build
        builds = app.extensions.setdefault(
            "gracious_guide",
            GuideBuilds(Path(out) if out else default_output(), source_path, base_url),
        )
    return builds


def refuse_unsafe(path: str) -> None:
    """Refuse any path that could reach outside the guide: dot segments, encodings, backslashes."""
    segments = path.split("/")
    inner = segments[:-1] if path.endswith("/") else segments
    if (
        any(mark in path for mark in ("\\", "%", "\x00"))
        or any(segment in ("", ".", "..") or segment.startswith(".") for segment in inner if path)
    ):
        raise ProblemError(400, f"The guide has no page at {request.path!r}: the path must stay "
                                "inside /guide/ and use plain names.")


def not_found(out: Path) -> Response:
    """Answer a missing page: the guide's 404 page for browsers, a problem document otherwise."""
    page = out / "404.html"
    best = request.accept_mimetypes.best_match(["text/html", "application/problem+json"])
    if best == "text/html" and page.is_file():
        response = send_file(page, mimetype="text/html", max_age=0)
        response.status_code = 404
        return response
    raise ProblemError(404, f"The guide has no page at {request.path}.")


@bp.get("/", defaults={"path": ""})
@bp.get("/<path:path>")
def serve_guide(path: str) -> Response:
    """Serve one file of the built guide."""
    refuse_unsafe(path)
    builds = guide_builds(current_app)
    builds.ensure_current()
    root = builds.out.resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(root):
        raise ProblemError(400, f"The guide has no page at {request.path!r}.")
    if target.is_dir():
        if path and not path.endswith("/"):
            return redirect(f"{request.path}/", 308)
        target = target / "index.html"
    if not target.is_file():
        return not_found(root)
    return send_file(target, max_age=0)


@bp.after_request
def add_guide_headers(response: Response) -> Response:
    """Let the guide's pages load their own scripts and search index, and nothing else."""
    response.headers.update(GUIDE_HEADERS)
    return response
