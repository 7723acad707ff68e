"""plan_object: first step of the scale-out state machine: split one object version into chunks.

Writes the plan and the Distributed Map's manifest to the staging prefix; returns where they are.
A planner that runs out of its budget answers `"planned": false`, and is called again with that answer.
"""

from privscan.engine import warm_up
from privscan.failures import contained
from privscan.ingest.events import ObjectRef
from privscan.observability import logger, tracer
from privscan.settings import get_settings
from privscan.wiring import get_scaleout

warm_up()  # the planner decides column profiles on their samples with the engine


@logger.inject_lambda_context(log_event=False)
@tracer.capture_lambda_handler(capture_response=False)
@contained
def lambda_handler(event, context):
    return get_scaleout(get_settings()).plan(ObjectRef(**event["object"]), resume=event.get("planned") is False)
