"""Reminders that set themselves: the cadence of an interview, its zones and business days."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from tests.support import assert_problem

PANEL = {
    "company": "Fjordline Analytics", "role": "Senior Data Engineer",
    # thursday 3 december 2026, oslo (+01:00)
    "starts_at": "2026-12-03T14:00:00+01:00", "ends_at": "2026-12-03T16:00:00+01:00",
    "time_zone": "Europe/Oslo",
    "interviewers": [
        {"name": "Ingrid Solberg", "email": "ingrid@fjordline.no", "topics": ["the lakehouse"]},
        {"name": "Tomasz Nowak", "topics": ["streaming ingestion"]},
    ],
}


def create(client, **changes) -> dict:
    response = client.post("/api/v1/interviews", json={**PANEL, **changes})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def patch(client, interview: dict, **changes) -> dict:
    response = client.patch(f"/api/v1/interviews/{interview['id']}", json=changes)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def plan(interview: dict, *, open_only: bool = True) -> list[tuple[str, str, str]]:
    """(kind, due, note) of the interview's reminders, soonest first."""
    return [(r["kind"], r["due"], r["note"]) for r in interview["reminders"]
            if not (open_only and r["done"])]


@pytest.fixture
def server_in_los_angeles():
    """Run the test with the server's own clock in a zone far from the interview's."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/Los_Angeles"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_new_interview_sets_up_thanks_two_follow_ups_and_then_nothing(client):
    interview = create(client)
    assert plan(interview) == [
        ("thank-you", "2026-12-04T16:00:00+01:00", "Thank Ingrid Solberg"),
        ("thank-you", "2026-12-04T16:00:00+01:00", "Thank Tomasz Nowak"),
        # seven business days after thursday 3rd: monday 14th, then a week later
        ("follow-up", "2026-12-14T09:00:00+01:00",
         "Follow up with Ingrid Solberg at Fjordline Analytics"),
        ("follow-up", "2026-12-21T09:00:00+01:00",
         "Follow up with Ingrid Solberg at Fjordline Analytics"),
    ]
    listed = client.get("/api/v1/reminders").get_json()["reminders"]
    assert {r["interview_id"] for r in listed} == {interview["id"]}
    thanks = [r for r in listed if r["kind"] == "thank-you"]
    assert thanks[0]["context"]["recipient"] == {"name": "Ingrid Solberg"}
    assert thanks[0]["context"]["highlights"] == ["the lakehouse"]
    assert thanks[0]["context"]["thread"]["to"][0]["email"] == "ingrid@fjordline.no"


@pytest.mark.parametrize(
    ("decision_by", "first", "second"),
    [("2026-12-11", "2026-12-14", "2026-12-21"),   # friday: the monday after
     ("2026-12-12", "2026-12-14", "2026-12-21"),   # saturday: still monday
     ("2026-12-08", "2026-12-09", "2026-12-16"),   # tuesday: wednesday
     ("2026-12-01", "2026-12-04", "2026-12-11")],  # before the interview: not before the thanks
)
def test_the_first_follow_up_is_the_business_day_after_the_decision(
        client, decision_by, first, second):
    interview = create(client, decision_by=decision_by)
    follow = [due for kind, due, _ in plan(interview) if kind == "follow-up"]
    assert follow == [f"{first}T09:00:00+01:00", f"{second}T09:00:00+01:00"]


def test_days_are_counted_in_the_interviews_zone_not_the_servers(client, server_in_los_angeles):
    # monday 7 december, half past midnight in auckland, is still sunday in utc and in la
    interview = create(client, time_zone="Pacific/Auckland",
                       starts_at="2026-12-06T23:30:00+13:00", ends_at="2026-12-07T00:30:00+13:00")
    assert plan(interview)[0][1] == "2026-12-08T00:30:00+13:00"
    follow = [due for kind, due, _ in plan(interview) if kind == "follow-up"]
    # seven business days after monday 7th is wednesday 16th, 9 am in auckland
    assert follow == ["2026-12-16T09:00:00+13:00", "2026-12-23T09:00:00+13:00"]
    stored = client.get("/api/v1/reminders").get_json()["reminders"]
    follow_up = next(r for r in stored if r["kind"] == "follow-up")
    assert follow_up["due_at"] == "2026-12-15T20:00:00.000000Z"


def test_an_offset_without_a_zone_name_counts_days_at_that_offset(client):
    interview = create(client, time_zone=None, starts_at="2026-12-04T21:00:00-08:00",
                       ends_at="2026-12-04T22:30:00-08:00")
    # friday evening in california is saturday in utc; seven business days after friday 4th
    follow = [due for kind, due, _ in plan(interview) if kind == "follow-up"]
    assert follow[0] == "2026-12-15T09:00:00-08:00"


def test_follow_ups_keep_nine_oclock_across_a_summer_time_change(client):
    interview = create(client, starts_at="2027-03-24T10:00:00+01:00",
                       ends_at="2027-03-24T11:00:00+01:00")
    follow = [due for kind, due, _ in plan(interview) if kind == "follow-up"]
    # oslo moves to +02:00 on 28 march 2027
    assert follow == ["2027-04-02T09:00:00+02:00", "2027-04-09T09:00:00+02:00"]


def test_rejection_drops_the_follow_ups_and_offers_an_after_rejection_note(client):
    interview = create(client)
    before = dt.datetime.now(dt.UTC)
    rejected = patch(client, interview, outcome="rejected")
    kinds = [kind for kind, _, _ in plan(rejected)]
    assert kinds.count("follow-up") == 0 and kinds.count("after-rejection") == 1
    assert kinds.count("thank-you") == 2
    note = next(r for r in rejected["reminders"] if r["kind"] == "after-rejection")
    due = dt.datetime.fromisoformat(note["due"])
    assert before + dt.timedelta(hours=23) < due < before + dt.timedelta(hours=25)
    assert note["note"] == "Reply graciously to Ingrid Solberg"
    # changing something else later does not move the note or add another
    again = patch(client, rejected, role="Data Engineer")
    assert [r for r in again["reminders"] if r["kind"] == "after-rejection"] == [note]


def test_withdrawing_drops_every_open_reminder_but_keeps_what_was_done(client):
    interview = create(client)
    thanked = interview["reminders"][0]
    client.patch(f"/api/v1/reminders/{thanked['id']}", json={"done": True})
    withdrawn = patch(client, interview, outcome="withdrawn")
    assert plan(withdrawn) == []
    assert [r["id"] for r in withdrawn["reminders"]] == [thanked["id"]]
    assert withdrawn["reminders"][0]["done"] is True


def test_an_offer_drops_the_follow_ups(client):
    offer = patch(client, create(client), outcome="offer")
    assert [kind for kind, _, _ in plan(offer)] == ["thank-you", "thank-you"]


def test_next_round_waits_for_the_new_date_then_starts_its_cadence(client):
    interview = create(client)
    waiting = patch(client, interview, outcome="next-round")
    assert [kind for kind, _, _ in plan(waiting)] == ["thank-you", "thank-you"]
    assert waiting["round"] == 1
    # the same date again is not a new round
    assert plan(patch(client, waiting, ends_at=PANEL["ends_at"])) == plan(waiting)
    round_two = patch(client, waiting, starts_at="2026-12-10T10:00:00+01:00",
                      ends_at="2026-12-10T12:00:00+01:00",
                      interviewers=[{"name": "Kari Berg", "email": "kari@fjordline.no"}])
    assert round_two["round"] == 2 and round_two["outcome"] == "next-round"
    assert plan(round_two) == [
        # the first round's thank-yous are still owed
        ("thank-you", "2026-12-04T16:00:00+01:00", "Thank Ingrid Solberg"),
        ("thank-you", "2026-12-04T16:00:00+01:00", "Thank Tomasz Nowak"),
        ("thank-you", "2026-12-11T12:00:00+01:00", "Thank Kari Berg"),
        ("follow-up", "2026-12-21T09:00:00+01:00",
         "Follow up with Kari Berg at Fjordline Analytics"),
        ("follow-up", "2026-12-28T09:00:00+01:00",
         "Follow up with Kari Berg at Fjordline Analytics"),
    ]


def test_next_round_with_its_date_in_one_change_starts_the_round_at_once(client):
    interview = create(client)
    changed = patch(client, interview, outcome="next-round",
                    starts_at="2026-12-15T10:00:00+01:00", ends_at="2026-12-15T11:00:00+01:00")
    assert changed["round"] == 2
    assert [kind for kind, _, _ in plan(changed)].count("follow-up") == 2


def test_changes_move_open_reminders_and_never_redo_done_ones(client):
    interview = create(client)
    ingrid = interview["reminders"][0]
    client.patch(f"/api/v1/reminders/{ingrid['id']}", json={"done": True})
    moved = patch(client, interview, decision_by="2026-12-17",
                  interviewers=[*PANEL["interviewers"][1:], {"name": "Kari Berg"},
                                PANEL["interviewers"][0]])
    assert plan(moved) == [
        ("thank-you", "2026-12-04T16:00:00+01:00", "Thank Tomasz Nowak"),
        ("thank-you", "2026-12-04T16:00:00+01:00", "Thank Kari Berg"),
        ("follow-up", "2026-12-18T09:00:00+01:00",
         "Follow up with Tomasz Nowak at Fjordline Analytics"),
        ("follow-up", "2026-12-25T09:00:00+01:00",
         "Follow up with Tomasz Nowak at Fjordline Analytics"),
    ]
    done = [r for r in moved["reminders"] if r["done"]]
    assert [r["id"] for r in done] == [ingrid["id"]]
    dropped = patch(client, moved, interviewers=[PANEL["interviewers"][0]])
    assert [note for kind, _, note in plan(dropped) if kind == "thank-you"] == []


def test_the_cadence_defaults_live_in_the_profile(client):
    defaults = client.get("/api/v1/profile/cadence").get_json()
    assert defaults == {"thank_you_hours": 24, "follow_up_business_days": 7,
                        "second_follow_up_days": 7, "follow_up_time": "09:00",
                        "business_days": ["mon", "tue", "wed", "thu", "fri"]}
    mine = {"thank_you_hours": 4, "follow_up_business_days": 2, "second_follow_up_days": 0,
            "follow_up_time": "13:30", "business_days": ["mon", "tue", "wed", "thu"]}
    response = client.put("/api/v1/profile/cadence", json=mine)
    assert response.status_code == 200 and response.get_json() == mine
    # thursday 3rd, two business days on a monday-to-thursday week: tuesday 8th
    assert plan(create(client)) == [
        ("thank-you", "2026-12-03T20:00:00+01:00", "Thank Ingrid Solberg"),
        ("thank-you", "2026-12-03T20:00:00+01:00", "Thank Tomasz Nowak"),
        ("follow-up", "2026-12-08T13:30:00+01:00",
         "Follow up with Ingrid Solberg at Fjordline Analytics"),
    ]
    # the profile itself is untouched by the cadence, and the cadence by the profile
    client.put("/api/v1/profile", json={"name": "Alex"})
    assert client.get("/api/v1/profile/cadence").get_json() == mine


@pytest.mark.parametrize(
    ("cadence", "field"),
    [({"thank_you_hours": 0}, "thank_you_hours"), ({"follow_up_time": "9am"}, "follow_up_time"),
     ({"business_days": []}, "business_days"), ({"business_days": ["fri", "fri"]}, "business_days"),
     ({"business_days": ["someday"]}, "business_days[0]"), ({"weekends": True}, "weekends")],
)
def test_invalid_cadences_are_422(client, cadence, field):
    assert_problem(client.put("/api/v1/profile/cadence", json=cadence), 422, field)


def test_a_loop_without_names_still_gets_one_thank_you(client):
    interview = create(client, interviewers=[], company=None)
    assert plan(interview)[0][0::2] == ("thank-you", "Send your thank-you")
    assert plan(interview)[1][0::2] == ("follow-up", "Follow up")
