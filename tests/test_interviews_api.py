"""/api/v1/interviews: every status code, the outcome filter, export, import and forget."""

from __future__ import annotations

import json

import pytest

from gracious.cli import main
from tests.support import assert_problem

PANEL = {
    "company": "Fjordline Analytics",
    "role": "Senior Data Engineer",
    "format": "video",
    "starts_at": "2026-12-03T14:00:00+01:00",
    "ends_at": "2026-12-03T16:00:00+01:00",
    "time_zone": "Europe/Oslo",
    "decision_by": "2026-12-11",
    "interviewers": [
        {"name": "Ingrid Solberg", "email": "ingrid.solberg@fjordline.no", "title": "Dr.",
         "topics": ["the lakehouse migration", "how on-call rotates"]},
        {"name": "Tomasz Nowak", "topics": ["streaming ingestion with Kafka"]},
    ],
}


def create(client, **changes):
    """Create an interview and return the response."""
    return client.post("/api/v1/interviews", json={**PANEL, **changes})


def test_create_returns_201_with_the_interview_and_its_location(client):
    response = create(client)
    assert response.status_code == 201
    interview = response.get_json()
    assert response.headers["Location"] == f"/api/v1/interviews/{interview['id']}"
    assert interview["outcome"] == "waiting" and interview["round"] == 1
    assert interview["starts_at"] == "2026-12-03T14:00:00+01:00"
    assert interview["decision_by"] == "2026-12-11"
    assert interview["interviewers"][0]["topics"] == PANEL["interviewers"][0]["topics"]
    assert interview["interviewers"][1] == {"name": "Tomasz Nowak",
                                            "topics": ["streaming ingestion with Kafka"]}
    assert client.get(response.headers["Location"]).get_json() == interview


def test_list_filters_by_outcome_and_sorts_by_start(client):
    later = create(client, starts_at="2027-01-05T10:00:00Z", ends_at="2027-01-05T11:00:00Z")
    sooner = create(client, starts_at="2026-11-30T08:00:00-05:00",
                    ends_at="2026-11-30T09:00:00-05:00")
    rejected = create(client, outcome="rejected")
    ids = [i["id"] for i in client.get("/api/v1/interviews").get_json()["interviews"]]
    assert ids == [sooner.get_json()["id"], rejected.get_json()["id"], later.get_json()["id"]]
    only = client.get("/api/v1/interviews?outcome=rejected").get_json()["interviews"]
    assert [i["id"] for i in only] == [rejected.get_json()["id"]]
    assert_problem(client.get("/api/v1/interviews?outcome=ghosted"), 422, "outcome")


def test_patch_changes_fields_and_null_clears_an_optional_one(client):
    interview = create(client).get_json()
    response = client.patch(f"/api/v1/interviews/{interview['id']}",
                            json={"role": "Staff Data Engineer", "decision_by": None})
    assert response.status_code == 200
    changed = response.get_json()
    assert changed["role"] == "Staff Data Engineer" and changed["decision_by"] is None
    assert changed["company"] == PANEL["company"]
    assert client.get(f"/api/v1/interviews/{interview['id']}").get_json() == changed


def test_delete_returns_204_then_404_and_takes_the_reminders_along(client):
    interview = create(client).get_json()
    assert interview["reminders"]
    response = client.delete(f"/api/v1/interviews/{interview['id']}")
    assert response.status_code == 204 and response.data == b""
    assert_problem(client.delete(f"/api/v1/interviews/{interview['id']}"), 404)
    assert_problem(client.get(f"/api/v1/interviews/{interview['id']}"), 404)
    assert_problem(client.patch(f"/api/v1/interviews/{interview['id']}", json={}), 404)
    reminders = client.get("/api/v1/reminders").get_json()["reminders"]
    assert not [r for r in reminders if r["interview_id"] == interview["id"]]


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"starts_at": "2026-12-03T14:00:00"}, "starts_at"),
     ({"ends_at": 1764770400}, "ends_at"),
     ({"decision_by": "next week"}, "decision_by"),
     ({"outcome": "ghosted"}, "outcome"),
     ({"format": "carrier-pigeon"}, "format"),
     ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
     ({"interviewers": [{"name": "  "}]}, "interviewers[0].name"),
     ({"interviewers": [{"name": "Ingrid", "topics": ["t" * 301]}]}, "interviewers[0].topics[0]"),
     ({"interviewers": [{"name": "Ingrid", "shoe_size": 42}]}, "interviewers[0].shoe_size"),
     ({"salary": 100}, "salary")],
)
def test_invalid_interviews_are_422_naming_the_field(client, changes, field):
    assert_problem(create(client, **changes), 422, field)
    assert client.get("/api/v1/interviews").get_json() == {"interviews": []}


