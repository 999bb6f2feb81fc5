"""JSON bytes validated against a model, with errors naming each field: for the API and imports."""

from __future__ import annotations

import json
import types
import typing
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

# no flask here: `gracious import` validates its file with exactly the API's rules and must
# start without loading the web framework

M = TypeVar("M", bound=BaseModel)


class InvalidJSON(ValueError):
    """JSON that cannot become the model: the HTTP status it earns, a sentence, and details."""

    def __init__(self, status: int, detail: str, **extra: Any):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.extra = extra

    @property
    def errors(self) -> list[dict[str, Any]]:
        """One entry per invalid field (empty when the JSON itself is unreadable)."""
        return self.extra.get("errors") or []


def validate_json(model: type[M], raw: bytes) -> M:
    """Parse raw JSON into the model in strict mode, or raise InvalidJSON saying what is wrong."""
    try:
        # strict json mode accepts exactly what the OpenAPI schema promises: no "1" for 1,
        # no timestamps for dates. a good body is parsed once, by pydantic; its parser refuses
        # bad utf-8, a bom and lone surrogates, and the NaN it lets through fits no field
        return model.model_validate_json(raw, strict=True)
    except ValidationError as error:
        first_error = error
    # a bad body is read again with python's json module, whose errors say where it broke
    data = read_json(read_text(raw))
    if not isinstance(data, dict):
        raise InvalidJSON(
            422, f"The body must be a JSON object, not {json_type(data)}.",
            errors=[{"field": "", "message": "Input should be a JSON object"}],
        )
    unreadable = [item for item in first_error.errors() if item["type"] == "json_invalid"]
    if unreadable:
        # pydantic's parser stops at a nesting depth python's json module allows
        raise InvalidJSON(400, f"The JSON could not be read: {unreadable[0]['msg']}.")
    error = first_error
    if make_whole_numbers_integers(data, error):
        try:
            return model.model_validate_json(json.dumps(data), strict=True)
        except ValidationError as second_error:
            error = second_error
    errors = field_errors(model, error)
    names = ", ".join(dict.fromkeys(item["field"] or "(the whole body)" for item in errors))
    raise InvalidJSON(422, f"Some fields are invalid: {names}.", errors=errors)


def make_whole_numbers_integers(data: dict[str, Any], error: ValidationError) -> bool:
    """Turn 528.0 into 528 wherever an integer was wanted; say whether anything changed."""
    # json schema counts 528.0 as an integer, and so the OpenAPI "type: integer" promises to
    # take it; strict mode refuses every float, so those values are fixed up and validated again
    changed = False
    for item in error.errors(include_url=False):
        value = item.get("input")
        if item["type"] != "int_type" or not isinstance(value, float) or not value.is_integer():
            continue
        container: Any = data
        *parents, last = item["loc"] or (None,)
        for key in parents:
            # a key that is no place in the body names a union member
            if holds(container, key):
                container = container[key]
        if holds(container, last) and container[last] == value:
            container[last] = int(value)
            changed = True
    return changed


def holds(container: Any, key: Any) -> bool:
    """Whether a key names a place in a decoded JSON object or array."""
    if isinstance(container, dict):
        return key in container
    return isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container)


def read_text(raw: bytes) -> str:
    """Decode the body as strict UTF-8, raising a 400 InvalidJSON at the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidJSON(400, f"The body is not valid UTF-8 (byte {error.start}).") from None


def read_json(text: str) -> Any:
    """Parse JSON, raising a 400 InvalidJSON that says where it broke."""
    if not text.strip():
        raise InvalidJSON(400, "The body is empty; send a JSON object such as {}.")
    try:
        return json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError as error:
        raise InvalidJSON(
            400, f"Malformed JSON at line {error.lineno}, column {error.colno}: {error.msg}.",
            line=error.lineno, column=error.colno,
        ) from None
    except RecursionError:
        raise InvalidJSON(400, "The JSON is nested too deeply.") from None
    except ValueError as error:
        # raised for NaN/Infinity and for integers longer than python will convert
        raise InvalidJSON(400, f"The JSON contains an unacceptable value: {error}.") from None


def reject_constant(name: str) -> Any:
    """Refuse NaN and Infinity, which are not JSON."""
    raise ValueError(f"{name} is not valid JSON")


def json_type(value: Any) -> str:
    """Name a decoded JSON value's type the way JSON does."""
    match value:
        case list():
            return "an array"
        case str():
            return "a string"
        case bool():
            return "a boolean"
        case int() | float():
            return "a number"
        case None:
            return "null"
    return "an object"


def field_errors(model: type[BaseModel], error: ValidationError) -> list[dict[str, Any]]:
    """Turn pydantic errors into one entry per field, naming allowed values for enums."""
    merged: dict[str, dict[str, Any]] = {}
    for item in error.errors(include_url=False, include_input=False):
        path, annotation = locate(model, item["loc"])
        # a union reports once per member; the first reason is enough
        entry = merged.setdefault(path, {"field": path, "message": item["msg"]})
        allowed = literal_values(annotation)
        if allowed:
            entry["allowed"] = allowed
    return list(merged.values())


def locate(model: type[BaseModel], loc: tuple[int | str, ...]) -> tuple[str, Any]:
    """Follow a pydantic error location through the model; return the field path and its type."""
    path = ""
    annotation: Any = model
    for key in loc:
        annotation = unwrap(annotation)
        if isinstance(key, int):
            path += f"[{key}]"
            annotation = list_item(annotation)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            path += f".{key}" if path else key
            annotation = field_annotation(annotation, key)
        # otherwise the key names a union member (e.g. "datetime"), not a field
    return path, annotation


def unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional, keeping a single remaining model when there is one."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def list_item(annotation: Any) -> Any:
    """The item type of a list annotation, or None."""
    if typing.get_origin(annotation) in (list, tuple, set, frozenset):
        args = typing.get_args(annotation)
        return args[0] if args else None
    return None


def field_annotation(model: type[BaseModel], key: str) -> Any:
    """The annotation of a model field, found by alias or by name."""
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info.annotation
    return None


def literal_values(annotation: Any) -> list[Any] | None:
    """The allowed values of a Literal annotation, else None."""
    annotation = unwrap(annotation)
    if typing.get_origin(annotation) is Literal:
        return list(typing.get_args(annotation))
    return None
