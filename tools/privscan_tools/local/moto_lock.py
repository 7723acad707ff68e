"""One DynamoDB request at a time into moto, the local AWS.

AWS serves concurrent requests; moto's backends are plain Python objects without locks, and its
DynamoDB transactions deep-copy the tables, which fails while another thread writes one. The scan
function handles the objects of a batch side by side, and `privscan serve` answers the API while
the worker scans, so the local stack takes DynamoDB's requests to moto under one lock, in-process
(`mock_aws`) and in moto's server alike. Other services are left concurrent: an SQS long poll
holding a lock would stall every other request for its wait.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable

_LOCK = threading.RLock()
DYNAMODB_TARGET = "DynamoDB_"  # the X-Amz-Target prefix of DynamoDB's JSON protocol


def serialize_moto() -> None:
    """Put moto's DynamoDB dispatch, in-process and in its server, under one lock (once per process)."""
    from moto.core.botocore_stubber import BotocoreStubber
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    _locked(BotocoreStubber, "process_request", lambda args: _stubbed_target(args[1]))
    _locked(DomainDispatcherApplication, "__call__", lambda args: args[1].get("HTTP_X_AMZ_TARGET", ""))


def _stubbed_target(request) -> str:
    target = request.headers.get("X-Amz-Target", "")
    return target.decode("latin-1") if isinstance(target, bytes) else target


def _locked(owner: type, name: str, target_of: Callable[[tuple], str]) -> None:
    original = getattr(owner, name)
    if getattr(original, "_privscan_locked", False):
        return

    @functools.wraps(original)
    def locked(*args, **kwargs):
        if not target_of(args).startswith(DYNAMODB_TARGET):
            return original(*args, **kwargs)
        with _LOCK:
            return original(*args, **kwargs)

    locked._privscan_locked = True
    setattr(owner, name, locked)
