"""Who may talk to the server: loopback Host names, our extension's Origin, and the token."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import re
from pathlib import Path

from flask import Flask, Response, current_app, request
from flask_cors import CORS

from gracious.extension_id import EXTENSION_ID
from gracious.pairing import TokenCache, check_token_strength, write_private
from gracious.problems import ProblemError
from gracious.storage.location import resolve_data_dir

# dns rebinding: a hostile page's own name resolves to 127.0.0.1, but its Host header keeps
# that name, so only loopback names are served
LOOPBACK_HOST = re.compile(r"(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?", re.IGNORECASE)
PAIRED_FILENAME = "paired"
# firefox gives every install a random uuid origin, so any of them gets CORS answers; only the
# token admits one to the data, as an origin alone proves nothing
FIREFOX_EXTENSION = re.compile(r"moz-extension://[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\Z",
                               re.IGNORECASE)

# the json responses are data, never documents: nothing may run, load or frame them
API_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# the only routes a client may call before it has paired: is the server up, and what it offers
OPEN_PATHS = frozenset({"/api/v1/health", "/api/v1/openapi.json"})
PAIRING_HELP = ("To pair, open {url}/ and click 'Connect the extension', or run 'gracious token' "
                "and paste the code into the extension's options page. Other clients send it as "
                "'Authorization: Bearer <code>'.")
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
    """Require the pairing token on every data route of the API."""
    if not request.path.startswith("/api/") or request.path in OPEN_PATHS or is_preflight():
        return
    if sends_the_token():
        return
    if request.headers.get("Authorization"):
        detail = ("The pairing code sent does not match this server's (was it replaced with "
                  "'gracious token --rotate', or is this another server?). ")
    else:
        detail = "This server needs its pairing code. "
    raise ProblemError(401, detail + PAIRING_HELP.format(url=request.host_url.rstrip("/")),
                       headers={"WWW-Authenticate": 'Bearer realm="gracious"'})


def sends_the_token() -> bool:
    """Whether this request carries the server's token (compared in constant time)."""
    token = expected_token()
    scheme, _, sent = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and hmac.compare_digest(sent.strip().encode(), token.encode()):
        remember_paired(token)
        return True
    return False


def expected_token() -> str:
    """GRACIOUS_TOKEN when set, else the data dir's own token (created on first start)."""
    configured = current_app.config["TOKEN"]
    if configured:
        return configured
    cache: TokenCache = current_app.extensions["gracious_tokens"]
    try:
        configured = current_app.config.get("DATA_DIR")
        if configured:
            return cache.token_in(str(configured))
        return cache.token_for(resolve_data_dir(None))
    except OSError as error:
        raise ProblemError(503, f"Gracious cannot read or create its pairing code in the data "
                                f"dir: {error.strerror or error}. Check the data dir "
                                "(--data-dir or GRACIOUS_DATA_DIR) is writable.") from error


def remember_paired(token: str) -> None:
    """Note that a client knows the token, for the landing page, across restarts too."""
    fingerprint = token_fingerprint(token)
    seen: set[str] = current_app.extensions["gracious_paired"]
    if fingerprint in seen:
        return
    seen.add(fingerprint)
    with contextlib.suppress(OSError):
        write_private(paired_path(), fingerprint)


def paired_path() -> Path:
    """The file that keeps the fingerprint of the last token a client sent."""
    return resolve_data_dir(current_app.config.get("DATA_DIR")) / PAIRED_FILENAME


@functools.lru_cache(maxsize=8)
def token_fingerprint(token: str) -> str:
    """A short digest that says which token was used without keeping the token itself."""
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def is_paired() -> bool:
    """Whether a client has sent the current token (a rotated token unpairs everyone)."""
    try:
        token = expected_token()
    except ProblemError:
        return False
    fingerprint = token_fingerprint(token)
    if fingerprint in current_app.extensions["gracious_paired"]:
        return True
    try:
        return paired_path().read_text(encoding="utf-8").strip() == fingerprint
    except OSError:
        return False


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
    if app.config["TOKEN"]:
        app.config["TOKEN"] = check_token_strength(app.config["TOKEN"])
    app.extensions["gracious_tokens"] = TokenCache()
    app.extensions["gracious_paired"] = set()
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
