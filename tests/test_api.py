"""The JSON API: its endpoints, its error contract and its OpenAPI document."""

from __future__ import annotations

import json
import re

import pytest

import gracious
from gracious.api.kinds import Catalogue
from gracious.api.spec import OPERATIONS
from gracious.models import CHANNELS, FORMATS, KINDS, TONES, Draft
from tests.support import assert_problem, authorize

FULL_REQUEST = {
    "kind": "thank-you",
    "channel": "email",
    "tone": "warm",
    "recipient": {"name": "Priya Raman", "title": "Ms."},
    "company": "Northwind Traders",
    "role": "Senior Data Analyst",
    "interview": {"date": "2025-03-04", "format": "video"},
    "highlights": ["your plan to move reporting to dbt"],
    "sender": {"name": "Sam Lee", "signature": "Sam Lee\n555-0100"},
    "thread": {
        "subject": "Interview for Senior Data Analyst",
        "text": "Hi Sam, thanks for your time today. Best, Priya",
        "from": {"name": "Priya Raman", "email": "priya@northwind-traders.com"},
        "to": [{"name": "Sam Lee", "email": "sam@example.org"}],
    },
    "variant": 1,
}


def post_json(client, path, body, **headers):
    """POST a JSON document."""
    return client.post(path, data=json.dumps(body), content_type="application/json",
                       headers=headers)



# the endpoints


def test_health(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "version": gracious.__version__, "paired": True}


def test_kinds_lists_every_kind_channel_and_tone(client):
    response = client.get("/api/v1/kinds")
    assert response.status_code == 200
    # the engine's catalogue must match what the OpenAPI document promises
    Catalogue.model_validate(response.get_json())
    text = response.get_data(as_text=True)
    for name in (*KINDS, *CHANNELS, *TONES):
        assert f'"{name}"' in text


def test_draft_with_full_context(client):
    response = post_json(client, "/api/v1/drafts", FULL_REQUEST)
    assert response.status_code == 200
    draft = response.get_json()
    Draft.model_validate(draft)
    assert set(draft) == {"subject", "body", "kind", "channel", "tone", "variant", "variants",
                          "fields"}
    assert (draft["kind"], draft["channel"], draft["tone"], draft["variant"]) == (
        "thank-you", "email", "warm", 1)
    assert draft["subject"]
    assert "Priya" in draft["body"]
    assert draft["fields"]["interview"]["date"] == "2025-03-04"


def test_draft_with_empty_body_uses_defaults(client):
    response = post_json(client, "/api/v1/drafts", {})
    assert response.status_code == 200
    draft = response.get_json()
    assert (draft["kind"], draft["channel"], draft["tone"], draft["variant"]) == (
        "thank-you", "email", "warm", 0)


def test_same_draft_request_gives_identical_bytes(client):
    first = post_json(client, "/api/v1/drafts", FULL_REQUEST).get_data()
    assert post_json(client, "/api/v1/drafts", FULL_REQUEST).get_data() == first


def test_extract_from_a_thread(client):
    response = post_json(client, "/api/v1/extract", {"thread": FULL_REQUEST["thread"]})
    assert response.status_code == 200
    fields = response.get_json()["fields"]
    assert fields["company"] == "Northwind Traders"
    assert "company" in fields["extracted"]


def test_non_ascii_names_come_back_as_given(client):
    body = {**FULL_REQUEST, "recipient": {"name": "Zoë O'Brien"}, "company": "Procter & Gamble"}
    response = post_json(client, "/api/v1/drafts", body)
    assert response.status_code == 200
    draft = response.get_json()
    assert "Zoë" in draft["body"]
    assert "Procter & Gamble" in draft["body"] + (draft["subject"] or "")


# the error contract


def test_unknown_path_is_404(client):
    body = assert_problem(client.get("/api/v1/nothing-here"), 404)
    assert "/api/v1/nothing-here" in body["detail"]


def test_unknown_path_outside_the_api_is_a_problem_too(client):
    assert_problem(client.get("/wp-admin/setup.php"), 404)


