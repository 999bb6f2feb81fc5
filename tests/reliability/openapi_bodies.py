"""Build request bodies from the server's own OpenAPI document."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

Schema = dict[str, Any]
Path = tuple[str | int, ...]

BODY_METHODS = ("post", "put", "patch")
# a date-time carries its offset: some fields (an interview's times) require one
SAMPLE_FORMATS = {"date": "2026-12-01", "date-time": "2026-12-01T09:30:00+01:00",
                  "email": "a@b.example"}


def resolve(spec: Schema, schema: Schema) -> Schema:
    """Follow $ref links to the schema they name."""
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def alternatives(spec: Schema, schema: Schema) -> list[Schema]:
    """The non-null alternatives of a union, or the schema itself."""
    schema = resolve(spec, schema)
    options = schema.get("anyOf") or schema.get("oneOf")
    if not options:
        return [schema]
    return [resolve(spec, option) for option in options if option.get("type") != "null"]


def body_operations(spec: Schema) -> Iterator[tuple[str, str, Schema]]:
    """Every (method, path, JSON body schema) in the document."""
    for path, item in spec["paths"].items():
        for method in BODY_METHODS:
            operation = item.get(method)
            if not operation or "requestBody" not in operation:
                continue
            content = resolve(spec, operation["requestBody"])["content"]
            yield method.upper(), path, content["application/json"]["schema"]


def sample(spec: Schema, schema: Schema, text: str = "Sam", depth: int = 0) -> Any:
    """A valid value with every optional field filled, strings set to text."""
    schema = alternatives(spec, schema)[0]
    kind = schema.get("type")
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("examples"):
        return schema["examples"][0]
    if kind == "object" or "properties" in schema:
        if depth > 6:
            return {}
        return {name: sample(spec, sub, text, depth + 1)
                for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [sample(spec, schema.get("items", {}), text, depth + 1)]
    if kind == "string":
        return SAMPLE_FORMATS.get(schema.get("format", ""), text)
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    if kind == "boolean":
        return False
    return None


def string_paths(
    spec: Schema, schema: Schema, wanted: Callable[[Schema], bool], path: Path = (), depth: int = 0
) -> Iterator[Path]:
    """Paths to every string field whose schema is wanted."""
    if depth > 6:
        return
    for option in alternatives(spec, schema):
        kind = option.get("type")
        if kind == "object" or "properties" in option:
            for name, sub in option.get("properties", {}).items():
                yield from string_paths(spec, sub, wanted, (*path, name), depth + 1)
        elif kind == "array":
            yield from string_paths(spec, option.get("items", {}), wanted, (*path, 0), depth + 1)
        elif kind == "string" and wanted(option):
            yield path


def free_text_paths(spec: Schema, schema: Schema) -> list[Path]:
    """Paths to every string field that takes free text (no enum, no format)."""
    return list(string_paths(spec, schema, lambda s: not {"enum", "const", "format"} & s.keys()))


def date_paths(spec: Schema, schema: Schema) -> list[Path]:
    """Paths to every field that takes an ISO 8601 date or datetime."""
    found = string_paths(spec, schema, lambda s: s.get("format") in ("date", "date-time"))
    return list(dict.fromkeys(found))


def with_value(body: Any, path: Path, value: Any) -> Any:
    """A copy of body with the field at path set to value."""
    body = copy.deepcopy(body)
    node = body
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return body


def dotted(path: Path) -> str:
    """A path as a readable field name, e.g. thread.to[0].name."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")
