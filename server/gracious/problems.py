"""Errors as RFC 9457 problem documents: the model, the builder and the handlers."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, current_app, request
from pydantic import BaseModel, Field
from werkzeug.exceptions import HTTPException

PROBLEM_JSON = "application/problem+json"


class FieldError(BaseModel):
    """One invalid field in a request."""

    field: str = Field(description='Dotted path to the field, e.g. "recipient.name" or "to[0]"')
    message: str
    allowed: list[Any] | None = Field(default=None, description="The accepted values, for enums")


class Problem(BaseModel):
    """An error, as an RFC 9457 problem document."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[FieldError] | None = None


class ProblemError(Exception):
    """Raised anywhere in a request to answer with a problem document."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None,
                 **extra: Any):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra


def problem(status: int, detail: str, title: str | None = None, **extra: Any) -> Response:
    """Build a problem+json response for the current request."""
    body = {
        "type": "about:blank",
        # with type about:blank, RFC 9457 asks for the status phrase as the title
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.path,
        **{key: value for key, value in extra.items() if value is not None},
    }
    return current_app.response_class(
        json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM_JSON
    )


def handle_http_exception(error: HTTPException) -> Response:
    """Answer any werkzeug HTTP error (404, 405, 413, ...) as a problem document."""
    status = error.code or 500
    response = problem(status, describe_http_error(error))
    # keep Allow on 405 and WWW-Authenticate on 401
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def describe_http_error(error: HTTPException) -> str:
    """Say what went wrong in words that fit this API."""
    if error.code == 404:
        return f"There is nothing at {request.path}. The API lives under /api/v1/."
    if error.code == 405:
        allowed = ", ".join(sorted(error.valid_methods or []))  # type: ignore[attr-defined]
        return f"{request.method} is not allowed on {request.path}; use {allowed}."
    if error.code == 413:
        limit = request.max_content_length or current_app.config["MAX_CONTENT_LENGTH"]
        return f"The request body is larger than the {limit // 1024} KiB limit."
    return error.description or HTTPStatus(error.code or 500).phrase


def handle_problem_error(error: ProblemError) -> Response:
    """Answer a raised ProblemError."""
    response = problem(error.status, error.detail, **error.extra)
    response.headers.update(error.headers)
    return response


def handle_unexpected_error(error: Exception) -> Response:
    """Log a bug and answer with a generic 500 that reveals nothing."""
    current_app.logger.exception("unexpected error on %s %s", request.method, request.path)
    return problem(500, "Something went wrong inside Gracious. The error has been logged.")


def init_app(app: Flask) -> None:
    """Route every error through problem documents."""
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(ProblemError, handle_problem_error)
    app.register_error_handler(Exception, handle_unexpected_error)
