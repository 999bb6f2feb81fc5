"""GET /api/v1/agenda: overdue, today and this week, in the user's own day."""

from __future__ import annotations

from urllib.parse import quote

from gracious.guide_links import GUIDE_LINKS
from tests.support import assert_problem

PANEL = {
    "company": "Fjordline Analytics", "role": "Senior Data Engineer",
    # thursday 3 december 2026, oslo: thanks due friday 4th 16:00 (15:00 utc)
    "starts_at": "2026-12-03T14:00:00+01:00", "ends_at": "2026-12-03T16:00:00+01:00",
    "time_zone": "Europe/Oslo",
    "interviewers": [
        {"name": "Ingrid Solberg", "email": "ingrid@fjordline.no", "topics": ["the lakehouse"]},
        {"name": "Tomasz Nowak"},
    ],
}


def agenda(client, at: str, tz: str | None = None) -> dict:
    query = f"?at={quote(at)}" + (f"&tz={quote(tz)}" if tz else "")
    response = client.get(f"/api/v1/agenda{query}")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def summary(items: list[dict]) -> list[tuple[str, str | None]]:
    return [(item["kind"], (item["interviewer"] or {}).get("name")) for item in items]


def test_the_thank_yous_are_due_today_and_the_follow_ups_wait(client):
    interview = client.post("/api/v1/interviews", json=PANEL).get_json()
    day = agenda(client, "2026-12-04T08:00:00+01:00", "Europe/Oslo")
    assert day["overdue"] == []
    assert summary(day["today"]) == [("thank-you", "Ingrid Solberg"), ("thank-you", "Tomasz Nowak")]
    first = day["today"][0]
    assert first["interview"] == {"id": interview["id"], "company": "Fjordline Analytics",
                                  "role": "Senior Data Engineer",
                                  "starts_at": PANEL["starts_at"], "outcome": "waiting"}
    assert first["interviewer"]["email"] == "ingrid@fjordline.no"
    assert first["guide"] == GUIDE_LINKS["one-note-each"]
    # the first follow-up (monday 14th) is beyond this week
    assert day["this_week"] == []


def test_items_move_from_this_week_to_today_to_overdue(client):
    client.post("/api/v1/interviews", json=PANEL)
    monday = agenda(client, "2026-12-08T10:00:00+01:00", "Europe/Oslo")
    assert summary(monday["overdue"]) == [("thank-you", "Ingrid Solberg"),
                                          ("thank-you", "Tomasz Nowak")]
    assert summary(monday["this_week"]) == [("follow-up", "Ingrid Solberg")]
    assert monday["this_week"][0]["guide"] == GUIDE_LINKS["cadence"]
    on_the_day = agenda(client, "2026-12-14T07:00:00+01:00", "Europe/Oslo")
    assert summary(on_the_day["today"]) == [("follow-up", "Ingrid Solberg")]
    assert summary(on_the_day["this_week"]) == []


def test_today_is_the_users_day_not_the_interviews(client):
    client.post("/api/v1/interviews", json=PANEL)
    # 15:00 utc on friday is 07:00 in los angeles: still today there, and not yet overdue
    early = agenda(client, "2026-12-04T06:00:00-08:00", "America/Los_Angeles")
    assert summary(early["today"])[0] == ("thank-you", "Ingrid Solberg")
    # in auckland 15:00 utc friday is 04:00 saturday: the thank-yous fell due "tomorrow"
    kiwi = agenda(client, "2026-12-04T23:00:00+13:00", "Pacific/Auckland")
    assert kiwi["today"] == [] and len(kiwi["this_week"]) == 2


def test_done_reminders_and_dropped_cadences_leave_the_agenda(client):
    interview = client.post("/api/v1/interviews", json=PANEL).get_json()
    ingrid = interview["reminders"][0]
    client.patch(f"/api/v1/reminders/{ingrid['id']}", json={"done": True})
    day = agenda(client, "2026-12-04T08:00:00+01:00", "Europe/Oslo")
    assert summary(day["today"]) == [("thank-you", "Tomasz Nowak")]
    client.patch(f"/api/v1/interviews/{interview['id']}", json={"outcome": "withdrawn"})
    day = agenda(client, "2026-12-04T08:00:00+01:00", "Europe/Oslo")
    assert day["overdue"] == day["today"] == day["this_week"] == []


def test_hand_made_reminders_appear_with_their_recipient(client):
    client.post("/api/v1/reminders", json={"due": "2026-12-05T09:00:00+01:00",
                                           "context": {"recipient": {"name": "Sam Lee"}}})
    day = agenda(client, "2026-12-04T08:00:00+01:00", "Europe/Oslo")
    assert summary(day["this_week"]) == [("follow-up", "Sam Lee")]
    assert day["this_week"][0]["interview"] is None


def test_bad_zones_and_instants_are_422(client):
    assert_problem(client.get("/api/v1/agenda?tz=Mars/Base"), 422, "tz")
    assert_problem(client.get("/api/v1/agenda?at=tomorrow"), 422, "at")
    assert client.get("/api/v1/agenda").status_code == 200
