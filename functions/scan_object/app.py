"""scan_object: SQS batch of S3 notifications → one idempotent scan per object version.

Thin on purpose: hand the batch to `ingest.batch`, which scans its objects side by side and
answers with the ids of the messages that failed (partial batch response): SQS delivers those
again, then dead-letters them; the others are deleted.
"""

from privscan.engine import warm_up
from privscan.ingest.batch import handle_batch
from privscan.observability import logger, metrics, tracer
from privscan.settings import get_settings
from privscan.wiring import get_service

warm_up()  # load spaCy and Presidio during INIT (snapshotted by SnapStart), not in the first invocation


@logger.inject_lambda_context(log_event=False)
@tracer.capture_lambda_handler(capture_response=False)
@metrics.log_metrics(capture_cold_start_metric=True)
def lambda_handler(event, context):
    service = get_service(get_settings())
    service.use_lambda_context(context)
    return handle_batch(event.get("Records", []), service.handle, service.scanner)
