"""Security regression suite: hostile Hosts, Origins, bodies and paths are refused or inert."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import pytest

from gracious.extension_id import EXTENSION_ID
from tests.support import LiveServer

from .openapi_bodies import body_operations, dotted, free_text_paths, sample, with_value
from .raw_http import Answer, KeepAlive, send_raw

EXTENSION_ORIGIN = f"chrome-extension://{EXTENSION_ID}"
JSON = [("Content-Type", "application/json")]
DRAFT = {"company": "Northwind Traders", "role": "Senior Data Analyst",
         "recipient": {"name": "Priya Raman"}, "highlights": ["your plan to move to dbt"]}
LIMIT = 64 * 1024

# names a page on another site can make a browser send after rebinding its dns to 127.0.0.1
REBOUND_HOSTS = [
    "evil.com",
    "evil.com:{port}",
    "localhost.evil.com",
    "localhost.evil.com:{port}",
    "127.0.0.1.nip.io",
    "127.0.0.1.nip.io:{port}",
    "",
    "localhost:evil",
    "127.0.0.1:80@evil.com",
    "localhost@evil.com",
    "evil.com#@localhost",
    "localhost:{port}.evil.com",
    "0.0.0.0:{port}",
    "127.0.0.1 evil.com",
    "localhost:{port}, evil.com",
]
LOOPBACK_HOSTS = ["localhost", "localhost:{port}", "LOCALHOST:{port}", "LocalHost:{port}",
                  "127.0.0.1", "127.0.0.1:{port}", "[::1]:{port}"]
ROUTES = [("GET", "/api/v1/health", None), ("POST", "/api/v1/drafts", DRAFT),
          ("GET", "/guide/", None)]

# pages on websites, pages that rebind, local dev servers and other extensions
FOREIGN_ORIGINS = [
    "https://evil.example",
    "null",
    "http://127.0.0.1.evil.com",
    "http://localhost.evil.com",
    "http://localhost:3000",
    "https://mail.google.com",
    "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    f"chrome-extension://{EXTENSION_ID}.evil.com",
    f"chrome-extension://{EXTENSION_ID}x",
    f"https://{EXTENSION_ID}",
    f"{EXTENSION_ORIGIN} https://evil.example",
]

# template syntax of the usual engines, markup, and plain text that must survive unescaped
PAYLOADS = [
    "{{1337*1337}}",
    "{% print(1337*1337) %}",
    "${1337*1337} #{1337*1337} <%= 1337*1337 %>",
    "{{ config }}{{ self.__init__.__globals__ }}{{ ''.__class__.__mro__ }}",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "Procter & Gamble \"O'Brien\" <Zoë>",
]
# what evaluated or escaped output would contain
EVALUATED = ["1787569", "<Config", "<class", "__builtins__", "Undefined", "<built-in"]
ESCAPED = ["&lt;", "&gt;", "&amp;", "&#", "&quot;", "\\u003c"]


def fill(text: str, port: int) -> str:
    """Put the server's port into a Host or Origin template."""
    return text.replace("{port}", str(port))


def call(server: LiveServer, method: str, path: str, payload: Any = None, **options: Any) -> Answer:
    """Send a request, as JSON when there is a payload."""
    headers = list(options.pop("headers", []))
    body = None
    if payload is not None:
        body = json.dumps(payload).encode()
        headers += JSON
    return send_raw(server, method, path, headers=headers, body=body, **options)


def assert_problem(answer: Answer, status: int | tuple[int, ...]) -> None:
    """The answer is a problem document with one of the statuses and no CORS grant."""
    statuses = status if isinstance(status, tuple) else (status,)
    assert answer.status in statuses, answer.describe()
    assert answer.content_type == "application/problem+json", answer.describe()
    document = answer.json()
    assert document["status"] == answer.status, answer.describe()
    assert document["title"] and document["detail"], answer.describe()
    assert "Traceback" not in answer.body.decode(errors="replace"), answer.describe()
    assert "Access-Control-Allow-Origin" not in answer.headers, answer.describe()


@pytest.mark.parametrize("host", REBOUND_HOSTS)
@pytest.mark.parametrize(("method", "path", "payload"), ROUTES)
def test_rebound_host_is_refused(private_server, host, method, path, payload):
    answer = call(private_server, method, path, payload,
                  host=fill(host, private_server.port))
    assert_problem(answer, 403)


@pytest.mark.parametrize("host", LOOPBACK_HOSTS)
def test_loopback_host_is_served(private_server, host):
    answer = call(private_server, "POST", "/api/v1/drafts", DRAFT,
                  host=fill(host, private_server.port))
    assert answer.status == 200, answer.describe()
    assert "Northwind Traders" in answer.json()["body"]


def test_duplicate_host_headers_are_refused(private_server):
    port = private_server.port
    answer = send_raw(private_server, "GET", "/api/v1/health", host=f"localhost:{port}",
                      headers=[("Host", "evil.com")])
    assert answer.status in (400, 403), answer.describe()


