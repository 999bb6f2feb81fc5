"""The API blueprint and its registry, where every route declares itself once for OpenAPI."""

# how a resource module (say api/reminders.py) uses it:
#
#     @operation("POST", "/reminders", summary="Create a reminder", body=NewReminder,
#                responses={201: Reminder})
#     def create_reminder(body: NewReminder) -> dict:
#         return save_reminder(body).model_dump(mode="json")
#
# then add "reminders" to the import in api/__init__.py. `body` arrives validated (415/400/422
# are answered for you; `max_body=` raises the app's 64 KiB body limit for this route), a
# `query=Model` arrives as `query`, path variables by name. Return a
# dict or a model (sent with the first 2xx in `responses`; a model is serialised by pydantic in
# one step, by alias), None for 204, or raise ProblemError(404, "...").

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, current_app
from pydantic import BaseModel

from gracious.api.request_body import parse_body, parse_query

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# a response is documented by a model, by a raw JSON schema (dict), or as empty (None)
ResponseSpec = type[BaseModel] | dict[str, Any] | None


@dataclass(frozen=True)
class Operation:
    """One documented route of the API."""

    method: str
    rule: str
    name: str
    summary: str
    tag: str
    responses: dict[int, ResponseSpec]
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    description: str | None = None
    path_params: dict[str, str] = field(default_factory=dict)
    max_body: int | None = None


OPERATIONS: list[Operation] = []


def operation(
    method: str,
    rule: str,
    *,
    summary: str,
    responses: dict[int, ResponseSpec],
    body: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    description: str | None = None,
    max_body: int | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a view on the API blueprint and record it for the OpenAPI document."""
    success = min(code for code in responses if 200 <= code < 300)

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def endpoint(**path: Any) -> Any:
            if body is not None:
                path["body"] = parse_body(body, max_body)
            if query is not None:
                path["query"] = parse_query(query)
            result = view(**path)
            if result is None:
                return current_app.response_class(status=204)
            if isinstance(result, tuple | Response):
                return result
            if isinstance(result, BaseModel):
                return current_app.response_class(
                    result.model_dump_json(by_alias=True), status=success,
                    mimetype="application/json",
                )
            return result, success

        bp.add_url_rule(rule, endpoint=view.__name__, view_func=endpoint, methods=[method])
        OPERATIONS.append(Operation(
            method=method.upper(), rule=rule, name=view.__name__, summary=summary,
            tag=view.__module__.rpartition(".")[2], responses=responses, body=body, query=query,
            description=description, max_body=max_body,
        ))
        return view

    return decorate
