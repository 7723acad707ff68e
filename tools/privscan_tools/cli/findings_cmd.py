"""`privscan findings list`: read findings back from DynamoDB (a local stack or a real deployment)."""

from __future__ import annotations

import boto3
from privscan.store.findings_store import FindingsStore, finding_from_item

from privscan_tools.cli.output import print_findings
from privscan_tools.local.stack import STACK_NAME, aws_options


def resolve_names(endpoint: str | None, bucket: str | None, table: str | None) -> tuple[str, str]:
    """Bucket and table names: given, or looked up in the local stack at `endpoint`."""
    if bucket and table:
        return bucket, table
    if not endpoint:
        raise SystemExit("privscan: give --bucket and --table, or --endpoint of `privscan serve`")
    from privscan_tools.local.stack import describe_stack

    physical = describe_stack(endpoint, STACK_NAME)
    return bucket or physical["UploadBucket"], table or physical["FindingsTable"]


def list_findings(
    endpoint: str | None,
    bucket: str | None,
    table: str | None,
    object_key: str | None,
    prefix: str,
    severity: str | None,
    fmt: str,
) -> int:
    bucket, table = resolve_names(endpoint, bucket, table)
    dynamodb = boto3.resource("dynamodb", **aws_options(endpoint))
    store = FindingsStore(dynamodb.Table(table))
    if object_key:
        items = store.findings_of(bucket, object_key)
    elif severity:
        items = store.open_findings(bucket, severity)
    else:
        items = store.all_findings(bucket, prefix)
    rows = (
        finding_from_item(item).contract()
        for item in items
        if (severity is None or item.get("severity") == severity) and (not prefix or item["key"].startswith(prefix))
    )
    print_findings(rows, fmt)
    return 0