@pytest.mark.parametrize("path", ["/api/v1/%ff%fe", "/api/v1/%ED%A0%80", "/api/v1/health/..",
                                  "/api/v2/health", "/api/v1/health/extra"])
def test_odd_paths_are_404(client, path):
    assert_problem(client.get(path), 404)


def test_post_to_an_unknown_path_is_404(client):
    assert_problem(post_json(client, "/api/v1/notes", {}), 404)


def test_a_bug_is_a_generic_500_problem_that_is_logged(app, caplog):
    def broken_view():
        raise RuntimeError("secret internal state")

    app.add_url_rule("/api/v1/broken", view_func=broken_view)
    response = authorize(app.test_client()).get("/api/v1/broken")
    body = assert_problem(response, 500)
    assert "secret internal state" not in response.get_data(as_text=True)
    assert "RuntimeError" not in body["detail"]
    assert "secret internal state" in caplog.text


@pytest.mark.parametrize(("method", "path", "allowed"), [
    ("get", "/api/v1/drafts", "POST"),
    ("delete", "/api/v1/extract", "POST"),
    ("post", "/api/v1/health", "GET"),
    ("put", "/api/v1/kinds", "GET"),
])
def test_wrong_method_is_405_with_allow(client, method, path, allowed):
    response = getattr(client, method)(path)
    assert_problem(response, 405)
    assert allowed in response.headers["Allow"]


