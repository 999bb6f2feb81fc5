"""/api/v1/history: the drafts the user actually inserted, kept on this machine."""

from __future__ import annotations

from typing import Any

from flask import url_for
from pydantic import BaseModel, Field

from gracious.api.spec import operation
from gracious.problems import ProblemError
from gracious.storage import get_db
from gracious.storage import history as stored
from gracious.storage.models import HistoryEntry, HistoryList, NewHistoryEntry


class HistoryWindow(BaseModel):
    """How many entries to list."""

    limit: int = Field(default=stored.DEFAULT_LIMIT, ge=1, le=stored.MAX_LIMIT)


def no_such_entry(entry_id: int) -> ProblemError:
    """The 404 for a history entry that is not stored."""
    return ProblemError(404, f"There is no history entry {entry_id}; it may have been deleted.")


@operation("POST", "/history", summary="Record a draft the user inserted", body=NewHistoryEntry,
           responses={201: HistoryEntry},
           description="Send only drafts that were inserted into a page, not every preview.")
def record_insertion(body: NewHistoryEntry) -> tuple[dict[str, Any], int, dict[str, str]]:
    """Store an inserted draft and point at it."""
    entry = stored.add_entry(get_db(), body)
    return entry, 201, {"Location": url_for("api.get_history_entry", entry_id=entry["id"])}


@operation("GET", "/history", summary="List inserted drafts, newest first", query=HistoryWindow,
           responses={200: HistoryList})
def list_history(query: HistoryWindow) -> dict[str, Any]:
    """List the newest entries and say how many there are in all."""
    connection = get_db()
    return {"history": stored.list_entries(connection, query.limit),
            "total": stored.count_entries(connection)}


@operation("GET", "/history/<int:entry_id>", summary="Get one inserted draft",
           responses={200: HistoryEntry})
def get_history_entry(entry_id: int) -> dict[str, Any]:
    """Return one entry."""
    entry = stored.get_entry(get_db(), entry_id)
    if entry is None:
        raise no_such_entry(entry_id)
    return entry


@operation("DELETE", "/history/<int:entry_id>", summary="Delete one inserted draft",
           responses={204: None})
def delete_history_entry(entry_id: int) -> None:
    """Delete one entry."""
    if not stored.delete_entry(get_db(), entry_id):
        raise no_such_entry(entry_id)


@operation("DELETE", "/history", summary="Delete every inserted draft", responses={204: None})
def clear_history() -> None:
    """Delete all entries."""
    stored.delete_all_entries(get_db())
