"""Who may talk to the server: loopback Host names, our extension's Origin, and the token."""

from __future__ import annotations

import hmac
import re

from flask import Flask, Response, current_app, request
from flask_cors import CORS

from gracious.extension_id import EXTENSION_ID
from gracious.problems import ProblemError

# dns rebinding: a hostile page's own name resolves to 127.0.0.1, but its Host header keeps
# that name, so only loopback names are served
LOOPBACK_HOST = re.compile(r"(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?", re.IGNORECASE)
FIREFOX_EXTENSION = re.compile(r"moz-extension://[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\Z",
                               re.IGNORECASE)

# the json responses are data, never documents: nothing may run, load or frame them
API_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
}
EVERY_RESPONSE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def extension_origins(app: Flask) -> list[re.Pattern[str]]:
    """The origins that get CORS headers, as anchored patterns."""
    literal = [f"chrome-extension://{EXTENSION_ID}", *app.config["ALLOWED_ORIGINS"]]
    return [re.compile(re.escape(origin) + r"\Z", re.IGNORECASE) for origin in literal] + [
        FIREFOX_EXTENSION
    ]


def is_admitted_origin(origin: str) -> bool:
    """Whether a cross-origin caller may use the API."""
    host = request.environ.get("HTTP_HOST", "")
    if LOOPBACK_HOST.fullmatch(host) and origin.lower() == f"http://{host}".lower():
        # the guide pages served by this very server
        return True
    return any(pattern.match(origin) for pattern in current_app.extensions["gracious_origins"])


def check_host() -> None:
    """Refuse any Host that is not a loopback name, unless remote access is on."""
    if current_app.config["ALLOW_REMOTE"]:
        # a remote bind is guarded by the token instead; its Host is the machine's own name
        return
    # read the raw header: werkzeug falls back to the server name when it is empty
    host = request.environ.get("HTTP_HOST", "")
    if not LOOPBACK_HOST.fullmatch(host):
        raise ProblemError(403, f"The Host {host!r} is not a loopback name; use "
                                "http://127.0.0.1 or http://localhost.")


def check_origin() -> None:
    """Refuse cross-origin requests from anything but our extension and listed origins."""
    origin = request.headers.get("Origin")
    if origin is None:
        if is_cross_site_embed():
            raise ProblemError(403, "Other sites may not embed the API (it was requested "
                                    "cross-site with no Origin, as an <img> or <script> is).")
        return
    if not is_admitted_origin(origin):
        raise ProblemError(403, f"Requests from the origin {origin!r} are not allowed; only the "
                                "Gracious extension may call this server.")


def is_cross_site_embed() -> bool:
    """Whether a browser fetched an API path for another site's <img>, <script> or similar."""
    # fetch metadata: browsers omit Origin on no-cors GETs but always say where they come from;
    # curl and the cli send no Sec-Fetch-* headers, and navigations stay allowed
    return (
        request.path.startswith("/api/")
        and request.headers.get("Sec-Fetch-Site") in {"cross-site", "same-site"}
        and request.headers.get("Sec-Fetch-Mode") != "navigate"
    )


def check_token() -> None:
    """Require the bearer token on the API whenever one is configured."""
    token = current_app.config["TOKEN"]
    if not token or not request.path.startswith("/api/") or is_preflight():
        return
    scheme, _, sent = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        sent.strip().encode(), token.encode()
    ):
        raise ProblemError(401, "Send the server's token as 'Authorization: Bearer <token>'.",
                           headers={"WWW-Authenticate": 'Bearer realm="gracious"'})


def is_preflight() -> bool:
    """Whether this is a CORS preflight, which browsers send without credentials."""
    return request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers


def add_security_headers(response: Response) -> Response:
    """Set the hardening headers on every response."""
    response.headers.update(EVERY_RESPONSE_HEADERS)
    if request.path.startswith("/api/"):
        response.headers.update(API_HEADERS)
    response.vary.add("Origin")
    return response


def init_app(app: Flask) -> None:
    """Install the Host, Origin and token checks, CORS and the security headers."""
    if app.config["ALLOW_REMOTE"] and not app.config["TOKEN"]:
        raise ValueError("remote access needs a token (GRACIOUS_TOKEN)")
    origins = extension_origins(app)
    app.extensions["gracious_origins"] = origins
    app.before_request(check_host)
    app.before_request(check_origin)
    app.before_request(check_token)
    app.after_request(add_security_headers)
    CORS(
        app,
        resources={r"/api/.*": {}},
        origins=origins,
        methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Content-Type", "Authorization"],
        max_age=600,
        vary_header=True,
    )
