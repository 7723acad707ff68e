"""Gathering a dataset from the findings table (moto): scope by prefix, findings cut down, audit in time order."""

from privscan_tools.reports import gather
from privscan_tools.reports.snapshot import FINDING_FIELDS

from tests.unit.reports.dataset import BUCKET, CHAT_KEY, CSV_KEY, GENERATED_AT, REVIEWER_1, REVIEWER_2


def test_gather_reads_the_objects_under_the_prefix_only(snapshot):
    assert [s["key"] for s in snapshot.summaries] == [
        CHAT_KEY,
        CSV_KEY,
        "datasets/crm/huge.csv.gz",
        "datasets/crm/logo.png",
        "datasets/crm/old.csv",
    ]  # not datasets/crm-archive/x.csv: the prefix ends with "/"
    assert (snapshot.bucket, snapshot.prefix, snapshot.generated_at) == (BUCKET, "datasets/crm/", GENERATED_AT)


def test_gather_keeps_report_fields_of_findings_and_no_fingerprints(snapshot):
    assert len(snapshot.findings) == 9  # 5 + 3 + the removed object's one (flagged)
    assert all(set(f) <= set(FINDING_FIELDS) for f in snapshot.findings)
    assert not any("fingerprint" in f or "occurrences" in f or "pk" in f for f in snapshot.findings)
    assert sorted(f["key"] for f in snapshot.findings if f.get("object_deleted")) == ["datasets/crm/old.csv"]
    reviewed = {f["review_status"]: f["reviewed_by"] for f in snapshot.findings if f["review_status"] != "open"}
    assert reviewed == {"confirmed": REVIEWER_1, "false_positive": REVIEWER_2, "remediated": REVIEWER_1}


def test_gather_orders_audit_entries_by_time_across_objects(snapshot):
    assert [(e["key"], e["to_status"], e["at"]) for e in snapshot.audit] == [
        (CSV_KEY, "false_positive", "2026-03-01T09:30:00+00:00"),
        (CSV_KEY, "confirmed", "2026-03-02T10:00:00+00:00"),
        (CHAT_KEY, "remediated", "2026-03-03T08:00:00+00:00"),
    ]
    assert "pk" not in snapshot.audit[0] and snapshot.audit[0]["suppression"] == {
        "field": "email",
        "entity_type": "EMAIL_ADDRESS",
    }


def test_audit_of_one_finding_and_of_an_object_without_reviews(store):
    entry = next(iter(store.audit_of(BUCKET, CSV_KEY)))
    assert [e["to_status"] for e in store.audit_of(BUCKET, CSV_KEY, entry["finding_id"])] == [entry["to_status"]]
    assert list(store.audit_of(BUCKET, "datasets/crm/logo.png")) == []
    assert list(store.audit_of(BUCKET, CSV_KEY, "no-such-finding")) == []


def test_gather_of_an_empty_prefix_is_empty(store):
    snapshot = gather(store, BUCKET, "datasets/none/", generated_at=GENERATED_AT)
    assert (snapshot.summaries, snapshot.findings, snapshot.audit) == ([], [], [])
