"""The api handler on moto, with events shaped as API Gateway's HTTP API sends them (payload 2.0, IAM context)."""

from __future__ import annotations

import base64
import gzip
import json
import os

import pytest
from moto import mock_aws
from privscan.local.api_server import http_api_event
from privscan.local.stack import deploy_stack
from privscan.local.worker import load_handler

from tests.conftest import REPO_ROOT

REVIEWER = "privacy-officer"  # a local reviewer (LOCAL_REVIEWERS); "tester" stands for a CI runner
CSV = "name,email\nAnna Roe,anna.roe@example.com\nBo Lind,bo.lind@example.org\n"


def _clear_caches() -> None:
    from privscan import wiring
    from privscan.api import settings

    settings.get_api_settings.cache_clear()
    wiring.get_api_services.cache_clear()
    wiring._clients.cache_clear()


@pytest.fixture
def call(monkeypatch, lambda_context, scanner):
    with mock_aws():
        stack = deploy_stack(None, REPO_ROOT / "template.yaml")
        for name, value in stack.function_envs["ApiFunction"].items():
            monkeypatch.setenv(name, value)
        _clear_caches()
        handler = load_handler(REPO_ROOT, "api")

        def invoke(
            method: str, path: str, body: dict | bytes | None = None, *, signed: bool = True, signer: str = "tester"
        ) -> tuple[int, dict]:
            raw = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else b""
            event = http_api_event(
                method, path, {"host": "api.local", "content-type": "application/json"}, raw, signer, "127.0.0.1"
            )
            if not signed:
                event["requestContext"].pop("authorizer")
            response = handler(event, lambda_context)
            return response["statusCode"], json.loads(response["body"])

        yield invoke
        _clear_caches()


def test_records_are_scanned_as_jsonl_with_the_cli_contract(call):
    status, body = call(
        "POST",
        "/scans",
        {"records": [{"note": "write to anna.roe@example.com"}, {"note": "no"}], "policy": {"fail_on": "medium"}},
    )
    assert status == 200
    assert body["findings"] == [
        {
            "object": "records.jsonl",
            "record": 0,
            "field": "note",
            "start": 9,
            "end": 29,
            "entity_type": "EMAIL_ADDRESS",
            "score": 1.0,
            "severity": "medium",
            "rule_ids": ["GDPR-ART5-1-C-DIRECT-IDENTIFIERS"],
            "preview": "a***@e***.com",
        }
    ]
    assert (body["verdict"], body["policy"]["fail_on"], body["summary"]["records"]) == ("fail", "medium", 2)


def test_a_gzipped_csv_file_is_named_by_object_and_read_by_its_file_name(call):
    content = base64.b64encode(gzip.compress(CSV.encode())).decode()
    status, body = call(
        "POST",
        "/scans",
        {"file": {"name": "people.csv.gz", "content_base64": content}, "object": "datasets/crm/people.csv.gz"},
    )
    assert status == 200 and body["verdict"] == "pass"  # e-mail columns are medium; the default fails on high
    assert (body["summary"]["format"], body["summary"]["compressed"]) == ("csv", True)
    emails = [f for f in body["findings"] if f["entity_type"] == "EMAIL_ADDRESS"]
    assert [(f["object"], f["field"], f["record"], f["count"]) for f in emails] == [
        ("datasets/crm/people.csv.gz", "email", None, 2)
    ]


def test_allowed_entities_pass(call):
    request = {"text": "IBAN DE89370400440532013000", "policy": {"allowed_entities": ["IBAN_CODE"]}}
    status, body = call("POST", "/scans", request)
    assert (status, body["verdict"], [f["entity_type"] for f in body["findings"]]) == (200, "pass", ["IBAN_CODE"])


@pytest.mark.parametrize(
    ("request_body", "status", "outcome"),
    [
        (
            {"file": {"name": "blob.bin", "content_base64": base64.b64encode(bytes(range(256)) * 4).decode()}},
            422,
            "binary",
        ),
        (
            {"file": {"name": "a.csv.gz", "content_base64": base64.b64encode(gzip.compress(b"x" * 100)[:20]).decode()}},
            422,
            "malformed",
        ),
        ({"file": {"name": "a.txt", "content_base64": "%%%"}}, 422, "malformed"),
    ],
)
def test_unscannable_bodies_get_a_4xx_with_their_outcome(call, request_body, status, outcome):
    answer_status, body = call("POST", "/scans", request_body)
    assert (answer_status, body["outcome"]) == (status, outcome)


