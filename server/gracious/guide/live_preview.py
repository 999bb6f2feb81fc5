"""`gracious guide serve`: a preview server that rebuilds on change and reloads the browser."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, jsonify, redirect
from werkzeug.wrappers import Response

from gracious.guide.locations import NoGuideSource, default_output, default_source
from gracious.guide.serving import bp, guide_builds
from gracious.guide.site_options import DEFAULT_BASE_URL
from gracious.guide.write import STAMP
from gracious.problems import ProblemError
from gracious.problems import init_app as init_problems
from gracious.security import add_security_headers, check_host

log = logging.getLogger(__name__)
VERSION_PATH = "/_preview/version"
SCRIPT_PATH = "/_preview/reload.js"
# polls the build's version; any change (a rebuild) reloads the page
RELOAD_JS = f"""let seen;
const check = async () => {{
  try {{
    const {{ version }} = await (await fetch("{VERSION_PATH}", {{ cache: "no-store" }})).json();
    if (seen !== undefined && version !== seen) location.reload();
    seen = version;
  }} catch {{
    // the preview server is restarting or rebuilding; try again shortly
  }}
  setTimeout(check, 700);
}};
check();
"""
# a file, not inline, so the guide's content security policy still holds
RELOAD_TAG = f'<script src="{SCRIPT_PATH}"></script>'.encode()


def inject_reload(response: Response) -> Response:
    """Add the reload script to every HTML page of the preview, never to the built files."""
    if response.mimetype == "text/html" and response.status_code in (200, 404):
        response.direct_passthrough = False
        body = response.get_data()
        response.set_data(body.replace(b"</body>", RELOAD_TAG + b"</body>", 1))
    return response


def create_preview_app(source: Path, out: Path, base_url: str) -> Flask:
    """Create a small app serving only the guide, with live reload."""
    app = Flask(__name__, static_folder=None)
    app.config.update(GUIDE_DIR=str(out), GUIDE_SOURCE=str(source), GUIDE_BASE_URL=base_url)
    init_problems(app)
    # the same dns-rebinding defence and headers as the main server: a hostile page whose name
    # resolves to 127.0.0.1 must not read the Markdown being previewed (notes, drafts)
    app.config["ALLOW_REMOTE"] = False
    app.before_request(check_host)
    app.after_request(add_security_headers)
    app.register_blueprint(bp)
    app.after_request(inject_reload)

    @app.get("/")
    def home() -> Response:
        return redirect("/guide/")

    @app.get(SCRIPT_PATH)
    def reload_script() -> Response:
        return Response(RELOAD_JS, mimetype="text/javascript")

    @app.get(VERSION_PATH)
    def version() -> Response:
        builds = guide_builds(app)
        builds.ensure_current()
        response = jsonify(version=(builds.out / STAMP).stat().st_mtime_ns)
        response.headers["Cache-Control"] = "no-store"
        return response

    return app


def serve_preview(source: Path | None, out: Path | None, port: int) -> int:
    """Serve the preview on loopback until interrupted."""
    import waitress

    try:
        source = source or default_source()
    except NoGuideSource as error:
        log.error("gracious guide serve: %s", error)
        return 1
    app = create_preview_app(source, out or default_output(), DEFAULT_BASE_URL)
    try:
        guide_builds(app).ensure_current()
    except ProblemError as error:
        # keep serving: the next save that fixes the source rebuilds and reloads
        log.error("%s", error.detail)
    log.info("previewing the guide at http://127.0.0.1:%d/guide/ (Ctrl+C to stop)", port)
    waitress.serve(app, host="127.0.0.1", port=port, threads=8, _quiet=True)
    return 0