@pytest.mark.parametrize("path", ["/api/v1/drafts", "/api/v1/extract"])
@pytest.mark.parametrize("content_type", [
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/javascript",
    None,
])
def test_body_that_is_not_json_is_415(client, path, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post(path, data=b'{"kind": "thank-you"}', headers=headers)
    body = assert_problem(response, 415)
    assert "application/json" in body["detail"]


def test_form_post_is_415(client):
    assert_problem(client.post("/api/v1/drafts", data={"kind": "thank-you"}), 415)


def test_json_in_another_charset_is_415(client):
    response = client.post("/api/v1/drafts", data="{}".encode("utf-16"),
                           content_type="application/json; charset=utf-16")
    assert_problem(response, 415)


@pytest.mark.parametrize(("raw", "where"), [
    (b'{"kind": ', "line 1, column 10"),
    (b'{"kind": "thank-you",}', "line 1, column 22"),
    (b"{'kind': 'thank-you'}", "line 1, column 2"),
    (b'{\n  "company": "Acme"\n  "role": "x"\n}', "line 3, column 3"),
])
def test_malformed_json_is_400_saying_where(client, raw, where):
    response = client.post("/api/v1/drafts", data=raw, content_type="application/json")
    body = assert_problem(response, 400)
    assert where in body["detail"]


@pytest.mark.parametrize("raw", [
    b"",
    b"   ",
    b'{"company": "\xff\xfe"}',
    b'{"variant": NaN}',
    b'{"variant": Infinity}',
    b'{"variant": -Infinity}',
    b'{"variant": ' + b"9" * 5000 + b"}",
    b"[" * 20000 + b"]" * 20000,
    b'{"thread": ' * 5000 + b"{}" + b"}" * 5000,
    b'{"company": ' + b"[" * 300 + b"]" * 300 + b"}",
    b'{"highlights": ' + b'{"a": ' * 300 + b"1" + b"}" * 300 + b"}",
])
def test_unreadable_json_is_400(client, raw):
    response = client.post("/api/v1/drafts", data=raw, content_type="application/json")
    assert_problem(response, 400)


@pytest.mark.parametrize(("raw", "kind"), [
    (b"[]", "an array"),
    (b'"thank-you"', "a string"),
    (b"42", "a number"),
    (b"null", "null"),
    (b"true", "a boolean"),
])
def test_body_that_is_not_an_object_is_422(client, raw, kind):
    response = client.post("/api/v1/drafts", data=raw, content_type="application/json")
    body = assert_problem(response, 422)
    assert kind in body["detail"]


def test_body_over_64_kib_is_413(client):
    body = {"thread": {"text": "x" * (64 * 1024)}}
    assert_problem(post_json(client, "/api/v1/drafts", body), 413)


def test_body_just_under_the_limit_is_read(client):
    # 63 KiB of thread text goes over the model's own limit: a 422, not a 413
    body = {"thread": {"text": "x" * (63 * 1024)}}
    errors = assert_problem(post_json(client, "/api/v1/drafts", body), 422)["errors"]
    assert errors[0]["field"] == "thread.text"


@pytest.mark.parametrize(("body", "field", "allowed"), [
    ({"kind": "love-letter"}, "kind", list(KINDS)),
    ({"channel": "fax"}, "channel", list(CHANNELS)),
    ({"tone": "grovelling"}, "tone", list(TONES)),
    ({"interview": {"format": "zoom"}}, "interview.format", list(FORMATS)),
])
def test_unknown_enum_value_is_422_with_the_allowed_values(client, body, field, allowed):
    errors = assert_problem(post_json(client, "/api/v1/drafts", body), 422)["errors"]
    assert errors == [{"field": field, "message": errors[0]["message"], "allowed": allowed}]
    assert errors[0]["message"]


@pytest.mark.parametrize(("body", "field"), [
    ({"recipient": {"name": 5}}, "recipient.name"),
    ({"recipient": {"name": "x" * 201}}, "recipient.name"),
    ({"recipient": "Priya"}, "recipient"),
    ({"company": ["Acme"]}, "company"),
    ({"highlights": "one"}, "highlights"),
    ({"highlights": ["a", "b", "c", "d"]}, "highlights"),
    ({"highlights": ["fine", 7]}, "highlights[1]"),
    ({"highlights": ["fine", "x" * 301]}, "highlights[1]"),
    ({"interview": {"date": "next Tuesday"}}, "interview.date"),
    ({"interview": {"date": "2025-02-30"}}, "interview.date"),
    ({"variant": -1}, "variant"),
    ({"variant": 10**100}, "variant"),
    ({"variant": 1.5}, "variant"),
    ({"variant": 528.5}, "variant"),
    ({"variant": "1"}, "variant"),
    ({"variant": 2e6}, "variant"),
    ({"variant": 528.0, "tone": "grovelling"}, "tone"),
    ({"reason": "x" * 1001}, "reason"),
    ({"thread": {"to": [{"email": 3}]}}, "thread.to[0].email"),
    ({"thread": {"from": {"name": False}}}, "thread.from.name"),
    ({"thread": {"text": {"nested": "object"}}}, "thread.text"),
    ({"recipent": {"name": "typo"}}, "recipent"),
])
def test_invalid_field_is_422_naming_it(client, body, field):
    response = post_json(client, "/api/v1/drafts", body)
    problem = assert_problem(response, 422)
    assert [error["field"] for error in problem["errors"]] == [field]
    assert field in problem["detail"]
    assert problem["errors"][0]["message"]


@pytest.mark.parametrize(("raw", "variant"), [
    (b'{"variant": 528.0}', 528),
    (b'{"variant": 5e2}', 500),
    (b'{"variant": -0.0}', 0),
    (b'{"kind": "follow-up", "variant": 1.0, "highlights": ["a"]}', 1),
])
def test_whole_number_floats_are_integers(client, raw, variant):
    # json schema, and so the OpenAPI "type: integer", counts 528.0 as an integer
    response = client.post("/api/v1/drafts", data=raw, content_type="application/json")
    assert response.status_code == 200
    assert response.get_json()["variant"] == variant
    as_integer = {**json.loads(raw), "variant": variant}
    assert post_json(client, "/api/v1/drafts", as_integer).get_data() == response.get_data()


@pytest.mark.parametrize("raw", [b'{"variant": 1e400}', b'{"variant": -1e400}',
                                 b'{"variant": 1' + b"0" * 4000 + b"}"])
def test_extreme_numbers_are_422(client, raw):
    response = client.post("/api/v1/drafts", data=raw, content_type="application/json")
    assert assert_problem(response, 422)["errors"][0]["field"] == "variant"


def test_every_invalid_field_is_named_at_once(client):
    body = {"kind": "x", "tone": "y", "company": 1}
    problem = assert_problem(post_json(client, "/api/v1/drafts", body), 422)
    assert {error["field"] for error in problem["errors"]} == {"kind", "tone", "company"}


def test_extract_needs_a_thread(client):
    problem = assert_problem(post_json(client, "/api/v1/extract", {}), 422)
    assert problem["errors"][0]["field"] == "thread"


def test_invalid_input_is_not_echoed_as_html(client):
    body = {"kind": "<script>alert(1)</script>"}
    response = post_json(client, "/api/v1/drafts", body)
    assert_problem(response, 422)
    assert "<script>" not in response.get_data(as_text=True)


PAYLOADS = ["{{7*7}}", "{{ 7*7 }}", "{% print 7*7 %}", "${7*7}", "#{7*7}",
            "<script>alert(1)</script>", "<b>&amp;</b>", "{name}", "%(name)s"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_template_and_html_payloads_come_back_literal(client, kind, payload):
    body = {
        "kind": kind,
        "recipient": {"name": f"Priya {payload}", "title": "Dr."},
        "company": f"Acme {payload}",
        "role": f"Analyst {payload}",
        "highlights": [f"the {payload} idea"],
        "reason": f"I took another offer {payload}",
        "sender": {"name": f"Sam {payload}", "signature": f"Sam {payload}"},
        "thread": {"subject": f"Interview {payload}", "text": f"Hi {payload}",
                   "from": {"name": f"Priya {payload}", "email": "p@example.org"},
                   "headline": payload},
    }
    response = post_json(client, "/api/v1/drafts", body)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    draft = response.get_json()
    text = (draft["subject"] or "") + draft["body"]
    assert payload in text
    assert "49" not in text
    assert "&lt;" not in text
    assert "&amp;amp;" not in text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_a_thread_are_extracted_literally(client, payload):
    thread = {"subject": f"Interview for Analyst {payload}", "text": f"Thanks, {payload}",
              "from": {"name": f"Priya {payload}", "email": "priya@northwind-traders.com"}}
    response = post_json(client, "/api/v1/extract", {"thread": thread})
    assert response.status_code == 200
    text = json.dumps(response.get_json(), ensure_ascii=False)
    assert "49" not in text
    assert "&lt;" not in text


# the OpenAPI document


@pytest.fixture
def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def resolve(document, ref):
    """Follow a local $ref."""
    assert ref.startswith("#/")
    node = document
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def all_refs(node):
    """Every $ref anywhere in a document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from all_refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_refs(item)


def test_openapi_is_3_1_with_info(openapi):
    assert openapi["openapi"] == "3.1.0"
    assert openapi["info"]["version"] == gracious.__version__


def test_openapi_lists_every_route_of_the_app(app, openapi):
    routes = {
        (rule.rule, method.lower())
        for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, item in openapi["paths"].items() for method in item}
    # werkzeug writes variables as <int:id>, OpenAPI as {id}
    assert {(re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule), method)
            for rule, method in routes} == documented
    for path in ("/api/v1/health", "/api/v1/kinds", "/api/v1/drafts", "/api/v1/extract",
                 "/api/v1/openapi.json"):
        assert path in openapi["paths"]


def test_openapi_refs_all_resolve(openapi):
    refs = set(all_refs(openapi))
    assert "#/components/schemas/DraftRequest" in refs
    for ref in refs:
        resolve(openapi, ref)


def test_openapi_documents_the_draft_contract(openapi):
    post = openapi["paths"]["/api/v1/drafts"]["post"]
    body_schema = resolve(openapi, post["requestBody"]["content"]["application/json"]["schema"]
                          ["$ref"])
    assert body_schema["properties"]["kind"]["enum"] == list(KINDS)
    assert "from" in resolve(openapi, "#/components/schemas/Thread")["properties"]
    assert {"200", "400", "403", "413", "415", "422"} <= set(post["responses"])
    problem = resolve(openapi, post["responses"]["422"]["$ref"])
    assert "application/problem+json" in problem["content"]


def test_openapi_operations_are_unique_and_summarised(openapi):
    ids = [op["operationId"] for item in openapi["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))
    assert all(op["summary"] for item in openapi["paths"].values() for op in item.values())


def test_registry_matches_the_document(openapi):
    assert len(OPERATIONS) == sum(len(item) for item in openapi["paths"].values())
