"""The state machine, played locally: plan (until finished) → every chunk → reduce, through the real handlers.

moto stores state machines but does not run their Lambda tasks, so `privscan serve` / `demo` run the
three functions of template.yaml here, in order, with the events the state machine gives them; the
Distributed Map's ItemReader is played by reading the manifest from S3. Chunks run one after the other:
the engine already spreads each one over every vCPU of this machine.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict
from functools import cache

import boto3
from privscan.ingest.events import ObjectRef

from privscan_tools.local.template import default_template_path
from privscan_tools.local.worker import FakeLambdaContext, load_handler


@cache
def _handler(function: str):
    return load_handler(default_template_path().parent, function)


class LocalExecutions:
    def start(self, ref: ObjectRef) -> None:
        context = FakeLambdaContext(aws_request_id=str(uuid.uuid4()))
        planned = _handler("plan_object")({"object": asdict(ref)}, context)
        while not planned["planned"]:  # the state machine's Planned? choice: plan again until finished
            planned = _handler("plan_object")(planned, context)
        manifest = boto3.client("s3").get_object(**planned["manifest"])["Body"].read()
        for item in json.loads(manifest):
            _handler("scan_chunk")(item, context)
        _handler("reduce_object")(planned, context)
