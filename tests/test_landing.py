"""The start page at `/`: status, version, pairing, next steps and the guide, as safe HTML."""

from __future__ import annotations

import pytest

from gracious import __version__
from gracious.app import create_app
from gracious.guide.serving import GUIDE_HEADERS
from gracious.pairing import read_token

NAVIGATE = {"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document", "Sec-Fetch-Site": "none"}


@pytest.fixture
def first_start(tmp_path):
    """An app with its own token in the data dir, as on a first start."""
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data"), "TOKEN": None})
    return app.test_client(), tmp_path / "data"


def test_the_start_page_says_what_to_do(client):
    response = client.get("/", headers=NAVIGATE)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    assert "Gracious is running" in text and __version__ in text
    for step in ("chrome://extensions", "Load unpacked", "about:debugging", "gracious token",
                 "gracious service install", 'href="/guide/"'):
        assert step in text, step
    assert "/extension</code>" in text


def test_the_start_page_has_the_guides_security_headers(client):
    response = client.get("/")
    for name, value in GUIDE_HEADERS.items():
        assert response.headers[name] == value
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/start/connect.js").status_code == 200


def test_a_foreign_host_is_refused(client):
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 403


def test_the_code_is_offered_to_a_person_before_pairing(first_start):
    client, data_dir = first_start
    text = client.get("/", headers=NAVIGATE).get_data(as_text=True)
    assert "No extension is paired" in text
    token = read_token(data_dir)
    assert f'data-pairing-code="{token}"' in text
    assert 'data-testid="landing-connect"' in text


@pytest.mark.parametrize("headers", [
    {}, {"Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty"},
    {"Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "iframe"},
    {"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "iframe"},
])
def test_the_code_is_not_offered_to_scripts_or_frames(first_start, headers):
    client, data_dir = first_start
    client.get("/api/v1/health")
    text = client.get("/", headers=headers).get_data(as_text=True)
    token = read_token(data_dir)
    assert token is None or token not in text
    assert "gracious token" in text


def test_once_paired_the_page_says_so_and_hides_the_code(first_start):
    client, data_dir = first_start
    client.get("/", headers=NAVIGATE)
    token = read_token(data_dir)
    assert client.get("/api/v1/profile",
                      headers={"Authorization": f"Bearer {token}"}).status_code == 200
    text = client.get("/", headers=NAVIGATE).get_data(as_text=True)
    assert "An extension is paired" in text
    assert token not in text
    # a restarted server remembers it, and a rotated code unpairs
    again = create_app({"TESTING": True, "DATA_DIR": str(data_dir), "TOKEN": None}).test_client()
    assert "An extension is paired" in again.get("/").get_data(as_text=True)
