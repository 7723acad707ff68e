"""`privscan backfill --prefix P`: submit what a bucket already holds to the scan queue (see privscan/backfill.py)."""

from __future__ import annotations

import json

from privscan_tools.local.stack import STACK_NAME, aws_options


def add_parser(subparsers) -> None:
    backfill = subparsers.add_parser(
        "backfill", help="scan the objects already under a prefix, skipping scanned versions"
    )
    backfill.add_argument("--prefix", default="", help="key prefix (default: the whole bucket)")
    backfill.add_argument("--endpoint", help="endpoint of `privscan serve` (local stack)")
    backfill.add_argument("--bucket", help="upload bucket (default: the local stack's)")
    backfill.add_argument("--table", help="findings table (default: the local stack's)")
    backfill.add_argument("--queue-url", help="scan queue (default: the local stack's)")


def run(args) -> int:
    import boto3
    from privscan.ingest.backfill import backfill, current_versions
    from privscan.store.findings_store import FindingsStore

    bucket, table, queue_url = args.bucket, args.table, args.queue_url
    if not (bucket and table and queue_url):
        if not args.endpoint:
            raise SystemExit(
                "privscan backfill: give --bucket, --table and --queue-url, or --endpoint of `privscan serve`"
            )
        from privscan_tools.local.stack import describe_stack

        physical = describe_stack(args.endpoint, STACK_NAME)
        bucket, table = bucket or physical["UploadBucket"], table or physical["FindingsTable"]
        queue_url = queue_url or physical["ScanQueue"]
    client = aws_options(args.endpoint)
    store = FindingsStore(boto3.resource("dynamodb", **client).Table(table))
    counts = backfill(
        store,
        boto3.client("sqs", **client),
        queue_url,
        current_versions(boto3.client("s3", **client), bucket, args.prefix),
    )
    print(json.dumps(vars(counts)))
    return 0
