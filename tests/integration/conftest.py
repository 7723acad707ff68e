"""The deployed shape on moto: template.yaml's resources, the real handler, SQS deliveries by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import boto3
import pytest
from moto import mock_aws
from privscan_tools.local.stack import LocalStack, deploy_stack, free_port
from privscan_tools.local.worker import load_handler

from tests.conftest import REPO_ROOT


def _clear_process_caches() -> None:
    from privscan import settings, wiring

    settings.get_settings.cache_clear()
    wiring.get_service.cache_clear()
    wiring._clients.cache_clear()


@dataclass
class Pipeline:
    stack: LocalStack
    handler: object
    context: object

    def __post_init__(self) -> None:
        self.s3 = boto3.client("s3")
        self.sqs = boto3.client("sqs")
        self.table = boto3.resource("dynamodb").Table(self.stack.findings_table)

    def put(self, key: str, body: bytes) -> dict:
        return self.s3.put_object(Bucket=self.stack.bucket, Key=key, Body=body)

    def receive(self) -> list[dict]:
        messages = []
        while batch := self.sqs.receive_message(QueueUrl=self.stack.queue_url, MaxNumberOfMessages=10).get(
            "Messages", []
        ):
            messages += batch
            for message in batch:
                self.sqs.delete_message(QueueUrl=self.stack.queue_url, ReceiptHandle=message["ReceiptHandle"])
        return messages

    def invoke(self, bodies: list[str]) -> dict:
        records = [
            {
                "messageId": f"msg-{index}",
                "receiptHandle": "rh",
                "body": body,
                "attributes": {},
                "messageAttributes": {},
                "md5OfBody": "",
                "eventSource": "aws:sqs",
                "eventSourceARN": "arn:aws:sqs:eu-central-1:123456789012:ScanQueue",
                "awsRegion": "eu-central-1",
            }
            for index, body in enumerate(bodies)
        ]
        return self.handler({"Records": records}, self.context)

    def deliver(self) -> tuple[dict, list[str]]:
        """Hand every queued S3 notification to the handler as one SQS batch."""
        bodies = [m["Body"] for m in self.receive()]
        return self.invoke(bodies), bodies

    def items(self) -> list[dict]:
        items, kwargs = [], {}
        while True:
            page = self.table.scan(**kwargs)
            items += page["Items"]
            if "LastEvaluatedKey" not in page:
                return items
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    @staticmethod
    def stored_key(key: str) -> str:
        """The object key as the handler's findings store stores it (a key holding personal data masked)."""
        from privscan import settings, wiring

        return wiring.get_service(settings.get_settings()).store.stored_key(key)

    def findings(self, key: str) -> list[dict]:
        stored = self.stored_key(key)
        return sorted(
            (i for i in self.items() if i["sk"].startswith("FINDING#") and i["key"] == stored), key=lambda i: i["sk"]
        )

    def summary(self, key: str) -> dict:
        pk = f"OBJ#{self.stack.bucket}#{self.stored_key(key)}"
        return self.table.get_item(Key={"pk": pk, "sk": "SUMMARY"}).get("Item")


@pytest.fixture
def pipeline(monkeypatch, lambda_context, scanner):
    with mock_aws():
        stack = deploy_stack(None, REPO_ROOT / "template.yaml")
        for name, value in stack.function_env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", "Privscan")
        _clear_process_caches()
        pipeline = Pipeline(stack, load_handler(REPO_ROOT), lambda_context)
        assert ["s3:TestEvent" in m["Body"] for m in pipeline.receive()] == [True]  # sent when notifications are set
        yield pipeline
        _clear_process_caches()


def notification(bucket: str, key: str, version_id: str | None, etag: str, sequencer: str, size: int = 10) -> str:
    """An S3 notification body as S3 sends it (key URL-encoded)."""
    from urllib.parse import quote_plus

    obj = {"key": quote_plus(key), "size": size, "eTag": etag, "sequencer": sequencer}
    if version_id:
        obj["versionId"] = version_id
    return json.dumps(
        {
            "Records": [
                {
                    "eventVersion": "2.1",
                    "eventSource": "aws:s3",
                    "awsRegion": "eu-central-1",
                    "eventName": "ObjectCreated:Put",
                    "s3": {
                        "s3SchemaVersion": "1.0",
                        "bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"},
                        "object": obj,
                    },
                }
            ]
        }
    )


@contextmanager
def serving(stderr=subprocess.DEVNULL) -> Iterator[dict]:
    """`privscan serve` as a subprocess; yields the JSON banner it prints (endpoint, bucket, table, api, console
    and its accounts). `stderr`: where its messages go (a file for a test's artefacts; dropped by default)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_ENDPOINT")}
    process = subprocess.Popen(
        [sys.executable, "-m", "privscan_tools.cli", "serve", "--port", str(free_port())],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env=env,
    )
    try:
        yield json.loads(process.stdout.readline())
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a stuck server must not outlive the tests
            process.kill()
            process.wait(timeout=10)
        process.stdout.close()
