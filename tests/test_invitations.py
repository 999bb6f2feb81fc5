"""Calendar invitations: real Google, Outlook/Exchange and Apple shapes become interviews."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gracious.cli import main
from tests.support import assert_problem

INVITATIONS = Path(__file__).parent / "invitations"


def ics(name: str) -> str:
    return (INVITATIONS / name).read_text(encoding="utf-8")


def upload(client, text: str):
    return client.post("/api/v1/interviews/import", json={"ics": text})


@pytest.fixture
def me(client):
    """The user's profile, whose address must never be taken for an interviewer."""
    client.put("/api/v1/profile", json={"name": "Alex Rivera", "email": "Alex.Rivera@gmail.com"})


def names(interview: dict) -> list[str]:
    return [person["name"] for person in interview["interviewers"]]


def test_a_google_calendar_panel_invitation(client, me):
    response = upload(client, ics("google-panel.ics"))
    assert response.status_code == 201, response.get_json()
    interview = response.get_json()
    assert response.headers["Location"] == f"/api/v1/interviews/{interview['id']}"
    assert interview["starts_at"] == "2026-12-03T14:00:00+01:00"
    assert interview["ends_at"] == "2026-12-03T16:00:00+01:00"
    assert interview["time_zone"] == "Europe/Oslo"
    # the organiser first, then the panel; not the user, not the meeting room
    assert names(interview) == ["Kari Berg", "Ingrid Solberg", "Tomasz Nowak"]
    assert interview["interviewers"][1]["email"] == "ingrid.solberg@fjordline.no"
    assert interview["format"] == "video"
    assert interview["role"] == "Senior Data Engineer"
    assert interview["company"].startswith("Fjordline")
    thanks = [r["note"] for r in interview["reminders"] if r["kind"] == "thank-you"]
    assert thanks == ["Thank Kari Berg", "Thank Ingrid Solberg", "Thank Tomasz Nowak"]


def test_an_outlook_exchange_teams_invitation_with_a_windows_zone(client):
    client.put("/api/v1/profile", json={"name": "Alex Rivera"})
    interview = upload(client, ics("outlook-teams.ics")).get_json()
    assert interview["time_zone"] == "America/New_York"
    assert interview["starts_at"] == "2026-12-08T10:30:00-05:00"
    assert interview["ends_at"] == "2026-12-08T11:30:00-05:00"
    # no email in the profile: the user is known by name; the conference room is a resource
    assert names(interview) == ["Dana Whitfield", "Priya Raman", "Marcus O'Brien"]
    assert interview["format"] == "video"
    assert interview["company"] == "Northwind Traders"
    assert interview["role"] == "Senior Data Analyst"


def test_an_apple_calendar_onsite_invitation(client, me):
    client.put("/api/v1/profile", json={"email": "alex@rivera.example"})
    interview = upload(client, ics("apple-onsite.ics")).get_json()
    assert interview["time_zone"] == "America/Los_Angeles"
    assert interview["starts_at"] == "2026-12-11T09:30:00-08:00"
    # the organiser is also an attendee: once; an urn:uuid attendee keeps their EMAIL
    assert interview["interviewers"] == [
        {"name": "Mei Chen", "email": "mei@acme-robotics.com"},
        {"name": "Oluwaseun Adeyemi", "email": "seun@acme-robotics.com"},
    ]
    assert interview["format"] == "onsite"
    assert interview["role"] == "Product Designer"


def minimal(event: str, calendar: str = "") -> str:
    """A calendar around one event's lines."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Zoom Video Communications//EN",
             *filter(None, calendar.split("\n")), "BEGIN:VEVENT", "UID:zoom-1@zoom.us",
             "DTSTAMP:20261201T120000Z", *event.strip().split("\n"), "END:VEVENT",
             "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


ZOOM = """DTSTART:20261204T170000Z
DURATION:PT45M
SUMMARY:Interview with Globex for Staff Engineer
ORGANIZER;CN=Sam Lee:mailto:sam.lee@globex.com
ATTENDEE;CUTYPE=ROOM;CN=Zoom Room 3:mailto:zoomroom3@globex.com
ATTENDEE;CUTYPE=GROUP;CN=Engineering Hiring:mailto:eng-hiring@globex.com
ATTENDEE;CN=alex.rivera@gmail.com:mailto:alex.rivera@gmail.com
ATTENDEE:mailto:jordan.kim@globex.com
ATTENDEE:mailto:jk2@globex.com
DESCRIPTION:Join Zoom Meeting\\nhttps://us02web.zoom.us/j/81234567890?pwd=abc"""


