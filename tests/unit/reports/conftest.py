"""The synthetic dataset of dataset.py in a moto findings table, gathered and turned into a record."""

from __future__ import annotations

import pytest
from moto import mock_aws
from privscan.store import findings_store
from privscan.store.findings_store import FindingsStore
from privscan_tools.reports import gather, governance_record

from tests.unit.reports.dataset import BUCKET, GENERATED_AT, PREFIX, SCANNED_AT, audit_table, findings_table, populate


@pytest.fixture
def store(monkeypatch):
    monkeypatch.setattr(findings_store, "now_iso", lambda: SCANNED_AT)
    with mock_aws():
        store = FindingsStore(findings_table(), audit_table())
        populate(store)
        yield store


@pytest.fixture
def snapshot(store):
    return gather(store, BUCKET, PREFIX, generated_at=GENERATED_AT)


@pytest.fixture
def record(snapshot) -> dict:
    return governance_record(snapshot)
