"""api: API Gateway HTTP API (IAM-authorised) → the privscan resolver.

Thin on purpose: the routes are in privscan.api.
"""

from aws_lambda_powertools.logging import correlation_paths
from privscan.api.app import app
from privscan.engine import warm_up
from privscan.failures import contained
from privscan.observability import logger, metrics, tracer

warm_up()  # load spaCy and Presidio during INIT (snapshotted by SnapStart), not in the first request


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP, log_event=False)
@tracer.capture_lambda_handler(capture_response=False)
@metrics.log_metrics(capture_cold_start_metric=True)
@contained
def lambda_handler(event, context):
    return app.resolve(event, context)