def test_utc_times_a_duration_and_a_zoom_link(client, me):
    interview = upload(client, minimal(ZOOM)).get_json()
    assert interview["time_zone"] is None
    assert interview["format"] == "video"
    # a first.last address gives a name; "jk2" would be a guess, so it is left out
    assert names(interview) == ["Sam Lee", "Jordan Kim"]
    starts = interview["starts_at"]
    ends = interview["ends_at"]
    assert dt.datetime.fromisoformat(starts) == dt.datetime(2026, 12, 4, 17, tzinfo=dt.UTC)
    assert dt.datetime.fromisoformat(ends) - dt.datetime.fromisoformat(starts) == dt.timedelta(
        minutes=45)


def test_a_phone_screen_and_an_unknown_format(client):
    phone = upload(client, minimal("DTSTART:20261204T170000Z\nSUMMARY:Phone screen\n"
                                   "LOCATION:tel:+15550100")).get_json()
    assert phone["format"] == "phone"
    unknown = upload(client, minimal("DTSTART:20261204T170000Z\nSUMMARY:Chat")).get_json()
    assert unknown["format"] is None and unknown["interviewers"] == []


def test_the_series_is_taken_over_one_moved_date(client):
    text = minimal("DTSTART;TZID=Europe/Berlin:20261210T090000\nSUMMARY:Moved\n"
                   "RECURRENCE-ID;TZID=Europe/Berlin:20261209T090000\nEND:VEVENT\n"
                   "BEGIN:VEVENT\nUID:zoom-1@zoom.us\nDTSTAMP:20261201T120000Z\n"
                   "DTSTART;TZID=Europe/Berlin:20261209T090000\n"
                   "DTEND;TZID=Europe/Berlin:20261209T100000\nSUMMARY:Series")
    interview = upload(client, text).get_json()
    assert interview["starts_at"] == "2026-12-09T09:00:00+01:00"
    assert interview["time_zone"] == "Europe/Berlin"


@pytest.mark.parametrize(
    ("text", "says"),
    [("hello, this is not a calendar", "not a calendar"),
     ('{"ics": "nested"}', "not a calendar"),
     ("BEGIN:VEVENT\r\nSUMMARY:alone\r\nEND:VEVENT\r\n", "not a calendar"),
     ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no event"),
     (minimal("DTSTART;VALUE=DATE:20261204\nSUMMARY:All day"), "all-day"),
     (minimal("SUMMARY:No start"), "no start"),
     (minimal("DTSTART:20261204T170000Z\nSTATUS:CANCELLED"), "cancelled"),
     (minimal("DTSTART:20261204T170000Z", "METHOD:CANCEL"), "cancels"),
     (minimal("DTSTART:20261204T170000Z\nDTEND:20261204T160000Z"), "ends before"),
     (minimal("DTSTART:garbage"), "start"),
     ("   ", "empty")],
)
def test_what_is_not_an_invitation_gets_a_422_saying_why(client, text, says):
    body = assert_problem(upload(client, text), 422, "ics")
    assert says in body["detail"].lower(), body["detail"]
    assert client.get("/api/v1/interviews").get_json() == {"interviews": []}


def test_a_missing_or_wrong_body_is_422(client):
    assert_problem(client.post("/api/v1/interviews/import", json={}), 422, "ics")
    assert_problem(client.post("/api/v1/interviews/import", json={"ics": 7}), 422, "ics")


def test_the_terminal_imports_an_invitation(app, client, capsys, me):
    data_dir = app.config["DATA_DIR"]
    code = main(["interviews", "import", str(INVITATIONS / "google-panel.ics"),
                 "--data-dir", data_dir])
    assert code == 0
    out, err = capsys.readouterr()
    printed = json.loads(out)
    assert names(printed) == ["Kari Berg", "Ingrid Solberg", "Tomasz Nowak"]
    assert "Recorded interview" in err
    assert client.get(f"/api/v1/interviews/{printed['id']}").get_json() == printed


def test_the_terminal_refuses_a_file_that_is_not_a_calendar(app, tmp_path, capsys):
    wrong = tmp_path / "notes.txt"
    wrong.write_text("Buy milk", encoding="utf-8")
    code = main(["interviews", "import", str(wrong), "--data-dir", app.config["DATA_DIR"]])
    assert code == 1
    err = capsys.readouterr().err
    assert "not a calendar" in err and "Traceback" not in err
    assert main(["interviews", "import", str(tmp_path / "absent.ics"),
                 "--data-dir", app.config["DATA_DIR"]]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_an_all_hands_invitation_keeps_the_organiser_and_the_first_of_the_rest(client):
    crowd = "\n".join(f"ATTENDEE;CN=Person {n:02d}:mailto:person.{n:02d}x@globex.com"
                       for n in range(40))
    event = f"DTSTART:20261204T170000Z\nORGANIZER;CN=Sam Lee:mailto:sam.lee@globex.com\n{crowd}"
    interview = upload(client, minimal(event)).get_json()
    assert len(interview["interviewers"]) == 20
    assert names(interview)[:2] == ["Sam Lee", "Person 00"]
