"""backfill_batch: one child of the backfill Distributed Map: a batch of listed objects → the scan queue."""

import os
from functools import cache

import boto3
from privscan.failures import contained
from privscan.ingest.backfill import backfill, listed_objects
from privscan.observability import logger
from privscan.store.findings_store import FindingsStore


@cache
def _clients():
    return FindingsStore(boto3.resource("dynamodb").Table(os.environ["FINDINGS_TABLE"])), boto3.client("sqs")


@logger.inject_lambda_context(log_event=False)
@contained
def lambda_handler(event, context):
    store, sqs = _clients()
    counts = backfill(store, sqs, os.environ["SCAN_QUEUE_URL"], listed_objects(event["bucket"], event["items"]))
    logger.info("backfill batch", listed=counts.listed, skipped=counts.skipped, submitted=counts.submitted)
    return vars(counts)
