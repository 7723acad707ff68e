"""The per-object unit of work behind the scan_object function.

S3 event → (idempotent) scan of that object version → findings and summary in
DynamoDB, the full findings list in the results bucket. Every expected outcome
(unsupported, empty, malformed, too large, bomb, gone, superseded) is recorded and
returns normally; only infrastructure errors raise, so SQS retries the message.

Events of a key are applied in their S3 order, not in the order they arrive or their scans
finish (see privscan.store.findings_store): a version whose event is older than one already
recorded (a newer version, a removal) is recorded ``superseded`` without being scanned, and a
scan that a later event overtook while it ran ends ``superseded`` when it comes to write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)

from privscan.engine.coverage import coverage_gap_finding, is_gap
from privscan.engine.masking import Fingerprinter
from privscan.engine.scanner import Scanner
from privscan.engine.suppress import Suppressions
from privscan.ingest.events import ObjectEvent, ObjectRef
from privscan.model import Finding, ScanStatus
from privscan.observability import logger, metrics
from privscan.pipeline import ScanReport, rejected, scan_stream
from privscan.redaction.objects import ObjectRedactor, manifest, write_manifest
from privscan.redaction.stream import RedactionReport
from privscan.settings import ScanSettings
from privscan.store.allow_list import log_problems
from privscan.store.executions import ExecutionStarter
from privscan.store.findings_store import SEQUENCE, FindingsStore, Superseded
from privscan.store.s3_objects import (
    ObjectGone,
    ObjectTooLarge,
    download,
    read_text_if_changed,
    results_key,
    upload_results,
)
from privscan.store.spool import FindingSpool
from privscan.vocabulary import EventKind, Outcome

TERMINAL = {ScanStatus.DONE, ScanStatus.UNSUPPORTED, ScanStatus.REJECTED}
LATER_EVENT = "a later event of the object (a newer version or a removal) was recorded"


@dataclass
class ObjectScanService:
    """The per-object unit of work: one S3 event in, one idempotent, order-safe scan of that object version out (see
    the module docstring)."""

    settings: ScanSettings
    s3: Any  # boto3 S3 client
    store: FindingsStore
    scanner: Scanner
    fingerprinter: Fingerprinter
    executions: ExecutionStarter | None = None  # the scale-out state machine, for objects over the threshold
    redaction: ObjectRedactor | None = None  # the optional redaction step: a de-identified copy once scanned

    def __post_init__(self) -> None:
        # Keyed on the object version (not the SQS message id): a duplicate S3 notification
        # arrives as a new message. The sequencer tells a re-created key's events apart.
        self._idempotency = IdempotencyConfig(
            event_key_jmespath="[kind, ref.bucket, ref.key, ref.version_id, ref.etag, ref.sequencer]",
            raise_on_no_idempotency_key=True,
            expires_after_seconds=7 * 24 * 3600,
        )
        self._suppressions: tuple[str | None, Suppressions] | None = None  # (ETag, the allow list)
        self.handle = self._handle
        if self.settings.idempotency_table:
            persistence = DynamoDBPersistenceLayer(table_name=self.settings.idempotency_table)
            self.handle = idempotent_function(
                data_keyword_argument="event", config=self._idempotency, persistence_store=persistence
            )(self._handle)

    def suppressions(self) -> Suppressions:
        """The allow list from the results bucket, checked for a change before every object (a conditional
        GET by its ETag), so that a suppression made by review applies to the next object scanned."""
        etag = self._suppressions[0] if self._suppressions else None
        bucket, key = self.settings.results_bucket, self.settings.suppressions_key
        changed, text, etag = read_text_if_changed(self.s3, bucket, key, etag)
        if changed or self._suppressions is None:
            self._suppressions = (etag, Suppressions.from_yaml(text))
            log_problems(self._suppressions[1])
        return self._suppressions[1]

    def use_lambda_context(self, context: Any) -> None:
        """Let idempotency expire an in-progress record when this invocation times out."""
        if context is not None:
            self._idempotency.register_lambda_context(context)

    def object_ref(self, ref: ObjectRef) -> str:
        """What logs call the object: a keyed hash of its bucket and key, also on its summary item.
        An object key may hold a name or an e-mail address (`exports/anna.schmidt@…/`): logs never show it."""
        return self.fingerprinter.token(f"object:{ref.bucket}/{ref.key}")[:16]

    def log_object(self, ref: ObjectRef) -> None:
        """Add the object to every log line of this thread (objects of a batch are scanned side by side, each in its
        own thread), as the store renders its key (never a raw personal value)."""
        logger.thread_safe_append_keys(bucket=ref.bucket, object_ref=self.object_ref(ref), version=ref.version_token)

    def _handle(self, event: ObjectEvent) -> dict:
        ref = event.ref
        self.log_object(ref)
        if event.kind == EventKind.REMOVED:
            return self._removed(ref, event.delete_marker)
        return self._created(ref)

    # -- ObjectCreated -----------------------------------------------------------------------
    def _created(self, ref: ObjectRef) -> dict:
        current = self.store.get_summary(ref.bucket, ref.key) or {}
        recorded = current.get(SEQUENCE)
        if (
            current.get("version") == ref.version_token
            and current.get("status") in TERMINAL
            and (recorded is None or recorded >= ref.sequence)
        ):  # a repeated event, or an earlier one of the same content
            logger.info("version already scanned", status=current["status"])
            return {"status": current["status"], "findings": current.get("findings", 0)}
        if recorded is not None and recorded > ref.sequence:
            in_hand = self.store.version_status(ref.bucket, ref.key, ref.version_token) or {}
            if in_hand.get("status") not in (None, str(ScanStatus.SUPERSEDED)):
                # a later event of this same version has it in hand (an API or backfill request after its
                # S3 event): that event records the version; this one changes nothing
                logger.info("version in hand by a later event of it", status=in_hand["status"])
                return {"status": in_hand["status"], "findings": current.get("findings", 0)}
            return self.superseded(ref, LATER_EVENT)

        if self.executions and ref.size is not None and ref.size > self.settings.chunk_threshold_bytes:
            self.store.set_status(ref, ScanStatus.QUEUED, "scanned in chunks by the state machine")
            self.executions.start(ref)
            logger.info("object handed to the state machine", size=ref.size)
            return {"status": str(ScanStatus.QUEUED)}

        self.store.set_status(ref, ScanStatus.SCANNING)
        try:
            report, results_uri, truncated = self._scan(ref)
            if report.status is ScanStatus.DONE and self.redaction is not None:
                self.redact_copy(ref, max(self.settings.scan_time_limit_seconds - report.duration_s, 1.0))
        except Superseded:
            return self.superseded(ref, LATER_EVENT)
        except Exception as error:
            self.store.set_status(ref, ScanStatus.FAILED, f"{type(error).__name__} while scanning")
            raise
        return self.record(ref, report, results_uri, truncated)

    def redact_copy(self, ref: ObjectRef, time_limit_s: float) -> RedactionReport:
        """The redaction step: the object version's de-identified copy in the redacted bucket, at the redacted
        prefix plus its key (segments holding personal data redacted), and its manifest entry beside it under
        the manifest prefix. Before the scan is recorded, so that a failure retries both; within what the
        scan left of its time limit (past it, the copy is skipped and the manifest says `time_limit`)."""
        settings, redaction = self.settings, self.redaction
        relative = redaction.destination_key(ref.key, "")
        redaction.suppressions = self.suppressions()
        report = redaction.redact_object(
            ref, settings.redacted_bucket, settings.redacted_prefix + relative, time_limit_s
        )
        document = manifest(
            [report],
            redaction.redactor,
            source=f"s3://{ref.bucket}/{self.store.stored_key(ref.key)}",
            destination=f"s3://{settings.redacted_bucket}/{settings.redacted_prefix}",
        )
        key = f"{settings.redaction_manifest_prefix}{relative}.json"
        write_manifest(self.s3, document, settings.redacted_bucket, key)
        logger.info("redacted copy", status=str(report.status), outcome=str(report.outcome), replaced=report.replaced)
        return report

    def superseded(self, ref: ObjectRef, reason: str) -> dict:
        """This version's event is older than one already recorded: its status says so, nothing else changes."""
        self.store.set_status(ref, ScanStatus.SUPERSEDED, reason)
        logger.info("superseded version", reason=reason)
        return {"status": str(ScanStatus.SUPERSEDED)}

    def record(self, ref: ObjectRef, report: ScanReport, results_uri: str | None, truncated: bool) -> dict:
        """The object's summary, status, metrics and log line, once its report is final."""
        if report.status is ScanStatus.SUPERSEDED:  # the version is gone: its removal is recorded on its own
            return self.superseded(ref, report.reason or report.outcome)
        summary = {
            **report.summary(),
            "results_uri": results_uri,
            "truncated": truncated,
            "object_ref": self.object_ref(ref),
        }
        summary.pop("object")
        try:
            self.store.put_summary(ref, summary)
        except Superseded:
            return self.superseded(ref, LATER_EVENT)
        self.store.set_status(ref, report.status, report.reason)
        metrics.add_metric(name="BytesScanned", unit=MetricUnit.Bytes, value=report.bytes_read)
        metrics.add_metric(name="Findings", unit=MetricUnit.Count, value=report.findings_total)
        metrics.add_metric(name="ScanDuration", unit=MetricUnit.Seconds, value=report.duration_s)
        logger.info("object scanned", **{k: summary[k] for k in ("status", "outcome", "format", "records", "findings")})
        return {"status": str(report.status), "findings": report.findings_total}

    def _scan(self, ref: ObjectRef) -> tuple[ScanReport, str | None, bool]:
        limit = self.settings.max_object_bytes
        results = FindingSpool()
        try:
            try:
                if ref.size is not None and ref.size > limit:  # the event says so: no need to ask S3
                    raise ObjectTooLarge(ref.size)
                with download(self.s3, ref, max_bytes=limit) as body:
                    report = scan_stream(
                        ref.key,
                        body,
                        scanner=self.scanner,
                        fingerprinter=self.fingerprinter,
                        sink=lambda finding: results(finding.to_dict()),
                        limits=self.settings.read_limits,
                        suppressor=self.suppressions().for_object(
                            ref.bucket, ref.key, self.fingerprinter, self.store.stored_key(ref.key)
                        ),
                        time_limit_s=self.settings.scan_time_limit_seconds,
                    )
            except ObjectTooLarge as error:
                report = rejected(
                    self.store.stored_key(ref.key),
                    Outcome.TOO_LARGE,
                    f"object is {error.size} bytes; the limit is {limit}",
                )
            except ObjectGone:
                report = rejected(
                    self.store.stored_key(ref.key), "gone", "the object version no longer exists", ScanStatus.SUPERSEDED
                )
            return (report, *self.publish(ref, report, results))
        finally:
            results.close()

    def publish(self, ref: ObjectRef, report: ScanReport, results: FindingSpool) -> tuple[str | None, bool]:
        """Findings items (capped) and the full results object; returns (results URI, truncated)."""
        return self.publish_findings(
            ref, report, results.count, results.lines, lambda bucket, key: upload_results(self.s3, results, bucket, key)
        )

    def publish_findings(
        self,
        ref: ObjectRef,
        report: ScanReport,
        count: int,
        lines: Callable[[], Iterator[dict]],
        upload: Callable[[str, str], str],
    ) -> tuple[str | None, bool]:
        """`count` findings, `lines()` in order: the first ones as items, all of them as the results object
        that `upload(bucket, key)` writes. Returns (results URI, truncated). Raises Superseded when a later
        event holds the object."""
        if report.status is ScanStatus.SUPERSEDED:  # nothing of a version that is gone
            return None, False
        if report.status is not ScanStatus.DONE:  # partial findings of an unscanned object are discarded, its gap kept
            gaps = (
                [coverage_gap_finding(self.store.stored_key(ref.key), report.outcome)] if is_gap(report.outcome) else []
            )
            self.store.replace_findings(ref, gaps)
            return None, False
        stored = (Finding.from_dict(line) for line in islice(lines(), self.settings.max_finding_items))
        self.store.replace_findings(ref, stored)
        uri = None
        if count:  # last: the upload may close the spool
            key = results_key(self.settings.results_prefix, ref, self.store.stored_key(ref.key))
            uri = upload(self.settings.results_bucket, key)
        return uri, count > self.settings.max_finding_items

    # -- ObjectRemoved -----------------------------------------------------------------------
    def _removed(self, ref: ObjectRef, delete_marker: bool) -> dict:
        """A delete marker or the delete of an unversioned object removes the object; the permanent delete of
        one version removes it only while that version is the one recorded (else the current findings stay)."""
        whole_object = delete_marker or not ref.version_id
        try:
            marked = self.store.remove(ref, only_version=None if whole_object else ref.version_token)
        except Superseded:
            if whole_object:
                self.store.set_status(ref, ScanStatus.SUPERSEDED, LATER_EVENT)
            else:
                self.store.set_status(ref, ScanStatus.DELETED, "not the version recorded for the object")
            logger.info("removal of an earlier event or of a non-current version; current findings stay")
            current = self.store.get_summary(ref.bucket, ref.key) or {}
            return {"status": current.get("status"), "findings": current.get("findings", 0)}
        self.store.set_status(ref, ScanStatus.DELETED)
        logger.info("object removed; findings marked deleted", findings=marked)
        return {"status": str(ScanStatus.DELETED), "findings": marked}
