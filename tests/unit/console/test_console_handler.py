"""The console function as Lambda runs it: functions/console/app.py, its settings from the environment and its
services built from them (privscan/console/services.py), on moto."""

from __future__ import annotations

import json

import boto3
import pytest
from moto import mock_aws
from privscan.ingest.events import ObjectRef
from privscan.model import Finding
from privscan_tools.local.stack import deploy_stack
from privscan_tools.local.worker import load_handler

from tests.conftest import REPO_ROOT
from tests.unit.console.conftest import REVIEWER, VIEWER, api_event

CONSOLE_SETTINGS = ("FINDINGS_TABLE", "AUDIT_TABLE", "RESULTS_BUCKET", "SUPPRESSIONS_KEY", "UPLOAD_BUCKET",
                    "SPACY_MODEL", "FINGERPRINT_KEY", "FINGERPRINT_SECRET_ARN")  # fmt: skip


def _clear_caches() -> None:
    from privscan import wiring
    from privscan.console import services, settings

    settings.get_console_settings.cache_clear()
    services.get_console_services.cache_clear()
    wiring._clients.cache_clear()


@pytest.fixture
def handler(monkeypatch, scanner):
    with mock_aws():
        stack = deploy_stack(None, REPO_ROOT / "template.yaml")
        env = stack.function_envs["ApiFunction"]
        for name in CONSOLE_SETTINGS:
            if name in env:
                monkeypatch.setenv(name, env[name])
        monkeypatch.setenv("CONSOLE_CLIENT_ID", "abc123")
        _clear_caches()
        yield load_handler(REPO_ROOT, "console"), stack
        _clear_caches()


def test_the_function_reads_its_settings_and_serves_a_reviewers_change(handler, lambda_context):
    handle, stack = handler
    from privscan.console.settings import get_console_settings
    from privscan.wiring import masked_store

    settings = get_console_settings()
    assert (settings.upload_bucket, settings.console_client_id) == (stack.bucket, "abc123")
    from privscan.console.services import get_console_services

    services = get_console_services(settings)
    assert masked_store  # the store masks keys as the scan functions do
    ref = ObjectRef(stack.bucket, "hr/staff.txt", "v1")
    services.review.store.replace_findings(
        ref,
        [Finding("hr/staff.txt", 0, None, 0, 5, "PERSON", 1.0, "low", "A*** R**", rule_ids=[])],
    )
    services.review.store.put_summary(ref, {"status": "done", "findings": 1})

    def call(method, path, body=None, claims=REVIEWER):
        headers = {"host": "c.example", "authorization": "Bearer t", "content-type": "application/json"}
        response = handle(api_event(method, path, None, body, claims, headers), lambda_context)
        return response["statusCode"], json.loads(response["body"]), response["headers"]

    status, page, headers = call("GET", "/console/api/findings", claims=VIEWER)
    assert (status, page["total"], page["bucket"]) == (200, 1, stack.bucket)
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    fid = page["items"][0]["id"]
    status, answer, _ = call("POST", "/console/api/reviews", {"finding_ids": [fid], "status": "confirmed"})
    assert (status, answer["outcomes"]) == (200, {"changed": 1})
    audit = boto3.resource("dynamodb").Table(stack.audit_table).scan()["Items"]
    assert [(a["actor"], a["to_status"]) for a in audit] == [("rita", "confirmed")]
    status, config, _ = call("GET", "/console/config.json", claims=None)
    assert (status, config["client_id"], config["region"]) == (200, "abc123", "eu-central-1")
