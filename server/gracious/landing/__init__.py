"""The start page at `/`: is the server up, is an extension paired, and what to do next."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request

from gracious import __version__, resources
from gracious.extension_id import EXTENSION_ID
from gracious.guide.serving import GUIDE_HEADERS
from gracious.security import expected_token, is_paired

bp = Blueprint("landing", __name__, template_folder="templates", static_folder="static",
               static_url_path="/start")


def next_steps(extension: str | None) -> list[str]:
    """The steps from a running server to a first note, as plain text (also printed by serve)."""
    folder = extension or "the extension/ folder of a Gracious checkout"
    return [
        f"Load the extension. Chrome: open chrome://extensions, turn on Developer mode, click "
        f"Load unpacked and choose {folder}. Firefox: open about:debugging#/runtime/this-firefox, "
        f"click Load Temporary Add-on and choose manifest.json in {folder} (or install the "
        "Firefox .xpi from 'gracious extension pack').",
        "Pair it: click 'Connect the extension' on this page (Chrome), or run 'gracious token' "
        "and paste the code into the extension's options page (Chrome or Firefox).",
        "Open a compose in Gmail, Outlook or LinkedIn and click the Gracious button.",
    ]


def offers_the_code() -> bool:
    """Whether this request may see the pairing code: a person opening the page, before pairing."""
    # a page's own fetch or another extension's worker says cors or no-cors here, never navigate;
    # once something has paired, the code stays in 'gracious token' only
    return (request.headers.get("Sec-Fetch-Mode") == "navigate"
            and request.headers.get("Sec-Fetch-Dest") == "document"
            and not current_app.config["TOKEN"]
            and not is_paired())


@bp.get("/")
def start_page() -> Response:
    """Render the start page."""
    paired = is_paired()
    extension = resources.extension_dir()
    html = render_template(
        "landing.html", version=__version__, paired=paired, extension=extension,
        code=expected_token() if offers_the_code() else None, extension_id=EXTENSION_ID,
    )
    response = current_app.response_class(html, mimetype="text/html")
    response.headers.update(GUIDE_HEADERS)
    # the page may carry the pairing code: never keep it in a cache
    response.headers["Cache-Control"] = "no-store"
    return response
