"""Edge-of-range dates in every date field get a clear answer, never a 500."""

from __future__ import annotations

import pytest

from .openapi_bodies import body_operations, date_paths, dotted, sample, with_value
from .raw_http import KeepAlive

# the ends of python's date range, with the zones that push them past it when converted
EXTREME_WHEN = [
    "0001-01-01",
    "9999-12-31",
    "0001-01-01T00:00:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59",
    "9999-12-31T23:59:59-12:00",
    "1970-01-01T00:00:00Z",
    "2026-02-29",
]


@pytest.fixture(scope="module")
def date_fields(private_server):
    """Every (method, path, base body, field) that takes a date, with a real resource to patch."""
    session = KeepAlive(private_server)
    spec = session.send("GET", "/api/v1/openapi.json").json()
    fields = []
    for method, template, schema in body_operations(spec):
        path = template
        if "{" in template:
            collection = template[: template.index("/{")]
            creator = spec["paths"][collection]["post"]["requestBody"]["content"]
            created = session.send("POST", collection,
                                   sample(spec, creator["application/json"]["schema"]))
            assert created.status == 201, created.describe()
            path = template[: template.index("{")] + str(created.json()["id"])
        fields += [(method, path, sample(spec, schema), field)
                   for field in date_paths(spec, schema)]
    session.close()
    assert len(fields) >= 3, "too few date fields found to call this a sweep"
    return fields


@pytest.mark.parametrize("when", EXTREME_WHEN)
def test_extreme_dates_get_a_clear_answer(private_server, date_fields, when):
    session, faults = KeepAlive(private_server), []
    try:
        for method, path, base, field in date_fields:
            answer = session.send(method, path, with_value(base, field, when))
            if answer.status >= 500 or (
                answer.status >= 400 and answer.content_type != "application/problem+json"
            ):
                faults.append(f"{method} {path} {dotted(field)}={when!r}: {answer.describe()}")
    finally:
        session.close()
    assert faults == [], "\n".join(faults)
