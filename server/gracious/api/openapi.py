"""GET /api/v1/openapi.json: the OpenAPI 3.1 document, built from the route registry."""

from __future__ import annotations

import functools
import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from gracious import __version__
from gracious.api.spec import OPERATIONS, Operation, operation
from gracious.problems import PROBLEM_JSON, Problem
from gracious.security import OPEN_PATHS

REF = "#/components/schemas/{model}"
PATH_VARIABLE = re.compile(r"<(?:(?P<converter>\w+)(?:\([^)]*\))?:)?(?P<name>\w+)>")
CONVERTER_SCHEMAS = {
    "int": {"type": "integer", "minimum": 0},
    "float": {"type": "number"},
    "uuid": {"type": "string", "format": "uuid"},
}

# the errors any route can answer with, described once and referenced by each operation
ERROR_RESPONSES = {
    400: "Malformed JSON: the detail says where it broke",
    401: "The request did not send the pairing code (Authorization: Bearer <code>)",
    403: "The Host is not a loopback name, or the Origin is not the Gracious extension",
    404: "Nothing exists at this path",
    405: "The path exists but not for this method",
    413: "The body is over the 64 KiB limit",
    409: "The change conflicts with what is stored, e.g. an end before the start",
    415: "The body is not application/json",
    422: "A field is invalid; errors[] names each field and, for enums, the allowed values",
}


@operation("GET", "/openapi.json", summary="Describe the API as OpenAPI 3.1",
           responses={200: {"type": "object", "description": "An OpenAPI 3.1 document"}})
def get_openapi() -> dict[str, Any]:
    """Return the OpenAPI document."""
    return build_document()


@functools.cache
def build_document() -> dict[str, Any]:
    """Build the document from every registered operation (once: routes are fixed at import)."""
    refs, schemas = collect_schemas(OPERATIONS)
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        path = "/api/v1" + PATH_VARIABLE.sub(r"{\g<name>}", op.rule)
        paths.setdefault(path, {})[op.method.lower()] = describe_operation(op, refs, schemas)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Gracious",
            "version": __version__,
            "description": "Draft gracious, specific notes after a job interview, privately on "
                           "your own machine. Every error is application/problem+json (RFC 9457).",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "/", "description": "This server (loopback only by default)"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": {
                str(status): problem_response(description)
                for status, description in ERROR_RESPONSES.items()
            },
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer",
                           "description": "The pairing code: 'gracious token' prints it "
                                          "(GRACIOUS_TOKEN overrides it)"},
            },
        },
    }


def collect_schemas(
    operations: list[Operation],
) -> tuple[dict[tuple[type[BaseModel], str], dict[str, Any]], dict[str, Any]]:
    """Generate every model's JSON schema together, so shared models are defined once."""
    wanted: dict[tuple[type[BaseModel], str], None] = {(Problem, "serialization"): None}
    for op in operations:
        for model in (op.body, op.query):
            if model is not None:
                wanted[(model, "validation")] = None
        for spec in op.responses.values():
            if isinstance(spec, type):
                wanted[(spec, "serialization")] = None
    refs, top = models_json_schema(list(wanted), ref_template=REF)
    return refs, top.get("$defs", {})


def describe_operation(
    op: Operation, refs: dict[tuple[type[BaseModel], str], dict[str, Any]],
    schemas: dict[str, Any],
) -> dict[str, Any]:
    """Describe one operation: parameters, body, success and error responses."""
    described: dict[str, Any] = {
        "operationId": op.name,
        "summary": op.summary,
        "tags": [op.tag],
        # the open routes say so; every other one inherits the document's bearer requirement
        **({"security": [{}, {"bearer": []}]} if f"/api/v1{op.rule}" in OPEN_PATHS else {}),
        "responses": success_responses(op, refs),
    }
    if op.description:
        described["description"] = op.description
    parameters = path_parameters(op.rule) + query_parameters(op, refs, schemas)
    if parameters:
        described["parameters"] = parameters
    errors = [403] if f"/api/v1{op.rule}" in OPEN_PATHS else [401, 403]
    if op.body is not None:
        described["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": refs[(op.body, "validation")]}},
        }
        errors += [400, 413, 415, 422]
    if op.query is not None:
        errors.append(422)
    if "<" in op.rule:
        errors.append(404)
    # an operation may name further errors it answers with, e.g. 409
    errors += [status for status in op.responses if status >= 400]
    for status in sorted(set(errors)):
        described["responses"][str(status)] = {"$ref": f"#/components/responses/{status}"}
    return described


def success_responses(
    op: Operation, refs: dict[tuple[type[BaseModel], str], dict[str, Any]]
) -> dict[str, Any]:
    """Describe the 2xx responses of an operation."""
    responses: dict[str, Any] = {}
    for status, spec in op.responses.items():
        if status >= 400:
            continue
        if spec is None:
            responses[str(status)] = {"description": "No content"}
        elif isinstance(spec, dict):
            description = spec.get("description", "OK")
            responses[str(status)] = {"description": description,
                                      "content": {"application/json": {"schema": spec}}}
        else:
            responses[str(status)] = {
                "description": (spec.__doc__ or "OK").strip(),
                "content": {"application/json": {"schema": refs[(spec, "serialization")]}},
            }
    return responses


def path_parameters(rule: str) -> list[dict[str, Any]]:
    """Describe the variables in a werkzeug rule as OpenAPI path parameters."""
    return [
        {"name": match["name"], "in": "path", "required": True,
         "schema": CONVERTER_SCHEMAS.get(match["converter"] or "", {"type": "string"})}
        for match in PATH_VARIABLE.finditer(rule)
    ]


def query_parameters(
    op: Operation, refs: dict[tuple[type[BaseModel], str], dict[str, Any]],
    schemas: dict[str, Any],
) -> list[dict[str, Any]]:
    """Describe the fields of an operation's query model as query parameters."""
    if op.query is None:
        return []
    name = refs[(op.query, "validation")]["$ref"].rpartition("/")[2]
    schema = schemas[name]
    required = set(schema.get("required", []))
    return [
        {"name": field, "in": "query", "required": field in required, "schema": field_schema}
        for field, field_schema in schema.get("properties", {}).items()
    ]


def problem_response(description: str) -> dict[str, Any]:
    """A response whose body is a problem document."""
    return {"description": description,
            "content": {PROBLEM_JSON: {"schema": {"$ref": REF.format(model="Problem")}}}}
