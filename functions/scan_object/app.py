"""scan_object: SQS batch of S3 notifications → one idempotent scan per object version.

Thin on purpose: parse the batch, hand every S3 record to the service. Failed
messages are reported back to SQS (partial batch response) and retried, then
dead-lettered; the others are deleted.
"""

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from privscan.engine import warm_up
from privscan.failures import contained
from privscan.ingest.events import parse_notification
from privscan.observability import logger, metrics, tracer
from privscan.settings import get_settings
from privscan.wiring import get_service

processor = BatchProcessor(event_type=EventType.SQS)
warm_up()  # load spaCy and Presidio during INIT (snapshotted by SnapStart), not in the first invocation


@logger.inject_lambda_context(log_event=False)
@tracer.capture_lambda_handler(capture_response=False)
@metrics.log_metrics(capture_cold_start_metric=True)
def lambda_handler(event, context):
    service = get_service(get_settings())
    service.use_lambda_context(context)

    @contained  # the batch processor logs and records the exception's message
    def record_handler(record: SQSRecord) -> list[dict]:
        return [service.handle(event=object_event) for object_event in parse_notification(record.body)]

    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
