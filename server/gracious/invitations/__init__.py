"""Calendar invitations (.ics) turned into interviews: when, with whom, for what, and how."""

from gracious.invitations.read import InvitationError, read_invitation

__all__ = ["InvitationError", "read_invitation"]
