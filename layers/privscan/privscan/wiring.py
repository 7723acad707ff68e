"""Assemble the scan service from settings: AWS clients, the fingerprint key, the engine.

Kept apart from the service so the handler stays one call and tests can build a
service from their own moto-backed clients.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

import boto3
from aws_lambda_powertools.utilities import parameters

from privscan.engine import get_scanner
from privscan.engine.masking import Fingerprinter
from privscan.engine.redact import MaskingPolicy
from privscan.ingest.scale_out import ScaleOutService
from privscan.ingest.service import ObjectScanService
from privscan.redaction.objects import ObjectRedactor
from privscan.redaction.operators import Redactor
from privscan.settings import ScanSettings
from privscan.store.allow_list import AllowListObject
from privscan.store.event_bus import EventBridgePublisher
from privscan.store.executions import StepFunctionsStarter
from privscan.store.findings_store import FindingsStore
from privscan.store.keyring import fingerprinter_from_secret
from privscan.store.publish import Publishers
from privscan.store.security_hub import SecurityHubPublisher

if TYPE_CHECKING:
    from privscan.api.app import ApiServices
    from privscan.api.settings import ApiSettings
    from privscan.engine.scanner import Scanner


def fingerprint_key(settings: ScanSettings) -> str:
    """The fingerprint key (or keyring) from the settings in tests and local runs, else from Secrets Manager, cached
    for an hour."""
    if settings.fingerprint_key is not None:
        return settings.fingerprint_key.get_secret_value()
    return parameters.get_secret(settings.fingerprint_secret_arn, max_age=3600)


@lru_cache(maxsize=1)
def _clients() -> tuple:
    return boto3.client("s3"), boto3.resource("dynamodb")


_local_executions: list[Callable[[], object]] = []


def play_executions_locally(factory: Callable[[], object]) -> None:
    """Let a local stack play the state machine in this process for `local:` state machine ARNs.

    The local stack (a tool, never shipped to Lambda) registers its player here, so the runtime needs no
    import of the tools.
    """
    _local_executions[:] = [factory]


def execution_starter(settings: ScanSettings):
    """Where objects over the chunk threshold go: the state machine, or (`local:`) this process."""
    arn = settings.state_machine_arn
    if not arn:
        return None
    if arn.startswith("local:"):
        if not _local_executions:
            raise RuntimeError("a local: state machine needs a local stack to play it (privscan serve or demo)")
        return _local_executions[0]()
    return StepFunctionsStarter(boto3.client("stepfunctions"), arn)


@lru_cache(maxsize=1)
def get_service(settings: ScanSettings) -> ObjectScanService:
    """One service per process (engine, clients and key are reused across invocations)."""
    return build_service(settings)


def masked_store(
    table, scanner: Scanner, fingerprinter: Fingerprinter, audit_table=None, publisher=None
) -> FindingsStore:
    """The findings store, storing an object key that holds personal data as the masking policy renders it
    (every key scanned, so that a key renders alike in every process whatever it stored before)."""
    policy = MaskingPolicy(fingerprinter, scanner.names, scan_budget=None)
    return FindingsStore(table, audit_table, stored_key=policy.object_name, publisher=publisher)


def publishers(settings: ScanSettings) -> Publishers:
    """Where new findings and review changes are published: Security Hub, EventBridge, both or nowhere."""
    chosen = []
    if settings.security_hub_product_arn:
        chosen.append(SecurityHubPublisher(boto3.client("securityhub"), settings.security_hub_product_arn))
    if settings.findings_event_bus:
        chosen.append(EventBridgePublisher(boto3.client("events"), settings.findings_event_bus))
    return Publishers(chosen)


def object_redactor(settings: ScanSettings, s3, scanner: Scanner, fingerprinter: Fingerprinter) -> ObjectRedactor:
    """The redaction step's copier, on the settings' operators and limits."""
    redactor = Redactor(fingerprinter, settings.operators(), settings.redact_default)
    return ObjectRedactor(
        s3, scanner, fingerprinter, redactor, settings.read_limits, max_object_bytes=settings.max_object_bytes
    )


def build_service(settings: ScanSettings) -> ObjectScanService:
    """A scan service on this process's AWS clients, engine and fingerprint key."""
    s3, dynamodb = _clients()
    scanner, fingerprinter = get_scanner(settings.engine), fingerprinter_from_secret(fingerprint_key(settings))
    return ObjectScanService(
        settings=settings,
        s3=s3,
        store=masked_store(
            dynamodb.Table(settings.findings_table), scanner, fingerprinter, publisher=publishers(settings)
        ),
        scanner=scanner,
        fingerprinter=fingerprinter,
        executions=execution_starter(settings),
        redaction=object_redactor(settings, s3, scanner, fingerprinter) if settings.redact_after_scan else None,
    )


def review_parts(settings: ScanSettings, audit_table: str) -> tuple:
    """What reviewing findings needs, for the api and console functions: the S3 client, the engine and key, the
    findings store (keys masked, with the audit table and the publishers) and the allow list object."""
    s3, dynamodb = _clients()
    scanner, fingerprinter = get_scanner(settings.engine), fingerprinter_from_secret(fingerprint_key(settings))
    audit = dynamodb.Table(audit_table)
    store = masked_store(dynamodb.Table(settings.findings_table), scanner, fingerprinter, audit, publishers(settings))
    allow_list = AllowListObject(s3, settings.results_bucket, settings.suppressions_key)
    return s3, scanner, fingerprinter, store, allow_list


@lru_cache(maxsize=1)
def get_api_services(settings: ApiSettings) -> ApiServices:
    """The api function's services: the sync scanner shares the engine and key with bucket scans."""
    from privscan.api.app import ApiServices
    from privscan.api.principals import parse_principals
    from privscan.api.scans import ScanApi
    from privscan.review.reveal import Revealer
    from privscan.review.workflow import ReviewService

    s3, scanner, fingerprinter, store, allow_list = review_parts(settings, settings.audit_table)
    scans = ScanApi(
        settings=settings,
        s3=s3,
        sqs=boto3.client("sqs"),
        store=store,
        scanner=scanner,
        fingerprinter=fingerprinter,
        allow_list=allow_list,
    )
    return ApiServices(
        scans=scans,
        review=ReviewService(store, allow_list, scans.scanner, scans.fingerprinter),
        reviewers=parse_principals(settings.reviewer_principals),
        revealer=Revealer(s3, store, scanner, fingerprinter),
    )


@lru_cache(maxsize=1)
def get_scaleout(settings: ScanSettings) -> ScaleOutService:
    """The plan / scan_chunk / reduce steps, on the process's service."""
    return ScaleOutService(get_service(settings))