@pytest.mark.parametrize("origin", FOREIGN_ORIGINS)
@pytest.mark.parametrize(("method", "path", "payload"), ROUTES[:2])
def test_foreign_origin_is_refused(private_server, origin, method, path, payload):
    answer = call(private_server, method, path, payload,
                  headers=[("Origin", fill(origin, private_server.port))])
    assert_problem(answer, 403)


@pytest.mark.parametrize("origin", FOREIGN_ORIGINS)
def test_foreign_preflight_is_refused(private_server, origin):
    answer = send_raw(private_server, "OPTIONS", "/api/v1/drafts", headers=[
        ("Origin", fill(origin, private_server.port)),
        ("Access-Control-Request-Method", "POST"),
        ("Access-Control-Request-Headers", "content-type"),
    ])
    assert_problem(answer, 403)


def test_extension_origin_is_granted(private_server):
    preflight = send_raw(private_server, "OPTIONS", "/api/v1/drafts", headers=[
        ("Origin", EXTENSION_ORIGIN),
        ("Access-Control-Request-Method", "POST"),
        ("Access-Control-Request-Headers", "content-type"),
    ])
    assert preflight.status in (200, 204), preflight.describe()
    assert preflight.headers["Access-Control-Allow-Origin"] == EXTENSION_ORIGIN
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()
    answer = call(private_server, "POST", "/api/v1/drafts", DRAFT,
                  headers=[("Origin", EXTENSION_ORIGIN)])
    assert answer.status == 200, answer.describe()
    assert answer.headers["Access-Control-Allow-Origin"] == EXTENSION_ORIGIN


def test_request_without_origin_is_served_without_cors_grant(private_server):
    answer = call(private_server, "POST", "/api/v1/drafts", DRAFT)
    assert answer.status == 200, answer.describe()
    assert "Access-Control-Allow-Origin" not in answer.headers


@pytest.fixture(scope="module")
def openapi(private_server) -> dict[str, Any]:
    """The running server's OpenAPI document."""
    answer = send_raw(private_server, "GET", "/api/v1/openapi.json")
    assert answer.status == 200, answer.describe()
    return answer.json()


@pytest.fixture(scope="module")
def body_targets(private_server, openapi) -> list[tuple[str, str, dict[str, Any]]]:
    """Every operation that takes a JSON body, with a concrete path and a valid body."""
    targets = []
    for method, template, schema in body_operations(openapi):
        path = template
        if "{" in template:
            # a real resource to patch: create one in the collection above it
            collection = template[: template.index("/{")]
            creator = openapi["paths"][collection]["post"]
            creator_schema = creator["requestBody"]["content"]["application/json"]["schema"]
            created = call(private_server, "POST", collection, sample(openapi, creator_schema))
            assert created.status in (200, 201), created.describe()
            path = template[: template.index("{")] + str(created.json()["id"])
        targets.append((method, path, schema))
    assert targets, "the OpenAPI document lists no operation that takes a body"
    return targets


