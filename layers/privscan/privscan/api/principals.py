"""Who may review: the caller's IAM ARN against the configured reviewer principals.

API Gateway's IAM authorizer reports a role's caller as its session,
``arn:aws:sts::<account>:assumed-role/<role name>/<session>``, while a reviewer is configured by the
role's ARN, ``arn:aws:iam::<account>:role/<path/><role name>``: the two match when partition, account and
role name agree (a role's name is unique in its account, whatever its path). Any other ARN (an IAM user,
an exact session) matches only itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SESSION = re.compile(r"^arn:(?P<partition>[\w-]+):sts::(?P<account>\d{12}):assumed-role/(?P<role>[\w+=,.@-]+)/[^/]+$")
_ROLE = re.compile(r"^arn:(?P<partition>[\w-]+):iam::(?P<account>\d{12}):role/(?:[\w+=,.@-]+/)*(?P<role>[\w+=,.@-]+)$")


def parse_principals(setting: str) -> tuple[str, ...]:
    """The ARNs of a comma-separated setting, blanks dropped."""
    return tuple(arn.strip() for arn in setting.split(",") if arn.strip())


def is_one_of(caller: str, principals: Iterable[str]) -> bool:
    """Whether `caller` (the ARN API Gateway reports) is one of `principals` (role or user ARNs)."""
    session = _SESSION.match(caller)
    for principal in principals:
        if principal == caller:
            return True
        role = _ROLE.match(principal)
        if (
            session
            and role
            and role.group("partition", "account", "role") == session.group("partition", "account", "role")
        ):
            return True
    return False
