"""reduce_object: last step of the scale-out state machine: merge the parts into findings, summary, status."""

from privscan.failures import contained
from privscan.ingest.events import ObjectRef
from privscan.observability import logger, metrics, tracer
from privscan.settings import get_settings
from privscan.wiring import get_scaleout


@logger.inject_lambda_context(log_event=False)
@tracer.capture_lambda_handler(capture_response=False)
@metrics.log_metrics
@contained
def lambda_handler(event, context):
    return get_scaleout(get_settings()).reduce(ObjectRef(**event["object"]), event["plan_key"])