@pytest.mark.parametrize(("media_type", "body"), [
    ("text/plain", b'{"company": "Northwind"}'),
    ("text/plain;charset=UTF-8", b'{"company": "Northwind"}'),
    ("application/x-www-form-urlencoded", b"company=Northwind"),
    ("multipart/form-data; boundary=x",
     b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'),
    (None, b'{"company": "Northwind"}'),
])
def test_simple_request_bodies_are_refused(private_server, body_targets, media_type, body):
    for method, path, _ in body_targets:
        headers = [] if media_type is None else [("Content-Type", media_type)]
        answer = send_raw(private_server, method, path, headers=headers, body=body)
        assert_problem(answer, 415)


def test_body_over_the_limit_is_refused(private_server, body_targets):
    body = b'{"company": "' + b"a" * (LIMIT + 1 - 15) + b'"}'
    assert len(body) == LIMIT + 1
    for method, path, _ in body_targets:
        assert_problem(send_raw(private_server, method, path, headers=JSON, body=body), 413)


def test_huge_content_length_is_refused_without_waiting_for_the_body(private_server):
    # a server that waits for the announced gigabyte holds the connection and buffers it all
    answer = send_raw(private_server, "POST", "/api/v1/drafts",
                      headers=[*JSON, ("Content-Length", str(10**9))], body=b"{}", timeout=5)
    assert answer.status in (400, 413), answer.describe()
    # waitress may refuse it before the app sees the request, so its plain-text error is fine
    assert b"Traceback" not in answer.body, answer.describe()


def test_chunked_body_over_the_limit_is_refused(private_server):
    chunks = [b'{"company": "'] + [b"a" * 4096] * 20 + [b'"}']
    answer = send_raw(private_server, "POST", "/api/v1/drafts", headers=JSON,
                      body=chunks, chunked=True)
    assert_problem(answer, (400, 413))


def test_small_chunked_body_is_read(private_server):
    chunks = [b'{"company": ', b'"Northwind Traders"}']
    answer = send_raw(private_server, "POST", "/api/v1/drafts", headers=JSON,
                      body=chunks, chunked=True)
    assert answer.status == 200, answer.describe()
    assert "Northwind Traders" in answer.json()["body"]


def strings_in(value: Any) -> list[str]:
    """Every string anywhere in a JSON value, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in (key, *strings_in(item))]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


def inertness_faults(answer: Answer, payload: str) -> list[str]:
    """What, if anything, shows that a payload was evaluated, escaped or answered badly."""
    if answer.status >= 500:
        return [f"server error: {answer.describe()}"]
    if answer.content_type not in ("application/json", "application/problem+json"):
        return [f"not JSON: {answer.describe()}"]
    if answer.status >= 400 and answer.content_type != "application/problem+json":
        return [f"error without a problem document: {answer.describe()}"]
    faults = []
    for text in strings_in(answer.json()):
        faults += [f"{marker!r} in {text[:200]!r}" for marker in EVALUATED
                   if marker in text and marker not in payload]
        faults += [f"escaped {marker!r} in {text[:200]!r}" for marker in ESCAPED
                   if marker in text and marker not in payload]
    return faults


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_string_field_stays_inert(private_server, openapi, body_targets, payload):
    session, faults, tried = KeepAlive(private_server), [], 0
    try:
        for method, path, schema in body_targets:
            base = sample(openapi, schema)
            for field in free_text_paths(openapi, schema):
                answer = session.send(method, path, with_value(base, field, payload))
                tried += 1
                faults += [f"{method} {path} {dotted(field)}: {fault}"
                           for fault in inertness_faults(answer, payload)]
    finally:
        session.close()
    assert tried > 20, "too few string fields found to call this a sweep"
    assert faults == [], "\n".join(faults[:40])


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ["company", "role", "highlights"])
def test_payload_comes_out_of_a_draft_verbatim(private_server, payload, field):
    value = [payload] if field == "highlights" else payload
    answer = call(private_server, "POST", "/api/v1/drafts", {**DRAFT, field: value})
    assert answer.status == 200, answer.describe()
    assert inertness_faults(answer, payload) == []
    assert payload in answer.json()["body"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_stored_payload_stays_inert_in_a_reminder_draft(private_server, payload):
    # second order: the text is stored first and drafted from later
    context = {**DRAFT, "highlights": [payload], "role": payload}
    created = call(private_server, "POST", "/api/v1/reminders",
                   {"due": "2026-12-01", "context": context, "note": payload})
    assert created.status == 201, created.describe()
    draft = send_raw(private_server, "GET",
                     f"/api/v1/reminders/{created.json()['id']}/draft")
    assert draft.status == 200, draft.describe()
    assert inertness_faults(draft, payload) == []
    assert payload in draft.json()["body"]


# targets outside the built guide, reached by every spelling of ".." a server might decode
TRAVERSALS = [
    "/guide/../../../../../../../../etc/passwd",
    "/guide/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/guide/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/guide/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/guide/%252e%252e/%252e%252e/%252e%252e/%252e%252e/%252e%252e/etc/passwd",
    "/guide/..%252f..%252f..%252f..%252f..%252fetc%252fpasswd",
    "/guide/..\\..\\..\\..\\..\\..\\..\\etc\\passwd",
    "/guide/..%5c..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd",
    "/guide//etc/passwd",
    "/guide/%2fetc%2fpasswd",
    "/guide/....//....//....//....//....//....//etc/passwd",
    "/guide/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    "/guide/../../pyproject.toml",
    "/guide/../../../pyproject.toml",
    "/guide/../../../../pyproject.toml",
    "/guide/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
    "/guide/../../server/gracious/settings.py",
    "/guide/../../../server/gracious/settings.py",
    "/guide/index.html%00.py",
    "/guide/..;/..;/..;/etc/passwd",
    "/guide/./../guide/../../../../../../etc/passwd",
]
# what the files outside the build dir contain
FOREIGN_CONTENT = [b"root:", b"[build-system]", b"MAX_BODY_BYTES", b"platformdirs"]


def test_guide_is_served(private_server):
    answer = send_raw(private_server, "GET", "/guide/")
    assert answer.status == 200, answer.describe()
    assert answer.content_type == "text/html"


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_out_of_the_guide_is_refused(private_server, path):
    answer = send_raw(private_server, "GET", path)
    for _ in range(3):
        if answer.status not in (301, 302, 307, 308):
            break
        # merging slashes may redirect, but only to another path inside the guide
        target = urlsplit(answer.headers["Location"]).path
        assert target.startswith("/guide/") and ".." not in target, answer.describe()
        answer = send_raw(private_server, "GET", target)
    assert answer.status in (400, 403, 404), answer.describe()
    leaked = [marker for marker in FOREIGN_CONTENT if marker in answer.body]
    assert leaked == [], answer.describe()


@pytest.mark.parametrize("path", ["/api/v1/reminders", "/api/v1/profile", "/api/v1/history"])
@pytest.mark.parametrize("dest", ["script", "image", "style"])
def test_cross_site_embed_of_user_data_is_refused(private_server, path, dest):
    # <script src> and friends send no Origin; the browser's fetch metadata gives them away
    answer = send_raw(private_server, "GET", path, headers=[
        ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "no-cors"), ("Sec-Fetch-Dest", dest),
    ])
    assert_problem(answer, 403)
