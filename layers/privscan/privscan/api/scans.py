"""POST /scans and GET /scans/{id}: a small body scanned now, or an uploaded object queued for the scan function.

A synchronous scan stores nothing: the findings go back in the response. It is scanned as if
it were the object `name` of the upload bucket, so the same allow list applies (read fresh
for every request: a suppression made a moment ago counts) and fingerprints use the stack's key.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from privscan.api.settings import ApiSettings
from privscan.engine.masking import Fingerprinter
from privscan.engine.scanner import Scanner
from privscan.ingest.events import ObjectRef, created_notification, iso_time
from privscan.model import ScanStatus
from privscan.pipeline import scan_stream
from privscan.redaction.operators import Redactor
from privscan.redaction.stream import redact_stream
from privscan.review.policy import Policy
from privscan.store.allow_list import AllowListObject
from privscan.store.findings_store import FindingsStore
from privscan.vocabulary import Outcome, RedactStatus

# outcome of a scan that could not finish → HTTP status of the answer
REFUSED_STATUS = {Outcome.TOO_LARGE: 413, Outcome.DECOMPRESSION_BOMB: 413}


class ScanRefused(Exception):
    """The body cannot be scanned as sent: HTTP `status`, a content-free `reason`."""

    def __init__(self, status: int, outcome: str, reason: str):
        super().__init__(reason)
        self.status, self.outcome, self.reason = status, outcome, reason


def scan_id_of(bucket: str, key: str, version: str) -> str:
    return hashlib.sha256(f"{bucket}\x1f{key}\x1f{version}".encode()).hexdigest()[:24]


@dataclass
class ScanApi:
    settings: ApiSettings
    s3: Any
    sqs: Any
    store: FindingsStore
    scanner: Scanner
    fingerprinter: Fingerprinter
    allow_list: AllowListObject

    # -- synchronous ------------------------------------------------------------------------
    def _within_sync_limit(self, body: bytes, what: str, instead: str) -> None:
        """Refuse (413, too_large) a body over the synchronous limit, saying what to do `instead`."""
        limit = self.settings.max_sync_bytes
        if len(body) > limit:
            raise ScanRefused(
                413,
                Outcome.TOO_LARGE,
                f"the body is {len(body)} bytes; synchronous {what} take up to {limit} ({instead})",
            )

    def scan_now(self, name: str, body: bytes, policy: Policy, file_name: str | None = None) -> dict:
        """Scan `body` as the object `name` of the upload bucket (`file_name`, default `name`, tells the format)."""
        self._within_sync_limit(body, "scans", "upload larger files to the bucket and post their s3:// URI")
        findings: list[dict] = []
        suppressor = self.allow_list.read().for_object(self.settings.upload_bucket, name, self.fingerprinter)
        report = scan_stream(
            name,
            io.BytesIO(body),
            file_name=file_name,
            scanner=self.scanner,
            fingerprinter=self.fingerprinter,
            sink=lambda finding: findings.append(finding.contract()),
            limits=self.settings.read_limits,
            suppressor=suppressor,
            time_limit_s=self.settings.sync_time_limit_s,
        )
        if report.status is not ScanStatus.DONE:
            raise ScanRefused(REFUSED_STATUS.get(report.outcome, 422), report.outcome, report.reason or report.outcome)
        return {
            "verdict": policy.verdict(findings),
            "policy": policy,
            "summary": report.summary(),
            "findings": findings,
        }

    def redact_now(self, name: str, body: bytes, redactor: Redactor, file_name: str | None = None) -> tuple:
        """A de-identified copy of `body`, judged as the object `name` of the upload bucket (its allow list
        applies): (the copy's bytes, its manifest entry). Refused as a scan is: too large, or unreadable."""
        self._within_sync_limit(body, "redactions", "use privscan redact or the redaction step after a bucket scan")
        suppressor = self.allow_list.read().for_object(self.settings.upload_bucket, name, self.fingerprinter)
        copy = io.BytesIO()
        report = redact_stream(
            name,
            io.BytesIO(body),
            copy,
            file_name=file_name,
            scanner=self.scanner,
            fingerprinter=self.fingerprinter,
            redactor=redactor,
            limits=self.settings.read_limits,
            suppressor=suppressor,
            time_limit_s=self.settings.sync_time_limit_s,
        )
        if report.status is not RedactStatus.REDACTED:
            raise ScanRefused(REFUSED_STATUS.get(report.outcome, 422), report.outcome, report.reason or report.outcome)
        return copy.getvalue(), report.manifest()

    def examine_now(self, body: bytes, label: str | None, file_name: str) -> dict:
        """Scan and examine `body` in one pass (privscan.examine): the examination document; nothing is stored."""
        from privscan.examine import Examiner

        limit = self.settings.max_sync_bytes
        if len(body) > limit:
            raise ScanRefused(413, Outcome.TOO_LARGE, f"the body is {len(body)} bytes; examinations take up to {limit}")
        examiner = Examiner(fingerprint=self.fingerprinter, label=label)
        try:
            report = scan_stream(
                file_name,
                io.BytesIO(body),
                scanner=self.scanner,
                fingerprinter=self.fingerprinter,
                sink=lambda finding: None,
                limits=self.settings.read_limits,
                time_limit_s=self.settings.sync_time_limit_s,
                observer=examiner,
            )
            if report.status is not ScanStatus.DONE:
                status = REFUSED_STATUS.get(report.outcome, 422)
                raise ScanRefused(status, report.outcome, report.reason or report.outcome)
            try:
                return examiner.report()
            except ValueError:  # its message names the column: nothing sent is answered back
                raise ScanRefused(422, "bad_label", "the label is not a column of two values in the data") from None
        finally:
            examiner.close()

    # -- asynchronous -----------------------------------------------------------------------
    def enqueue(self, bucket: str, key: str, requested_by: str) -> dict:
        if bucket != self.settings.upload_bucket:
            raise ScanRefused(
                422, "other_bucket", f"only objects of the upload bucket {self.settings.upload_bucket} are scanned"
            )
        try:
            head = self.s3.head_object(Bucket=bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "403", "AccessDenied"}:
                raise ScanRefused(404, "not_found", "no such object") from None
            raise
        ref = ObjectRef(
            bucket,
            key,
            head.get("VersionId"),
            head["ETag"].strip('"'),
            head["ContentLength"],
            modified_at=iso_time(head.get("LastModified")),
        )
        scan_id = scan_id_of(bucket, key, ref.version_token)
        if self.store.scan_request(scan_id) is None:  # a repeated request does not queue the object again
            self.sqs.send_message(QueueUrl=self.settings.scan_queue_url, MessageBody=created_notification(ref))
            self.store.put_scan_request(scan_id, ref, requested_by)
        return self.status(scan_id)

    def status(self, scan_id: str) -> dict | None:
        scan = self.store.scan_request(scan_id)
        if scan is None:
            return None
        bucket, key, version = scan["bucket"], scan["key"], scan["version"]
        state = self.store.version_status(bucket, key, version) or {"status": str(ScanStatus.QUEUED)}
        summary = self.store.get_summary(bucket, key)
        done = state["status"] == ScanStatus.DONE and summary and summary.get("version") == version
        return {
            "scan_id": scan_id,
            "s3_uri": f"s3://{bucket}/{key}",
            "version": version,
            "status": state["status"],
            "reason": state.get("reason"),
            "summary": _public_summary(summary) if done else None,
        }


SUMMARY_FIELDS = (
    "outcome",
    "format",
    "records",
    "bytes_read",
    "findings",
    "by_entity",
    "by_severity",
    "by_rule",
    "conversation_rules",  # an object holding conversations: the conversation rules' rates (docs/transcripts.md)
    "issues",
    "truncated",
    "results_uri",
)


def _public_summary(summary: dict) -> dict:
    return {name: summary.get(name) for name in SUMMARY_FIELDS}
