"""GET /api/v1/health: a cheap liveness check."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from gracious import __version__
from gracious.api.spec import operation


class Health(BaseModel):
    """The server is up."""

    status: Literal["ok"]
    version: str


@operation("GET", "/health", summary="Check that the server is up", responses={200: Health})
def get_health() -> dict[str, str]:
    """Report that the server is up, and its version."""
    return {"status": "ok", "version": __version__}
