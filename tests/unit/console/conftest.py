"""The console on moto: a deployed stack, a known set of findings, and API Gateway HTTP API (payload 2.0) events
carrying the JWT authorizer's claims."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlencode

import boto3
import pytest
from moto import mock_aws
from privscan.console import app as console_app
from privscan.console.listing import FindingsIndex
from privscan.console.services import ConsoleServices
from privscan.engine.masking import Fingerprinter
from privscan.ingest.events import ObjectRef
from privscan.model import Finding
from privscan.review.reveal import Revealer
from privscan.review.workflow import ReviewService
from privscan.store.allow_list import AllowListObject
from privscan.store.findings_store import FindingsStore, finding_id
from privscan_tools.local.stack import deploy_stack

from tests.conftest import REPO_ROOT

KEY_OF_TESTS = "k" * 32
HOST = "console.example.org"
REVIEWER = {"cognito:username": "rita", "email": "rita@example.org", "cognito:groups": "[reviewer]"}
VIEWER = {"cognito:username": "victor", "cognito:groups": "[viewer]"}
OUTSIDER = {"cognito:username": "olga", "cognito:groups": "[billing]"}
IBAN = "DE89370400440532013000"
NOTES = f"pay to {IBAN} today\nnothing here\n"
DIRECT = "GDPR-ART5-1-C-DIRECT-IDENTIFIERS"
NATIONAL = "GDPR-ART87-NATIONAL-ID"
NO_AI = "AIACT-ART50-1-NO-AI-DISCLOSURE"
CHAT_RATES = {  # a chat object's conversation-level rules as its scan records them (engine/rules/conversations.py)
    "conversations": 500,
    "rules": {NO_AI: {"findings": 1, "conversations": 1, "per_1000": 2.0}},
    "models": [],
    "models_total": 0,
}


def finding(obj, record, entity, severity, rules, preview, *, field=None, start=None, end=None, count=None, value=None):
    return Finding(
        object=obj,
        record=record,
        field=field,
        start=start,
        end=end,
        entity_type=entity,
        score=1.0,
        severity=severity,
        preview=preview,
        fingerprint=Fingerprinter(KEY_OF_TESTS)(entity, value) if value and entity else None,
        rule_ids=rules,
        count=count,
    )


# the known set: 3 objects, 6 findings
KNOWN = {
    "crm/people.csv": [
        finding("crm/people.csv", None, "EMAIL_ADDRESS", "medium", [DIRECT], "a***@e***.com", field="email", count=40),
        finding("crm/people.csv", 0, "DE_TAX_ID", "high", [NATIONAL, DIRECT], "1*********1", field="tax", value="x"),
        finding("crm/people.csv", 1, "DE_TAX_ID", "high", [NATIONAL, DIRECT], "2*********2", field="tax", value="y"),
    ],
    "crm/notes.txt": [
        finding(
            "crm/notes.txt", 0, "IBAN_CODE", "high", [DIRECT], "DE******************00", start=7, end=29, value=IBAN
        ),
    ],
    "chats/log.jsonl": [
        finding("chats/log.jsonl", None, None, "high", [NO_AI], ""),
        finding("chats/log.jsonl", 2, "PERSON", "low", [], "A*** R**", field="content", start=0, end=8, value="a"),
    ],
}


@dataclass
class Console:
    services: ConsoleServices
    bucket: str
    results: str
    s3: object
    audit_table: object
    ids: dict[str, list[str]]  # object key → finding ids in scan order
    lambda_context: object

    def call(
        self,
        method: str,
        path: str,
        query: dict | None = None,
        body=None,
        *,
        claims: dict | None = REVIEWER,
        headers: dict | None = None,
        raw: bool = False,
    ) -> tuple[int, dict | str, dict]:
        sent = {"host": HOST}
        if claims is not None:
            sent["authorization"] = "Bearer header.payload.signature"
        if body is not None:
            sent["content-type"] = "application/json"
        sent |= headers or {}
        sent = {k: v for k, v in sent.items() if v is not None}
        event = api_event(method, path, query, body, claims, sent)
        response = console_app.handle(event, self.lambda_context)
        text = response.get("body") or ""
        is_json = (response.get("headers") or {}).get("Content-Type", "").startswith("application/json")
        return response["statusCode"], (json.loads(text) if is_json and not raw else text), response["headers"]


def api_event(method, path, query, body, claims, headers) -> dict:
    """An HTTP API payload 2.0 event as API Gateway sends it after its JWT authorizer."""
    context = {
        "accountId": "123456789012",
        "apiId": "console",
        "domainName": HOST,
        "stage": "$default",
        "requestId": "c0ffee",
        "routeKey": "$default",
        "http": {"method": method, "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "t"},
    }
    if claims is not None:
        context["authorizer"] = {"jwt": {"claims": claims, "scopes": None}}
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": urlencode(query or {}),
        **({"queryStringParameters": {k: str(v) for k, v in query.items()}} if query else {}),
        "headers": headers,
        "requestContext": context,
        **({"body": body if isinstance(body, str) else json.dumps(body)} if body is not None else {}),
        "isBase64Encoded": False,
    }


SCANNED = {"crm/people.csv": "2026-12-01T10:00:00+00:00", "crm/notes.txt": "2026-12-03T10:00:00+00:00"}
SCANNED["chats/log.jsonl"] = "2026-12-05T10:00:00+00:00"


def add_object(store: FindingsStore, s3, bucket: str, key: str, findings: list[Finding], body: str = "x", **summary):
    version = s3.put_object(Bucket=bucket, Key=key, Body=body.encode())["VersionId"]
    ref = ObjectRef(bucket, key, version)
    store.replace_findings(ref, findings)
    counts = {"findings": len(findings), "by_severity": {}, "by_entity": {}, "by_rule": {}}
    for f in findings:
        counts["by_severity"][f.severity] = counts["by_severity"].get(f.severity, 0) + 1
        entity = f.entity_type or "RULE"
        counts["by_entity"][entity] = counts["by_entity"].get(entity, 0) + (f.count or 1)
        for rule in f.rule_ids:
            counts["by_rule"][rule] = counts["by_rule"].get(rule, 0) + 1
    store.put_summary(ref, {"status": "done", "records": 3, **counts, **summary})
    store.table.update_item(  # the scan's time, fixed so that dates filter exactly
        Key={"pk": f"OBJ#{bucket}#{key}", "sk": "SUMMARY"},
        UpdateExpression="SET updated_at = :at",
        ExpressionAttributeValues={":at": SCANNED.get(key, "2026-12-07T10:00:00+00:00")},
    )
    return [finding_id(bucket, key, ref.version_token, seq) for seq in range(len(findings))]


@pytest.fixture
def console(monkeypatch, scanner, lambda_context):
    with mock_aws():
        stack = deploy_stack(None, REPO_ROOT / "template.yaml")
        dynamodb = boto3.resource("dynamodb")
        s3 = boto3.client("s3")
        audit = dynamodb.Table(stack.audit_table)
        store = FindingsStore(dynamodb.Table(stack.findings_table), audit)
        results = stack.outputs["ResultsBucketName"]
        fingerprinter = Fingerprinter(KEY_OF_TESTS)
        services = ConsoleServices(
            review=ReviewService(
                store, AllowListObject(s3, results, "config/suppressions.yaml"), scanner, fingerprinter
            ),
            revealer=Revealer(s3, store, scanner, fingerprinter),
            index=FindingsIndex(store, max_age=60),
            bucket=stack.bucket,
        )
        ids = {}
        for key, findings in KNOWN.items():
            extra = {"conversation_rules": CHAT_RATES} if key.startswith("chats/") else {}
            ids[key] = add_object(
                store, s3, stack.bucket, key, findings, NOTES if key == "crm/notes.txt" else "x", **extra
            )
        monkeypatch.setattr(console_app, "services", lambda: services)
        monkeypatch.setenv("CONSOLE_CLIENT_ID", "client-of-tests")
        monkeypatch.delenv("CONSOLE_AUTH_ENDPOINT", raising=False)
        yield Console(services, stack.bucket, results, s3, audit, ids, lambda_context)
