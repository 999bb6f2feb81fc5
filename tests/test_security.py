"""Who may talk to the server: Host names, Origins, CORS, the token and hardening headers."""

from __future__ import annotations

import pytest

from gracious.app import create_app
from gracious.extension_id import EXTENSION_ID
from gracious.settings import default_settings
from tests.support import PROBLEM_JSON

EXTENSION = f"chrome-extension://{EXTENSION_ID}"
FIREFOX = "moz-extension://0b6f3c39-5a7e-4c56-9d0e-3f1b6f0a2c11"


def assert_refused(response, status=403):
    """A refusal is a problem document that grants no cross-origin access."""
    assert response.status_code == status
    assert response.mimetype == PROBLEM_JSON
    assert response.get_json(force=True)["status"] == status
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Allow-Methods" not in response.headers


def preflight(client, path, origin, method="POST"):
    """Send the OPTIONS request a browser sends before a JSON POST."""
    return client.options(path, headers={
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "content-type",
    })


# host: the dns-rebinding defence


@pytest.mark.parametrize("host", [
    "localhost", "localhost:8787", "LOCALHOST:8787", "LocalHost",
    "127.0.0.1", "127.0.0.1:8787", "[::1]", "[::1]:8787",
])
def test_loopback_host_is_served(client, host):
    assert client.get("/api/v1/health", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", [
    "", "evil.com", "evil.com:8787", "localhost.evil.com", "localhost.evil.com:8787",
    "127.0.0.1.nip.io", "127.0.0.1.nip.io:8787", "LOCALHOST.EVIL.COM", "evil-localhost",
    "127.0.0.2", "0.0.0.0:8787", "[::1].evil.com", "localhost:8787.evil.com",
    "127.0.0.1:8787@evil.com", "localhost:port", "192.168.1.20:8787", "localhost.",
])
def test_other_host_is_403(client, host):
    response = client.get("/api/v1/health", headers={"Host": host})
    assert_refused(response)
    assert "Host" in response.get_json(force=True)["detail"]


def test_other_host_is_refused_before_the_body_is_read(client):
    response = client.post("/api/v1/drafts", data="{}", content_type="application/json",
                           headers={"Host": "attacker.example"})
    assert_refused(response)


def test_other_host_is_refused_on_every_path(client):
    assert_refused(client.get("/guide/", headers={"Host": "attacker.example"}))


# origin and cors


@pytest.mark.parametrize("origin", [EXTENSION, FIREFOX, FIREFOX.upper().replace("MOZ-", "moz-")])
def test_extension_preflight_is_granted(client, origin):
    response = preflight(client, "/api/v1/drafts", origin)
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "content-type" in response.headers["Access-Control-Allow-Headers"].lower()
    assert "Origin" in response.headers["Vary"]


def test_extension_request_gets_cors_header(client):
    response = client.get("/api/v1/health", headers={"Origin": EXTENSION})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == EXTENSION
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_extension_post_gets_cors_header(client):
    response = client.post("/api/v1/drafts", json={}, headers={"Origin": EXTENSION})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == EXTENSION


def test_extension_gets_cors_header_on_errors_too(client):
    # the extension must be able to read the problem document to show it
    response = client.post("/api/v1/drafts", json={"kind": "x"}, headers={"Origin": EXTENSION})
    assert response.status_code == 422
    assert response.headers["Access-Control-Allow-Origin"] == EXTENSION


