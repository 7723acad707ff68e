"""Shared fixtures: fake AWS credentials for every test, a Lambda context, one engine per session."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from privscan_tools.local.moto_lock import serialize_moto

serialize_moto()  # moto, like AWS, is called from several threads (the objects of a batch are scanned side by side)

EVENTS = Path(__file__).parent / "events"
REPO_ROOT = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def aws_env(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-central-1")
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "1")
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)


@dataclass
class LambdaContext:
    function_name: str = "ScanObjectFunction"
    memory_limit_in_mb: int = 3538
    invoked_function_arn: str = "arn:aws:lambda:eu-central-1:123456789012:function:ScanObjectFunction"
    aws_request_id: str = "52fdfc07-2182-154f-163f-5f0f9a621d72"

    def get_remaining_time_in_millis(self) -> int:
        return 900_000


@pytest.fixture
def lambda_context() -> LambdaContext:
    return LambdaContext()


def load_event(name: str) -> dict:
    return json.loads((EVENTS / name).read_text())


@pytest.fixture(scope="session")
def scanner():
    from privscan.engine import get_scanner

    return get_scanner()
