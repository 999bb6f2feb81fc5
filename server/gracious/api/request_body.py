"""Request bodies and query strings read into models, or a 413, 415, 400 or 422 problem."""

from __future__ import annotations

from typing import TypeVar

from flask import request
from pydantic import BaseModel, ValidationError

from gracious.problems import ProblemError
from gracious.validation import InvalidJSON, field_errors, validate_json

M = TypeVar("M", bound=BaseModel)


def parse_body(model: type[M], max_bytes: int | None = None) -> M:
    """Read the request body as JSON and validate it, raising a ProblemError when it is bad."""
    if max_bytes is not None:
        # werkzeug checks the limit when the body is first read, answering 413 above it
        request.max_content_length = max_bytes
    if request.mimetype != "application/json":
        sent = request.mimetype or "no Content-Type"
        raise ProblemError(415, f"Send the body as JSON with Content-Type: application/json "
                                f"(got {sent}).")
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in {"utf-8", "utf8"}:
        raise ProblemError(415, f"Send the JSON body as UTF-8 (got charset={charset}).")
    try:
        return validate_json(model, request.get_data(cache=True))
    except InvalidJSON as error:
        raise ProblemError(error.status, error.detail, **error.extra) from None


def parse_query(model: type[M]) -> M:
    """Validate the query string against a model, raising a ProblemError when it is bad."""
    try:
        return model.model_validate(request.args.to_dict())
    except ValidationError as error:
        errors = field_errors(model, error)
        names = ", ".join(dict.fromkeys(item["field"] for item in errors))
        raise ProblemError(422, f"Some query parameters are invalid: {names}.",
                           errors=errors) from None
