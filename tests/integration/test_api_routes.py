"""The api handler on moto, with events shaped as API Gateway's HTTP API sends them (payload 2.0, IAM context)."""

from __future__ import annotations

import base64
import gzip
import json

import pytest
from moto import mock_aws
from privscan.local.api_server import http_api_event
from privscan.local.stack import deploy_stack
from privscan.local.worker import load_handler

from tests.conftest import REPO_ROOT

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
            method: str, path: str, body: dict | bytes | None = None, *, signed: bool = True
        ) -> tuple[int, dict]:
            raw = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else b""
            event = http_api_event(
                method, path, {"host": "api.local", "content-type": "application/json"}, raw, "tester", "127.0.0.1"
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
    assert call("PATCH", f"/findings/{'0' * 24}", {"status": "confirmed"})[0] == 404


def test_unknown_routes_and_statuses(call):
    assert call("DELETE", f"/findings/{'0' * 24}")[0] == 404  # no route deletes anything
    status, body = call("GET", "/findings?status=closed")
    assert status == 422 and body["errors"][0]["loc"] == ["query", "status"]
    status, body = call("GET", "/findings?limit=0")
    assert status == 422 and body["errors"][0]["loc"] == ["query", "limit"]


def test_one_objects_findings_are_listed_by_its_key_even_when_the_key_is_stored_masked(call):
    from urllib.parse import quote

    from privscan import wiring
    from privscan.api.settings import get_api_settings
    from privscan.events import ObjectRef
    from privscan.model import Finding

    settings = get_api_settings()
    store = wiring.get_api_services(settings).review.store
    key = "exports/anna.schmidt@example.com/data.csv"
    finding = Finding(key, 0, "email", 0, 5, "EMAIL_ADDRESS", 1.0, "medium", "b***@e***.com", "f" * 32)
    ref = ObjectRef(settings.upload_bucket, key, "v1", "e1")
    store.replace_findings(ref, [finding])
    store.put_summary(ref, {"status": "done", "findings": 1})
    status, page = call("GET", f"/findings?object={quote(key)}")
    assert status == 200 and [f["preview"] for f in page["findings"]] == ["b***@e***.com"]
    assert "anna" not in json.dumps(page) and page["findings"][0]["key"].startswith("exports/a***@e***.com~")
