"""scan_chunk: one child of the Distributed Map: scan one chunk, write its part (idempotent by chunk)."""

from privscan.engine import warm_up
from privscan.failures import contained
from privscan.ingest.events import ObjectRef
from privscan.observability import logger, tracer
from privscan.settings import get_settings
from privscan.wiring import get_scaleout

warm_up()  # load spaCy and Presidio during INIT (snapshotted by SnapStart)


@logger.inject_lambda_context(log_event=False)
@tracer.capture_lambda_handler(capture_response=False)
@contained
def lambda_handler(event, context):
    return get_scaleout(get_settings()).scan_chunk(ObjectRef(**event["object"]), event["plan_key"], int(event["chunk"]))
