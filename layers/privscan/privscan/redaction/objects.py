"""Redacting objects of a bucket: one object or a prefix, copied de-identified to another bucket or prefix.

Each object is downloaded (spooled), redacted (redaction/stream.py) and, when the copy is whole, uploaded
server-side encrypted under the destination prefix at its relative key, each key segment holding
personal data redacted as a value is. The manifest (JSON) goes beside the copies: what was changed in
each object, by entity type and operator, and where, never a value; an object not copied says why.
The S3 client is given, never created here.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass
from typing import Any

from privscan.engine.masking import Fingerprinter
from privscan.engine.redact import MaskingPolicy
from privscan.engine.scanner import Scanner
from privscan.engine.suppress import Suppressions
from privscan.ingest.events import ObjectRef
from privscan.readers.base import ReadLimits
from privscan.redaction.operators import Redactor
from privscan.redaction.stream import SPOOL_IN_MEMORY, RedactionReport, redact_stream, redacted_path
from privscan.store.s3_objects import ObjectGone, ObjectTooLarge, download, put_stream
from privscan.vocabulary import RedactStatus

MANIFEST_NAME = "redaction-manifest.json"
GiB = 1024**3


@dataclass
class ObjectRedactor:
    """Copies objects de-identified, on the given S3 client, engine, key and operators."""

    s3: Any
    scanner: Scanner
    fingerprinter: Fingerprinter
    redactor: Redactor
    limits: ReadLimits | None = None
    suppressions: Suppressions | None = None  # the allow list: values reviewed as not personal stay
    max_object_bytes: int = 5 * GiB

    def destination_key(self, relative: str, prefix: str) -> str:
        """Where the copy of the object at `relative` (to the source prefix) goes."""
        policy = MaskingPolicy(self.fingerprinter, self.scanner.names, scan_budget=None)
        return prefix + redacted_path(relative, policy, self.redactor)

    def redact_object(
        self,
        ref: ObjectRef,
        destination_bucket: str,
        destination_key: str,
        time_limit_s: float | None = None,
    ) -> RedactionReport:
        """Redact one object version into `destination_bucket`/`destination_key` (uploaded only when whole)."""
        suppressor = (
            self.suppressions.for_object(ref.bucket, ref.key, self.fingerprinter) if self.suppressions else None
        )
        policy = MaskingPolicy(self.fingerprinter, self.scanner.names, scan_budget=None)
        try:
            with (
                download(self.s3, ref, self.max_object_bytes) as body,
                tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as copy,
            ):
                report = redact_stream(
                    ref.key,
                    body,
                    copy,
                    scanner=self.scanner,
                    fingerprinter=self.fingerprinter,
                    redactor=self.redactor,
                    limits=self.limits,
                    suppressor=suppressor,
                    time_limit_s=time_limit_s,
                )
                if report.status is RedactStatus.REDACTED:
                    copy.seek(0)
                    put_stream(self.s3, copy, destination_bucket, destination_key)
                    report.output = f"s3://{destination_bucket}/{policy.object_name(destination_key)}"
        except ObjectTooLarge as error:
            report = RedactionReport(object=policy.object_name(ref.key))
            report.skip("too_large", f"object is {error.size} bytes; the limit is {self.max_object_bytes}")
        except ObjectGone:
            report = RedactionReport(object=policy.object_name(ref.key))
            report.skip("gone", "the object version no longer exists")
        return report

    def redact_prefix(self, bucket: str, prefix: str, destination_bucket: str, destination_prefix: str) -> dict:
        """Every object under `prefix` (a copy already under the destination left out), then the manifest,
        written as `destination_prefix` + MANIFEST_NAME; returns the manifest."""
        reports = []
        paginator = self.s3.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
            for item in page.get("Contents", []):
                key = item["Key"]
                if key.endswith("/") or (bucket == destination_bucket and key.startswith(destination_prefix)):
                    continue
                ref = ObjectRef(bucket, key, None, item["ETag"].strip('"'), item["Size"])
                target = self.destination_key(key[len(prefix) :], destination_prefix)
                reports.append(self.redact_object(ref, destination_bucket, target))
        policy = MaskingPolicy(self.fingerprinter, self.scanner.names, scan_budget=None)
        document = manifest(
            reports,
            self.redactor,
            source=f"s3://{bucket}/{policy.object_name(prefix)}",
            destination=f"s3://{destination_bucket}/{policy.object_name(destination_prefix)}",
        )
        write_manifest(self.s3, document, destination_bucket, destination_prefix + MANIFEST_NAME)
        return document


def manifest(reports: list[RedactionReport], redactor: Redactor, source: str, destination: str) -> dict:
    """The manifest of a redaction: its operators, totals, and each object's entry (never a value)."""
    by_entity: Counter = Counter()
    for report in reports:
        by_entity.update(report.by_entity)
    return {
        "source": source,
        "destination": destination,
        "operators": {"default": str(redactor.default), **{k: str(v) for k, v in sorted(redactor.operators.items())}},
        "objects_redacted": sum(r.status is RedactStatus.REDACTED for r in reports),
        "objects_skipped": sum(r.status is RedactStatus.SKIPPED for r in reports),
        "replaced": sum(by_entity.values()),
        "by_entity": dict(sorted(by_entity.items())),
        "objects": [report.manifest() for report in reports],
    }


def write_manifest(s3, document: dict, bucket: str, key: str) -> None:
    body = json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
    s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType="application/json", ServerSideEncryption="AES256")
