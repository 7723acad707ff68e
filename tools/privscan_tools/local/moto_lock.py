"""One request at a time into moto, the local AWS.

AWS serves concurrent requests; moto's backends are plain Python objects without locks (its
DynamoDB transaction deep-copies the tables, which fails while another thread writes one). The
scan function handles the objects of a batch side by side, and `privscan serve` answers the API
while the worker scans, so the local stack takes every request to moto under one lock, in-process
(`mock_aws`) and in moto's server alike.
"""

from __future__ import annotations

import functools
import threading

_LOCK = threading.RLock()


def serialize_moto() -> None:
    """Put moto's request dispatch, in-process and in its server, under one lock (once per process)."""
    from moto.core.botocore_stubber import BotocoreStubber
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication

    _locked(BotocoreStubber, "process_request")
    _locked(DomainDispatcherApplication, "__call__")


def _locked(owner: type, name: str) -> None:
    original = getattr(owner, name)
    if getattr(original, "_privscan_locked", False):
        return

    @functools.wraps(original)
    def locked(*args, **kwargs):
        with _LOCK:
            return original(*args, **kwargs)

    locked._privscan_locked = True
    setattr(owner, name, locked)
