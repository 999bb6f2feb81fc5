"""Schemathesis against the running server, from its own OpenAPI document, with every check on."""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import ChecksConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance

from gracious.app import create_app

from .raw_http import send_raw
from .servers import FULL

# the fast slice fuzzes a few cases per operation; `make test-all` (GRACIOUS_FULL=1) adds the
# coverage phase's ~1,500 boundary, negative and wrong-method cases and fuzzes far longer
MAX_EXAMPLES = 150 if FULL else 10
# schemathesis' defaults for rejected bad input, plus 413: a body over the 64 KiB cap is
# refused before it is validated, which is the documented answer for it
# uploads whose content the schema cannot describe (an .ics file is one string): schema-valid
# text that is not a calendar is refused with a 422 saying why, by design
CONTENT_CHECKED = {"POST /api/v1/interviews/import"}
REJECTIONS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]


def openapi_document() -> dict:
    """The OpenAPI document, read in-process so the tests can be generated at collection time."""
    # schemathesis' lazy fixture loader breaks on pytest 9 (it reads Function._nodeid), so the
    # document is read here and every case is sent to the running server below
    with tempfile.TemporaryDirectory() as data_dir:
        app = create_app({"TESTING": True, "DATA_DIR": data_dir})
        return app.test_client().get("/api/v1/openapi.json").get_json()


DOCUMENT = openapi_document()
schema = schemathesis.openapi.from_dict(DOCUMENT)
schema.config.generation.update(max_examples=MAX_EXAMPLES)
schema.config.phases.coverage.enabled = FULL
schema.config.checks = ChecksConfig.from_dict(
    {"negative_data_rejection": {"expected-statuses": REJECTIONS}})


# the running server's pairing code, learnt once it has started
PAIRING_CODE: dict[str, str | None] = {"value": None}


@schema.auth()
class PairingCode:
    """Send the server's pairing code, except in the cases that test leaving it out."""

    def get(self, case, context):
        """The code of the server under test."""
        return PAIRING_CODE["value"]

    def set(self, case, data, context):
        """Put the code in the Authorization header."""
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


def test_running_server_publishes_the_same_document(private_server):
    answer = send_raw(private_server, "GET", "/api/v1/openapi.json")
    assert answer.status == 200, answer.describe()
    assert answer.json() == DOCUMENT


@pytest.fixture(scope="module")
def paired(private_server) -> None:
    """Let the auth provider know the running server's pairing code before cases are made."""
    PAIRING_CODE["value"] = private_server.token


@pytest.fixture(scope="module")
def sent_cases() -> Iterator[Counter]:
    """Count the cases sent per operation, and print the totals when the module is done."""
    counts: Counter = Counter()
    yield counts
    print(f"\nschemathesis: {sum(counts.values())} cases over {len(counts)} operations, "
          f"{'full run' if FULL else 'fast slice'}")


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
          derandomize=not FULL)
def test_every_operation_conforms(case, private_server, paired, sent_cases):
    sent_cases[case.operation.label] += 1
    # no checks named: call_and_validate runs every built-in check, negative-data ones included
    excluded = [positive_data_acceptance] if case.operation.label in CONTENT_CHECKED else []
    case.call_and_validate(base_url=private_server.url, excluded_checks=excluded)


def test_document_covers_every_api_route():
    # schemathesis tests what the document lists, so every route must be listed
    with tempfile.TemporaryDirectory() as data_dir:
        app = create_app({"TESTING": True, "DATA_DIR": data_dir})
    routed = {
        (method, re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule))
        for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(method.upper(), path) for path, item in DOCUMENT["paths"].items()
                  for method in item if method in {"get", "post", "put", "patch", "delete"}}
    assert routed == documented
