"""/api/v1/reminders: every status code, the due filter and the follow-up draft."""

from __future__ import annotations

import datetime as dt

import pytest

from gracious.extension_id import EXTENSION_ID
from tests.support import assert_problem

CONTEXT = {
    "recipient": {"name": "Priya Raman"},
    "company": "Northwind Traders",
    "role": "Senior Data Analyst",
    "interview": {"date": "2026-11-20", "format": "video"},
    "highlights": ["your plan to move reporting to dbt"],
    "thread": {"subject": "Interview for Senior Data Analyst",
               "from": {"name": "Priya Raman", "email": "priya@northwind-traders.com"}},
}



def create(client, **fields):
    """Create a reminder and return the response."""
    return client.post("/api/v1/reminders", json={"due": "2030-01-15", **fields})


def test_create_returns_201_with_the_reminder_and_its_location(client):
    response = create(client, context=CONTEXT, note="ask about the dbt timeline")
    assert response.status_code == 201
    reminder = response.get_json()
    assert reminder["id"] >= 1 and reminder["done"] is False
    assert reminder["kind"] == "follow-up" and reminder["due"] == "2030-01-15"
    assert reminder["context"]["company"] == "Northwind Traders"
    assert reminder["context"]["thread"]["from"]["name"] == "Priya Raman"
    assert reminder["note"] == "ask about the dbt timeline"
    assert response.headers["Location"] == f"/api/v1/reminders/{reminder['id']}"
    assert client.get(response.headers["Location"]).get_json() == reminder


def test_due_defaults_to_a_week_ahead(client):
    response = client.post("/api/v1/reminders", json={})
    assert response.status_code == 201
    assert response.get_json()["due"] == (dt.date.today() + dt.timedelta(days=7)).isoformat()


def test_list_sorts_by_due_and_filters_due_now(client):
    later = create(client, due="2999-01-01").get_json()
    overdue = create(client, due="2020-05-05T09:00:00Z").get_json()
    done = create(client, due="2020-01-01").get_json()
    client.patch(f"/api/v1/reminders/{done['id']}", json={"done": True})
    listed = client.get("/api/v1/reminders").get_json()["reminders"]
    assert [r["id"] for r in listed] == [overdue["id"], later["id"], done["id"]]
    due = client.get("/api/v1/reminders?due=1").get_json()["reminders"]
    assert [r["id"] for r in due] == [overdue["id"]]
    assert len(client.get("/api/v1/reminders?due=0").get_json()["reminders"]) == 3


def test_patch_changes_done_due_and_note(client):
    reminder = create(client, note="first").get_json()
    response = client.patch(f"/api/v1/reminders/{reminder['id']}",
                            json={"done": True, "due": "2031-02-03T10:00:00+01:00",
                                  "note": "sent ✓"})
    assert response.status_code == 200
    changed = response.get_json()
    assert changed["done"] is True and changed["note"] == "sent ✓"
    assert changed["due"] == "2031-02-03T10:00:00+01:00"
    assert changed["due_at"] == "2031-02-03T09:00:00.000000Z"
    assert client.get(f"/api/v1/reminders/{reminder['id']}").get_json() == changed


def test_delete_returns_204_then_404(client):
    reminder = create(client).get_json()
    response = client.delete(f"/api/v1/reminders/{reminder['id']}")
    assert response.status_code == 204 and response.data == b""
    assert_problem(client.delete(f"/api/v1/reminders/{reminder['id']}"), 404)
    assert client.get("/api/v1/reminders").get_json() == {"reminders": []}


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
@pytest.mark.parametrize("reminder_id", ["999", str(2**64), "0"])
def test_missing_ids_are_404(client, method, reminder_id):
    response = getattr(client, method)(f"/api/v1/reminders/{reminder_id}",
                                       json={"done": True} if method == "patch" else None)
    assert f"no reminder {reminder_id}" in assert_problem(response, 404)["detail"]


@pytest.mark.parametrize(
    "due", ["2026-02-30", "next week", "2026-12-01T25:00", 20261201, None, "", "12/01/2026"]
)
def test_bad_dates_are_422_naming_due(client, due):
    assert_problem(client.post("/api/v1/reminders", json={"due": due}), 422, "due")
    reminder = create(client).get_json()
    if due is not None:  # null in a patch means "leave it as it is"
        assert_problem(client.patch(f"/api/v1/reminders/{reminder['id']}", json={"due": due}),
                       422, "due")


