"""console: API Gateway HTTP API (Cognito JWT authorizer on /console/api/) → the console resolver.

Thin on purpose: the routes are in privscan.console.
"""

from aws_lambda_powertools.logging import correlation_paths
from privscan.console.app import handle
from privscan.engine import warm_up
from privscan.failures import contained
from privscan.observability import logger, metrics, tracer

warm_up()  # the engine masks reviewers' notes and reads excerpts: load it during INIT, not in the first request


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP, log_event=False)
@tracer.capture_lambda_handler(capture_response=False)
@metrics.log_metrics(capture_cold_start_metric=True)
@contained
def lambda_handler(event, context):
    return handle(event, context)
