"""POST /api/v1/sent: a sent note marks its history entry sent and its reminder done."""

from __future__ import annotations

from tests.support import assert_problem

PANEL = {
    "company": "Fjordline Analytics", "starts_at": "2026-12-03T14:00:00+01:00",
    "ends_at": "2026-12-03T16:00:00+01:00",
    "interviewers": [{"name": "Ingrid Solberg"}, {"name": "Tomasz Nowak"}],
}


def inserted(client, body: str, site: str = "gmail") -> dict:
    return client.post("/api/v1/history", json={"body": body, "site": site}).get_json()


def test_the_named_reminder_is_done_and_the_entry_records_sent(client):
    interview = client.post("/api/v1/interviews", json=PANEL).get_json()
    tomasz = interview["reminders"][1]
    entry = inserted(client, "Hi Tomasz, thank you.")
    answer = client.post("/api/v1/sent", json={"body": "Hi Tomasz, thank you.", "site": "gmail",
                                               "reminder_id": tomasz["id"]})
    assert answer.status_code == 200
    data = answer.get_json()
    assert data["history"]["id"] == entry["id"] and data["history"]["sent"]
    assert data["history"]["reminder_id"] == tomasz["id"]
    assert data["reminder"]["done"] is True
    reminders = client.get(f"/api/v1/interviews/{interview['id']}").get_json()["reminders"]
    assert [r["done"] for r in reminders if r["kind"] == "thank-you"] == [False, True]
    # only an unsent entry is marked: sending the same text again marks nothing more
    again = client.post("/api/v1/sent", json={"body": "Hi Tomasz, thank you.", "site": "gmail"})
    assert again.get_json() == {"history": None, "reminder": None}


def test_without_an_id_the_soonest_open_reminder_for_the_recipient_is_done(client):
    interview = client.post("/api/v1/interviews", json=PANEL).get_json()
    inserted(client, "Hi Ingrid")
    data = client.post("/api/v1/sent", json={"body": "Hi Ingrid", "recipient": "ingrid solberg",
                                             "kind": "thank-you"}).get_json()
    assert data["reminder"]["id"] == interview["reminders"][0]["id"]
    assert data["history"]["sent"]


def test_a_note_for_no_one_known_marks_only_the_history(client):
    inserted(client, "Hello there", site="outlook")
    data = client.post("/api/v1/sent", json={"body": "Hello there", "recipient": "Nobody"})
    assert data.get_json()["reminder"] is None and data.get_json()["history"]["site"] == "outlook"


def test_errors_are_problems(client):
    assert_problem(client.post("/api/v1/sent", json={"body": "x", "reminder_id": 99}), 409,
                  "reminder_id")
    assert_problem(client.post("/api/v1/sent", json={"body": ""}), 422, "body")
    assert_problem(client.post("/api/v1/sent", json={"body": "x", "kind": "apology"}), 422, "kind")
