"""/api/v1/profile: the user's name, signature and usual tone and kind."""

from __future__ import annotations

from typing import Any

from gracious.api.spec import operation
from gracious.storage import get_db
from gracious.storage.models import Profile
from gracious.storage.profile import get_profile, save_profile


@operation("GET", "/profile", summary="Get the profile", responses={200: Profile},
           description="Defaults (empty name and signature, warm, thank-you) until first saved.")
def read_profile() -> dict[str, Any]:
    """Return the stored profile or the defaults."""
    return get_profile(get_db())


@operation("PUT", "/profile", summary="Replace the profile", body=Profile,
           responses={200: Profile},
           description="Fields left out go back to their defaults.")
def replace_profile(body: Profile) -> dict[str, Any]:
    """Store the profile and return it."""
    return save_profile(get_db(), body)
