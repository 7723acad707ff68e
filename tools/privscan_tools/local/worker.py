"""Play Lambda's SQS event source mapping locally: poll the queue, call the real handler, delete what succeeded."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import sys
import threading
import uuid
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote_plus

import boto3

from privscan_tools.local.stack import REGION, LocalStack

BATCH_SIZE = 5  # as the template's event source mapping


@dataclass
class FakeLambdaContext:
    function_name: str = "ScanObjectFunction"
    memory_limit_in_mb: int = 3538
    invoked_function_arn: str = f"arn:aws:lambda:{REGION}:123456789012:function:ScanObjectFunction"
    aws_request_id: str = ""
    timeout_ms: int = 900_000

    def get_remaining_time_in_millis(self) -> int:
        return self.timeout_ms


# One invocation at a time in this process, as in one Lambda execution environment: the scan and api
# handlers share the engine (and its worker processes), which serves one caller at a time.
INVOKE_LOCK = threading.Lock()


def load_handler(repo_root: Path, function: str = "scan_object"):
    """Import functions/<function>/app.py as Lambda would (a top-level module named `app`)."""
    path = repo_root / "functions" / function / "app.py"
    spec = importlib.util.spec_from_file_location(f"privscan_{function}_app", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.lambda_handler


class LocalWorker:
    def __init__(self, stack: LocalStack, repo_root: Path, quiet: bool = True):
        self.stack = stack
        self.repo_root = repo_root
        self.sqs = boto3.client("sqs", endpoint_url=stack.endpoint, region_name=REGION)
        self.s3 = boto3.client("s3", endpoint_url=stack.endpoint, region_name=REGION)
        self.queue_arn = self.sqs.get_queue_attributes(QueueUrl=stack.queue_url, AttributeNames=["QueueArn"])[
            "Attributes"
        ]["QueueArn"]
        self.failures = 0
        os.environ.update(stack.function_env)
        os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
        os.environ.setdefault("POWERTOOLS_METRICS_DISABLED", "true")
        if quiet:
            os.environ["POWERTOOLS_LOG_LEVEL"] = "WARNING"

    @cached_property
    def handler(self):
        return load_handler(self.repo_root)

    def poll_once(self, wait_seconds: int = 1) -> int:
        """Receive one batch and run it through the handler. Returns the number of messages handled."""
        received = self.sqs.receive_message(
            QueueUrl=self.stack.queue_url,
            MaxNumberOfMessages=BATCH_SIZE,
            WaitTimeSeconds=wait_seconds,
            AttributeNames=["All"],
        ).get("Messages", [])
        if not received:
            return 0
        event = {"Records": [self._record(message) for message in received]}
        with (
            INVOKE_LOCK,
            contextlib.redirect_stdout(sys.stderr),
        ):  # the function's logs and metrics; stdout is the CLI's
            response = self.handler(event, FakeLambdaContext(aws_request_id=str(uuid.uuid4())))
        failed = {item["itemIdentifier"] for item in (response or {}).get("batchItemFailures", [])}
        self.failures += len(failed)
        done = [m for m in received if m["MessageId"] not in failed]
        if done:
            self.sqs.delete_message_batch(
                QueueUrl=self.stack.queue_url,
                Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(done)],
            )
        return len(received)

    def _record(self, message: dict) -> dict:
        return {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": self._as_s3_sends(message["Body"]),
            "attributes": message.get("Attributes", {}),
            "messageAttributes": {},
            "md5OfBody": message.get("MD5OfBody", ""),
            "eventSource": "aws:sqs",
            "eventSourceARN": self.queue_arn,
            "awsRegion": REGION,
        }

    def _as_s3_sends(self, body: str) -> str:
        """moto's S3 notifications lack the `versionId` that S3 sends for an object of a versioned bucket;
        it is filled in from the bucket's versions (the newest whose ETag is the event's), so that an S3
        event and an API or backfill submission of the same version name it alike, as on AWS."""
        try:
            document = json.loads(body)
        except ValueError:
            return body
        records = document.get("Records") if isinstance(document, dict) else None
        changed = False
        for record in records or []:
            obj = record.get("s3", {}).get("object", {})
            if not str(record.get("eventName", "")).startswith("ObjectCreated") or "versionId" in obj:
                continue
            version = self._version_of(
                record["s3"]["bucket"]["name"], unquote_plus(obj.get("key", "")), obj.get("eTag")
            )
            if version:
                obj["versionId"], changed = version, True
        return json.dumps(document) if changed else body

    def _version_of(self, bucket: str, key: str, etag: str | None) -> str | None:
        """The id of the newest version of `key` whose ETag is `etag` (None in an unversioned bucket)."""
        if not etag:
            return None
        listed = self.s3.list_object_versions(Bucket=bucket, Prefix=key).get("Versions", [])
        matching = [v for v in listed if v["Key"] == key and v["ETag"].strip('"') == etag.strip('"')]
        newest = max(matching, key=lambda v: v["LastModified"], default=None)
        return newest["VersionId"] if newest and newest["VersionId"] != "null" else None