def test_an_end_before_the_start_is_a_409_naming_the_end(client):
    body = assert_problem(create(client, ends_at="2026-12-03T13:59:00+01:00"), 409, "ends_at")
    assert "before" in body["detail"]
    interview = create(client).get_json()
    path = f"/api/v1/interviews/{interview['id']}"
    assert_problem(client.patch(path, json={"starts_at": "2026-12-03T17:00:00+01:00"}), 409,
                   "ends_at")
    assert client.get(path).get_json() == interview


def test_missing_times_are_422(client):
    body = {key: value for key, value in PANEL.items() if key != "starts_at"}
    assert_problem(client.post("/api/v1/interviews", json=body), 422, "starts_at")


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"starts_at": None}, "starts_at"), ({"interviewers": None}, "interviewers"),
     ({"outcome": None}, "outcome"), ({"outcome": "maybe"}, "outcome")],
)
def test_invalid_changes_are_422_and_change_nothing(client, changes, field):
    interview = create(client).get_json()
    path = f"/api/v1/interviews/{interview['id']}"
    assert_problem(client.patch(path, json=changes), 422, field)
    assert client.get(path).get_json() == interview


def test_the_openapi_document_describes_the_interview_routes(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert set(paths["/api/v1/interviews"]) == {"get", "post"}
    assert set(paths["/api/v1/interviews/{interview_id}"]) == {"get", "patch", "delete"}
    assert "422" in paths["/api/v1/interviews"]["post"]["responses"]
    assert set(paths["/api/v1/profile/cadence"]) == {"get", "put"}


def run_cli(capsys, *args) -> str:
    """Run the CLI and return what it printed."""
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_export_import_and_forget_include_interviews(app, client, capsys, tmp_path, monkeypatch):
    data_dir = app.config["DATA_DIR"]
    interview = create(client).get_json()
    client.put("/api/v1/profile/cadence", json={"thank_you_hours": 12})
    document = json.loads(run_cli(capsys, "export", "--data-dir", data_dir))
    assert [i["id"] for i in document["interviews"]] == [interview["id"]]
    assert document["cadence"]["thank_you_hours"] == 12
    linked = [r for r in document["reminders"] if r["interview_id"] == interview["id"]]
    assert len(linked) == len(interview["reminders"])

    assert main(["forget", "--yes", "--data-dir", data_dir]) == 0
    assert "1 interview" in capsys.readouterr().err
    assert client.get("/api/v1/interviews").get_json() == {"interviews": []}

    saved = tmp_path / "export.json"
    saved.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", "--yes", "--data-dir", data_dir, str(saved)]) == 0
    assert client.get(f"/api/v1/interviews/{interview['id']}").get_json() == interview
    assert client.get("/api/v1/profile/cadence").get_json()["thank_you_hours"] == 12


def test_an_export_whose_reminder_points_at_a_missing_interview_is_refused(
        app, client, capsys, tmp_path):
    data_dir = app.config["DATA_DIR"]
    create(client)
    document = json.loads(run_cli(capsys, "export", "--data-dir", data_dir))
    document["interviews"] = []
    saved = tmp_path / "export.json"
    saved.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", "--yes", "--data-dir", data_dir, str(saved)]) == 1
    assert "interview" in capsys.readouterr().err
    assert len(client.get("/api/v1/interviews").get_json()["interviews"]) == 1


def test_an_export_from_before_interviews_still_imports(app, client, capsys, tmp_path):
    data_dir = app.config["DATA_DIR"]
    document = json.loads(run_cli(capsys, "export", "--data-dir", data_dir))
    for later in ("interviews", "cadence"):
        del document[later]
    del document["profile"]["email"]
    saved = tmp_path / "old.json"
    saved.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", "--yes", "--data-dir", data_dir, str(saved)]) == 0
