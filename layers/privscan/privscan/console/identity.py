"""Who is signed in: the claims API Gateway's JWT authorizer put in the event, and what their groups allow.

API Gateway HTTP APIs pass a JWT's claims as strings: a list claim such as ``cognito:groups`` arrives as
``"[reviewer viewer]"`` (space-separated, in brackets), sometimes as a JSON list text, and a test or another
integration may pass a real list; all three are read alike. Only the two console groups count: ``reviewer``
may change findings, reveal excerpts and apply bulk actions; ``viewer`` reads. A user in neither group reads
nothing (403): the pool may hold users of other applications.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum


class ConsoleGroup(StrEnum):
    """The Cognito groups the console knows."""

    REVIEWER = "reviewer"
    VIEWER = "viewer"


@dataclass(frozen=True)
class User:
    """The signed-in user: the username is the reviewer of record in every audit entry they cause."""

    username: str
    email: str | None
    groups: tuple[str, ...]

    @property
    def can_review(self) -> bool:
        return ConsoleGroup.REVIEWER in self.groups

    @property
    def can_read(self) -> bool:
        return self.can_review or ConsoleGroup.VIEWER in self.groups


def parse_groups(value) -> tuple[str, ...]:
    """`cognito:groups` as API Gateway passes it (``"[a b]"``), as JSON list text, or as a list; sorted, unique."""
    if value is None:
        return ()
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = json.loads(text) if text.startswith("[") else None
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            value = parsed
        else:
            value = text.removeprefix("[").removesuffix("]").replace(",", " ").split()
    if not isinstance(value, list | tuple):
        return ()
    return tuple(sorted({str(group).strip() for group in value if str(group).strip()}))


def user_from_event(event: dict) -> User | None:
    """The user of a request authorised by the JWT authorizer, or None without claims or a username."""
    context = event.get("requestContext") or {}
    claims = ((context.get("authorizer") or {}).get("jwt") or {}).get("claims")
    if not isinstance(claims, dict):
        return None
    username = claims.get("cognito:username") or claims.get("username")
    if not isinstance(username, str) or not username.strip():
        return None
    email = claims.get("email")
    return User(username.strip(), email if isinstance(email, str) else None, parse_groups(claims.get("cognito:groups")))