def test_request_without_origin_is_served(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


HOSTILE_ORIGINS = [
    "https://evil.example",
    "http://evil.example",
    "https://mail.google.com",
    "http://localhost:3000",
    "http://127.0.0.1",
    "http://127.0.0.1:9999",
    "null",
    "",
    "file://",
    "chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    f"{EXTENSION}.evil.example",
    f"{EXTENSION}x",
    f"https://{EXTENSION_ID}",
    f"chrome-extension://{EXTENSION_ID.upper()}x",
    "moz-extension://not-a-uuid",
    f"{FIREFOX}.evil.example",
    f"{FIREFOX}/",
    "safari-web-extension://0B6F3C39-5A7E-4C56-9D0E-3F1B6F0A2C11",
]


@pytest.mark.parametrize("origin", HOSTILE_ORIGINS)
def test_hostile_origin_preflight_is_403_without_cors(client, origin):
    assert_refused(preflight(client, "/api/v1/drafts", origin))


@pytest.mark.parametrize("origin", HOSTILE_ORIGINS)
def test_hostile_origin_request_is_403_without_cors(client, origin):
    assert_refused(client.get("/api/v1/health", headers={"Origin": origin}))
    assert_refused(client.post("/api/v1/drafts", json={}, headers={"Origin": origin}))


def test_hostile_origin_gets_no_draft_even_as_a_simple_request(client):
    # text/plain is what a page can send without a preflight
    response = client.post("/api/v1/drafts", data='{"kind": "thank-you"}',
                           content_type="text/plain", headers={"Origin": "https://evil.example"})
    assert_refused(response)


@pytest.mark.parametrize(("site", "mode", "dest"), [
    ("cross-site", "no-cors", "image"),
    ("cross-site", "no-cors", "script"),
    ("same-site", "no-cors", "script"),
    ("cross-site", "cors", "empty"),
])
def test_cross_site_embed_without_origin_is_403(client, site, mode, dest):
    headers = {"Sec-Fetch-Site": site, "Sec-Fetch-Mode": mode, "Sec-Fetch-Dest": dest}
    assert_refused(client.get("/api/v1/health", headers=headers))


@pytest.mark.parametrize(("site", "mode"), [
    ("none", "navigate"), ("cross-site", "navigate"), ("same-origin", "no-cors"),
    ("same-origin", "cors"),
])
def test_navigation_and_same_origin_fetches_are_served(client, site, mode):
    headers = {"Sec-Fetch-Site": site, "Sec-Fetch-Mode": mode}
    assert client.get("/api/v1/health", headers=headers).status_code == 200


def test_same_origin_guide_page_is_served(client):
    headers = {"Host": "127.0.0.1:8787", "Origin": "http://127.0.0.1:8787"}
    assert client.get("/api/v1/health", headers=headers).status_code == 200


def test_configured_origin_is_admitted(tmp_path):
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path),
                      "ALLOWED_ORIGINS": ["http://localhost:5173", "http://[::1]:3000"]})
    client = app.test_client()
    for origin in ("http://localhost:5173", "http://[::1]:3000"):
        response = preflight(client, "/api/v1/drafts", origin)
        assert response.status_code == 200
        assert response.headers["Access-Control-Allow-Origin"] == origin
    # a listed origin is matched literally, never as a pattern
    assert_refused(preflight(client, "/api/v1/drafts", "http://localhost:51735"))
    assert_refused(preflight(client, "/api/v1/drafts", "http://[::1]:30000"))


def test_allowed_origins_come_from_the_environment():
    settings = default_settings({"GRACIOUS_ALLOWED_ORIGINS": " http://a.test , http://b.test/,,"})
    assert settings["ALLOWED_ORIGINS"] == ["http://a.test", "http://b.test"]
    assert default_settings({})["ALLOWED_ORIGINS"] == []


# the pairing token: tests/test_pairing.py


# hardening headers


@pytest.mark.parametrize(("method", "path", "status"), [
    ("get", "/api/v1/health", 200),
    ("get", "/api/v1/missing", 404),
    ("post", "/api/v1/drafts", 415),
])
def test_api_responses_carry_hardening_headers(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Origin" in response.headers["Vary"]


def test_refusals_carry_hardening_headers(client):
    response = client.get("/api/v1/health", headers={"Host": "evil.com"})
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Origin" in response.headers["Vary"]


def test_api_never_answers_with_html(client):
    for response in (client.get("/api/v1/health"), client.get("/api/v1/missing"),
                     client.post("/api/v1/drafts", json={"kind": "<b>x</b>"})):
        assert "html" not in response.mimetype
