"""GET /api/v1/health: a cheap liveness check."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from gracious import __version__
from gracious.api.spec import operation
from gracious.security import sends_the_token


class Health(BaseModel):
    """The server is up."""

    status: Literal["ok"]
    version: str
    paired: bool = Field(description="Whether this request sent the server's pairing code")


@operation("GET", "/health", summary="Check that the server is up", responses={200: Health})
def get_health() -> dict[str, object]:
    """Report that the server is up, its version, and whether the caller is paired."""
    return {"status": "ok", "version": __version__, "paired": sends_the_token()}
