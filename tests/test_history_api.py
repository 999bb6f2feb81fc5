"""/api/v1/history: inserted drafts are kept, listed newest first and deleted on request."""

from __future__ import annotations

import pytest

from tests.support import assert_problem

ENTRY = {
    "kind": "thank-you", "channel": "email", "tone": "warm",
    "subject": "Thank you, Zoë", "body": "Hi Zoë,\n\nThank you for today.\n\nSam",
    "context": {"recipient": {"name": "Zoë O'Brien"}, "company": "Procter & Gamble"},
    "site": "gmail",
}



def record(client, **fields):
    """Record an insertion and return the response."""
    return client.post("/api/v1/history", json={**ENTRY, **fields})


def test_record_returns_201_with_the_entry_and_its_location(client):
    response = record(client)
    assert response.status_code == 201
    entry = response.get_json()
    assert {key: entry[key] for key in ENTRY} == ENTRY
    assert entry["id"] >= 1 and entry["created"].endswith("Z")
    assert response.headers["Location"] == f"/api/v1/history/{entry['id']}"
    assert client.get(response.headers["Location"]).get_json() == entry


def test_only_the_body_is_required(client):
    response = client.post("/api/v1/history", json={"body": "Hello,\n\nThank you."})
    assert response.status_code == 201
    entry = response.get_json()
    assert (entry["kind"], entry["channel"], entry["subject"], entry["site"]) == (
        "thank-you", "email", None, None)


def test_list_is_newest_first_with_a_total_and_limit(client):
    ids = [record(client, body=f"note {n}").get_json()["id"] for n in range(4)]
    listed = client.get("/api/v1/history").get_json()
    assert [e["id"] for e in listed["history"]] == ids[::-1] and listed["total"] == 4
    limited = client.get("/api/v1/history?limit=2").get_json()
    assert [e["id"] for e in limited["history"]] == ids[:1:-1] and limited["total"] == 4


@pytest.mark.parametrize("limit", ["0", "1001", "ten", "-1"])
def test_bad_limit_is_422(client, limit):
    assert_problem(client.get(f"/api/v1/history?limit={limit}"), 422, "limit")


def test_delete_one_then_404(client):
    keep = record(client).get_json()
    drop = record(client).get_json()
    assert client.delete(f"/api/v1/history/{drop['id']}").status_code == 204
    assert_problem(client.delete(f"/api/v1/history/{drop['id']}"), 404)
    assert_problem(client.get(f"/api/v1/history/{drop['id']}"), 404)
    assert [e["id"] for e in client.get("/api/v1/history").get_json()["history"]] == [keep["id"]]


def test_delete_all_is_204_even_when_empty(client):
    record(client)
    record(client)
    assert client.delete("/api/v1/history").status_code == 204
    assert client.get("/api/v1/history").get_json() == {"history": [], "total": 0}
    assert client.delete("/api/v1/history").status_code == 204


@pytest.mark.parametrize("entry_id", ["424242", str(2**63), "0"])
def test_missing_ids_are_404(client, entry_id):
    assert_problem(client.get(f"/api/v1/history/{entry_id}"), 404)
    assert_problem(client.delete(f"/api/v1/history/{entry_id}"), 404)


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"body": ""}, "body"), ({"body": None}, "body"), ({"kind": "thanks"}, "kind"),
     ({"channel": "sms"}, "channel"), ({"tone": "angry"}, "tone"),
     ({"subject": "s" * 501}, "subject"), ({"site": "s" * 201}, "site"),
     ({"context": {"recipient": {"name": 7}}}, "context.recipient.name"),
     ({"inserted": True}, "inserted")],
)
def test_bad_fields_are_422_naming_them(client, fields, field):
    assert_problem(record(client, **fields), 422, field)


def test_missing_body_is_422(client):
    assert_problem(client.post("/api/v1/history", json={"kind": "thank-you"}), 422, "body")


def test_malformed_json_400_wrong_type_415_method_405_size_413(client):
    assert_problem(client.post("/api/v1/history", data="[1,", content_type="application/json"),
                   400)
    assert_problem(client.post("/api/v1/history", data="hi", content_type="text/plain"), 415)
    assert_problem(client.patch("/api/v1/history", json={}), 405)
    assert_problem(record(client, body="x" * 70_000), 413)


def test_other_origins_are_refused(client):
    response = client.delete("/api/v1/history", headers={"Origin": "https://jobs.example"})
    assert_problem(response, 403)
    assert client.get("/api/v1/history").status_code == 200


def test_history_routes_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert set(paths["/api/v1/history"]) == {"get", "post", "delete"}
    assert set(paths["/api/v1/history/{entry_id}"]) == {"get", "delete"}
