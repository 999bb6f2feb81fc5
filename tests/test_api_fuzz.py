"""Random JSON at every endpoint that takes a body never yields a 5xx."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gracious.api.spec import OPERATIONS
from gracious.app import create_app
from tests.support import TEST_TOKEN, authorize

PATH_VARIABLE = re.compile(r"<[^>]+>")
BODY_OPERATIONS = [op for op in OPERATIONS if op.body is not None]

scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=40)
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


def field_names(model) -> list[str]:
    """Every top-level field name and alias of a model."""
    names = set()
    for name, info in model.model_fields.items():
        names.update({name, info.alias or name})
    return sorted(names)


def near_valid_bodies(model):
    """Objects whose keys are the model's real fields, with random values."""
    # nested models' keys too, so nested objects get exercised
    names = [*field_names(model), "name", "title", "date", "format", "text", "from", "to",
             "email", "subject", "signature"]
    nested = st.dictionaries(st.sampled_from(names), json_values, max_size=5)
    return st.dictionaries(st.sampled_from(names), json_values | nested, max_size=8)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path_factory.mktemp("fuzz")),
                      "TOKEN": TEST_TOKEN})
    return authorize(app.test_client())


def assert_answered(response):
    """A fuzzed request gets a success or a well-formed client error, never a 5xx."""
    assert response.status_code < 500, response.get_data(as_text=True)
    if response.status_code >= 400:
        assert response.mimetype == "application/problem+json"
        problem = response.get_json(force=True)
        assert problem["status"] == response.status_code
        assert problem["detail"]
    else:
        assert response.mimetype == "application/json"


def test_there_are_operations_to_fuzz():
    assert {op.rule for op in BODY_OPERATIONS} >= {"/drafts", "/extract"}


@pytest.mark.parametrize("op", BODY_OPERATIONS, ids=lambda op: f"{op.method} {op.rule}")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_json_never_yields_a_5xx(client, op, data):
    body = data.draw(json_values | near_valid_bodies(op.body), label="body")
    # a path variable gets an id that may or may not exist: 404 is a fine answer too
    path = "/api/v1" + PATH_VARIABLE.sub("1", op.rule)
    response = client.open(path, method=op.method, data=json.dumps(body),
                           content_type="application/json")
    assert_answered(response)


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=200))
def test_random_bytes_never_yield_a_5xx(client, raw):
    response = client.post("/api/v1/drafts", data=raw, content_type="application/json")
    assert_answered(response)
    assert response.status_code in {200, 400, 422}
