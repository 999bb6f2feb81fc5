"""/api/v1/profile: defaults until saved, then exactly what was saved."""

from __future__ import annotations

import pytest

from gracious.app import create_app
from gracious.cli import main
from tests.support import TEST_TOKEN, assert_problem, authorize

DEFAULTS = {"name": "", "signature": "", "tone": "warm", "kind": "thank-you", "email": ""}



def test_defaults_until_saved(client):
    response = client.get("/api/v1/profile")
    assert response.status_code == 200 and response.get_json() == DEFAULTS


def test_put_stores_and_returns_the_profile(client):
    profile = {"name": "Zoë Ångström", "signature": "Zoë Ångström\n+46 70 000 00 00",
               "tone": "concise", "kind": "informational", "email": "zoe@example.org"}
    response = client.put("/api/v1/profile", json=profile)
    assert response.status_code == 200 and response.get_json() == profile
    assert client.get("/api/v1/profile").get_json() == profile


def test_put_replaces_fields_left_out_with_defaults(client):
    client.put("/api/v1/profile", json={"name": "Sam", "tone": "formal"})
    response = client.put("/api/v1/profile", json={"name": "  Sam Lee  "})
    assert response.get_json() == {**DEFAULTS, "name": "Sam Lee"}


@pytest.mark.parametrize(
    ("profile", "field"),
    [({"tone": "loud"}, "tone"), ({"kind": "apology"}, "kind"), ({"name": "n" * 201}, "name"),
     ({"signature": "s" * 1001}, "signature"), ({"name": 42}, "name"), ({"email": "x"}, "email")],
)
def test_invalid_profiles_are_422_and_change_nothing(client, profile, field):
    client.put("/api/v1/profile", json={"name": "Sam"})
    assert_problem(client.put("/api/v1/profile", json=profile), 422, field)
    assert client.get("/api/v1/profile").get_json()["name"] == "Sam"


@pytest.mark.parametrize(
    ("profile", "field"),
    [({"name": "\u00a0" + "n" * 200}, "name"), ({"name": " " * 201}, "name"),
     ({"signature": "\n" + "s" * 1000}, "signature")],
)
def test_length_limits_count_the_whitespace_sent(client, profile, field):
    # the schema's maxLength is for the text as sent; stripping first let longer names in
    client.put("/api/v1/profile", json={"name": "Sam"})
    assert_problem(client.put("/api/v1/profile", json=profile), 422, field)
    assert client.get("/api/v1/profile").get_json()["name"] == "Sam"


def test_a_name_at_the_limit_is_stored_stripped(client):
    response = client.put("/api/v1/profile", json={"name": "\u00a0" + "n" * 199})
    assert response.status_code == 200 and response.get_json()["name"] == "n" * 199


def test_enum_errors_list_the_allowed_values(client):
    body = assert_problem(client.put("/api/v1/profile", json={"tone": "loud"}), 422, "tone")
    assert body["errors"][0]["allowed"] == ["warm", "formal", "concise"]


def test_bad_bodies_400_415_and_wrong_method_405(client):
    assert_problem(client.put("/api/v1/profile", data="{", content_type="application/json"), 400)
    assert_problem(client.put("/api/v1/profile", data="name=x", content_type="text/plain"), 415)
    assert_problem(client.post("/api/v1/profile", json={}), 405)
    assert_problem(client.put("/api/v1/profile", json=["a"]), 422)


def test_other_origins_cannot_read_the_profile(client):
    response = client.get("/api/v1/profile", headers={"Origin": "https://evil.example"})
    assert_problem(response, 403)
    assert "Access-Control-Allow-Origin" not in response.headers


def test_the_cli_export_sees_what_the_api_saved(client, app, capsys):
    client.put("/api/v1/profile", json={"name": "Priya", "tone": "formal"})
    assert main(["export", "--data-dir", app.config["DATA_DIR"]]) == 0
    assert '"name": "Priya"' in capsys.readouterr().out


def test_an_unusable_data_dir_is_a_503_not_a_500(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    client = authorize(create_app({"TESTING": True, "DATA_DIR": str(blocker),
                                   "TOKEN": TEST_TOKEN}).test_client())
    body = assert_problem(client.get("/api/v1/profile"), 503)
    assert "data dir" in body["detail"] and "Traceback" not in body["detail"]
