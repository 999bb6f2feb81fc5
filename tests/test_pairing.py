"""Pairing: every data route needs the per-install token; health and the API document stay open."""

from __future__ import annotations

import stat

import pytest

from gracious.app import create_app
from gracious.pairing import MIN_TOKEN_LENGTH, read_token, rotate_token, token_path
from tests.support import TEST_AUTH, TEST_TOKEN, assert_problem

FIREFOX = "moz-extension://6f0c8e5e-1c1a-4d55-8c3a-2b9e1f3d7a10"
DATA_ROUTES = [("GET", "/api/v1/profile"), ("GET", "/api/v1/kinds"), ("GET", "/api/v1/reminders"),
               ("GET", "/api/v1/history"), ("POST", "/api/v1/drafts"), ("POST", "/api/v1/check")]


def send(client, method, path, **headers):
    """Send a request with a JSON body for the routes that take one."""
    body = {"/api/v1/drafts": {},
            "/api/v1/check": {"text": "Thank you.", "channel": "email"}}.get(path)
    return client.open(path, method=method, json=body, headers=headers)


def bearer(token: str) -> dict[str, str]:
    """The Authorization header for a token."""
    return {"Authorization": f"Bearer {token}"}


def assert_unpaired(response, wrong: bool = False) -> dict:
    """A 401 problem document that says how to pair."""
    body = assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "gracious token" in body["detail"]
    assert "options page" in body["detail"]
    assert ("does not match" in body["detail"]) is wrong
    return body


@pytest.mark.parametrize(("method", "path"), DATA_ROUTES)
def test_no_token_is_refused(unpaired_client, method, path):
    assert_unpaired(send(unpaired_client, method, path))


@pytest.mark.parametrize("authorization", [
    "Bearer wrong", f"Bearer {TEST_TOKEN[:-1]}", f"Bearer {TEST_TOKEN}x", f"Basic {TEST_TOKEN}",
    TEST_TOKEN, f"Token {TEST_TOKEN}", "Bearer",
])
@pytest.mark.parametrize(("method", "path"), DATA_ROUTES[:1] + DATA_ROUTES[4:5])
def test_wrong_token_is_refused(unpaired_client, method, path, authorization):
    response = send(unpaired_client, method, path, Authorization=authorization)
    assert_unpaired(response, wrong=True)


@pytest.mark.parametrize(("method", "path"), DATA_ROUTES)
def test_right_token_is_served(unpaired_client, method, path):
    assert send(unpaired_client, method, path, **TEST_AUTH).status_code == 200


def test_the_scheme_is_case_insensitive(unpaired_client):
    response = unpaired_client.get("/api/v1/profile",
                                   headers={"Authorization": f"bearer {TEST_TOKEN}"})
    assert response.status_code == 200


def test_an_unknown_firefox_origin_without_the_token_is_refused(unpaired_client):
    # any moz-extension origin may be any extension: the origin alone admits nothing
    response = unpaired_client.post("/api/v1/drafts", json={}, headers={"Origin": FIREFOX})
    assert_unpaired(response)
    answer = unpaired_client.get("/api/v1/profile", headers={"Origin": FIREFOX, **TEST_AUTH})
    assert answer.status_code == 200