def test_a_scan_past_its_time_limit_is_refused_not_timed_out(call, monkeypatch):
    monkeypatch.setenv("SYNC_TIME_LIMIT_S", "0.000001")
    _clear_caches()
    status, body = call("POST", "/scans", {"text": "anna.roe@example.com\n" * 50})
    assert (status, body["outcome"], body["message"]) == (422, "time_limit", "the scan took longer than 1e-06 s")


def test_the_reviewer_is_the_signer_never_the_body(call):
    status, body = call("PATCH", f"/findings/{'0' * 24}", {"status": "confirmed"}, signed=False)
    assert (status, body["message"]) == (403, "the request carries no IAM identity")
    status, body = call("PATCH", f"/findings/{'0' * 24}", {"status": "confirmed", "reviewed_by": "someone"})
    assert status == 422 and body["errors"] == [
        {"loc": ["body", "reviewed_by"], "msg": "Extra inputs are not permitted"}
    ]
    assert call("PATCH", f"/findings/{'0' * 24}", {"status": "confirmed"}, signer=REVIEWER)[0] == 404


def test_unknown_routes_and_statuses(call):
    assert call("DELETE", f"/findings/{'0' * 24}")[0] == 404  # no route deletes anything
    status, body = call("GET", "/findings?status=closed")
    assert status == 422 and body["errors"][0]["loc"] == ["query", "status"]
    status, body = call("GET", "/findings?limit=0")
    assert status == 422 and body["errors"][0]["loc"] == ["query", "limit"]


@pytest.fixture
def stored_finding() -> str:
    """One open IBAN finding in the local stack's findings table (call inside the `call` fixture)."""
    import boto3
    from privscan.adapters.findings_store import FindingsStore, finding_id
    from privscan.engine.masking import Fingerprinter
    from privscan.events import ObjectRef
    from privscan.model import Finding

    bucket = os.environ["UPLOAD_BUCKET"]
    value = "DE89370400440532013000"
    store = FindingsStore(boto3.resource("dynamodb").Table(os.environ["FINDINGS_TABLE"]))
    finding = Finding(
        object="data/a.txt",
        record=0,
        field=None,
        start=0,
        end=len(value),
        entity_type="IBAN_CODE",
        score=1.0,
        severity="high",
        preview="DE******************00",
        fingerprint=Fingerprinter("k" * 32)("IBAN_CODE", value),
        rule_ids=[],
    )
    store.replace_findings(ObjectRef(bucket, "data/a.txt", "v1"), [finding])
    return finding_id(bucket, "data/a.txt", "v1", 0)


@pytest.mark.parametrize(
    "change",
    [
        {"status": "false_positive"},
        {"status": "false_positive", "suppress": {"by": "fingerprint", "prefix": ""}},
        {"status": "false_positive", "suppress": {"by": "pattern", "pattern": "DE8937[0-9]{16}", "prefix": ""}},
    ],
)
def test_only_a_reviewer_may_review_or_suppress(call, stored_finding, change):
    path = f"/findings/{stored_finding}"
    assert call("PATCH", path, change) == (403, {"statusCode": 403, "message": "Forbidden"})
    assert call("PATCH", f"/findings/{'0' * 24}", change) == (403, {"statusCode": 403, "message": "Forbidden"})
    status, shown = call("GET", path)
    assert (status, shown["finding"]["review_status"], shown["audit"]) == (200, "open", [])

    status, body = call("PATCH", path, change, signer=REVIEWER)
    assert (status, body["finding"]["review_status"], body["audit_entry"]["actor"]) == (
        200,
        "false_positive",
        "arn:aws:iam::123456789012:user/privacy-officer",
    )


@pytest.mark.parametrize(
    ("pattern", "code", "reason"),
    [
        (
            "[a-z]+@.*",
            "pattern_unanchored",
            "every match must contain at least 3 literal characters (a domain, a prefix)",
        ),
        (".*[.]com", "pattern_too_broad", "the pattern matches unrelated values; pin the value's own parts"),
        ("x" * 201, "pattern_too_long", "a pattern is at most 200 characters"),
    ],
)
def test_a_suppression_pattern_that_matches_nearly_everything_is_a_400_with_its_code(call, pattern, code, reason):
    change = {"status": "false_positive", "suppress": {"by": "pattern", "pattern": pattern, "prefix": ""}}
    status, body = call("PATCH", f"/findings/{'0' * 24}", change)
    assert (status, body["outcome"], body["message"]) == (400, code, f"suppress.pattern refused: {reason}")
    assert pattern not in json.dumps(body)


def test_a_body_that_is_not_utf8_is_not_json(call):
    status, body = call("PATCH", f"/findings/{'0' * 24}", b"\xa4O\xd2")
    assert (status, body["message"]) == (400, "the body is not valid JSON")