@pytest.mark.parametrize("due", [
    "0001-01-01", "0001-01-01T00:00:00", "0001-01-01T00:00:00+14:00",
    "9999-12-31", "9999-12-31T23:59:59", "9999-12-31T23:59:59-12:00",
])
def test_dates_at_the_ends_of_the_calendar_are_422_naming_due(client, due):
    # these once crashed the conversion to utc with a 500
    body = assert_problem(client.post("/api/v1/reminders", json={"due": due}), 422, "due")
    assert "1900 to 9998" in str(body["errors"])
    reminder = create(client).get_json()
    assert_problem(client.patch(f"/api/v1/reminders/{reminder['id']}", json={"due": due}),
                   422, "due")
    assert client.get(f"/api/v1/reminders/{reminder['id']}").get_json()["due"] == "2030-01-15"


@pytest.mark.parametrize("due", ["1900-01-01", "9998-12-31T23:59:59-12:00"])
def test_dates_at_the_ends_of_the_supported_years_are_stored(client, due):
    created = client.post("/api/v1/reminders", json={"due": due})
    assert created.status_code == 201 and created.get_json()["due"] == due
    patched = client.patch(f"/api/v1/reminders/{created.get_json()['id']}", json={"due": due})
    assert patched.status_code == 200 and patched.get_json()["due"] == due


@pytest.mark.parametrize(
    ("body", "field"),
    [({"kind": "nag"}, "kind"), ({"note": "x" * 1001}, "note"), ({"colour": "red"}, "colour"),
     ({"context": {"company": "x" * 201}}, "context.company"),
     ({"context": {"highlights": ["a", "b", "c", "d"]}}, "context.highlights")],
)
def test_bad_fields_are_422_naming_them(client, body, field):
    assert_problem(create(client, **body), 422, field)


def test_unknown_kind_lists_the_allowed_values(client):
    body = assert_problem(create(client, kind="nag"), 422, "kind")
    assert "follow-up" in body["errors"][0]["allowed"]


@pytest.mark.parametrize("done", ["yes", 1, "true"])
def test_done_must_be_a_boolean(client, done):
    reminder = create(client).get_json()
    assert_problem(client.patch(f"/api/v1/reminders/{reminder['id']}", json={"done": done}),
                   422, "done")


def test_bad_query_is_422(client):
    assert_problem(client.get("/api/v1/reminders?due=maybe"), 422, "due")


def test_malformed_json_400_and_wrong_content_type_415(client):
    assert_problem(client.post("/api/v1/reminders", data="{", content_type="application/json"),
                   400)
    assert_problem(client.post("/api/v1/reminders", data="due=2030-01-01",
                               content_type="application/x-www-form-urlencoded"), 415)


def test_wrong_method_is_405_and_oversized_body_413(client):
    assert_problem(client.put("/api/v1/reminders", json={}), 405)
    assert_problem(create(client, note="x" * 70_000), 413)


def test_other_origins_are_refused_and_the_extension_admitted(client):
    evil = client.post("/api/v1/reminders", json={}, headers={"Origin": "https://evil.example"})
    assert_problem(evil, 403)
    assert "Access-Control-Allow-Origin" not in evil.headers
    ours = client.post("/api/v1/reminders", json={},
                       headers={"Origin": f"chrome-extension://{EXTENSION_ID}"})
    assert ours.status_code == 201
    rebinding = client.get("/api/v1/reminders", headers={"Host": "evil.example"})
    assert_problem(rebinding, 403)


def test_follow_up_draft_from_the_stored_context(client):
    client.put("/api/v1/profile", json={"name": "Sam Lee", "tone": "formal"})
    reminder = create(client, context=CONTEXT).get_json()
    response = client.get(f"/api/v1/reminders/{reminder['id']}/draft")
    assert response.status_code == 200
    draft = response.get_json()
    assert draft["kind"] == "follow-up" and draft["tone"] == "formal"
    assert "Senior Data Analyst" in draft["subject"] + draft["body"]
    assert "Sam Lee" in draft["body"]
    linkedin = client.get(f"/api/v1/reminders/{reminder['id']}/draft?channel=linkedin-message")
    assert linkedin.get_json()["subject"] is None
    assert_problem(client.get(f"/api/v1/reminders/{reminder['id']}/draft?channel=fax"), 422,
                   "channel")
    assert_problem(client.get("/api/v1/reminders/424242/draft"), 404)


def test_reminder_routes_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert set(paths["/api/v1/reminders"]) == {"get", "post"}
    assert set(paths["/api/v1/reminders/{reminder_id}"]) == {"get", "patch", "delete"}
    assert "get" in paths["/api/v1/reminders/{reminder_id}/draft"]


@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
def test_the_extension_may_preflight_changes(client, method):
    origin = f"chrome-extension://{EXTENSION_ID}"
    response = client.options("/api/v1/reminders/1", headers={
        "Origin": origin, "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "Content-Type"})
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert method in response.headers["Access-Control-Allow-Methods"]