def test_a_preflight_needs_no_token(unpaired_client):
    # browsers never send credentials on a preflight; the request after it needs them
    response = unpaired_client.options("/api/v1/drafts", headers={
        "Origin": FIREFOX, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert response.status_code == 200
    assert "authorization" in response.headers["Access-Control-Allow-Headers"].lower()


def test_a_hostile_origin_is_refused_even_with_the_token(client):
    response = client.get("/api/v1/profile", headers={"Origin": "https://evil.example"})
    assert_problem(response, 403)


@pytest.mark.parametrize("path", ["/api/v1/health", "/api/v1/openapi.json"])
def test_health_and_the_api_document_are_open(unpaired_client, path):
    assert unpaired_client.get(path).status_code == 200


def test_health_says_whether_the_caller_is_paired(unpaired_client):
    assert unpaired_client.get("/api/v1/health").get_json()["paired"] is False
    wrong = {"Authorization": "Bearer not-the-code"}
    assert unpaired_client.get("/api/v1/health", headers=wrong).get_json()["paired"] is False
    assert unpaired_client.get("/api/v1/health", headers=TEST_AUTH).get_json()["paired"] is True


def test_openapi_declares_the_bearer_scheme(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["components"]["securitySchemes"]["bearer"] == {
        **document["components"]["securitySchemes"]["bearer"], "type": "http", "scheme": "bearer"}
    assert document["security"] == [{"bearer": []}]
    assert document["paths"]["/api/v1/health"]["get"]["security"] == [{}, {"bearer": []}]
    profile = document["paths"]["/api/v1/profile"]["get"]
    assert "security" not in profile and "401" in profile["responses"]
    assert "401" not in document["paths"]["/api/v1/health"]["get"]["responses"]


# the token kept in the data dir


@pytest.fixture
def file_app(tmp_path):
    """An app with no GRACIOUS_TOKEN, so it uses (and creates) the data dir's own token."""
    return create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data"), "TOKEN": None})


def test_the_first_request_creates_a_private_token(file_app, tmp_path):
    client = file_app.test_client()
    assert_unpaired(client.get("/api/v1/profile"))
    path = token_path(tmp_path / "data")
    token = read_token(tmp_path / "data")
    assert token is not None and len(token) >= MIN_TOKEN_LENGTH
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    response = client.get("/api/v1/profile", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_each_install_gets_its_own_token(tmp_path):
    assert rotate_token(tmp_path / "a") != rotate_token(tmp_path / "b")


def test_a_rotated_token_replaces_the_old_one_at_once(file_app, tmp_path):
    client = file_app.test_client()
    old = rotate_token(tmp_path / "data")
    assert client.get("/api/v1/profile", headers=bearer(old)).status_code == 200
    new = rotate_token(tmp_path / "data")
    assert_unpaired(client.get("/api/v1/profile", headers=bearer(old)), wrong=True)
    assert client.get("/api/v1/profile", headers=bearer(new)).status_code == 200


def test_gracious_token_overrides_the_file(tmp_path):
    rotate_token(tmp_path)
    stored = read_token(tmp_path)
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "TOKEN": TEST_TOKEN})
    client = app.test_client()
    assert client.get("/api/v1/profile", headers=TEST_AUTH).status_code == 200
    assert_unpaired(client.get("/api/v1/profile", headers={"Authorization": f"Bearer {stored}"}),
                    wrong=True)


@pytest.mark.parametrize("token", ["a", "s3cret-token", "x" * (MIN_TOKEN_LENGTH - 1)])
def test_a_short_configured_token_is_refused_at_start(tmp_path, token):
    with pytest.raises(ValueError, match=f"at least {MIN_TOKEN_LENGTH} characters"):
        create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "TOKEN": token})


def test_an_unwritable_data_dir_is_a_503_not_a_500(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    client = create_app({"TESTING": True, "DATA_DIR": str(blocker), "TOKEN": None}).test_client()
    body = assert_problem(client.get("/api/v1/profile"), 503)
    assert "pairing code" in body["detail"]


# remote access, which only the token guards


def test_remote_access_without_a_token_is_refused_at_start(tmp_path):
    with pytest.raises(ValueError, match="token"):
        create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "ALLOW_REMOTE": True,
                    "TOKEN": None})


def test_remote_access_serves_the_machine_name_with_the_token(tmp_path):
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path), "ALLOW_REMOTE": True,
                      "TOKEN": TEST_TOKEN})
    client = app.test_client()
    headers = {"Host": "192.168.1.20:8787"}
    assert_problem(client.get("/api/v1/profile", headers=headers), 401)
    assert client.get("/api/v1/profile", headers={**headers, **TEST_AUTH}).status_code == 200


# a real server


def test_a_live_server_needs_its_own_token(live_server):
    import http.client

    assert live_server.token and len(live_server.token) >= MIN_TOKEN_LENGTH
    assert stat.S_IMODE(token_path(live_server.data_dir).stat().st_mode) == 0o600
    for headers, status in [({}, 401), ({"Authorization": "Bearer nope"}, 401),
                            ({"Origin": FIREFOX}, 401), (live_server.auth_headers, 200)]:
        connection = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=10)
        connection.request("GET", "/api/v1/profile", headers=headers)
        response = connection.getresponse()
        response.read()
        connection.close()
        assert response.status == status, headers
