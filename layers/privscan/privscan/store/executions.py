"""Starting the scale-out state machine for one object version, at most once.

The execution name is derived from bucket, key and version, so a duplicate S3 event (delivery is at
least once) cannot start a second execution: Step Functions answers ExecutionAlreadyExists, which is
success here. Locally (`privscan serve`), the same steps run in this process (local/executions.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Protocol

from privscan.ingest.events import ObjectRef


class ExecutionStarter(Protocol):
    """Where an object too large for one invocation goes to be scanned in chunks."""

    def start(self, ref: ObjectRef) -> None: ...


def execution_name(ref: ObjectRef) -> str:
    """The execution's name, derived from the object version: starting it twice starts it once."""
    digest = hashlib.sha256(f"{ref.bucket}\x1f{ref.key}\x1f{ref.version_token}".encode()).hexdigest()
    return f"scan-{digest[:64]}"


def execution_input(ref: ObjectRef) -> dict:
    """The state machine's input for one object version."""
    return {"object": asdict(ref)}


class StepFunctionsStarter:
    """Starts the chunked-scan state machine for an object version, once per version."""

    def __init__(self, client, state_machine_arn: str):
        self.client, self.arn = client, state_machine_arn

    def start(self, ref: ObjectRef) -> None:
        """Start the version's execution; one already started for it is left to finish."""
        try:
            self.client.start_execution(
                stateMachineArn=self.arn, name=execution_name(ref), input=json.dumps(execution_input(ref))
            )
        except self.client.exceptions.ExecutionAlreadyExists:
            pass  # this version's execution is already running or done
